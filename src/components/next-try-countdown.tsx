import { Countdown } from './countdown'

const waiting = (seconds: string) => `Trying again in ${seconds} s…`

/** "Trying again in 3 s…", then "Trying again now…": the next automatic try of a request. */
export function NextTryCountdown({ at }: { at: number }) {
  return <Countdown at={at} waiting={waiting} done="Trying again now…" />
}
