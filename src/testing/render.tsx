import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, Route, Routes, useLocation, type Location } from 'react-router'

/** A fresh QueryClient that does not retry, so failures show at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } })
}

export function renderWithProviders(ui: ReactNode, queryClient = createTestQueryClient()) {
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>)
}

/**
 * Renders `routes` at `path` in a memory router, as the app would. `location()` reads where
 * the app has navigated to.
 */
export function renderRoutes(
  routes: { path: string; element: ReactNode }[],
  path: string,
  queryClient = createTestQueryClient(),
) {
  let current: Location | undefined
  function LocationSpy() {
    current = useLocation()
    return null
  }
  const result = renderWithProviders(
    <MemoryRouter initialEntries={[path]}>
      <LocationSpy />
      <Routes>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
      </Routes>
    </MemoryRouter>,
    queryClient,
  )
  return { ...result, location: () => current! }
}

/**
 * Finds a paragraph by its whole text, when parts of it are elements of their own (a count
 * that keeps its width): `screen.getByText(wholeText('Showing 1 of 4 images'))`.
 */
export function wholeText(text: string) {
  return (_: string, element: Element | null) =>
    element?.tagName === 'P' && element.textContent === text
}
