import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api-error'
import { ApiErrorScreen } from './api-error-screen'

const PACK_ID = '00000000-0000-4000-8000-000000004030'

const http = (status: number, errorCode: string | null, message = 'Refused') =>
  new ApiError({ kind: 'http', status, errorCode, hasEnvelope: errorCode !== null, message })

function renderScreen(error: unknown, packId: string | null = PACK_ID) {
  render(
    <MemoryRouter>
      <ApiErrorScreen
        error={error}
        subject={packId === null ? 'pack-list' : 'pack'}
        packId={packId ?? undefined}
        onRetry={() => {}}
      />
    </MemoryRouter>,
  )
  return screen.getByRole('alert')
}

afterEach(() => vi.useRealTimers())

describe('ApiErrorScreen', () => {
  it('offers a 403 forbidden’s details to copy for an admin instead of plans', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T11:20:05.000Z'), toFake: ['Date'] })
    const user = userEvent.setup()
    const alert = renderScreen(http(403, 'forbidden', 'This key cannot read this pack'))
    expect(within(alert).queryByRole('link', { name: /See Genviral plans/ })).toBeNull()
    const copy = within(alert).getByRole('button', { name: 'Copy details for your admin' })
    expect(copy.className).toMatch(/bg-indigo-700/)
    await user.click(copy)
    expect(copy).toHaveTextContent('Copied')
    const copied = await navigator.clipboard.readText()
    expect(copied.split('\n')).toEqual([
      'Pack Explorer: Access denied',
      `Requested: pack ${PACK_ID}`,
      `Page: ${window.location.href}`,
      'HTTP status: 403',
      'Error code: forbidden',
      'API message: This key cannot read this pack',
      'Time: 2026-12-01T11:20:05.000Z',
    ])
  })

  it('names the pack list when the list was refused', async () => {
    const user = userEvent.setup()
    const alert = renderScreen(http(403, 'forbidden'), null)
    await user.click(within(alert).getByRole('button', { name: 'Copy details for your admin' }))
    expect(await navigator.clipboard.readText()).toContain('Requested: the pack list\n')
  })

  it.each([
    [402, 'subscription_required'],
    [403, 'tier_not_allowed'],
  ])('keeps the plans link for %i %s', (status, code) => {
    const alert = renderScreen(http(status, code))
    expect(within(alert).getByRole('link', { name: /See Genviral plans/ })).toBeVisible()
    expect(within(alert).queryByRole('button', { name: /Copy details/ })).toBeNull()
  })

  it('says when a retry can help after the server asked to wait', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const error = new ApiError({
      kind: 'http',
      status: 429,
      errorCode: 'rate_limited',
      hasEnvelope: true,
      message: 'Too many requests',
      retryAfterSeconds: 2,
    })
    const status = within(renderScreen(error)).getByRole('status')
    expect(status).toHaveTextContent('Genviral asked to wait: you can retry in 2 s…')
    act(() => vi.advanceTimersByTime(1000))
    expect(status).toHaveTextContent('Genviral asked to wait: you can retry in 1 s…')
    act(() => vi.advanceTimersByTime(1000))
    expect(status).toHaveTextContent(/^You can retry now\.You can retry now\.$/)
  })

  it('says nothing of waiting when the server did not ask for it', () => {
    expect(within(renderScreen(http(500, 'pack_get_failed'))).queryByRole('status')).toBeNull()
  })

  it('says in words that there was no error code', () => {
    const alert = renderScreen(http(503, null, 'HTTP 503 Service Unavailable'))
    const values = within(alert)
      .getAllByRole('definition')
      .map((dd) => dd.textContent)
    expect(values).toEqual(['HTTP 503 Service Unavailable', 'The API sent no error code.', '503'])
    expect(alert).not.toHaveTextContent(/\bnone\b/)
  })
})
