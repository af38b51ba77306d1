// The write rows of the route table, through the real middleware to a real upstream: what the
// upstream gets (method, path, exact body, the server's key and nothing of the browser's), what
// the proxy refuses itself (nothing forwarded, nothing recorded), who may write, and what each
// write leaves in the activity log.
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { setAuthenticatedUser } from '../authenticated-user.ts'
import { createPartnerProxy, type PartnerProxyOptions } from './proxy.ts'
import {
  PACK_ID,
  PACK_PATH,
  TOKEN,
  describeTheKeyCheck,
  expectEnvelope,
  extraServer,
  h,
  json,
  logLine,
  rawCall,
  useProxyHarness,
  type TestServer,
} from './test-harness.ts'
import type { WritePolicy } from './write-gate.ts'
import type { WriteRecord } from './write-record.ts'

useProxyHarness()

const IMAGE_ID = '22222222-2222-4222-8222-222222222222'
const NEW_PACK_ID = '33333333-3333-4333-8333-333333333333'
const IMAGE_PATH = `${PACK_PATH}/images/${IMAGE_ID}`
const JSON_TYPE = { 'content-type': 'application/json' }
const AS_DANA = { ...JSON_TYPE, 'x-pack-explorer-reviewer': 'Dana' }

/** What the upstream got: method, path, body as sent, and the headers that matter. */
interface Seen {
  method: string
  url: string
  body: string
  headers: IncomingMessage['headers']
}

/** The upstream answers every request with `status` and `body`, and keeps what it got. */
function upstreamAnswers(status: number, body: unknown): Seen[] {
  const seen: Seen[] = []
  h.upstreamHandler = (req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += String(chunk)))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body: text, headers: req.headers })
      json(res, status, body)
    })
  }
  return seen
}

interface WriteProxy {
  server: TestServer
  records: WriteRecord[]
}

/**
 * A proxy that may write, recording into `records`; `x-test-user` plays the signed-in user
 * (what Basic auth or the authenticating proxy would set in front).
 */
async function writeProxy(
  policy: Partial<WritePolicy> = {},
  options: Partial<PartnerProxyOptions> = {},
): Promise<WriteProxy> {
  const records: WriteRecord[] = []
  const handler = createPartnerProxy({
    baseUrl: h.upstream.url,
    token: TOKEN,
    timeoutMs: 5_000,
    log: logLine,
    writes: {
      allowed: () => true,
      proxyAuth: false,
      canRecord: () => true,
      record: async (record) => void records.push(record),
      imageUrl: async (packId, imageId) =>
        packId === PACK_ID && imageId === IMAGE_ID ? 'https://cdn.example/old.jpg' : null,
      ...policy,
    },
    ...options,
  })
  const server = await extraServer((req, res) => {
    const user = req.headers['x-test-user']
    if (typeof user === 'string') setAuthenticatedUser(req, user)
    handler(req, res, () => {
      res.statusCode = 418
      res.end('next')
    })
  })
  return { server, records }
}

const created = { ok: true, code: 201, message: 'Pack created' }

