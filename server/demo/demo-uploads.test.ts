import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPath } from '../../contract/partner-api/paths.ts'
import { DEMO_API_TOKEN, startDemoApi, type DemoApi } from './demo-api.ts'
import { createDemoUploads, MAX_UPLOAD_BYTES, UPLOAD_EXPIRES_IN_S } from './demo-uploads.ts'
import { FILES_PATH } from './demo-writes.ts'
import { DEMO_PACK_IDS, DEMO_UPLOAD_PATH } from './fixtures.ts'

const AUTH = { authorization: `Bearer ${DEMO_API_TOKEN}`, 'content-type': 'application/json' }

let clock = Date.parse('2026-12-01T10:00:00.000Z')
let demo: DemoApi

beforeAll(async () => {
  demo = await startDemoApi({ now: () => clock })
})

afterAll(async () => {
  await demo?.close()
})

interface UploadAnswer {
  uploadUrl: string
  url: string
  contentType: string
  expiresIn: number
}

async function uploadUrl(contentType = 'image/png', headers: Record<string, string> = {}) {
  const response = await fetch(demo.url + FILES_PATH, {
    method: 'POST',
    headers: { ...AUTH, ...headers },
    body: JSON.stringify({ contentType, filename: 'photo.png' }),
  })
  expect(response.status).toBe(201)
  const body = (await response.json()) as { message: string; data: UploadAnswer }
  expect(body.message).toBe('Upload URL generated')
  return body.data
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1)

const put = (url: string, body: Uint8Array<ArrayBuffer> | string, contentType = 'image/png') =>
  fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body })

describe('Upload File on the demo API', () => {
  it('gives an upload URL on the demo API and a file URL on the browser’s origin', async () => {
    const data = await uploadUrl('image/webp', {
      'x-forwarded-host': 'packs.example.test',
      'x-forwarded-proto': 'https',
    })
    const token = tokenOf(data.uploadUrl)
    expect(token).toMatch(/^[0-9a-f-]{36}\.webp$/)
    expect(data).toEqual({
      uploadUrl: `${demo.url}${DEMO_UPLOAD_PATH}${token}`,
      url: `https://packs.example.test${DEMO_UPLOAD_PATH}${token}`,
      contentType: 'image/webp',
      expiresIn: UPLOAD_EXPIRES_IN_S,
    })
  })

  it('stores the bytes PUT without a key, once', async () => {
    const data = await uploadUrl()
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    const response = await put(data.uploadUrl, bytes)
    expect(response.status).toBe(200)
    const file = demo.uploadedFile(tokenOf(data.url))
    expect(file?.contentType).toBe('image/png')
    expect(new Uint8Array(file!.bytes)).toEqual(bytes)
    // Spent: a second PUT is refused and the file stays.
    expect((await put(data.uploadUrl, 'other')).status).toBe(404)
    expect(demo.uploadedFile(tokenOf(data.url))?.bytes.length).toBe(bytes.length)
  })

  it('refuses another Content-Type (400) and still takes the right one afterwards', async () => {
    const data = await uploadUrl('image/jpeg')
    const wrong = await put(data.uploadUrl, 'jpeg bytes', 'image/png')
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ error_code: 'content_type_mismatch' })
    expect((await put(data.uploadUrl, 'jpeg bytes', 'image/jpeg; charset=x')).status).toBe(200)
  })

  it('answers 404 to an unknown or expired upload URL', async () => {
    expect((await put(`${demo.url}${DEMO_UPLOAD_PATH}nope.png`, 'x')).status).toBe(404)
    const data = await uploadUrl()
    clock += UPLOAD_EXPIRES_IN_S * 1000
    const expired = await put(data.uploadUrl, 'x')
    expect(expired.status).toBe(404)
    expect(await expired.json()).toMatchObject({ error_code: 'upload_not_found' })
    expect(demo.uploadedFile(tokenOf(data.url))).toBeUndefined()
  })

  it(`refuses an upload over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB with 413`, async () => {
    const data = await uploadUrl()
    const response = await put(data.uploadUrl, new Uint8Array(MAX_UPLOAD_BYTES + 1))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error_code: 'payload_too_large' })
    expect(demo.uploadedFile(tokenOf(data.url))).toBeUndefined()
    expect((await put(data.uploadUrl, new Uint8Array(MAX_UPLOAD_BYTES))).status).toBe(200)
  })

  it('refuses an upload sent without a length once it passes the limit', async () => {
    const data = await uploadUrl()
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_UPLOAD_BYTES) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const response = await fetch(data.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(demo.uploadedFile(tokenOf(data.url))).toBeUndefined()
  })

  it('adds the uploaded file to a pack by its url, as image/png', async () => {
    const data = await uploadUrl()
    await put(data.uploadUrl, 'png')
    const response = await fetch(`${demo.url}${packPath(DEMO_PACK_IDS.empty)}/images`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ image_url: data.url }),
    })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({
      data: { url: data.url, content_type: 'image/png' },
    })
  })
})

// The store alone, on a tiny server, with room for 10 bytes.
describe('the demo uploads store', () => {
  const uploads = createDemoUploads(() => clock, { maxStoredBytes: 10 })
  let server: Server
  let origin: string

  beforeAll(async () => {
    server = createServer((req, res) => void uploads.receive(req.url!.slice(1), req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('refuses what would not fit with 413 demo_storage_full', async () => {
    const first = uploads.open('image/gif')!
    expect(first).toMatch(/\.gif$/)
    expect((await put(`${origin}/${first}`, '123456', 'image/gif')).status).toBe(200)
    const second = uploads.open('image/gif')!
    const full = await put(`${origin}/${second}`, '12345', 'image/gif')
    expect(full.status).toBe(413)
    expect(await full.json()).toMatchObject({ error_code: 'demo_storage_full' })
    expect(uploads.file(second)).toBeUndefined()
    expect((await put(`${origin}/${second}`, '1234', 'image/gif')).status).toBe(200)
    expect(uploads.file(second)?.bytes.toString()).toBe('1234')
  })

  it('counts what uploads still arriving hold', async () => {
    const roomy = createDemoUploads(() => clock, { maxStoredBytes: 10 })
    const local = createServer((req, res) => void roomy.receive(req.url!.slice(1), req, res))
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
    const at = `http://127.0.0.1:${(local.address() as AddressInfo).port}`
    try {
      let finish = () => {}
      const finished = new Promise<void>((resolve) => (finish = resolve))
      let sent = false
      const slow = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!sent) {
            sent = true
            return controller.enqueue(new TextEncoder().encode('123456'))
          }
          await finished
          controller.close()
        },
      })
      const first = roomy.open('image/png')!
      const firstPut = fetch(`${at}/${first}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: slow,
        duplex: 'half',
      } as RequestInit)
      // Until the first one's 6 bytes have arrived, there is nothing to count.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const second = roomy.open('image/png')!
      const chunked = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('abcdef'))
          controller.close()
        },
      })
      const secondPut = await fetch(`${at}/${second}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: chunked,
        duplex: 'half',
      } as RequestInit)
      expect(secondPut.status).toBe(413)
      finish()
      expect((await firstPut).status).toBe(200)
      expect(roomy.file(first)?.bytes.toString()).toBe('123456')
    } finally {
      local.closeAllConnections()
      await new Promise<void>((resolve) => local.close(() => resolve()))
    }
  })
})
