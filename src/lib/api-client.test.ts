import { http, HttpResponse } from 'msw'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { server, setupMsw } from '@/testing/msw'
import { apiGet } from './api-client'
import { ApiError } from './api-error'

setupMsw()

const schema = z.object({ id: z.string() })
const URL_PATH = 'http://localhost/api/partner/v1/packs/x'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

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
    const error = await failure(apiGet(URL_PATH, schema))
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
    const error = await failure(apiGet(URL_PATH, schema))
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
    const error = await failure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 })
    expect(error.message).toMatch(/not JSON/)
  })

  it('names the field that breaks the contract', async () => {
    server.use(http.get(URL_PATH, () => HttpResponse.json({ ok: true, data: { id: 7 } })))
    const error = await failure(apiGet(URL_PATH, schema))
    expect(error).toMatchObject({ kind: 'invalid-response', issuePath: 'data.id' })
    expect(error.message).toContain('data.id')
    expect(error.message).toContain('expected string')
  })

  it('reports a network failure', async () => {
    server.use(http.get(URL_PATH, () => HttpResponse.error()))
    const error = await failure(apiGet(URL_PATH, schema))
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

  describe('with the request public/early-pack-request.js started from index.html', () => {
    const PACK = '11111111-2222-4333-8444-555555555555'
    const PATH = `/api/partner/v1/packs/${PACK}`
    const script = readFileSync(join(process.cwd(), 'public/early-pack-request.js'), 'utf8')
    /** Opens `pathname` and runs the script as index.html would. */
    const openPage = (pathname: string) => {
      window.history.replaceState(null, '', pathname)
      window.eval(script)
    }
    afterEach(() => {
      delete window.packExplorerEarlyRequest
      window.history.replaceState(null, '', '/')
    })

    it('takes that request instead of sending another, once', async () => {
      let requests = 0
      server.use(
        http.get(PATH, () => {
          requests++
          return HttpResponse.json({
            ok: true,
            code: 200,
            message: 'ok',
            data: { id: `p${requests}` },
          })
        }),
      )
      openPage(`/packs/${PACK.toUpperCase()}/images/abc?status=error`)
      expect(window.packExplorerEarlyRequest?.path).toBe(PATH)
      await expect(apiGet(PATH, schema)).resolves.toEqual({ id: 'p1' })
      expect(requests).toBe(1)
      // The next call (a retry, a refresh) asks again.
      await expect(apiGet(PATH, schema)).resolves.toEqual({ id: 'p2' })
      expect(requests).toBe(2)
    })

    it('starts nothing on other pages', () => {
      for (const pathname of ['/', '/packs/not-a-uuid', `/packs/${PACK}x`, `/other/${PACK}`]) {
        openPage(pathname)
        expect(window.packExplorerEarlyRequest, pathname).toBeUndefined()
      }
    })

    it('maps a failed early request like any other', async () => {
      server.use(http.get(PATH, () => HttpResponse.error()))
      openPage(`/packs/${PACK}`)
      const error = await failure(apiGet(PATH, schema))
      expect(error.kind).toBe('network')
    })

    it('keeps the status, headers and body of an error answer', async () => {
      server.use(
        http.get(PATH, () =>
          HttpResponse.json(
            { ok: false, code: 429, message: 'Slow down', error_code: 'rate_limited' },
            { status: 429, headers: { 'retry-after': '7' } },
          ),
        ),
      )
      openPage(`/packs/${PACK}`)
      const error = await failure(apiGet(PATH, schema))
      expect(error).toMatchObject({
        status: 429,
        message: 'Slow down',
        errorCode: 'rate_limited',
        retryAfterSeconds: 7,
      })
    })
  })
})