describe('each write row forwards exactly what the contract documents', () => {
  it.each([
    {
      row: 'Create Pack',
      method: 'POST',
      path: '/api/partner/v1/packs',
      body: '{"name":"  Summer  ","is_public":true,"owner":"someone else","images":[1]}',
      forwarded: '{"name":"Summer","is_public":true}',
      answer: { ...created, data: { id: NEW_PACK_ID, name: 'Summer', images: [] } },
      record: {
        packId: NEW_PACK_ID,
        action: 'create_pack',
        imageIds: [],
        urls: [],
        details: { name: 'Summer', is_public: true },
      },
    },
    {
      row: 'Update Pack',
      method: 'PATCH',
      path: PACK_PATH.replace('11111111-1111', '11111111-AAAA').replace('aaaa', 'AAAA'),
      upstreamPath: PACK_PATH.replace('11111111-1111', '11111111-aaaa'),
      body: '{"is_public":false,"image_count":0}',
      forwarded: '{"is_public":false}',
      answer: { ok: true, code: 200, message: 'Pack updated', data: { images: [] } },
      record: {
        packId: PACK_ID.replace('11111111-1111', '11111111-aaaa'),
        action: 'update_pack',
        details: { is_public: false },
      },
    },
    {
      row: 'Delete Pack',
      method: 'DELETE',
      path: PACK_PATH,
      body: '{"cascade":true}',
      forwarded: '',
      answer: { ok: true, code: 200, message: 'Pack deleted', data: { id: PACK_ID } },
      record: { packId: PACK_ID, action: 'delete_pack', imageIds: [], urls: [], details: {} },
    },
    {
      row: 'Add Pack Image',
      method: 'POST',
      path: `${PACK_PATH}/images`,
      body: '{"image_url":"https://cdn.example/a.jpg","file_name":"a.jpg","metadata":{"status":"completed"}}',
      forwarded: '{"image_url":"https://cdn.example/a.jpg","file_name":"a.jpg"}',
      answer: { ...created, data: { id: IMAGE_ID, url: 'https://cdn.example/a.jpg' } },
      record: {
        packId: PACK_ID,
        action: 'add_image',
        imageIds: [IMAGE_ID],
        urls: ['https://cdn.example/a.jpg'],
        details: { file_name: 'a.jpg' },
      },
    },
    {
      row: 'Delete Pack Image',
      method: 'DELETE',
      path: IMAGE_PATH,
      forwarded: '',
      answer: { ok: true, code: 200, message: 'Pack image deleted', data: { id: IMAGE_ID } },
      record: {
        packId: PACK_ID,
        action: 'delete_image',
        imageIds: [IMAGE_ID],
        urls: ['https://cdn.example/old.jpg'],
      },
    },
    {
      row: 'Upload File',
      method: 'POST',
      path: '/api/partner/v1/files',
      body: '{"contentType":"image/png","filename":"cat.png","size":5}',
      forwarded: '{"contentType":"image/png","filename":"cat.png"}',
      answer: {
        ...created,
        data: {
          uploadUrl: 'https://up.example/signed?sig=SECRET',
          url: 'https://cdn.example/cat.png',
        },
      },
      record: {
        packId: null,
        action: 'upload_file',
        urls: ['https://cdn.example/cat.png'],
        details: { content_type: 'image/png', file_name: 'cat.png' },
      },
    },
  ])('$row', async ({ method, path, upstreamPath, body, forwarded, answer, record }) => {
    const seen = upstreamAnswers(answer.code, answer)
    const proxy = await writeProxy()
    const response = await rawCall(`${path}?token=x`, {
      method,
      headers: {
        ...AS_DANA,
        cookie: 'sid=HOSTILE',
        authorization: 'Bearer HOSTILE',
        // Node sends none on a DELETE by itself; a browser always does.
        ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
      },
      body,
      base: proxy.server,
    })
    expect(response.status).toBe(answer.code)
    expect(JSON.parse(response.body)).toEqual(answer)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ method, url: upstreamPath ?? path, body: forwarded })
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(seen[0]!.headers.cookie).toBeUndefined()
    expect(seen[0]!.headers['x-pack-explorer-reviewer']).toBeUndefined()
    expect(seen[0]!.headers['content-type']).toBe(forwarded ? 'application/json' : undefined)
    expect(proxy.records).toEqual([
      {
        imageIds: [],
        urls: [],
        ...record,
        actor: 'Dana',
        intent: null,
        details: record.details ?? {},
        status: answer.code,
        ok: true,
        errorCode: null,
      },
    ])
    // The signed upload URL is a credential of its own: it is relayed, never recorded.
    expect(JSON.stringify(proxy.records)).not.toContain('SECRET')
  })
})

