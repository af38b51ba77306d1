import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { server, setupMsw } from '@/testing/msw'
import { apiGet, apiSend } from './api-client'
import { ApiError } from './api-error'
import { apiFailure } from '@/testing/api-failure'

setupMsw()

const schema = z.object({ id: z.string() })
const URL_PATH = 'http://localhost/api/partner/v1/packs/x'

describe('apiGet', () => {
  it('returns the validated data of a success envelope', async () => {
    server.use(
      http.get(URL_PATH, () =>
        HttpResponse.json({ ok: true, code: 200, message: 'ok', data: { id: 'p', extra: 1 } }),
      ),
    )
    await expect(apiGet(URL_PATH, schema)).resolves.toEqual({ id: 'p' })
  })

  it('turns an error envelope into a typed ApiError', async () => {
    server.use(
      http.get(URL_PATH, () =>
        HttpResponse.json(
          {
            ok: false,
            code: 402,
            message: 'Subscription required',
            error_code: 'subscription_required',
          },
          { status: 402 },
        ),
      ),
    )
    const error = await apiFailure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({
      kind: 'http',
      status: 402,
      errorCode: 'subscription_required',
      message: 'Subscription required',
      hasEnvelope: true,
    })
  })

  it('follows the HTTP status when the error body is not an envelope', async () => {
    server.use(
      http.get(
        URL_PATH,
        () =>
          new HttpResponse('<h1>Bad gateway</h1>', {
            status: 503,
            headers: { 'retry-after': '2' },
          }),
      ),
    )
    const error = await apiFailure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({
      kind: 'http',
      status: 503,
      hasEnvelope: false,
      errorCode: null,
      retryAfterSeconds: 2,
    })
  })

  it('rejects a 2xx body that is not JSON', async () => {
    server.use(http.get(URL_PATH, () => HttpResponse.text('<html>login</html>')))
    const error = await apiFailure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 })
    expect(error.message).toMatch(/not JSON/)
  })

  it('names the field that breaks the contract', async () => {
    server.use(http.get(URL_PATH, () => HttpResponse.json({ ok: true, data: { id: 7 } })))
    const error = await apiFailure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({ kind: 'invalid-response', issuePath: 'data.id' })
    expect(error.message).toContain('data.id')
    expect(error.message).toContain('expected string')
  })

  it('reports a network failure', async () => {
    server.use(http.get(URL_PATH, () => HttpResponse.error()))
    const error = await apiFailure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({ kind: 'network', status: 0 })
  })

  it("passes the caller's abort through untouched", async () => {
    server.use(http.get(URL_PATH, () => new Promise<never>(() => {})))
    const controller = new AbortController()
    const promise = apiGet(URL_PATH, schema, { signal: controller.signal })
    controller.abort()
    const error = await promise.catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(ApiError)
    expect((error as Error).name).toBe('AbortError')
  })
})

describe('apiSend', () => {
  it('sends the body as JSON and returns the validated data', async () => {
    let received: { method: string; type: string | null; body: unknown } | null = null
    server.use(
      http.post(URL_PATH, async ({ request }) => {
        received = {
          method: request.method,
          type: request.headers.get('content-type'),
          body: await request.json(),
        }
        return HttpResponse.json({ ok: true, code: 201, message: 'ok', data: { id: 'new' } })
      }),
    )
    await expect(apiSend('POST', URL_PATH, { name: 'x', tags: [1] }, schema)).resolves.toEqual({
      id: 'new',
    })
    expect(received).toEqual({
      method: 'POST',
      type: 'application/json',
      body: { name: 'x', tags: [1] },
    })
  })

  it.each(['PUT', 'PATCH', 'DELETE'] as const)(
    'sends %s with the method asked for',
    async (method) => {
      let seen = ''
      server.use(
        http.all(URL_PATH, ({ request }) => {
          seen = request.method
          return HttpResponse.json({ ok: true, data: { id: 'p' } })
        }),
      )
      await apiSend(method, URL_PATH, {}, schema)
      expect(seen).toBe(method)
    },
  )

  it('turns an error envelope into the same ApiError as apiGet', async () => {
    server.use(
      http.post(URL_PATH, () =>
        HttpResponse.json(
          { ok: false, code: 429, message: 'Slow down', error_code: 'rate_limited' },
          { status: 429, headers: { 'retry-after': '3' } },
        ),
      ),
    )
    const error = await apiFailure(apiSend('POST', URL_PATH, {}, schema))
    expect(error).toMatchObject({
      kind: 'http',
      status: 429,
      message: 'Slow down',
      errorCode: 'rate_limited',
      hasEnvelope: true,
      retryAfterSeconds: 3,
    })
  })

  it('names the field that breaks the contract', async () => {
    server.use(http.post(URL_PATH, () => HttpResponse.json({ ok: true, data: { id: 7 } })))
    const error = await apiFailure(apiSend('POST', URL_PATH, {}, schema))
    expect(error).toMatchObject({ kind: 'invalid-response', issuePath: 'data.id' })
  })

  it('reports a network failure, and sends once', async () => {
    let requests = 0
    server.use(
      http.post(URL_PATH, () => {
        requests++
        return HttpResponse.error()
      }),
    )
    const error = await apiFailure(apiSend('POST', URL_PATH, {}, schema))
    expect(error).toMatchObject({ kind: 'network', status: 0 })
    expect(requests).toBe(1)
  })
})
