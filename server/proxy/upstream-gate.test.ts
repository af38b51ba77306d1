// At most a configured number of upstream answers at once: the rest wait in a bounded
// queue, then get 503 proxy_busy with Retry-After.
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_CONCURRENT_UPSTREAM, DEFAULT_MAX_QUEUED_UPSTREAM } from './proxy.ts'
import {
  PACK_PATH,
  call,
  describeTheKeyCheck,
  expectEnvelope,
  extraProxy,
  h,
  json,
  okBody,
  type TestServer,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

/** An upstream that holds every answer until `release`, counting how many it held at once. */
function slowUpstream() {
  const held: ServerResponse[] = []
  const state = { inFlight: 0, most: 0 }
  h.upstreamHandler = (_req, res) => {
    state.inFlight += 1
    state.most = Math.max(state.most, state.inFlight)
    res.on('close', () => (state.inFlight -= 1))
    held.push(res)
  }
  return {
    state,
    held,
    release: () => {
      for (const res of held.splice(0)) json(res, 200, okBody())
    },
  }
}

async function burst(count: number, base: TestServer) {
  return Promise.all(Array.from({ length: count }, () => call(PACK_PATH, {}, base)))
}

describe('the upstream gate', () => {
  it('with the defaults: N at once, a queue behind, 503 proxy_busy for one more', async () => {
    const upstream = slowUpstream()
    const max = DEFAULT_MAX_CONCURRENT_UPSTREAM
    const queued = DEFAULT_MAX_QUEUED_UPSTREAM
    const before = h.proxy.received.length
    const answers = burst(max + queued + 1, h.proxy)
    // All of them at the proxy, N of them at the upstream: the last one is already refused.
    await expect.poll(() => h.proxy.received.length - before).toBe(max + queued + 1)
    await expect.poll(() => upstream.held.length).toBe(max)
    // Then the answers drip out: each one lets the next in line go.
    const dripping = setInterval(upstream.release, 20)
    try {
      const responses = await answers
      expect(responses.filter((response) => response.status === 200)).toHaveLength(max + queued)
      const busy = responses.filter((response) => response.status === 503)
      expect(busy).toHaveLength(1)
      expectEnvelope(busy[0]!, 503, 'proxy_busy')
      expect(busy[0]!.headers['retry-after']).toBe('1')
    } finally {
      clearInterval(dripping)
    }
    expect(upstream.state.most).toBe(max)
    expect(h.upstream.received).toHaveLength(max + queued)
  })

  it('refuses at once beyond the queue, and sends the queued ones as places free up', async () => {
    const upstream = slowUpstream()
    const proxy = await extraProxy({ maxConcurrentUpstream: 2, maxQueuedUpstream: 3 })
    const answers = burst(5, proxy)
    await expect.poll(() => proxy.received.length).toBe(5)
    await expect.poll(() => upstream.held.length).toBe(2)
    // A sixth is refused while the first two are still held.
    expectEnvelope(await call(PACK_PATH, {}, proxy), 503, 'proxy_busy')
    expect(upstream.held).toHaveLength(2)
    const dripping = setInterval(upstream.release, 20)
    try {
      expect((await answers).map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    } finally {
      clearInterval(dripping)
    }
    expect(upstream.state.most).toBe(2)
  })

  it('refuses a queued request after the wait, with Retry-After: 1', async () => {
    const upstream = slowUpstream()
    const proxy = await extraProxy({
      maxConcurrentUpstream: 1,
      maxQueuedUpstream: 1,
      queueWaitMs: 200,
    })
    const held = call(PACK_PATH, {}, proxy)
    await expect.poll(() => upstream.held.length).toBe(1)
    const started = Date.now()
    const waited = await call(PACK_PATH, {}, proxy)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expectEnvelope(waited, 503, 'proxy_busy')
    expect(waited.headers['retry-after']).toBe('1')
    upstream.release()
    expect((await held).status).toBe(200)
    expect(h.upstream.received).toHaveLength(1)
  })

  it('gives a place back when the answer fails or the browser goes away', async () => {
    const proxy = await extraProxy({ maxConcurrentUpstream: 1, maxQueuedUpstream: 1 })
    // An error answer frees its place.
    h.upstreamHandler = (_req, res) => json(res, 500, { ok: false, code: 500, message: 'x' })
    for (let i = 0; i < 3; i += 1) expect((await call(PACK_PATH, {}, proxy)).status).toBe(500)
    // A browser that leaves while its answer is held, and one that leaves while queued.
    const upstream = slowUpstream()
    const holding = new AbortController()
    const queued = new AbortController()
    const pending = [
      fetch(proxy.url + PACK_PATH, { signal: holding.signal }),
      fetch(proxy.url + PACK_PATH, { signal: queued.signal }),
    ].map((request) => request.catch(() => 'aborted'))
    await expect.poll(() => upstream.held.length).toBe(1)
    await expect.poll(() => proxy.received.length).toBe(5)
    queued.abort()
    // Time for the proxy to see it go, before the place it waits for is freed.
    await new Promise((resolve) => setTimeout(resolve, 100))
    holding.abort()
    expect(await Promise.all(pending)).toEqual(['aborted', 'aborted'])
    await expect.poll(() => upstream.state.inFlight).toBe(0)
    // The one that left the queue was never sent.
    expect(h.upstream.received).toHaveLength(4)
    upstream.held.splice(0)
    // Both places are free again: one at the upstream, one in the queue.
    const next = burst(2, proxy)
    await expect.poll(() => proxy.received.length).toBe(7)
    await expect.poll(() => upstream.held.length).toBe(1)
    upstream.release()
    await expect.poll(() => upstream.held.length).toBe(1)
    upstream.release()
    expect((await next).map((response) => response.status)).toEqual([200, 200])
  })
})

describeTheKeyCheck()
