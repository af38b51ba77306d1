// The proxy middleware end to end: a browser's request in, the upstream's answer out.
import { describe, expect, it } from 'vitest'
import { PACK_PATH, TOKEN, call, describeTheKeyCheck, h, useProxyHarness } from './test-harness.ts'

useProxyHarness()

describe('forwarding a request the route table allows', () => {
  it('sends the server key, drops the browser’s credentials and headers, relays the body as is', async () => {
    const payload = Buffer.from(
      '{ "ok":true,"code":200,  "message":"Pack retrieved","data":{"id":"é✓\\u0000"} }\n',
      'utf8',
    )
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/vnd.genviral+json; charset=utf-8',
        'content-length': String(payload.length),
        'set-cookie': 'session=upstream-session; HttpOnly',
        etag: '"v1"',
        'x-internal-debug': 'upstream-internals',
      })
      res.end(payload)
    }

    const response = await call(PACK_PATH, {
      headers: {
        authorization: 'Bearer browser-secret',
        cookie: 'sid=browser-cookie',
        'x-custom': 'browser-custom',
      },
    })

    // The browser's headers did reach the proxy...
    const atProxy = h.proxy.received.at(-1)
    expect(atProxy?.headers.authorization).toBe('Bearer browser-secret')
    expect(atProxy?.headers.cookie).toBe('sid=browser-cookie')
    // ...but the upstream only saw the server's key.
    expect(h.upstream.received).toHaveLength(1)
    const seen = h.upstream.received[0]!
    expect(seen.method).toBe('GET')
    expect(seen.url).toBe(PACK_PATH)
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(seen.headers.cookie).toBeUndefined()
    expect(seen.headers['x-custom']).toBeUndefined()
    expect(JSON.stringify(seen.headers)).not.toMatch(/browser-(secret|cookie|custom)/)

    expect(response.status).toBe(200)
    expect(response.bytes.equals(payload)).toBe(true)
    // A +json type is JSON, and sent as plain JSON.
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers.etag).toBe('"v1"')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.headers['x-internal-debug']).toBeUndefined()
    // Inert even when opened in a tab.
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    )
    // Another site cannot load it as a script, an image or the like.
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin')
  })

  it('forwards HEAD as HEAD', async () => {
    const response = await call(PACK_PATH, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.bytes).toHaveLength(0)
    expect(h.upstream.received.map((r) => r.method)).toEqual(['HEAD'])
    expect(h.upstream.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('stops waiting for the upstream when the client goes away', async () => {
    let upstreamClosed!: () => void
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve))
    h.upstreamHandler = (_req, res) => res.on('close', () => upstreamClosed())
    const controller = new AbortController()
    const pending = fetch(h.proxy.url + PACK_PATH, { signal: controller.signal })
    await expect.poll(() => h.upstream.received.length).toBe(1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    await closed
  })
})

describeTheKeyCheck()
