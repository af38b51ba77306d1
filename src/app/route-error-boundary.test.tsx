import { render, screen, within } from '@testing-library/react'
import { lazy, Suspense } from 'react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { renderRoutes } from '@/testing/render'
import { RouteErrorBoundary } from './route-error-boundary'

function Crash(): never {
  throw new Error('render exploded')
}

describe('RouteErrorBoundary', () => {
  it('turns a render crash into a recoverable screen, never a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderRoutes(
      [
        {
          path: '/',
          element: (
            <RouteErrorBoundary>
              <Crash />
            </RouteErrorBoundary>
          ),
        },
      ],
      '/',
    )
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading', { name: 'Something went wrong' })).toBeVisible()
    expect(within(alert).getByText('render exploded')).toBeVisible()
    expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible()
    expect(within(alert).getByRole('link', { name: 'Look up another pack' })).toHaveAttribute(
      'href',
      '/',
    )
  })

  it('says so when a page could not be downloaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const Page = lazy(() =>
      Promise.reject(
        new TypeError('Failed to fetch dynamically imported module: /assets/pack-route-x.js'),
      ),
    )
    renderRoutes(
      [
        {
          path: '/',
          element: (
            <RouteErrorBoundary>
              <Suspense>
                <Page />
              </Suspense>
            </RouteErrorBoundary>
          ),
        },
      ],
      '/',
    )
    const alert = await screen.findByRole('alert')
    expect(
      within(alert).getByRole('heading', { name: 'This page could not be loaded' }),
    ).toBeVisible()
    expect(alert).toHaveTextContent(/Check your connection, then reload/)
    expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible()
  })

  it('clears the crash when its reset key changes, e.g. on navigation', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let crash = true
    function MaybeCrash() {
      if (crash) throw new Error('render exploded')
      return <p>page is back</p>
    }
    const at = (resetKey: string) => (
      <MemoryRouter>
        <RouteErrorBoundary resetKey={resetKey}>
          <MaybeCrash />
        </RouteErrorBoundary>
      </MemoryRouter>
    )
    const { rerender } = render(at('/a'))
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible()
    crash = false
    rerender(at('/a'))
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible()
    rerender(at('/b'))
    expect(screen.getByText('page is back')).toBeVisible()
  })
})
