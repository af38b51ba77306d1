import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { packPath } from '@contract/partner-api/paths'
import { fakeUuid } from '@contract/partner-api/wire'
import { server, setupMsw } from '@/testing/msw'
import { addImages, removeImages } from './remove-images'
import { retryMetadata } from './retry-metadata'

setupMsw()

const PACK = fakeUuid(1, 'aaaaaaaa')
const image = (n: number) => ({ id: fakeUuid(n), url: `https://cdn.example/shots/img%20${n}.jpg` })

interface Call {
  method: string
  path: string
  body: unknown
  headers: Record<string, string | null>
}

/** A Partner API that adds and deletes as told, and keeps every call it got. */
function partnerApi({
  addFails = new Set<string>(),
  deleteFails = new Set<string>(),
}: { addFails?: Set<string>; deleteFails?: Set<string> } = {}) {
  const calls: Call[] = []
  let nextId = 100
  const keep = async (request: Request) => {
    const text = await request.text()
    calls.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: text ? JSON.parse(text) : null,
      headers: {
        type: request.headers.get('content-type'),
        reviewer: request.headers.get('x-pack-explorer-reviewer'),
        intent: request.headers.get('x-pack-explorer-intent'),
      },
    })
    return text ? (JSON.parse(text) as { image_url?: string }) : {}
  }
  server.use(
    http.post(`*${packPath(PACK)}/images`, async ({ request }) => {
      const { image_url: url } = await keep(request)
      if (addFails.has(url!)) {
        return HttpResponse.json(
          { ok: false, code: 500, message: 'Could not add', error_code: 'pack_image_add_failed' },
          { status: 500 },
        )
      }
      return HttpResponse.json(
        { ok: true, code: 201, message: 'Pack image added', data: { id: fakeUuid(nextId++), url } },
        { status: 201 },
      )
    }),
    http.delete(`*${packPath(PACK)}/images/:imageId`, async ({ request, params }) => {
      await keep(request)
      if (deleteFails.has(String(params.imageId))) {
        return HttpResponse.json(
          { ok: false, code: 404, message: 'Gone', error_code: 'image_not_found' },
          { status: 404 },
        )
      }
      return HttpResponse.json({ ok: true, code: 200, message: 'deleted', data: { deleted: true } })
    }),
  )
  return calls
}

describe('retryMetadata', () => {
  it('adds the same URL again with its file name, then deletes the old image', async () => {
    const calls = partnerApi()
    const outcomes = await retryMetadata(PACK, [image(1)], { reviewer: 'Zoë D' })
    expect(outcomes).toEqual([
      { imageId: image(1).id, status: 'retried', newImageId: fakeUuid(100) },
    ])
    expect(calls).toEqual([
      {
        method: 'POST',
        path: `${packPath(PACK)}/images`,
        body: { image_url: image(1).url, file_name: 'img 1.jpg' },
        headers: { type: 'application/json', reviewer: 'Zo%C3%AB%20D', intent: 'retry' },
      },
      {
        method: 'DELETE',
        path: `${packPath(PACK)}/images/${image(1).id}`,
        body: null,
        headers: { type: 'application/json', reviewer: 'Zo%C3%AB%20D', intent: 'retry' },
      },
    ])
  })

  it('keeps the old image when the copy could not be added, and says which failed how', async () => {
    const calls = partnerApi({
      addFails: new Set([image(2).url]),
      deleteFails: new Set([image(3).id]),
    })
    const seen: string[] = []
    const outcomes = await retryMetadata(
      PACK,
      [image(1), image(2), image(3)],
      { reviewer: null },
      (outcome) => seen.push(outcome.imageId),
    )
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'retried',
      'not_added',
      'not_removed',
    ])
    expect(outcomes[1]).toMatchObject({
      error: { status: 500, errorCode: 'pack_image_add_failed' },
    })
    expect(outcomes[2]).toMatchObject({ error: { status: 404, errorCode: 'image_not_found' } })
    expect(new Set(seen)).toEqual(new Set([image(1).id, image(2).id, image(3).id]))
    // No delete for the image whose copy failed; no name sent when the server knows the user.
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(
      expect.not.arrayContaining([`${packPath(PACK)}/images/${image(2).id}`]),
    )
    expect(calls.every((call) => call.headers.reviewer === null)).toBe(true)
  })

  it('adds the copies one at a time, in order, so they keep their order at the end', async () => {
    let active = 0
    let most = 0
    const added: string[] = []
    server.use(
      http.post(`*${packPath(PACK)}/images`, async ({ request }) => {
        most = Math.max(most, ++active)
        added.push(((await request.json()) as { image_url: string }).image_url)
        await new Promise((resolve) => setTimeout(resolve, 5))
        active--
        return HttpResponse.json({ ok: true, code: 201, message: '', data: { id: fakeUuid(9) } })
      }),
      http.delete(`*${packPath(PACK)}/images/:imageId`, () =>
        HttpResponse.json({ ok: true, code: 200, message: '', data: {} }),
      ),
    )
    const targets = Array.from({ length: 10 }, (_, n) => image(n))
    const outcomes = await retryMetadata(PACK, targets, { reviewer: 'Dana' })
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(10).fill('retried'))
    expect(outcomes.map((outcome) => outcome.imageId)).toEqual(targets.map((target) => target.id))
    expect(added).toEqual(targets.map((target) => target.url))
    expect(most).toBe(1)
  })
})

describe('removeImages and addImages', () => {
  it('removes each image and says which could not be removed', async () => {
    const calls = partnerApi({ deleteFails: new Set([image(2).id]) })
    const outcomes = await removeImages(PACK, [image(1), image(2)], { reviewer: 'Dana' })
    expect(outcomes).toEqual([
      { imageId: image(1).id, url: image(1).url, removed: true },
      expect.objectContaining({ imageId: image(2).id, removed: false }),
    ])
    expect(calls.map((call) => call.headers.intent)).toEqual(['remove', 'remove'])
  })

  it('adds URLs back one at a time, in order, with the intent given', async () => {
    const calls = partnerApi({ addFails: new Set([image(2).url]) })
    const outcomes = await addImages(PACK, [image(1).url, image(2).url, image(3).url], {
      reviewer: 'Dana',
      intent: 'undo',
    })
    expect(outcomes.map((outcome) => outcome.added)).toEqual([true, false, true])
    expect(calls.map((call) => (call.body as { image_url: string }).image_url)).toEqual([
      image(1).url,
      image(2).url,
      image(3).url,
    ])
    expect(calls.every((call) => call.headers.intent === 'undo')).toBe(true)
  })
})
