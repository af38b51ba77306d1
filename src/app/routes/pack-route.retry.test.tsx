import { act, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOCUMENTED_ERRORS } from '@contract/partner-api/errors'
import { createQueryClient } from '@/app/query-client'
import { packUrl, server, setupMsw } from '@/testing/msw'
import { renderRoutes } from '@/testing/render'
import { PackPage } from './pack-route'
// The route loads its error screen lazily: loaded here already, the fake clock need not wait
// for the module (which it cannot advance).
import '@/components/api-error-screen'

setupMsw()

const PACK_ID = '00000000-0000-4000-8000-000000000429'

/** Answers every try with 429 and `Retry-After: 3`; `hold(n)` keeps the n-th try waiting. */
function rateLimited() {
  const held = new Map<number, () => void>()
  const waiting = new Map<number, Promise<void>>()
  let tries = 0
  server.use(
    http.get(packUrl(PACK_ID), async () => {
      tries++
      await waiting.get(tries)
      return HttpResponse.json(DOCUMENTED_ERRORS[429], {
        status: 429,
        headers: { 'retry-after': '3' },
      })
    }),
  )
  return {
    tries: () => tries,
    hold: (n: number) => waiting.set(n, new Promise((resolve) => held.set(n, resolve))),
    release: (n: number) => held.get(n)!(),
  }
}

/** Lets the fake clock run, with React's updates and the requests' promises in between. */
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms))

/** What the countdown shows; screen readers get the other, steadier, copy. */
const shown = (status: HTMLElement) =>
  [...status.querySelectorAll('[aria-hidden="true"]')].map((el) => el.textContent).join('')
const spoken = (status: HTMLElement) =>
  [...status.querySelectorAll('.sr-only')].map((el) => el.textContent).join('')

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
})
afterEach(() => vi.useRealTimers())

describe('pack route, while a 429 is retried', () => {
  it('counts down to each next try from Retry-After, then to when Retry can help', async () => {
    const api = rateLimited()
    api.hold(2)
    renderRoutes(
      [{ path: '/packs/:packId', element: <PackPage /> }],
      `/packs/${PACK_ID}`,
      createQueryClient(),
    )
    await elapse(0)
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent(/^Loading pack… still trying \(attempt 2 of 3\)\./)
    expect(shown(status)).toBe('Trying again in 3 s…')
    expect(spoken(status)).toBe('Trying again in 3 s…')

    await elapse(1000)
    expect(shown(status)).toBe('Trying again in 2 s…')
    // Not read out every second.
    expect(spoken(status)).toBe('Trying again in 3 s…')
    await elapse(1000)
    expect(shown(status)).toBe('Trying again in 1 s…')
    expect(api.tries()).toBe(1)

    await elapse(1000)
    expect(api.tries()).toBe(2)
    expect(shown(status)).toBe('Trying again now…')
    expect(spoken(status)).toBe('Trying again now…')

    api.release(2)
    await elapse(0)
    expect(screen.getByRole('status')).toHaveTextContent(/attempt 3 of 3/)
    expect(shown(screen.getByRole('status'))).toBe('Trying again in 3 s…')

    await elapse(3000)
    expect(api.tries()).toBe(3)
    // Its answer takes a few turns of the event loop through MSW.
    for (let i = 0; i < 10 && !screen.queryByRole('alert'); i++) await elapse(1)
    const alert = screen.getByRole('alert')
    expect(within(alert).getByRole('heading', { name: 'Too many requests' })).toBeVisible()
    // No automatic try is left: the screen says when a retry can get another answer.
    const retryStatus = within(alert).getByRole('status')
    expect(shown(retryStatus)).toMatch(/^Genviral asked to wait: you can retry in 3 s…$/)
    for (let s = 0; s < 3; s++) await elapse(1000)
    expect(shown(retryStatus)).toBe('You can retry now.')
    expect(spoken(retryStatus)).toBe('You can retry now.')

    act(() => within(alert).getByRole('button', { name: 'Retry' }).click())
    await elapse(0)
    expect(api.tries()).toBe(4)
    const again = screen.getByRole('status')
    expect(again).toHaveTextContent(/^Loading pack… still trying \(attempt 2 of 3\)\./)
    expect(shown(again)).toBe('Trying again in 3 s…')
    await elapse(1000)
    await elapse(1000)
    expect(shown(again)).toBe('Trying again in 1 s…')
  })
})