describe('bodies and paths the proxy refuses itself, forwarding and recording nothing', () => {
  const long = (n: number) => 'x'.repeat(n)
  const refusals: [string, string, string, number, string][] = [
    ['POST', '/api/partner/v1/packs', '{"name":', 400, 'invalid_json'],
    ['POST', '/api/partner/v1/packs', '{}', 422, 'invalid_payload'],
    ['POST', '/api/partner/v1/packs', '{"name":"   "}', 422, 'invalid_payload'],
    ['POST', '/api/partner/v1/packs', `{"name":"${long(121)}"}`, 422, 'invalid_payload'],
    ['POST', '/api/partner/v1/packs', '{"name":"A","is_public":"yes"}', 422, 'invalid_payload'],
    ['POST', '/api/partner/v1/packs', '["name"]', 422, 'invalid_payload'],
    ['PATCH', PACK_PATH, '{}', 422, 'invalid_payload'],
    ['PATCH', PACK_PATH, '{"image_count":3}', 422, 'invalid_payload'],
    ['PATCH', PACK_PATH, '{"name":""}', 422, 'invalid_payload'],
    ['POST', `${PACK_PATH}/images`, '{}', 422, 'invalid_payload'],
    ['POST', `${PACK_PATH}/images`, '{"image_url":"/relative.jpg"}', 422, 'invalid_payload'],
    ['POST', `${PACK_PATH}/images`, '{"image_url":"javascript:alert(1)"}', 422, 'invalid_payload'],
    [
      'POST',
      `${PACK_PATH}/images`,
      '{"image_url":"ftp://x.example/a.jpg"}',
      422,
      'invalid_payload',
    ],
    ['POST', `${PACK_PATH}/images`, '{"image_url":"//x.example/a.jpg"}', 422, 'invalid_payload'],
    [
      'POST',
      `${PACK_PATH}/images`,
      `{"image_url":"https://x.example/a.jpg","file_name":"${long(256)}"}`,
      422,
      'invalid_payload',
    ],
    [
      'POST',
      `${PACK_PATH}/images`,
      '{"image_url":"https://x.example/a.jpg","file_name":""}',
      422,
      'invalid_payload',
    ],
    ['POST', '/api/partner/v1/files', '{"contentType":"video/mp4"}', 422, 'invalid_payload'],
    ['POST', '/api/partner/v1/files', '{"contentType":"text/html"}', 422, 'invalid_payload'],
    ['POST', '/api/partner/v1/files', '{}', 422, 'invalid_payload'],
    [
      'POST',
      '/api/partner/v1/packs',
      JSON.stringify({ name: 'A', pad: long(64 * 1024) }),
      413,
      'payload_too_large',
    ],
    ['PATCH', '/api/partner/v1/packs/not-a-uuid', '{"name":"A"}', 400, 'invalid_id'],
    ['DELETE', '/api/partner/v1/packs/..', '', 400, 'invalid_id'],
    [
      'POST',
      '/api/partner/v1/packs/%2e%2e/images',
      '{"image_url":"https://x/a"}',
      400,
      'invalid_id',
    ],
    ['DELETE', `${PACK_PATH}/images/not-a-uuid`, '', 400, 'invalid_id'],
    ['DELETE', `/api/partner/v1/packs/x/images/${IMAGE_ID}`, '', 400, 'invalid_id'],
  ]
  // The body last: some are long.
  const cases = refusals.map(
    ([method, path, body, ...rest]) => [method, path, ...rest, body] as const,
  )
  it.each(cases)('%s %s: %i %s', async (method, path, status, errorCode, body) => {
    const seen = upstreamAnswers(200, {})
    const proxy = await writeProxy()
    const response = await rawCall(path, { method, headers: AS_DANA, body, base: proxy.server })
    expectEnvelope(response, status, errorCode)
    expect(seen).toEqual([])
    expect(proxy.records).toEqual([])
  })

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'name=Summer'],
    ['text', 'text/plain', '{"name":"Summer"}'],
    ['no type', undefined, '{"name":"Summer"}'],
  ])('a body sent as %s is 415 unsupported_media_type', async (_what, type, body) => {
    const seen = upstreamAnswers(201, {})
    const proxy = await writeProxy()
    const headers = {
      'x-pack-explorer-reviewer': 'Dana',
      ...(type ? { 'content-type': type } : {}),
    }
    const response = await rawCall('/api/partner/v1/packs', {
      method: 'POST',
      headers,
      body,
      base: proxy.server,
    })
    expectEnvelope(response, 415, 'unsupported_media_type')
    expect(seen).toEqual([])
  })

  it('refuses a body over 64 KB that does not announce its size', async () => {
    const seen = upstreamAnswers(201, {})
    const proxy = await writeProxy()
    const response = await rawCall('/api/partner/v1/packs', {
      method: 'POST',
      headers: { ...AS_DANA, 'transfer-encoding': 'chunked' },
      body: JSON.stringify({ name: 'A', pad: 'x'.repeat(70_000) }),
      base: proxy.server,
    })
    expectEnvelope(response, 413, 'payload_too_large')
    expect(seen).toEqual([])
  })
})

