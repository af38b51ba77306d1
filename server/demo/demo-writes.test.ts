import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packSchema } from '../../contract/partner-api/pack.ts'
import { PACKS_PATH, packPath } from '../../contract/partner-api/paths.ts'
import { fakeUuid } from '../../contract/partner-api/wire.ts'
import { DEMO_API_TOKEN, startDemoApi, type DemoApi } from './demo-api.ts'
import { FILES_PATH, MAX_CREATED_PACKS, MAX_PACK_IMAGES } from './demo-writes.ts'
import { DEMO_PACK_IDS, sizedPackId } from './fixtures.ts'
import { DEMO_FAILURE_MESSAGE, PROCESSING_AFTER_MS, SETTLED_AFTER_MS } from './image-lifecycle.ts'

const AUTH = { authorization: `Bearer ${DEMO_API_TOKEN}` }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The demo's clock, moved by the tests. */
let clock = Date.parse('2026-12-01T10:00:00.000Z')
let demo: DemoApi

beforeAll(async () => {
  demo = await startDemoApi({ now: () => clock })
})

afterAll(async () => {
  await demo?.close()
})

interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- envelopes of every shape
  body: any
}

/** A request with the demo key; an object body is sent as JSON, a string as it is. */
async function send(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<Answer> {
  const response = await fetch(demo.url + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

const imagesPath = (packId: string) => `${packPath(packId)}/images`
const imagePath = (packId: string, imageId: string) => `${imagesPath(packId)}/${imageId}`
const getPack = async (packId: string) => (await send('GET', packPath(packId))).body.data
const listIds = async () =>
  ((await send('GET', `${PACKS_PATH}?limit=100`)).body.data.packs as { id: string }[]).map(
    (pack) => pack.id,
  )

async function createPack(name = 'Test pack', isPublic?: boolean): Promise<string> {
  const answer = await send('POST', PACKS_PATH, { name, is_public: isPublic })
  expect(answer.status).toBe(201)
  return answer.body.data.id as string
}

describe('Create Pack', () => {
  it('answers 201 with the new, empty pack, trimmed name and is_public false by default', async () => {
    const answer = await send('POST', PACKS_PATH, { name: '  Holiday drafts  ' })
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ ok: true, code: 201, message: 'Pack created' })
    const pack = answer.body.data
    expect(pack).toEqual({
      id: expect.stringMatching(UUID),
      name: 'Holiday drafts',
      image_count: 0,
      is_public: false,
      created_at: expect.any(String),
      images: [],
    })
    expect(Date.parse(pack.created_at)).toBeGreaterThanOrEqual(clock)
  })

  it('is served by Get Pack and listed first (newest first)', async () => {
    const id = await createPack('Listed pack', true)
    expect(await getPack(id)).toMatchObject({ id, name: 'Listed pack', is_public: true })
    expect(packSchema.parse(await getPack(id)).images).toEqual([])
    expect((await listIds())[0]).toBe(id)
    const later = await createPack('Even newer')
    expect((await listIds()).slice(0, 2)).toEqual([later, id])
  })
})

describe('Update Pack', () => {
  it('renames a pack and answers it without images, as documented', async () => {
    const answer = await send('PATCH', packPath(DEMO_PACK_IDS.motivation), { name: ' Renamed ' })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ ok: true, code: 200, message: 'Pack updated' })
    expect(answer.body.data).toMatchObject({
      id: DEMO_PACK_IDS.motivation,
      name: 'Renamed',
      image_count: 2,
      images: [],
    })
    const pack = await getPack(DEMO_PACK_IDS.motivation)
    expect(pack.name).toBe('Renamed')
    expect(pack.images).toHaveLength(2)
  })

  it('is not answered from a Get Pack body kept from before the write', async () => {
    const id = DEMO_PACK_IDS.countMismatch
    const brotli = { ...AUTH, 'accept-encoding': 'br' }
    await send('GET', packPath(id), undefined, brotli)
    expect((await getPack(id)).is_public).toBe(false)
    await send('PATCH', packPath(id), { is_public: true })
    expect((await getPack(id)).is_public).toBe(true)
    expect((await send('GET', packPath(id), undefined, brotli)).body.data.is_public).toBe(true)
  })

  it('keeps a pack created here writable once it is public', async () => {
    const id = await createPack('Soon public')
    expect((await send('PATCH', packPath(id), { is_public: true })).body.data.is_public).toBe(true)
    expect((await send('PATCH', packPath(id), { name: 'Still ours' })).status).toBe(200)
    const added = await send('POST', imagesPath(id), { image_url: 'https://cdn.example.com/a.jpg' })
    expect(added.status).toBe(201)
  })
})

