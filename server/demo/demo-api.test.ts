// @vitest-environment node
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packSchema } from '../../src/features/packs/api/pack-schema.ts'
import { DOCUMENTED_ERRORS } from '../../src/testing/factories.ts'
import { createPartnerProxy } from '../proxy.ts'
import { DEMO_API_TOKEN, startDemoApi, type DemoApi } from './demo-api.ts'
import {
  DEMO_ERROR_IDS,
  DEMO_EXAMPLES,
  DEMO_IMAGE_PATH,
  DEMO_PACK_IDS,
  demoPacks,
  generatingPack,
} from './fixtures.ts'

const AUTH = { authorization: `Bearer ${DEMO_API_TOKEN}` }
const packPath = (id: string) => `/api/partner/v1/packs/${id}`

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
    expect(new Set(packs.map((pack) => pack.id))).toEqual(new Set(Object.values(DEMO_PACK_IDS)))
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

describe('demo API behind the proxy', () => {
  let server: Server
  let origin: string

  beforeAll(async () => {
    const proxy = createPartnerProxy({ baseUrl: demo.url, token: DEMO_API_TOKEN })
    server = createServer((req, res) =>
      proxy(req, res, () => {
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

  it('turns the HTML 503 into a JSON answer', async () => {
    const response = await fetch(origin + packPath('00000000-0000-4000-8000-000000000503'))
    expect(response.status).toBe(503)
    expect(await response.text()).not.toContain('<html')
  })
})
