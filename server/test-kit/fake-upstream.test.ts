// The test upstream the e2e suite scripts, driven over real HTTP as the proxy and the tests'
// processes drive it: the reads it already answered, the workspace's writes, metadata under
// test control, upload URLs, fault rules, what it records, and reset.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { errorEnvelope, okEnvelope } from '../../contract/partner-api/envelope.ts'
import { packPath, PACKS_PATH } from '../../contract/partner-api/paths.ts'
import {
  createImage,
  createMetadata,
  createPack,
  pendingMetadata,
  type WirePack,
} from '../../contract/partner-api/wire.ts'
import { fakeUpstreamControl } from './fake-upstream-control.ts'
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts'

const TOKEN = 'pub_test.secret_test'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let upstream: FakeUpstream
let control: ReturnType<typeof fakeUpstreamControl>

beforeAll(async () => {
  upstream = await startFakeUpstream({ token: TOKEN })
  control = fakeUpstreamControl(upstream.url)
})
afterAll(() => upstream.close())
beforeEach(() => upstream.reset())

/** A Partner API request with the key, and its status and JSON answer. */
async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${upstream.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const getPack = (packId: string) => call('GET', packPath(packId))

/** A fresh pack in the workspace with two completed images. */
async function ownedPack(overrides: Partial<WirePack> = {}): Promise<WirePack> {
  const pack = createPack({ id: randomUUID(), name: 'Owned', ...overrides })
  await control.workspacePack(pack)
  return pack
}

function failure(status: number, errorCode: string) {
  return { ok: false, code: status, message: expect.any(String), error_code: errorCode }
}

describe('what it answered before', () => {
  it('serves scripted packs, an empty list, 404 for others and 401 without the key', async () => {
    const pack = createPack({ name: 'Scripted' })
    const packId = upstream.scriptPack([{ status: 200, body: okEnvelope(pack) }])
    expect(await getPack(packId)).toEqual({ status: 200, body: okEnvelope(pack) })
    expect((await call('GET', `${PACKS_PATH}?limit=5`)).body).toMatchObject({
      data: { packs: [], total: 0, limit: 5, offset: 0 },
    })
    expect(await getPack(randomUUID())).toEqual({ status: 404, body: failure(404, 'not_found') })

    const anonymous = await fetch(`${upstream.url}${packPath(packId)}`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual(failure(401, 'invalid_token'))
    expect(upstream.received.map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'GET'])
    expect(upstream.received[0]).not.toHaveProperty('body')
  })

  it('scripts over HTTP and lets a handler read a write body itself', async () => {
    const packId = await control.scriptPack([{ status: 500, body: { ok: false } }])
    expect((await getPack(packId)).status).toBe(500)
    upstream.handleWith((req, res) => {
      let text = ''
      req.on('data', (chunk: Buffer) => (text += String(chunk)))
      req.on('end', () => res.end(JSON.stringify({ echoed: text })))
    })
    expect((await call('POST', PACKS_PATH, { name: 'x' })).body).toEqual({
      echoed: '{"name":"x"}',
    })
  })
})

describe('workspace packs', () => {
  it('serves a workspace pack as it now is, with image_count kept right, before any script', async () => {
    const pack = createPack({ id: randomUUID(), image_count: 99 })
    upstream.scriptPack([{ status: 500, body: { ok: false } }], pack.id)
    expect(await control.workspacePack(pack)).toBe(pack.id)
    expect(await getPack(pack.id)).toEqual({
      status: 200,
      body: {
        ok: true,
        code: 200,
        message: 'Pack retrieved',
        data: { ...pack, image_count: 2 },
      },
    })
    expect(await control.workspaceState(pack.id)).toEqual({ ...pack, image_count: 2 })
    expect(await control.workspaceState(randomUUID())).toBeNull()
  })

  it('creates packs', async () => {
    const created = await call('POST', PACKS_PATH, { name: '  New pack ' })
    expect(created).toEqual({
      status: 201,
      body: {
        ok: true,
        code: 201,
        message: 'Pack created',
        data: {
          id: expect.stringMatching(UUID),
          name: 'New pack',
          image_count: 0,
          is_public: false,
          created_at: expect.any(String),
          images: [],
        },
      },
    })
    const data = created.body.data as WirePack
    expect(Date.parse(data.created_at)).toBeGreaterThan(Date.now() - 60_000)
    expect(await getPack(data.id)).toEqual({
      status: 200,
      body: { ok: true, code: 200, message: 'Pack retrieved', data },
    })

    const open = await call('POST', PACKS_PATH, { name: 'Public', is_public: true })
    expect(open.body.data).toMatchObject({ name: 'Public', is_public: true })
    expect(await call('POST', PACKS_PATH, {})).toEqual({
      status: 422,
      body: failure(422, 'invalid_payload'),
    })
    expect((await call('POST', PACKS_PATH, { name: '   ' })).status).toBe(422)
    expect(await call('POST', PACKS_PATH, '{"name":')).toEqual({
      status: 400,
      body: failure(400, 'invalid_json'),
    })
  })

  it('updates the name and is_public, answering the pack without its images', async () => {
    const pack = await ownedPack()
    const renamed = await call('PATCH', packPath(pack.id), { name: 'Renamed' })
    expect(renamed).toEqual({
      status: 200,
      body: {
        ok: true,
        code: 200,
        message: 'Pack updated',
        data: { ...pack, name: 'Renamed', image_count: 2, images: [] },
      },
    })
    await call('PATCH', packPath(pack.id), { is_public: true })
    expect((await getPack(pack.id)).body.data).toEqual({
      ...pack,
      name: 'Renamed',
      is_public: true,
    })
    expect(await call('PATCH', packPath(pack.id), {})).toEqual({
      status: 422,
      body: failure(422, 'invalid_payload'),
    })
    expect((await call('PATCH', packPath(pack.id), 'not json')).status).toBe(400)
  })

  it('deletes packs, which Get Pack then does not find', async () => {
    const pack = await ownedPack()
    upstream.scriptPack([{ status: 200, body: okEnvelope(pack) }], pack.id)
    expect(await call('DELETE', packPath(pack.id))).toEqual({
      status: 200,
      body: { ok: true, code: 200, message: 'Pack deleted', data: { id: pack.id, deleted: true } },
    })
    expect(await getPack(pack.id)).toEqual({ status: 404, body: failure(404, 'not_found') })
    expect(await call('DELETE', packPath(pack.id))).toEqual({
      status: 404,
      body: failure(404, 'not_found'),
    })
    expect(await control.workspaceState(pack.id)).toBeNull()
  })

  it('adds images at the end, pending, with a content type guessed from the URL', async () => {
    const pack = await ownedPack()
    const url = 'https://cdn.example.com/new/photo.PNG'
    const added = await call('POST', `${packPath(pack.id)}/images`, {
      image_url: url,
      file_name: 'photo.png',
    })
    expect(added).toEqual({
      status: 201,
      body: {
        ok: true,
        code: 201,
        message: 'Pack image added',
        data: {
          id: expect.stringMatching(UUID),
          url,
          file_name: 'photo.png',
          content_type: 'image/png',
        },
      },
    })
    const { id } = added.body.data as { id: string }
    const plain = await call('POST', `${packPath(pack.id)}/images`, {
      image_url: 'https://cdn.example.com/render?size=large',
    })
    expect(plain.body.data).toMatchObject({ file_name: 'image', content_type: 'image/jpeg' })

    const after = (await getPack(pack.id)).body.data as WirePack
    expect(after.image_count).toBe(4)
    expect(after.images.slice(0, 2)).toEqual(pack.images)
    expect(after.images[2]).toEqual({ id, url, metadata: pendingMetadata() })
    expect(after.images[3]?.metadata?.status).toBe('pending')

    const images = `${packPath(pack.id)}/images`
    expect(await call('POST', images, { file_name: 'x' })).toEqual({
      status: 422,
      body: failure(422, 'invalid_payload'),
    })
    expect((await call('POST', images, { image_url: '/relative.png' })).status).toBe(422)
    expect((await call('POST', images, '{')).status).toBe(400)
  })

  it('deletes images, with the documented codes for a missing image or pack', async () => {
    const pack = await ownedPack()
    const [first, second] = pack.images
    const path = (packId: string, imageId: string) => `${packPath(packId)}/images/${imageId}`
    expect(await call('DELETE', path(pack.id, first!.id))).toEqual({
      status: 200,
      body: {
        ok: true,
        code: 200,
        message: 'Pack image deleted',
        data: { id: first!.id, deleted: true },
      },
    })
    expect((await getPack(pack.id)).body.data).toMatchObject({ image_count: 1, images: [second] })
    expect(await call('DELETE', path(pack.id, first!.id))).toEqual({
      status: 404,
      body: failure(404, 'image_not_found'),
    })
    expect(await call('DELETE', path(randomUUID(), first!.id))).toEqual({
      status: 404,
      body: failure(404, 'pack_not_found'),
    })
  })

  it('answers 404 to writes on scripted and unknown packs, and changes nothing', async () => {
    const scripted = createPack({ id: randomUUID() })
    upstream.scriptPack([{ status: 200, body: okEnvelope(scripted) }], scripted.id)
    for (const packId of [scripted.id, randomUUID()]) {
      const image = `${packPath(packId)}/images`
      const answers = [
        await call('PATCH', packPath(packId), { name: 'Mine now' }),
        await call('DELETE', packPath(packId)),
        await call('POST', image, { image_url: 'https://cdn.example.com/a.jpg' }),
        await call('DELETE', `${image}/${scripted.images[0]!.id}`),
      ]
      expect(answers).toEqual([
        { status: 404, body: failure(404, 'not_found') },
        { status: 404, body: failure(404, 'not_found') },
        { status: 404, body: failure(404, 'not_found') },
        { status: 404, body: failure(404, 'pack_not_found') },
      ])
    }
    expect(await getPack(scripted.id)).toEqual({ status: 200, body: okEnvelope(scripted) })
  })

  it('keeps added images pending until a test sets their metadata', async () => {
    const pack = await ownedPack({ images: [] })
    const added = await call('POST', `${packPath(pack.id)}/images`, {
      image_url: 'https://cdn.example.com/b.webp',
    })
    const { id } = added.body.data as { id: string }
    await control.setImageMetadata(pack.id, id, pendingMetadata({ status: 'processing' }))
    expect((await control.workspaceState(pack.id))?.images[0]?.metadata?.status).toBe('processing')
    const done = createMetadata({ description: 'A red bicycle against a wall.' })
    await control.setImageMetadata(pack.id, id, done)
    expect((await getPack(pack.id)).body.data).toMatchObject({ images: [{ id, metadata: done }] })

    await expect(control.setImageMetadata(pack.id, randomUUID(), done)).rejects.toThrow('404')
    await expect(control.setImageMetadata(randomUUID(), id, done)).rejects.toThrow('404')
  })

  it('refuses control bodies that are not packs', async () => {
    const response = await fetch(`${upstream.url}/__control/workspace/packs/${randomUUID()}`, {
      method: 'PUT',
      body: '{"name":"no images"}',
    })
    expect(response.status).toBe(400)
  })
})

describe('uploads', () => {
  async function uploadUrl(contentType = 'image/png') {
    const answer = await call('POST', '/api/partner/v1/files', { contentType, filename: 'a.png' })
    return answer as { status: number; body: { data: Record<string, string | number> } }
  }

  it('hands out a URL on its own origin that takes the bytes and serves them back', async () => {
    const answer = await uploadUrl()
    expect(answer).toEqual({
      status: 201,
      body: {
        ok: true,
        code: 201,
        message: 'Upload URL generated',
        data: {
          uploadUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__uploads\/[0-9a-f]{32}$/),
          url: expect.any(String),
          contentType: 'image/png',
          expiresIn: 600,
        },
      },
    })
    const { uploadUrl: target, url } = answer.body.data as { uploadUrl: string; url: string }
    expect(target.startsWith(`${upstream.url}/__uploads/`)).toBe(true)
    expect(url).toBe(target)
    expect((await fetch(url)).status).toBe(404)

    const bytes = randomBytes(3 * 1024 * 1024)
    const put = await fetch(target, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: bytes,
    })
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual({})
    const served = await fetch(url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)

    const recorded = upstream.received.find((request) => request.method === 'PUT')
    expect(recorded).toMatchObject({
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })
    expect(recorded).not.toHaveProperty('body')
    expect(recorded?.headers.authorization).toBeUndefined()
  })

  it('refuses another Content-Type, unknown tokens, unsupported types and more than 30 MB', async () => {
    const { uploadUrl: target } = (await uploadUrl('image/jpeg')).body.data as { uploadUrl: string }
    const put = (url: string, type: string, body: BodyInit = 'jpeg') =>
      fetch(url, { method: 'PUT', headers: { 'content-type': type }, body })
    expect((await put(target, 'image/png')).status).toBe(400)
    expect((await fetch(target)).status).toBe(404)
    expect((await put(`${upstream.url}/__uploads/${'0'.repeat(32)}`, 'image/jpeg')).status).toBe(
      404,
    )
    expect((await put(target, 'image/jpeg', new Uint8Array(30 * 1024 * 1024 + 1))).status).toBe(413)
    expect((await put(target, 'image/jpeg')).status).toBe(200)

    expect((await uploadUrl('text/html')).status).toBe(422)
    expect((await call('POST', '/api/partner/v1/files', '{')).status).toBe(400)
  })
})

