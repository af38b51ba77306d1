// The route table: which paths, methods and query parameters are forwarded, and what the
// proxy answers itself.
import { METHODS } from 'node:http'
import { z } from 'zod/mini'
import { matchRoute, PROXY_ROUTES, upstreamTarget, type ProxyRoute } from './routes.ts'
import { describe, expect, it } from 'vitest'
import {
  PACK_ID,
  PACK_PATH,
  TOKEN,
  call,
  describeTheKeyCheck,
  expectEnvelope,
  extraProxy,
  h,
  rawCall,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

describe('the route table', () => {
  it('has one row per forwarded route: reads take GET and HEAD and no body, writes one method', () => {
    expect(PROXY_ROUTES.map((route) => `${route.methods.join('+')} ${route.name}`)).toEqual([
      'GET+HEAD Get Pack',
      'GET+HEAD List Packs',
      'POST Create Pack',
      'PATCH Update Pack',
      'DELETE Delete Pack',
      'POST Add Pack Image',
      'DELETE Delete Pack Image',
      'POST Upload File',
    ])
    for (const route of PROXY_ROUTES) {
      if (route.write === null) expect(route.body).toBeNull()
      else expect(route.query).toEqual([])
    }
  })

  /** The row's name for a path and method, or what the proxy answers instead. */
  const rowFor = (path: string, method = 'GET') => {
    const found = matchRoute(PROXY_ROUTES, path, method)
    if (found === null) return 404
    return 'allow' in found ? found.allow.join(', ') : found.route.name
  }

  it('matches a path and method to its row, the path exactly as written', () => {
    expect(rowFor(PACK_PATH)).toBe('Get Pack')
    expect(rowFor(PACK_PATH, 'PATCH')).toBe('Update Pack')
    expect(rowFor(PACK_PATH, 'DELETE')).toBe('Delete Pack')
    expect(rowFor(PACK_PATH, 'POST')).toBe('GET, HEAD, PATCH, DELETE')
    expect(rowFor(PACK_PATH.toUpperCase())).toBe(404)
    expect(rowFor('/api/partner/v1/packs')).toBe('List Packs')
    expect(rowFor('/api/partner/v1/packs', 'POST')).toBe('Create Pack')
    expect(rowFor(`${PACK_PATH}/images`, 'POST')).toBe('Add Pack Image')
    expect(rowFor(`${PACK_PATH}/images`)).toBe('POST')
    expect(rowFor(`${PACK_PATH}/images/${PACK_ID}`, 'DELETE')).toBe('Delete Pack Image')
    expect(rowFor('/api/partner/v1/files', 'POST')).toBe('Upload File')
    expect(rowFor('/api/partner/v1/packs/')).toBe(404)
  })

  it('takes the IDs of a path only as UUIDs, lowercased', () => {
    const upper = PACK_ID.replaceAll('1', 'A')
    const image = matchRoute(
      PROXY_ROUTES,
      `/api/partner/v1/packs/${upper}/images/${upper}`,
      'DELETE',
    )
    expect(image && 'ids' in image ? image.ids : null).toEqual([
      PACK_ID.replaceAll('1', 'a'),
      PACK_ID.replaceAll('1', 'a'),
    ])
    for (const id of ['not-a-uuid', '..', '%2e%2e', `${PACK_ID}x`, `{${PACK_ID}}`]) {
      const found = matchRoute(PROXY_ROUTES, `/api/partner/v1/packs/${id}`, 'GET')
      expect(found && 'ids' in found ? found.ids : 'no row').toBeNull()
    }
  })

  it('builds the upstream target from the row: the path rebuilt, only its query parameters', () => {
    const [pack, list] = PROXY_ROUTES
    expect(upstreamTarget(pack!, [PACK_ID], '/ignored?search=x')).toBe(PACK_PATH)
    expect(upstreamTarget(list!, [], '/api/partner/v1/packs?limit=5&x=1&limit=6')).toBe(
      '/api/partner/v1/packs?limit=5',
    )
  })
})

describe('forwarding what a row allows', () => {
  it('lowercases the pack id and drops the query string', async () => {
    const response = await call(
      `${PACK_PATH.toUpperCase().replace('/API/PARTNER/V1/PACKS', '/api/partner/v1/packs')}?token=x&url=http://evil.example/`,
    )
    expect(response.status).toBe(200)
    expect(h.upstream.received.map((r) => r.url)).toEqual([PACK_PATH])
  })

  it.each([
    ['', ''],
    [
      '?search=summer&limit=24&offset=48&include_public=false',
      '?search=summer&limit=24&offset=48&include_public=false',
    ],
    // Only the documented parameters, the first of each, re-encoded.
    [
      '?include_public=true&token=x&url=http://evil.example/&search=a%20b&search=second&limit=5&callback=x',
      '?search=a+b&limit=5&include_public=true',
    ],
    [`?${PACK_ID}`, ''],
    [`?id=${PACK_ID}&path=/../admin`, ''],
    ['?search=%3Cscript%3E%26limit%3D100', '?search=%3Cscript%3E%26limit%3D100'],
  ])('forwards the list with its documented parameters only: %s', async (query, forwarded) => {
    const response = await rawCall(`/api/partner/v1/packs${query}`, {
      headers: { cookie: 'sid=HOSTILE', authorization: 'Bearer HOSTILE' },
    })
    expect(response.status).toBe(200)
    expect(h.upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /api/partner/v1/packs${forwarded}`,
    ])
    expect(h.upstream.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(h.upstream.received[0]?.headers.cookie).toBeUndefined()
  })

  it.each([
    '?limit=0',
    '?limit=101',
    '?limit=-1',
    '?limit=1.5',
    '?limit=1e2',
    '?limit=0x10',
    '?limit=%2024',
    '?limit=24%20',
    '?limit=',
    '?limit=abc',
    '?limit=%EF%BC%92%EF%BC%94',
    '?limit=99999999999999999999',
    '?limit=500&limit=5',
    '?offset=-1',
    '?offset=1.5',
    '?offset=abc',
    '?offset=99999999999999999999',
    '?limit=24&offset=-24',
    '?search=x&limit=1000000',
  ])('answers a list query %s itself with 422 invalid_query', async (query) => {
    for (const method of ['GET', 'HEAD']) {
      const response = await rawCall(`/api/partner/v1/packs${query}`, { method })
      expect(response.status).toBe(422)
      if (method === 'GET') expectEnvelope(response, 422, 'invalid_query')
    }
    expect(h.upstream.received).toHaveLength(0)
  })

  it.each([
    ['?limit=1', '?limit=1'],
    ['?limit=100&offset=0', '?limit=100&offset=0'],
    // What the browse list sends, up to its last page.
    ['?limit=24&offset=23999976', '?limit=24&offset=23999976'],
    ['?limit=5&limit=500', '?limit=5'],
    ['?limit=24&x=-1', '?limit=24'],
  ])('forwards a list query in range: %s', async (query, forwarded) => {
    expect((await rawCall(`/api/partner/v1/packs${query}`)).status).toBe(200)
    expect(h.upstream.received.map((r) => r.url)).toEqual([`/api/partner/v1/packs${forwarded}`])
  })

  it("checks any row's query with the row's own schema", async () => {
    const row: ProxyRoute = {
      name: 'Test row',
      methods: ['GET'],
      path: new RegExp(`^${PACK_PATH}$`),
      upstreamPath: () => PACK_PATH,
      query: ['mode'],
      querySchema: z.object({ mode: z.literal('fast') }),
      body: null,
      write: null,
    }
    const proxy = await extraProxy({ routes: [row] })
    expectEnvelope(await rawCall(`${PACK_PATH}?mode=slow`, { base: proxy }), 422, 'invalid_query')
    expectEnvelope(await rawCall(PACK_PATH, { base: proxy }), 422, 'invalid_query')
    expect(h.upstream.received).toHaveLength(0)
    expect((await rawCall(`${PACK_PATH}?mode=fast`, { base: proxy })).status).toBe(200)
    expect(h.upstream.received.map((r) => r.url)).toEqual([`${PACK_PATH}?mode=fast`])
  })

  it.each(['PUT', 'DELETE'])('%s on the list path is 405', async (method) => {
    expectEnvelope(await rawCall('/api/partner/v1/packs', { method }), 405, 'method_not_allowed')
    expect(h.upstream.received).toHaveLength(0)
  })
})

describe('requests the proxy answers itself', () => {
  // Every method Node's client can send but the pack path's own (CONNECT never reaches a
  // request handler), led by the usual ones so that they stay covered if METHODS changes.
  const refusedMethods = [
    ...new Set(['POST', 'PUT', 'OPTIONS', 'TRACE', 'PROPFIND', ...METHODS]),
  ].filter((method) => !['GET', 'HEAD', 'PATCH', 'DELETE', 'CONNECT'].includes(method))

  it.each(refusedMethods)('%s on the pack path is 405', async (method) => {
    const response = await rawCall(PACK_PATH, {
      method,
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    })
    expectEnvelope(response, 405, 'method_not_allowed')
    expect(response.headers.allow).toBe('GET, HEAD, PATCH, DELETE')
    expect(h.upstream.received).toHaveLength(0)
  })

  it.each([
    '/api',
    '/api/',
    '/api/partner/v1/packs/',
    '/api/partner/v1/packs/not-a-uuid',
    '/api/partner/v1/other',
    `${PACK_PATH}/extra`,
    `${PACK_PATH}/`,
    `/api/partner/v2/packs/${PACK_ID}`,
    `/api/PARTNER/v1/packs/${PACK_ID}`,
    // Dot segments, plain and encoded in every case.
    '/api/partner/v1/packs/../../admin',
    `/api/partner/v1/packs/../packs/${PACK_ID}`,
    '/api/partner/v1/packs/..%2f..%2fadmin',
    '/api/partner/v1/packs/%2e%2e/x',
    `/api/partner/v1/packs/%2e%2e/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%2E%2E/packs/${PACK_ID}`,
    `/api/partner/v1/packs/.%2e/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%2e./packs/${PACK_ID}`,
    `/api/partner/v1/packs/..%2f${PACK_ID}`,
    `${PACK_PATH}/..`,
    `${PACK_PATH}/%2e%2e`,
    `${PACK_PATH}/%2E%2E/%2E%2E/admin`,
    `${PACK_PATH}/.`,
    // Encoded and raw separators.
    `/api/partner/v1/packs%2f${PACK_ID}`,
    `/api/partner/v1/packs%2F${PACK_ID}`,
    `/api/partner/v1/packs/${PACK_ID}%2f..`,
    `/api/partner/v1/packs%5c${PACK_ID}`,
    `/api/partner/v1/packs%5C${PACK_ID}`,
    `/api/partner/v1/packs\\${PACK_ID}`,
    `/api/partner/v1/packs/..\\..\\${PACK_ID}`,
    // Double encoding.
    `/api/partner/v1/packs/%252e%252e%252f${PACK_ID}`,
    `/api/partner/v1/packs%252f${PACK_ID}`,
    // Empty and dot segments.
    `/api//partner/v1/packs/${PACK_ID}`,
    `/api/partner//v1/packs/${PACK_ID}`,
    `/api/partner/v1/packs//${PACK_ID}`,
    `/api/partner/v1/packs///${PACK_ID}`,
    `/api///partner/v1/packs/${PACK_ID}`,
    `${PACK_PATH}//`,
    `/api/./partner/v1/packs/${PACK_ID}`,
    `/api/partner/v1/packs/./${PACK_ID}`,
    // Path parameters, padding, control characters, fragments.
    `${PACK_PATH};x=1`,
    `/api/partner/v1/packs;x=1/${PACK_ID}`,
    `${PACK_PATH}%20`,
    `${PACK_PATH}%00`,
    `/api/partner/v1/packs/${PACK_ID}%00.json`,
    `${PACK_PATH}%0d%0aX-Injected:%201`,
    `${PACK_PATH}#fragment`,
    // Look-alike dots: fullwidth, one-dot leader, overlong UTF-8.
    `/api/partner/v1/packs/%ef%bc%8e%ef%bc%8e/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%e2%80%a4%e2%80%a4/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%c0%ae%c0%ae/packs/${PACK_ID}`,
    `/api/partner/v1/packs/%c0%ae%c0%ae%c0%af${PACK_ID}`,
    `/api/partner/v1/packs/%e0%80%ae%e0%80%ae/packs/${PACK_ID}`,
    // A pack id that is not the path.
    `/api/partner/v1/packs/?id=${PACK_ID}`,
    `/api/partner/v1/packs/%31${PACK_ID.slice(1)}`,
  ])('%s is refused with a JSON envelope', async (path) => {
    const response = await rawCall(path)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expectEnvelope(response, response.status)
    expect(h.upstream.received).toHaveLength(0)
  })

  it('refuses raw non-ASCII bytes in the path before it gets the request', async () => {
    // Node's parser answers 400 itself; fullwidth dots sent unencoded, as UTF-8 bytes.
    const path = `/api/partner/v1/packs/${Buffer.from('．．', 'utf8').toString('latin1')}/${PACK_ID}`
    const handled = h.proxy.received.length
    const response = await rawCall(path)
    expect(response.status).toBe(400)
    expect(h.proxy.received).toHaveLength(handled)
    expect(h.upstream.received).toHaveLength(0)
  })

  // Not under /api as written, so not the proxy's: in Vite they get the app's index.html.
  it.each([
    '/index.html',
    '/',
    '/apix',
    '/src/main.tsx?api=/api/',
    `/API/partner/v1/packs/${PACK_ID}`,
    `/Api/partner/v1/packs/${PACK_ID}`,
    `/%61pi/partner/v1/packs/${PACK_ID}`,
    `//api/partner/v1/packs/${PACK_ID}`,
    `///api/partner/v1/packs/${PACK_ID}`,
    `/./api/partner/v1/packs/${PACK_ID}`,
    `/../api/partner/v1/packs/${PACK_ID}`,
    `//evil.example/api/partner/v1/packs/${PACK_ID}`,
    `/?next=/api/partner/v1/packs/${PACK_ID}`,
  ])('%s is left to the next middleware', async (path) => {
    const response = await rawCall(path)
    expect(response.status).toBe(418)
    expect(response.body).toBe('next')
    expect(h.upstream.received).toHaveLength(0)
  })
})

describeTheKeyCheck()