describe('Delete Pack', () => {
  it('answers { id, deleted: true } and the pack is gone from Get and List Packs', async () => {
    const id = await createPack('Short-lived')
    expect(await listIds()).toContain(id)
    const answer = await send('DELETE', packPath(id))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ ok: true, code: 200, data: { id, deleted: true } })
    expect((await send('GET', packPath(id))).status).toBe(404)
    expect(await listIds()).not.toContain(id)
    expect(await send('DELETE', packPath(id))).toMatchObject({
      status: 404,
      body: { error_code: 'not_found' },
    })
  })
})

describe('Add Pack Image and Delete Pack Image', () => {
  it('adds an image at the end of the pack, with a new id and the guessed content type', async () => {
    const id = await createPack('With images')
    const urls = [
      ['https://cdn.example.com/one.png', 'image/png'],
      ['https://cdn.example.com/two.WEBP?size=large', 'image/webp'],
      ['http://cdn.example.com/three', 'image/jpeg'],
      ['https://cdn.example.com/four.bmp', 'image/jpeg'],
    ] as const
    const ids: string[] = []
    for (const [url, type] of urls) {
      const answer = await send('POST', imagesPath(id), { image_url: url })
      expect(answer.status).toBe(201)
      expect(answer.body).toMatchObject({ ok: true, code: 201, message: 'Pack image added' })
      expect(answer.body.data).toEqual({
        id: expect.stringMatching(UUID),
        url,
        file_name: 'image',
        content_type: type,
      })
      ids.push(answer.body.data.id)
    }
    const named = await send('POST', imagesPath(id), {
      image_url: urls[0][0],
      file_name: 'cover.png',
    })
    expect(named.body.data).toMatchObject({ url: urls[0][0], file_name: 'cover.png' })
    ids.push(named.body.data.id)

    const pack = packSchema.parse(await getPack(id))
    expect(pack.image_count).toBe(5)
    expect(pack.images.map((image) => image.id)).toEqual(ids)
    expect(pack.images[4]?.url).toBe(urls[0][0])
  })

  it('deletes an image, then answers image_not_found for it', async () => {
    const id = await createPack('Deleting')
    const added = await send('POST', imagesPath(id), { image_url: 'https://x.test/a.jpg' })
    const imageId = added.body.data.id as string
    const answer = await send('DELETE', imagePath(id, imageId))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      ok: true,
      code: 200,
      message: 'Pack image deleted',
      data: { id: imageId, deleted: true },
    })
    expect(await getPack(id)).toMatchObject({ image_count: 0, images: [] })
    expect(await send('DELETE', imagePath(id, imageId))).toMatchObject({
      status: 404,
      body: { ok: false, code: 404, error_code: 'image_not_found' },
    })
  })

  it('deletes a seeded image, matching its id in any case', async () => {
    const before = await getPack(DEMO_PACK_IDS.empty)
    const added = await send('POST', imagesPath(DEMO_PACK_IDS.empty), {
      image_url: 'https://x.test/b.jpg',
    })
    const upper = (added.body.data.id as string).toUpperCase()
    expect((await send('DELETE', imagePath(DEMO_PACK_IDS.empty, upper))).status).toBe(200)
    expect(await getPack(DEMO_PACK_IDS.empty)).toEqual(before)
  })

  it('answers pack_not_found, missing_pack_id and missing_image_id', async () => {
    const unknown = '99999999-9999-4999-8999-999999999999'
    expect(await send('DELETE', imagePath(unknown, fakeUuid(1)))).toMatchObject({
      status: 404,
      body: { error_code: 'pack_not_found' },
    })
    expect(await send('DELETE', `${PACKS_PATH}//images/${fakeUuid(1)}`)).toMatchObject({
      status: 400,
      body: { error_code: 'missing_pack_id' },
    })
    expect(await send('DELETE', `${imagesPath(DEMO_PACK_IDS.motivation)}/`)).toMatchObject({
      status: 400,
      body: { error_code: 'missing_image_id' },
    })
    expect(
      await send('POST', imagesPath(unknown), { image_url: 'https://x.test/a.jpg' }),
    ).toMatchObject({ status: 404, body: { error_code: 'not_found' } })
    expect(await send('PATCH', packPath(unknown), { name: 'x' })).toMatchObject({
      status: 404,
      body: { error_code: 'not_found' },
    })
  })
})

