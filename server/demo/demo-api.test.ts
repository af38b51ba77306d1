import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packSchema } from '../../contract/partner-api/pack.ts'
import { DOCUMENTED_ERRORS } from '../../contract/partner-api/errors.ts'
import { createPartnerApiMiddleware, type PartnerApiMiddleware } from '../partner-api.ts'
import {
  DEMO_API_TOKEN,
  EXPOSED_MAX_GENERATED_IMAGES,
  startDemoApi,
  type DemoApi,
} from './demo-api.ts'
import {
  DEMO_ERROR_IDS,
  DEMO_EXAMPLES,
  DEMO_IMAGE_PATH,
  DEMO_PACK_IDS,
  demoPacks,
  generatingPack,
  sizedPackId,
} from './fixtures.ts'
import { PACKS_PATH, packPath } from '../../contract/partner-api/paths.ts'

const AUTH = { authorization: `Bearer ${DEMO_API_TOKEN}` }

let demo: DemoApi

beforeAll(async () => {
  demo = await startDemoApi()
})

afterAll(async () => {
  await demo?.close()
})

async function get(path: string, headers: Record<string, string> = AUTH, method = 'GET') {
  const response = await fetch(demo.url + path, { method, headers, redirect: 'manual' })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text }
}

interface PackEnvelope {
  ok: boolean
  code: number
  message: string
  data: { id: string; images: { id: string; url: string | null }[] }
}

