import { act, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NextTryCountdown } from './next-try-countdown'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => vi.useRealTimers())

function renderCountdown(at: number) {
  const { container, rerender } = render(
    <p role="status">
      <NextTryCountdown at={at} />
    </p>,
  )
  return {
    shown: () => container.querySelector('[aria-hidden="true"]')!.textContent,
    spoken: () => container.querySelector('.sr-only')!.textContent,
    restart: (next: number) =>
      rerender(
        <p role="status">
          <NextTryCountdown at={next} />
        </p>,
      ),
  }
}

describe('NextTryCountdown', () => {
  it('ticks each whole second down to "now", and is read out at the start and the end', () => {
    const countdown = renderCountdown(Date.now() + 2_500)
    expect(countdown.shown()).toBe('Trying again in 3 s…')
    expect(countdown.spoken()).toBe('Trying again in 3 s…')
    act(() => vi.advanceTimersByTime(499))
    expect(countdown.shown()).toBe('Trying again in 3 s…')
    act(() => vi.advanceTimersByTime(1))
    expect(countdown.shown()).toBe('Trying again in 2 s…')
    act(() => vi.advanceTimersByTime(1_000))
    expect(countdown.shown()).toBe('Trying again in 1 s…')
    expect(countdown.spoken()).toBe('Trying again in 3 s…')
    act(() => vi.advanceTimersByTime(1_000))
    expect(countdown.shown()).toBe('Trying again now…')
    expect(countdown.spoken()).toBe('Trying again now…')
    // Nothing left to count: no timer keeps running.
    expect(vi.getTimerCount()).toBe(0)
  })

  it('starts again from the new time when the next wait begins', () => {
    const countdown = renderCountdown(Date.now() + 1_000)
    act(() => vi.advanceTimersByTime(1_000))
    expect(countdown.shown()).toBe('Trying again now…')
    countdown.restart(Date.now() + 5_000)
    expect(countdown.shown()).toBe('Trying again in 5 s…')
    expect(countdown.spoken()).toBe('Trying again in 5 s…')
  })

  it('says "now" at once for a time already past', () => {
    expect(renderCountdown(Date.now() - 10).shown()).toBe('Trying again now…')
  })
})
