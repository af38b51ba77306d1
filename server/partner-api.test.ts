import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_API_TOKEN } from './demo/demo-api.ts'
import { FILES_PATH } from './demo/demo-writes.ts'
import { DEMO_UPLOAD_PATH } from './demo/fixtures.ts'
import { createPartnerApiMiddleware, type PartnerApiMiddleware } from './partner-api.ts'

/** The middleware in demo mode on a tiny server, as the servers mount it without a key. */
async function mount(api: PartnerApiMiddleware): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) =>
    api.handle(req, res, () => {
      res.statusCode = 418
      res.end('next')
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

async function unmount(server: Server, api: PartnerApiMiddleware): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await api.close()
}

describe('demo uploads on the app’s origin', () => {
  let api: PartnerApiMiddleware
  let server: Server
  let origin: string

  beforeAll(async () => {
    api = await createPartnerApiMiddleware(
      { token: null, baseUrl: 'https://unused.invalid', timeoutMs: 5_000 },
      () => {},
    )
    ;({ server, origin } = await mount(api))
  })

  afterAll(async () => {
    await unmount(server, api)
  })

  /** Upload File on the demo API, as the proxy would ask it for this origin; then the PUT. */
  async function upload(contentType: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
    const response = await fetch(api.upstream.baseUrl + FILES_PATH, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DEMO_API_TOKEN}`,
        'content-type': 'application/json',
        'x-forwarded-host': new URL(origin).host,
      },
      body: JSON.stringify({ contentType }),
    })
    const { data } = (await response.json()) as { data: { uploadUrl: string; url: string } }
    const put = await fetch(data.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: bytes,
    })
    expect(put.status).toBe(200)
    return data.url
  }

  it('serves an uploaded file with its type, inert and privately cached', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7])
    const url = await upload('image/jpeg', bytes)
    expect(url).toMatch(new RegExp(`^${origin}${DEMO_UPLOAD_PATH}[0-9a-f-]{36}\\.jpg$`))
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringMatching(/^default-src 'none'/),
      'cache-control': 'private, max-age=3600',
    })
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)

    const head = await fetch(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/jpeg')
    expect(await head.text()).toBe('')
  })

  it('answers 404 in plain text for a file it does not have, 405 to other methods', async () => {
    const missing = await fetch(
      `${origin}${DEMO_UPLOAD_PATH}00000000-0000-4000-8000-000000000000.png`,
    )
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff')
    const url = await upload('image/png', new Uint8Array([1]))
    const post = await fetch(url, { method: 'PUT', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })
})

describe('with a key', () => {
  it('leaves the upload path to the rest of the server', async () => {
    const api = await createPartnerApiMiddleware(
      { token: 'public.secret', baseUrl: 'https://unused.invalid', timeoutMs: 5_000 },
      () => {},
    )
    const { server, origin } = await mount(api)
    try {
      const response = await fetch(`${origin}${DEMO_UPLOAD_PATH}anything.png`)
      expect(response.status).toBe(418)
    } finally {
      await unmount(server, api)
    }
  })
})
