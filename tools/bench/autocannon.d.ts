// autocannon ships no types and @types/autocannon is not installed: the part bench/load.mjs
// uses, from autocannon 9's README ("API", "Results").
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface Options {
    url: string
    headers?: Record<string, string>
    connections?: number
    /** Seconds. */
    duration?: number
    /** Requests in all; overrides duration. */
    amount?: number
    pipelining?: number
    /** Requests per second from all connections together, at most. */
    overallRate?: number
    /** Requests each connection cycles through; `setupRequest` may rewrite each one. */
    requests?: {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>
    }[]
  }

  /** hdr-histogram-percentiles-obj: min, max, average, stddev, p2_5 … p99_999, total. */
  export interface Histogram {
    average: number
    min: number
    max: number
    p50: number
    p99: number
    total: number
  }

  export interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    latency: Histogram
    /** Per-second samples; `total` is the completed requests, `sent` the requests sent. */
    requests: Histogram & { sent: number }
    /** Bytes read per second; `total` is every byte read. */
    throughput: Histogram
  }

  /** An EventEmitter ('response': client, status, bytes, ms) that is also a promise. */
  export type Instance = EventEmitter & PromiseLike<Result>

  function autocannon(options: Options): Instance
  export default autocannon
}
