import type { ServerResponse } from 'node:http'

export interface UpstreamGateOptions {
  /** Requests in flight to the upstream at once: each may hold a whole answer in memory. */
  maxActive: number
  /** Requests waiting for one of those places; any more are refused at once. */
  maxQueued: number
  /** How long one waits before it is refused. */
  maxWaitMs: number
}

/**
 * Bounds the upstream answers held in memory: a request takes a place before it is sent
 * and gives it back when its response is over (sent or cut off), so a slow reader keeps
 * its place until the answer has left. `enter` is false when no place came in time, or the
 * browser went away while waiting.
 */
export function createUpstreamGate(options: UpstreamGateOptions) {
  let active = 0
  const queue: Array<() => void> = []

  const leave = () => {
    const next = queue.shift()
    // The place goes to the next in line as it is; only with nobody waiting is it freed.
    if (next) next()
    else active -= 1
  }
  const hold = (res: ServerResponse) => {
    res.once('close', leave)
    return true
  }

  return {
    enter(res: ServerResponse): Promise<boolean> {
      if (res.destroyed) return Promise.resolve(false)
      if (active < options.maxActive) {
        active += 1
        return Promise.resolve(hold(res))
      }
      if (queue.length >= options.maxQueued) return Promise.resolve(false)
      return new Promise((resolve) => {
        const giveUp = () => {
          queue.splice(queue.indexOf(admit), 1)
          clearTimeout(timer)
          res.off('close', giveUp)
          resolve(false)
        }
        const admit = () => {
          clearTimeout(timer)
          res.off('close', giveUp)
          resolve(hold(res))
        }
        const timer = setTimeout(giveUp, options.maxWaitMs)
        res.once('close', giveUp)
        queue.push(admit)
      })
    },
  }
}