describe('demo Partner API', () => {
  it.each([
    ['no', {}],
    ['a wrong', { authorization: 'Bearer not-the-demo-key' }],
    ['an unprefixed', { authorization: DEMO_API_TOKEN }],
  ])('answers 401 to %s key', async (_label, headers: Record<string, string>) => {
    const response = await get(packPath(DEMO_PACK_IDS.motivation), headers)
    expect(response.status).toBe(401)
    expect(JSON.parse(response.text)).toEqual(DOCUMENTED_ERRORS[401])
  })

  it('serves the Motivation Pack with image URLs on the forwarded origin', async () => {
    const response = await get(packPath(DEMO_PACK_IDS.motivation), {
      ...AUTH,
      'x-forwarded-host': 'packs.example.test:8443',
      'x-forwarded-proto': 'https',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = JSON.parse(response.text) as PackEnvelope
    expect(body).toMatchObject({ ok: true, code: 200, message: 'Pack retrieved' })
    expect(body.data).toMatchObject({ id: DEMO_PACK_IDS.motivation, name: 'Motivation Pack' })
    expect(body.data.images).toHaveLength(2)
    for (const image of body.data.images) {
      expect(image.url).toMatch(
        new RegExp(`^https://packs\\.example\\.test:8443${DEMO_IMAGE_PATH}`),
      )
    }
    expect(() => packSchema.parse(body.data)).not.toThrow()
  })

  it('falls back to the dev server origin without forwarded headers', async () => {
    const body = JSON.parse((await get(packPath(DEMO_PACK_IDS.motivation))).text) as PackEnvelope
    expect(body.data.images[0]?.url).toMatch(/^http:\/\/localhost:5173\/demo-images\//)
  })

  it('matches pack ids case-insensitively', async () => {
    const response = await get(packPath(DEMO_PACK_IDS.mixed.toUpperCase()))
    expect(response.status).toBe(200)
  })

  it.each(
    Object.entries(DEMO_ERROR_IDS).map(([id, reserved]) => [reserved.description, id] as const),
  )('answers reserved id for %s', async (_description, id) => {
    const reserved = DEMO_ERROR_IDS[id]!
    const response = await get(packPath(id))
    expect(response.status).toBe(reserved.status)
    if (reserved.raw !== undefined) expect(response.text).toBe(reserved.raw)
    else expect(JSON.parse(response.text)).toEqual(reserved.body)
    for (const [name, value] of Object.entries(reserved.headers ?? {})) {
      expect(response.headers.get(name)).toBe(value)
    }
  })

  it('answers 404 not_found for an unknown pack', async () => {
    const response = await get(packPath('99999999-9999-4999-8999-999999999999'))
    expect(response.status).toBe(404)
    expect(JSON.parse(response.text)).toMatchObject({
      ok: false,
      code: 404,
      error_code: 'not_found',
    })
  })

  it('answers 404 outside the pack path and 405 to writes', async () => {
    expect((await get('/api/partner/v1/other')).status).toBe(404)
    expect((await get(packPath(DEMO_PACK_IDS.motivation), AUTH, 'POST')).status).toBe(405)
  })

  it('survives a malformed percent-escape in the pack id', async () => {
    const { port } = new URL(demo.url)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: packPath('%E0%A4%A'), headers: AUTH, agent: false },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    // And it still answers afterwards.
    expect((await get(packPath(DEMO_PACK_IDS.motivation))).status).toBe(200)
  })

  it('serves the large pack with 2000 images', async () => {
    const body = JSON.parse((await get(packPath(DEMO_PACK_IDS.large))).text) as PackEnvelope
    expect(body.data.images).toHaveLength(2000)
    expect(packSchema.parse(body.data).images).toHaveLength(2000)
  })
})

describe('demo List Packs', () => {
  interface ListEnvelope {
    ok: boolean
    data: {
      packs: { id: string; name: string; is_public: boolean; preview_image_url: string | null }[]
      total: number
      limit: number
      offset: number
    }
  }
  const list = async (query = '') => {
    const response = await get(`${PACKS_PATH}${query}`)
    return { status: response.status, body: JSON.parse(response.text) as ListEnvelope }
  }

  it('pages through every pack, newest first, 20 by default', async () => {
    const first = await list()
    expect(first.status).toBe(200)
    expect(first.body.data).toMatchObject({ limit: 20, offset: 0 })
    expect(first.body.data.packs).toHaveLength(20)
    const total = first.body.data.total
    expect(total).toBeGreaterThanOrEqual(40)
    const all = await list(`?limit=100`)
    expect(all.body.data.packs).toHaveLength(total)
    const page2 = await list('?limit=24&offset=24')
    expect(page2.body.data.packs.map((pack) => pack.id)).toEqual(
      all.body.data.packs.slice(24, 48).map((pack) => pack.id),
    )
    expect(all.body.data.packs.map((pack) => pack.name)).not.toContainEqual(
      expect.stringMatching(/^Generated Pack/),
    )
  })

  it('searches names case-insensitively, and keywords', async () => {
    const byName = await list('?search=SUMMER%20launch')
    expect(byName.body.data.packs.map((pack) => pack.name)).toEqual(['Summer Launch Campaign'])
    expect(byName.body.data.total).toBe(1)
    const none = await list('?search=no-such-pack-anywhere')
    expect(none.body.data).toMatchObject({ packs: [], total: 0 })
  })

  it('leaves public packs out only for include_public=false', async () => {
    const all = (await list('?limit=100')).body.data
    const own = (await list('?limit=100&include_public=false')).body.data
    expect(own.total).toBeLessThan(all.total)
    expect(own.packs.every((pack) => !pack.is_public)).toBe(true)
    expect((await list('?limit=100&include_public=no')).body.data.total).toBe(all.total)
  })

  it.each(['?limit=0', '?limit=101', '?limit=abc', '?offset=-1', '?offset=1.5'])(
    '%s is 422 invalid_query',
    async (query) => {
      const response = await list(query)
      expect(response.status).toBe(422)
      expect(response.body).toMatchObject({ ok: false, error_code: 'invalid_query' })
    },
  )
})

describe('demo fixtures', () => {
  const packs = [...demoPacks().values()]

  it('completes one more image of the generating pack every 8 seconds', () => {
    const statuses = (elapsed: number) =>
      generatingPack(elapsed).images.map((image) => image.metadata?.status)
    expect(statuses(0).slice(0, 2)).toEqual(['processing', 'pending'])
    expect(statuses(8_000).slice(0, 3)).toEqual(['completed', 'processing', 'pending'])
    expect(statuses(10 * 60_000).every((status) => status === 'completed')).toBe(true)
  })

  it('has every pack the ids and examples name', () => {
    const ids = new Set(packs.map((pack) => pack.id))
    for (const id of Object.values(DEMO_PACK_IDS)) expect(ids.has(id)).toBe(true)
    // Enough packs that browsing them takes more than one page of 24.
    expect(ids.size).toBeGreaterThanOrEqual(40)
    for (const example of DEMO_EXAMPLES) {
      expect(demoPacks().has(example.id) || example.id in DEMO_ERROR_IDS).toBe(true)
    }
  })

  it.each(packs.map((pack) => [pack.name, pack] as const))(
    '%s follows the Get Pack contract',
    async (_name, pack) => {
      const parsed = packSchema.parse(pack)
      expect(parsed.id).toBe(pack.id)
      expect(parsed.images).toHaveLength(pack.images.length)
      expect(new Set(parsed.images.map((image) => image.id)).size).toBe(pack.images.length)

      const response = await get(packPath(pack.id))
      expect(response.status).toBe(200)
      const body = JSON.parse(response.text) as PackEnvelope
      expect(body.ok).toBe(true)
      expect(packSchema.parse(body.data).images).toHaveLength(pack.images.length)
    },
  )
})

// Mounted as the servers mount it without a key: its own demo API, told the browser's origin
// (the proxy's forwardOrigin, which a real upstream never gets).
describe('demo API behind the proxy', () => {
  let server: Server
  let origin: string
  let api: PartnerApiMiddleware

  beforeAll(async () => {
    api = await createPartnerApiMiddleware(
      { token: null, baseUrl: 'https://unused.invalid', timeoutMs: 5_000 },
      () => {},
    )
    server = createServer((req, res) =>
      api.handle(req, res, () => {
        res.statusCode = 418
        res.end('next')
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await api.close()
  })

  it('links images to the origin the browser used', async () => {
    const response = await fetch(origin + packPath(DEMO_PACK_IDS.motivation), {
      redirect: 'manual',
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as PackEnvelope
    expect(body.data.images.map((image) => image.url)).toEqual([
      expect.stringMatching(new RegExp(`^${origin}${DEMO_IMAGE_PATH}`)),
      expect.stringMatching(new RegExp(`^${origin}${DEMO_IMAGE_PATH}`)),
    ])
  })

  it('lists packs, with previews on the origin the browser used and only known parameters', async () => {
    const response = await fetch(`${origin}${PACKS_PATH}?search=summer&limit=5&x=1`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      data: { packs: { preview_image_url: string }[]; limit: number }
    }
    expect(body.data.limit).toBe(5)
    expect(body.data.packs[0]?.preview_image_url).toMatch(
      new RegExp(`^${origin}${DEMO_IMAGE_PATH}`),
    )
  })

  it('turns the HTML 503 into a JSON answer', async () => {
    const response = await fetch(origin + packPath('00000000-0000-4000-8000-000000000503'))
    expect(response.status).toBe(503)
    expect(await response.text()).not.toContain('<html')
  })
})

// Beyond loopback anyone on the network could have the demo build 20,000-image packs at will.
describe('generated packs with maxGeneratedImages', () => {
  let capped: DemoApi

  beforeAll(async () => {
    capped = await startDemoApi({ maxGeneratedImages: 50 })
  })

  afterAll(async () => {
    await capped?.close()
  })

  const getCapped = async (path: string) => {
    const response = await fetch(capped.url + path, { headers: AUTH })
    return { status: response.status, body: (await response.json()) as unknown }
  }

  it('generates packs up to the cap and answers 404 above it', async () => {
    const atCap = await getCapped(packPath(sizedPackId(50)))
    expect(atCap.status).toBe(200)
    expect((atCap.body as PackEnvelope).data.images).toHaveLength(50)
    expect(await getCapped(packPath(sizedPackId(51)))).toEqual({
      status: 404,
      body: DOCUMENTED_ERRORS[404],
    })
    // Without the option the same size is generated.
    expect((await get(packPath(sizedPackId(51)))).status).toBe(200)
  })

  it('caps at 2,000 images behind the proxy when the server listens beyond loopback', async () => {
    expect(EXPOSED_MAX_GENERATED_IMAGES).toBe(2_000)
    const exposed = await createPartnerApiMiddleware(
      { token: null, baseUrl: 'https://unused.invalid', timeoutMs: 5_000 },
      () => {},
      { listensBeyondLoopback: true },
    )
    const server = createServer((req, res) => exposed.handle(req, res, () => res.end()))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const status = async (size: number) =>
        (await fetch(`${origin}${packPath(sizedPackId(size))}`)).status
      expect(await status(2_000)).toBe(200)
      expect(await status(2_001)).toBe(404)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await exposed.close()
    }
  })
})
