import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { ErrorScreen } from '@/components/error-screen'

/** Last line of defence: a crash while rendering shows this, never a blank page. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error)

  return (
    <div className="px-4">
      <ErrorScreen
        title="Something went wrong"
        details={[{ label: 'Error', value: detail }]}
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
          Pack Explorer hit an unexpected problem while showing this page. Reloading usually fixes
          it; your link is kept.
        </p>
      </ErrorScreen>
    </div>
  )
}
