import { Component, type ReactNode } from 'react'
import { Link } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { ErrorScreen } from '@/components/error-screen'

type Props = {
  children: ReactNode
  /** The boundary clears its error when this changes, e.g. on navigation. */
  resetKey?: unknown
}
type State = { crash: { error: unknown } | null; resetKey: unknown }

/**
 * Last line of defence: a crash while rendering (or a page chunk that fails to load) shows
 * this, never a blank page.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  state: State = { crash: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { crash: { error } }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { crash: null, resetKey: props.resetKey }
  }

  render() {
    return this.state.crash ? <CrashScreen error={this.state.crash.error} /> : this.props.children
  }
}

/** A page's code that could not be downloaded (offline, or replaced by a new deploy). */
const isChunkLoadError = (error: unknown) =>
  error instanceof TypeError &&
  /dynamically imported module|module script failed/i.test(error.message)

function CrashScreen({ error }: { error: unknown }) {
  const chunk = isChunkLoadError(error)
  return (
    <div className="px-4">
      <ErrorScreen
        title={chunk ? 'This page could not be loaded' : 'Something went wrong'}
        details={[
          { label: 'Error', value: error instanceof Error ? error.message : String(error) },
        ]}
        actions={
          <>
            <button
              type="button"
              className={buttonStyles.primary}
              onClick={() => window.location.reload()}
            >
              Reload page
            </button>
            <Link to="/" reloadDocument className={buttonStyles.secondary}>
              Look up another pack
            </Link>
          </>
        }
      >
        <p>
          {chunk
            ? 'Part of Pack Explorer could not be downloaded: the connection may have dropped, or a new version was just deployed. Check your connection, then reload; your link is kept.'
            : 'Pack Explorer hit an unexpected problem while showing this page. Reloading usually fixes it; your link is kept.'}
        </p>
      </ErrorScreen>
    </div>
  )
}
