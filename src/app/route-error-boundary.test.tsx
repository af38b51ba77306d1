import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderRoutes } from '@/testing/render'
import { RouteErrorBoundary } from './route-error-boundary'

function Crash(): never {
  throw new Error('render exploded')
}

describe('RouteErrorBoundary', () => {
  it('turns a render crash into a recoverable screen, never a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderRoutes([{ path: '/', Component: Crash, ErrorBoundary: RouteErrorBoundary }], '/')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading', { name: 'Something went wrong' })).toBeVisible()
    expect(within(alert).getByText('render exploded')).toBeVisible()
    expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeVisible()
    expect(within(alert).getByRole('link', { name: 'Look up another pack' })).toHaveAttribute(
      'href',
      '/',
    )
  })
})