describe('faults', () => {
  it('answers a matching add instead, the given number of times, changing nothing', async () => {
    const pack = await ownedPack({ images: [] })
    const images = `${packPath(pack.id)}/images`
    const failing = 'https://cdn.example.com/fails.jpg'
    await control.addFaults([
      {
        method: 'post',
        pathIncludes: pack.id,
        bodyIncludes: failing,
        times: 2,
        answer: { status: 500, body: errorEnvelope(500, 'Add failed', 'pack_image_add_failed') },
      },
    ])
    const add = (url: string) => call('POST', images, { image_url: url })
    expect((await add('https://cdn.example.com/works.jpg')).status).toBe(201)
    expect(await add(failing)).toEqual({ status: 500, body: failure(500, 'pack_image_add_failed') })
    expect((await call('DELETE', `${images}/${randomUUID()}`)).status).toBe(404)
    expect((await add(failing)).status).toBe(500)
    expect((await control.workspaceState(pack.id))?.images.map((image) => image.url)).toEqual([
      'https://cdn.example.com/works.jpg',
    ])
    expect((await add(failing)).status).toBe(201)
    expect((await control.workspaceState(pack.id))?.image_count).toBe(2)
  })

  it('takes the first matching rule and can delay, reset or fail a PATCH, a delete or an upload', async () => {
    const pack = await ownedPack()
    const image = pack.images[0]!
    await control.addFaults([
      {
        method: 'PATCH',
        pathIncludes: pack.id,
        answer: {
          status: 500,
          body: errorEnvelope(500, 'Update failed', 'pack_update_failed'),
          delayMs: 300,
        },
      },
      { method: 'PATCH', pathIncludes: pack.id, answer: { status: 502 } },
      {
        method: 'DELETE',
        pathIncludes: image.id,
        answer: { status: 500, body: errorEnvelope(500, 'No', 'pack_image_delete_failed') },
      },
      { method: 'PUT', pathIncludes: '/__uploads/', answer: { status: 503, raw: 'busy' } },
      { method: 'GET', pathIncludes: pack.id, answer: { status: 500, reset: true } },
    ])
    await expect(getPack(pack.id)).rejects.toThrow()
    expect((await getPack(pack.id)).status).toBe(200)
    const started = Date.now()
    expect(await call('PATCH', packPath(pack.id), { name: 'Later' })).toEqual({
      status: 500,
      body: failure(500, 'pack_update_failed'),
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect((await call('PATCH', packPath(pack.id), { name: 'Later' })).status).toBe(502)
    expect((await call('DELETE', `${packPath(pack.id)}/images/${image.id}`)).status).toBe(500)
    expect(await control.workspaceState(pack.id)).toEqual(pack)

    const answer = await call('POST', '/api/partner/v1/files', { contentType: 'image/gif' })
    const { uploadUrl: target } = answer.body.data as { uploadUrl: string }
    const put = () =>
      fetch(target, { method: 'PUT', headers: { 'content-type': 'image/gif' }, body: 'GIF89a' })
    const faulted = await put()
    expect([faulted.status, await faulted.text()]).toEqual([503, 'busy'])
    expect((await fetch(target)).status).toBe(404)
    expect((await put()).status).toBe(200)
    expect((await call('PATCH', packPath(pack.id), { name: 'Now' })).status).toBe(200)
  })

  it('refuses rules that are not rules', async () => {
    await expect(control.addFaults([{ method: 'GET' } as never])).rejects.toThrow('400')
  })
})

describe('records and reset', () => {
  it('records each write body as sent', async () => {
    const pack = await ownedPack()
    await call('PATCH', packPath(pack.id), '{"name":"Exact",  "is_public":false}')
    await call('DELETE', `${packPath(pack.id)}/images/${pack.images[0]!.id}`)
    const seen = await control.receivedRequests(pack.id)
    expect(seen.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'PATCH', url: packPath(pack.id), body: '{"name":"Exact",  "is_public":false}' },
      { method: 'DELETE', url: `${packPath(pack.id)}/images/${pack.images[0]!.id}`, body: '' },
    ])
  })

  it('forgets the workspace, the uploads and the faults', async () => {
    const pack = await ownedPack({ images: [createImage()] })
    const upload = await call('POST', '/api/partner/v1/files', { contentType: 'image/png' })
    const { uploadUrl: target } = upload.body.data as { uploadUrl: string }
    await control.addFaults([
      { method: 'POST', pathIncludes: PACKS_PATH, answer: { status: 500, body: {} } },
    ])
    upstream.reset()
    expect(upstream.received).toEqual([])
    expect(await getPack(pack.id)).toEqual({ status: 404, body: failure(404, 'not_found') })
    expect((await call('POST', PACKS_PATH, { name: 'After reset' })).status).toBe(201)
    const put = await fetch(target, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: 'png',
    })
    expect(put.status).toBe(404)
  })
})