describe('the metadata of an added image', () => {
  it('goes pending, processing, then completed, or failed for a "fail" URL', async () => {
    const id = await createPack('Lifecycle')
    const addedAt = clock
    const ok = await send('POST', imagesPath(id), { image_url: 'https://x.test/photo.jpg' })
    const bad = await send('POST', imagesPath(id), { image_url: 'https://x.test/will-FAIL.png' })
    const statuses = async () => {
      const pack = packSchema.parse(await getPack(id))
      return pack.images.map((image) => image.metadata?.status)
    }
    expect(await statuses()).toEqual(['pending', 'pending'])
    clock += PROCESSING_AFTER_MS - 1
    expect(await statuses()).toEqual(['pending', 'pending'])
    clock += 1
    expect(await statuses()).toEqual(['processing', 'processing'])
    clock = addedAt + SETTLED_AFTER_MS
    const [completed, failed] = (await getPack(id)).images
    expect(completed).toMatchObject({
      id: ok.body.data.id,
      metadata: {
        status: 'completed',
        description: expect.stringMatching(/\w/),
        keywords: expect.arrayContaining([expect.stringMatching(/^[a-z ]+$/)]),
        model: 'gpt-4.1-nano',
        generated_at: new Date(addedAt + SETTLED_AFTER_MS).toISOString(),
        error: null,
      },
    })
    expect(failed).toMatchObject({
      id: bad.body.data.id,
      metadata: { status: 'failed', description: null, error: DEMO_FAILURE_MESSAGE },
    })
    // Settled, it stays so.
    clock += 60_000
    expect(await statuses()).toEqual(['completed', 'failed'])
    const keyword = completed.metadata.keywords[0] as string
    const found = await send('GET', `${PACKS_PATH}?search=${encodeURIComponent(keyword)}`)
    expect(found.body.data.packs.map((pack: { id: string }) => pack.id)).toContain(id)
  })

  it('describes one of the demo images with its own words', async () => {
    const id = await createPack('Own image')
    const url = 'http://localhost:5173/demo-images/gym-dumbbells.svg'
    await send('POST', imagesPath(id), { image_url: url })
    clock += SETTLED_AFTER_MS
    expect((await getPack(id)).images[0].metadata.keywords).toContain('gym')
  })
})

describe('the scope of writes', () => {
  const catalogPublic = fakeUuid(1, '7c1d3e50')
  const outOfScope = [
    ['a public pack', DEMO_PACK_IDS.mixed],
    ['a public catalog pack', catalogPublic],
    ['the 2,000-image public pack', DEMO_PACK_IDS.large],
    ['the generating pack', DEMO_PACK_IDS.generating],
    ['a generated benchmark pack', sizedPackId(12)],
  ] as const

  it.each(outOfScope)('every write to %s is 404, and it is unchanged', async (_name, id) => {
    const before = await getPack(id)
    const imageId = (before.images[0]?.id as string | undefined) ?? fakeUuid(1)
    expect(await send('PATCH', packPath(id), { name: 'Mine now' })).toMatchObject({
      status: 404,
      body: { ok: false, code: 404, error_code: 'not_found' },
    })
    expect(await send('POST', imagesPath(id), { image_url: 'https://x.test/a.jpg' })).toMatchObject(
      { status: 404, body: { error_code: 'not_found' } },
    )
    expect(await send('DELETE', imagePath(id, imageId))).toMatchObject({
      status: 404,
      body: { error_code: 'pack_not_found' },
    })
    expect(await send('DELETE', packPath(id))).toMatchObject({
      status: 404,
      body: { error_code: 'not_found' },
    })
    const after = await getPack(id)
    if (id === DEMO_PACK_IDS.generating) {
      expect(after.images.map((image: { id: string }) => image.id)).toEqual(
        before.images.map((image: { id: string }) => image.id),
      )
    } else expect(after).toEqual(before)
  })

  it('answers a reserved error id with its error, a 500 as the write’s own', async () => {
    const reserved = (n: string) => `00000000-0000-4000-8000-${n}`
    expect(await send('PATCH', packPath(reserved('000000000402')), { name: 'x' })).toMatchObject({
      status: 402,
      body: { error_code: 'subscription_required' },
    })
    expect(await send('DELETE', packPath(reserved('000000000500')))).toMatchObject({
      status: 500,
      body: { error_code: 'pack_delete_failed' },
    })
    expect(
      await send('POST', imagesPath(reserved('000000000299')), {
        image_url: 'https://x.test/a.jpg',
      }),
    ).toMatchObject({ status: 404, body: { error_code: 'not_found' } })
    const html = await fetch(demo.url + packPath(reserved('000000000503')), {
      method: 'DELETE',
      headers: AUTH,
    })
    expect(html.status).toBe(503)
  })
})

