import { useEffect, useState } from 'react'

/**
 * Counts down each second to `at` ("… in 3 s…"), then says `done`. A screen reader hears the
 * first figure and the end, not every second: the ticking text is hidden from it, and what
 * it reads changes only when the wait is over. Goes inside a live region (`role="status"`)
 * that was on the page before the countdown started.
 */
export function Countdown({
  at,
  waiting,
  done,
}: {
  at: number
  /** The text while waiting, given the whole seconds left, formatted. */
  waiting: (seconds: string) => string
  done: string
}) {
  // Keyed by the time, so that a new wait starts from a fresh clock.
  return <Ticking key={at} at={at} waiting={waiting} done={done} />
}

function Ticking({ at, waiting, done }: Parameters<typeof Countdown>[0]) {
  const now = useClockUntil(at)
  const [firstSeconds] = useState(() => secondsLeft(at, now))
  const seconds = secondsLeft(at, now)
  const text = (s: number) => (s > 0 ? waiting(s.toLocaleString()) : done)
  return (
    <>
      <span aria-hidden="true">{text(seconds)}</span>
      <span className="sr-only">{text(seconds > 0 ? firstSeconds : 0)}</span>
    </>
  )
}

const secondsLeft = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000))

/** The time, updated whenever the whole seconds left until `until` change, and no more. */
function useClockUntil(until: number): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    if (now >= until) return
    // From the clock, not from `now`: a timer can fire late (a throttled tab), and the next
    // tick must still come when the figure changes.
    const left = until - Date.now()
    const timer = window.setTimeout(() => setNow(Date.now()), left <= 0 ? 0 : left % 1000 || 1000)
    return () => window.clearTimeout(timer)
  }, [now, until])
  return now
}
