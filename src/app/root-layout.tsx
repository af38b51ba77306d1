import { useQuery } from '@tanstack/react-query'
import { FlaskConical } from 'lucide-react'
import { Suspense, useLayoutEffect } from 'react'
import { Link, Outlet, useLocation, useNavigationType } from 'react-router'
import { appConfigQuery } from './app-config'
import { RouteErrorBoundary } from './route-error-boundary'

export function RootLayout() {
  const { data: config } = useQuery(appConfigQuery)
  const page = useScrollToTopOnNewPage()
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 print:hidden"
      >
        Skip to content
      </a>
      {/* Printed pages are the page's content only: no navigation, no demo note. */}
      <header className="border-b border-slate-200 bg-white print:hidden">
        {/* A fixed height: the demo note arrives with /app-config.json and must move nothing. */}
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-3 px-4 sm:px-6">
          <Link to="/" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900">
            <img src="/favicon.svg" alt="" width={28} height={28} className="size-7" />
            Pack Explorer
          </Link>
          {config?.demo && (
            <p
              role="note"
              className="flex min-w-0 items-center gap-1.5 rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-950"
            >
              <FlaskConical aria-hidden="true" className="size-4 shrink-0" />
              <span className="truncate">
                <strong className="font-semibold">Demo data</strong>
                <span className="hidden lg:inline">
                  : sample packs from the built-in demo API. Set{' '}
                  <code className="font-mono">GENVIRAL_API_TOKEN</code> on the server to see your
                  own.
                </span>
              </span>
            </p>
          )}
        </div>
      </header>
      <main
        id="main"
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 print:max-w-none print:p-0"
      >
        {/* Keeps the header and demo note on screen when a page crashes. */}
        <RouteErrorBoundary resetKey={page}>
          <Suspense>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  )
}

/**
 * A link to another page starts at its top; back and forward leave the scroll position to
 * the browser. Opening or closing an image dialog is not a new page.
 */
function useScrollToTopOnNewPage() {
  const page = useLocation().pathname.replace(/\/images\/[^/]*$/, '')
  const navigationType = useNavigationType()
  useLayoutEffect(() => {
    if (navigationType !== 'POP') window.scrollTo(0, 0)
    // Only a change of page scrolls, not a change of navigation type alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page])
  return page
}