describe('refused writes', () => {
  const motivation = packPath(DEMO_PACK_IDS.motivation)
  const images = imagesPath(DEMO_PACK_IDS.motivation)
  const cases: [string, string, string, unknown, number, string][] = [
    ['Create Pack', 'POST', PACKS_PATH, '{"name":', 400, 'invalid_json'],
    ['Create Pack', 'POST', PACKS_PATH, {}, 422, 'invalid_payload'],
    ['Create Pack', 'POST', PACKS_PATH, '', 422, 'invalid_payload'],
    ['Create Pack', 'POST', PACKS_PATH, { name: '   ' }, 422, 'invalid_payload'],
    ['Create Pack', 'POST', PACKS_PATH, { name: 'x'.repeat(121) }, 422, 'invalid_payload'],
    ['Create Pack', 'POST', PACKS_PATH, { name: 7 }, 422, 'invalid_payload'],
    ['Create Pack', 'POST', PACKS_PATH, { name: 'x', is_public: 'yes' }, 422, 'invalid_payload'],
    ['Create Pack', 'POST', PACKS_PATH, '[]', 422, 'invalid_payload'],
    ['Update Pack', 'PATCH', motivation, 'nope', 400, 'invalid_json'],
    ['Update Pack', 'PATCH', motivation, {}, 422, 'invalid_payload'],
    ['Update Pack', 'PATCH', motivation, '', 422, 'invalid_payload'],
    ['Update Pack', 'PATCH', motivation, { name: '' }, 422, 'invalid_payload'],
    ['Update Pack', 'PATCH', motivation, { is_public: 1 }, 422, 'invalid_payload'],
    ['Add Pack Image', 'POST', images, '{', 400, 'invalid_json'],
    ['Add Pack Image', 'POST', images, {}, 422, 'invalid_payload'],
    ['Add Pack Image', 'POST', images, { image_url: '/a.jpg' }, 422, 'invalid_payload'],
    ['Add Pack Image', 'POST', images, { image_url: 'ftp://x.test/a.jpg' }, 422, 'invalid_payload'],
    [
      'Add Pack Image',
      'POST',
      images,
      { image_url: `https://x.test/${'a'.repeat(2_100)}.jpg` },
      422,
      'invalid_payload',
    ],
    [
      'Add Pack Image',
      'POST',
      images,
      { image_url: 'https://x.test/a.jpg', file_name: '' },
      422,
      'invalid_payload',
    ],
    [
      'Add Pack Image',
      'POST',
      images,
      { image_url: 'https://x.test/a.jpg', file_name: 'f'.repeat(256) },
      422,
      'invalid_payload',
    ],
    ['Upload File', 'POST', FILES_PATH, '{]', 400, 'invalid_json'],
    ['Upload File', 'POST', FILES_PATH, {}, 422, 'invalid_payload'],
    ['Upload File', 'POST', FILES_PATH, { contentType: 'image/svg+xml' }, 422, 'invalid_payload'],
    ['Upload File', 'POST', FILES_PATH, { contentType: 'text/html' }, 422, 'invalid_payload'],
    [
      'Upload File',
      'POST',
      FILES_PATH,
      { contentType: 'image/png', filename: '' },
      422,
      'invalid_payload',
    ],
  ]

  it.each(cases)('%s %s %s %j is %i %s', async (_name, method, path, body, status, code) => {
    const before = await getPack(DEMO_PACK_IDS.motivation)
    const answer = await send(method, path, body)
    expect(answer).toMatchObject({ status, body: { ok: false, code: status, error_code: code } })
    expect(answer.body.message).toEqual(expect.any(String))
    expect(await getPack(DEMO_PACK_IDS.motivation)).toEqual(before)
  })

  it('takes a name of 120 characters after trimming', async () => {
    const name = 'n'.repeat(120)
    const answer = await send('POST', PACKS_PATH, { name: `  ${name}  ` })
    expect(answer.status).toBe(201)
    expect(answer.body.data.name).toBe(name)
  })

  it.each([
    ['POST', PACKS_PATH],
    ['PATCH', packPath(DEMO_PACK_IDS.empty)],
    ['DELETE', packPath(DEMO_PACK_IDS.empty)],
    ['POST', imagesPath(DEMO_PACK_IDS.empty)],
    ['DELETE', imagePath(DEMO_PACK_IDS.motivation, '22222222-2222-2222-2222-222222222222')],
    ['POST', FILES_PATH],
  ])('%s %s without the key is 401', async (method, path) => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const answer = await send(method, path, { name: 'x', contentType: 'image/png' }, headers)
      expect(answer).toMatchObject({ status: 401, body: { error_code: 'invalid_token' } })
    }
    expect((await getPack(DEMO_PACK_IDS.empty)).name).toBe('Empty Draft Pack')
  })

  it.each([
    ['PUT', packPath(DEMO_PACK_IDS.empty), 'GET, HEAD, PATCH, DELETE'],
    ['GET', imagesPath(DEMO_PACK_IDS.empty), 'POST'],
    ['PATCH', imagePath(DEMO_PACK_IDS.empty, fakeUuid(1)), 'DELETE'],
    ['GET', FILES_PATH, 'POST'],
    ['DELETE', PACKS_PATH, 'GET, HEAD, POST'],
  ])('%s %s is 405, allowing %s', async (method, path, allow) => {
    const response = await fetch(demo.url + path, { method, headers: AUTH })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
  })

  it('answers 404 for paths below a pack that name nothing', async () => {
    expect((await send('POST', `${packPath(DEMO_PACK_IDS.empty)}/other`, {})).status).toBe(404)
    expect((await send('DELETE', `${imagePath(DEMO_PACK_IDS.empty, 'a')}/b`)).status).toBe(404)
  })
})

