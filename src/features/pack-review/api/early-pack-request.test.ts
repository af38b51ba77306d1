import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod/mini'
import { apiGet } from '@/lib/api-client'
import { server, setupMsw } from '@/testing/msw'
import { isPackId, packPath } from '@contract/partner-api/paths'
import { takeEarlyRequest } from './early-pack-request'
import { apiFailure } from '@/testing/api-failure'

setupMsw()

const script = readFileSync(join(process.cwd(), 'public/early-pack-request.js'), 'utf8')
const schema = z.object({ id: z.string() })
const PACK = '11111111-2222-4333-8444-555555555555'
const PATH = packPath(PACK)

/** Gets `path` as the pack page does: with the early request, if there is one for it. */
const getPack = (path: string) => apiGet(path, schema, { sent: takeEarlyRequest(path) })

describe('public/early-pack-request.js, for any address', () => {
  /** Runs the script as index.html would at `pathname`; returns the paths it fetched. */
  function runScript(pathname: string) {
    const fetched: string[] = []
    const page: Record<string, unknown> = {
      location: { pathname },
      AbortSignal: { timeout: () => ({}) },
      fetch: (path: string) => {
        fetched.push(path)
        return new Promise(() => {})
      },
    }
    page.window = page
    runInNewContext(script, page)
    const early = page.packExplorerEarlyRequest as { path: string } | undefined
    return { fetched, path: early?.path }
  }

  /**
   * What the pack page asks for at `pathname`: the route `packs/:packId` (matched regardless
   * of case, as React Router does) with an ID that the contract accepts, in lower case.
   */
  function appRequest(pathname: string): string | undefined {
    const packId = /^\/packs\/([^/]*)(?:\/|$)/i.exec(pathname)?.[1]
    return packId !== undefined && isPackId(packId) ? packPath(packId.toLowerCase()) : undefined
  }

  const hex = fc.constantFrom(...'0123456789abcdefABCDEFgG-'.split(''))
  const uuidLike = fc
    .tuple(
      ...[8, 4, 4, 4, 12].map((n) => fc.string({ unit: hex, minLength: n - 1, maxLength: n + 1 })),
    )
    .map((parts) => parts.join('-'))
  // A UUID in any mix of cases.
  const uuid = fc
    .tuple(fc.uuid(), fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }))
    .map(([id, upper]) => [...id].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''))
  const segment = fc.oneof({ weight: 3, arbitrary: uuid }, uuidLike, fc.string(), fc.webSegment())
  const tail = fc.oneof(
    fc.constant(''),
    fc.constant('/'),
    fc.webSegment().map((s) => `/images/${s}`),
    fc.webPath(),
    fc.string(),
  )
  const start = fc.oneof(
    { weight: 3, arbitrary: fc.constant('/packs/') },
    fc.constantFrom('/PACKS/', '/packs//', '/pack/', '/other/', 'packs/', ' /packs/'),
  )
  const pathname = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(start, segment, tail).map((parts) => parts.join('')) },
    fc.webPath(),
    fc.string(),
  )

  it('fetches exactly the path the pack page asks for, and nothing elsewhere', () => {
    let matched = 0
    fc.assert(
      fc.property(pathname, (at) => {
        const expected = appRequest(at)
        const { fetched, path } = runScript(at)
        expect(path).toBe(expected)
        expect(fetched).toEqual(expected === undefined ? [] : [expected])
        if (expected !== undefined) matched++
      }),
      { numRuns: 2000 },
    )
    // Not vacuous: many of the addresses were pack links.
    expect(matched).toBeGreaterThan(100)
  })
})

describe('the pack page with the early request', () => {
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
    await expect(getPack(PATH)).resolves.toEqual({ id: 'p1' })
    expect(requests).toBe(1)
    // The next call (a retry, a refresh) asks again.
    await expect(getPack(PATH)).resolves.toEqual({ id: 'p2' })
    expect(requests).toBe(2)
  })

  it('is not taken for another path', () => {
    server.use(http.get(PATH, () => new Promise<never>(() => {})))
    openPage(`/packs/${PACK}`)
    expect(takeEarlyRequest(packPath('22222222-2222-4222-8222-222222222222'))).toBeUndefined()
    expect(window.packExplorerEarlyRequest?.path).toBe(PATH)
  })

  it('maps a failed early request like any other', async () => {
    server.use(http.get(PATH, () => HttpResponse.error()))
    openPage(`/packs/${PACK}`)
    const error = await apiFailure(getPack(PATH))
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
    const error = await apiFailure(getPack(PATH))
    expect(error).toMatchObject({
      status: 429,
      message: 'Slow down',
      errorCode: 'rate_limited',
      retryAfterSeconds: 7,
    })
  })
})