describe('who may write', () => {
  const everyWrite = [
    ['POST', '/api/partner/v1/packs', '{"name":"A"}'],
    ['PATCH', PACK_PATH, '{"name":"A"}'],
    ['DELETE', PACK_PATH, ''],
    ['POST', `${PACK_PATH}/images`, '{"image_url":"https://x.example/a.jpg"}'],
    ['DELETE', IMAGE_PATH, ''],
    ['POST', '/api/partner/v1/files', '{"contentType":"image/png"}'],
    // Refused as disabled before anything else is looked at.
    ['PATCH', '/api/partner/v1/packs/not-a-uuid', 'not json'],
  ] as const

  it.each(everyWrite)(
    'without a write policy (the default), %s %s is 403 writes_disabled',
    async (method, path, body) => {
      const seen = upstreamAnswers(200, {})
      const response = await rawCall(path, { method, headers: AS_DANA, body })
      expectEnvelope(response, 403, 'writes_disabled')
      expect(JSON.parse(response.body).message).toBe('Editing is turned off on this server.')
      expect(seen).toEqual([])
    },
  )

  it('asks the policy per request, and reads keep working when writes are off', async () => {
    const seen = upstreamAnswers(200, { ok: true, code: 200, message: 'ok', data: {} })
    const proxy = await writeProxy({ allowed: (req) => req.headers['x-test-user'] === 'lee' })
    const write = (user: string) =>
      rawCall('/api/partner/v1/packs', {
        method: 'POST',
        headers: { ...JSON_TYPE, 'x-test-user': user },
        body: '{"name":"A"}',
        base: proxy.server,
      })
    expectEnvelope(await write('kim'), 403, 'writes_disabled')
    expect((await write('lee')).status).toBe(200)
    expect((await rawCall(PACK_PATH, { base: proxy.server })).status).toBe(200)
    expect(seen.map((request) => request.method)).toEqual(['POST', 'GET'])
    expect(proxy.records.map((record) => record.actor)).toEqual(['lee'])
  })

  it('records the signed-in user, never the name a request claims', async () => {
    upstreamAnswers(201, { ...created, data: { id: NEW_PACK_ID } })
    const proxy = await writeProxy()
    await rawCall('/api/partner/v1/packs', {
      method: 'POST',
      headers: { ...AS_DANA, 'x-test-user': 'alice' },
      body: '{"name":"A"}',
      base: proxy.server,
    })
    expect(proxy.records.map((record) => record.actor)).toEqual(['alice'])
  })

  it('takes the local name percent-encoded, and what the person meant from the intent header', async () => {
    upstreamAnswers(201, { ...created, data: { id: IMAGE_ID } })
    const proxy = await writeProxy()
    const add = (intent: string) =>
      rawCall(`${PACK_PATH}/images`, {
        method: 'POST',
        headers: {
          ...JSON_TYPE,
          'x-pack-explorer-reviewer': encodeURIComponent('  Zoë Ångström '),
          'x-pack-explorer-intent': intent,
        },
        body: '{"image_url":"https://x.example/a.jpg"}',
        base: proxy.server,
      })
    expect((await add('retry')).status).toBe(201)
    expect((await add('rm -rf')).status).toBe(201)
    expect(proxy.records.map(({ actor, intent }) => [actor, intent])).toEqual([
      ['Zoë Ångström', 'retry'],
      ['Zoë Ångström', null],
    ])
  })

  it.each([
    ['no name', {}, 422, 'reviewer_required'],
    ['a blank name', { 'x-pack-explorer-reviewer': '%20%20' }, 422, 'reviewer_required'],
    ['a broken escape', { 'x-pack-explorer-reviewer': '%E0%A4%A' }, 422, 'reviewer_required'],
    ['a name over 100', { 'x-pack-explorer-reviewer': 'x'.repeat(101) }, 422, 'reviewer_too_long'],
  ])('refuses a write with %s', async (_what, headers, status, errorCode) => {
    const seen = upstreamAnswers(201, {})
    const proxy = await writeProxy()
    const response = await rawCall('/api/partner/v1/packs', {
      method: 'POST',
      headers: { ...JSON_TYPE, ...headers },
      body: '{"name":"A"}',
      base: proxy.server,
    })
    expectEnvelope(response, status, errorCode)
    expect(seen).toEqual([])
  })

  it('behind an authenticating proxy, refuses a write without its user', async () => {
    const seen = upstreamAnswers(201, {})
    const proxy = await writeProxy({ proxyAuth: true })
    const response = await rawCall('/api/partner/v1/packs', {
      method: 'POST',
      headers: AS_DANA,
      body: '{"name":"A"}',
      base: proxy.server,
    })
    expectEnvelope(response, 403, 'reviewer_unknown')
    expect(seen).toEqual([])
  })

  it('makes no write the activity log could not record', async () => {
    const seen = upstreamAnswers(201, {})
    const proxy = await writeProxy({ canRecord: () => false })
    const response = await rawCall('/api/partner/v1/packs', {
      method: 'POST',
      headers: AS_DANA,
      body: '{"name":"A"}',
      base: proxy.server,
    })
    expectEnvelope(response, 503, 'activity_unavailable')
    expect(seen).toEqual([])
  })
})