// A fresh demo each: these fill it up.
describe('memory bounds', () => {
  let full: DemoApi

  beforeAll(async () => {
    full = await startDemoApi()
  })

  afterAll(async () => {
    await full?.close()
  })

  const post = async (path: string, body: unknown) => {
    const response = await fetch(full.url + path, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Answer['body'] }
  }

  it(`creates ${MAX_CREATED_PACKS} packs at most, and one more once one is deleted`, async () => {
    const ids: string[] = []
    for (let i = 0; i < MAX_CREATED_PACKS; i += 1) {
      const answer = await post(PACKS_PATH, { name: `Pack ${i}` })
      expect(answer.status).toBe(201)
      ids.push(answer.body.data.id)
    }
    const refused = await post(PACKS_PATH, { name: 'One too many' })
    expect(refused).toMatchObject({ status: 422, body: { error_code: 'demo_limit_reached' } })
    expect(refused.body.message).toContain(String(MAX_CREATED_PACKS))
    await fetch(full.url + packPath(ids[0]!), { method: 'DELETE', headers: AUTH })
    expect((await post(PACKS_PATH, { name: 'Room again' })).status).toBe(201)
  })

  it(`adds ${MAX_PACK_IMAGES} images to a pack at most`, async () => {
    const path = imagesPath(DEMO_PACK_IDS.empty)
    for (let i = 0; i < MAX_PACK_IMAGES; i += 100) {
      const batch = Array.from({ length: 100 }, (_, j) =>
        post(path, { image_url: `https://x.test/${i + j}.jpg` }),
      )
      expect((await Promise.all(batch)).every((answer) => answer.status === 201)).toBe(true)
    }
    const refused = await post(path, { image_url: 'https://x.test/more.jpg' })
    expect(refused).toMatchObject({ status: 422, body: { error_code: 'demo_limit_reached' } })
  }, 30_000)
})
