import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fakeUuid } from '@contract/partner-api/wire'
import { ApiError } from '@/lib/api-error'
import { server, setupMsw } from '@/testing/msw'
import { uploadPath } from './pack-writes'
import { uploadFile } from './upload-file'

setupMsw()

const PACK = fakeUuid(1, 'aaaaaaaa')
const BYTES = new Uint8Array([137, 80, 78, 71, 1, 2, 3])
const file = () => new File([BYTES], 'Zoë’s cat.png', { type: 'image/png' })

describe('uploadFile', () => {
  it('sends the raw bytes with the image type, the encoded name, who and why', async () => {
    let seen: { headers: Record<string, string | null>; body: number[] } | null = null
    server.use(
      http.post(`*${uploadPath(PACK)}`, async ({ request }) => {
        seen = {
          headers: Object.fromEntries(
            [
              'content-type',
              'x-file-name',
              'x-pack-explorer-reviewer',
              'x-pack-explorer-intent',
            ].map((name) => [name, request.headers.get(name)]),
          ),
          body: [...new Uint8Array(await request.arrayBuffer())],
        }
        return HttpResponse.json(
          {
            ok: true,
            code: 201,
            message: 'Pack image added',
            data: { id: fakeUuid(7), url: 'https://files.example/cat.png' },
          },
          { status: 201 },
        )
      }),
    )
    const added = await uploadFile(
      PACK,
      file(),
      { contentType: 'image/png', fileName: 'Zoë’s cat.png' },
      { reviewer: 'Zoë D', intent: 'upload' },
    )
    expect(added).toEqual({ id: fakeUuid(7), url: 'https://files.example/cat.png' })
    expect(seen).toEqual({
      headers: {
        'content-type': 'image/png',
        'x-file-name': encodeURIComponent('Zoë’s cat.png'),
        'x-pack-explorer-reviewer': 'Zo%C3%AB%20D',
        'x-pack-explorer-intent': 'upload',
      },
      body: [...BYTES],
    })
  })

  it('rejects with the envelope’s code and message, or the bare status without one', async () => {
    server.use(
      http.post(`*${uploadPath(PACK)}`, () =>
        HttpResponse.json(
          { ok: false, code: 503, message: 'Too many uploads', error_code: 'uploads_busy' },
          { status: 503, headers: { 'retry-after': '5' } },
        ),
      ),
    )
    const upload = () =>
      uploadFile(
        PACK,
        file(),
        { contentType: 'image/png', fileName: 'a.png' },
        {
          reviewer: null,
          intent: 'upload',
        },
      )
    await expect(upload()).rejects.toMatchObject({
      kind: 'http',
      status: 503,
      errorCode: 'uploads_busy',
      message: 'Too many uploads',
      retryAfterSeconds: 5,
    })
    server.use(http.post(`*${uploadPath(PACK)}`, () => new HttpResponse('<html>', { status: 413 })))
    const error = await upload().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'http', status: 413, errorCode: null, hasEnvelope: false })
  })

  it('rejects a network failure and a stop as errors of their own', async () => {
    server.use(http.post(`*${uploadPath(PACK)}`, () => HttpResponse.error()))
    const meta = { contentType: 'image/png', fileName: 'a.png' } as const
    const who = { reviewer: null, intent: 'upload' } as const
    await expect(uploadFile(PACK, file(), meta, who)).rejects.toMatchObject({ kind: 'network' })
    const controller = new AbortController()
    controller.abort()
    await expect(
      uploadFile(PACK, file(), meta, who, { signal: controller.signal }),
    ).rejects.toMatchObject({ kind: 'network', cause: 'aborted' })
  })
})