describe('the result of each write, in its record', () => {
  it("records the upstream's refusal with its error code, and relays it", async () => {
    upstreamAnswers(404, { ok: false, code: 404, message: 'Not found', error_code: 'not_found' })
    const proxy = await writeProxy()
    const response = await rawCall(PACK_PATH, {
      method: 'PATCH',
      headers: { ...AS_DANA, 'x-pack-explorer-intent': 'rename' },
      body: '{"name":"B"}',
      base: proxy.server,
    })
    expectEnvelope(response, 404, 'not_found')
    expect(proxy.records).toEqual([
      expect.objectContaining({
        action: 'update_pack',
        intent: 'rename',
        details: { name: 'B' },
        status: 404,
        ok: false,
        errorCode: 'not_found',
      }),
    ])
  })

  it('records a write whose answer never came (it may have been made)', async () => {
    h.upstreamHandler = () => {}
    const proxy = await writeProxy({}, { timeoutMs: 200 })
    const response = await rawCall(IMAGE_PATH, {
      method: 'DELETE',
      headers: AS_DANA,
      base: proxy.server,
    })
    expectEnvelope(response, 504, 'upstream_timeout')
    expect(proxy.records).toEqual([
      expect.objectContaining({
        action: 'delete_image',
        status: 504,
        errorCode: 'upstream_timeout',
      }),
    ])
  })

  it('still answers when the record fails after the write was made, and says so in the log', async () => {
    upstreamAnswers(200, { ok: true, code: 200, message: 'Pack deleted', data: {} })
    const lines: string[] = []
    const proxy = await writeProxy(
      { record: async () => Promise.reject(new Error('store went away')) },
      { log: (line) => lines.push(line) },
    )
    const response = await rawCall(PACK_PATH, {
      method: 'DELETE',
      headers: AS_DANA,
      base: proxy.server,
    })
    expect(response.status).toBe(200)
    expect(lines).toContainEqual(
      expect.stringMatching(/^delete_pack 200: the activity log did not/),
    )
  })

  it('records a removal without its URL when the lookup fails', async () => {
    upstreamAnswers(200, { ok: true, code: 200, message: 'Pack image deleted', data: {} })
    const proxy = await writeProxy({ imageUrl: async () => Promise.reject(new Error('down')) })
    await rawCall(IMAGE_PATH, { method: 'DELETE', headers: AS_DANA, base: proxy.server })
    expect(proxy.records).toEqual([expect.objectContaining({ imageIds: [IMAGE_ID], urls: [] })])
  })
})

describeTheKeyCheck()
