// The upload relay through a real server to a real fake Partner API: what each of its three
// calls carries (the key on the API's two, never on the PUT; the file byte for byte), what
// the browser gets, what the activity log keeps, and every refusal with nothing sent.
import { randomBytes } from 'node:crypto'
import { createServer, request, type OutgoingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { packPath } from '../../contract/partner-api/paths.ts'
import { setAuthenticatedUser } from '../authenticated-user.ts'
import type { WritePolicy } from '../proxy/write-gate.ts'
import type { WriteRecord } from '../proxy/write-record.ts'
import {
  FILE_URL,
  startRecordingServer,
  UPLOAD_SIGNATURE,
  uploadApi,
  type RecordingServer,
  type UploadApiScript,
} from '../test-kit/upload-upstream.ts'
import { uploadPath } from './upload-paths.ts'
import { resolveHost } from './upload-target.ts'
import {
  createUploadRelay,
  DEFAULT_MAX_FILE_BYTES,
  type UploadRelayOptions,
} from './upload-relay.ts'

const TOKEN = 'pub_upload.sk_live_upload_relay_secret_41b7'
const SECRET_HALF = TOKEN.slice(TOKEN.indexOf('.') + 1)
const PACK_ID = '11111111-1111-4111-8111-111111111111'
const PATH = uploadPath(PACK_ID)
const IMAGES_PATH = `${packPath(PACK_ID)}/images`
const FILE = randomBytes(4096)
const NAME = 'Zoë’s cat (1).png'
const AS_DANA = {
  'content-type': 'image/png',
  'x-file-name': encodeURIComponent(NAME),
  'x-pack-explorer-reviewer': 'Dana',
}

const answers: string[] = []
const logLines: string[] = []
const closers: Array<() => Promise<void>> = []
let api: RecordingServer

beforeAll(async () => {
  api = await startRecordingServer(uploadApi(TOKEN))
})
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})
afterAll(async () => {
  await api.close()
})

interface Relay {
  url: string
  records: WriteRecord[]
}

/** The relay on its own server, its API scripted as `script` says; next() answers 418. */
async function startRelay(
  script: UploadApiScript = {},
  policy: Partial<WritePolicy> | null = {},
  options: Partial<UploadRelayOptions> = {},
): Promise<Relay> {
  api.seen.length = 0
  api.handleWith(uploadApi(TOKEN, script))
  const records: WriteRecord[] = []
  const relay = createUploadRelay({
    baseUrl: api.url,
    token: TOKEN,
    timeoutMs: 5_000,
    log: (line) => void logLines.push(line),
    writes: policy
      ? {
          allowed: () => true,
          proxyAuth: false,
          canRecord: () => true,
          record: async (record) => void records.push(record),
          ...policy,
        }
      : undefined,
    ...options,
  })
  const server = createServer((req, res) => {
    const user = req.headers['x-test-user']
    if (typeof user === 'string') setAuthenticatedUser(req, user)
    relay(req, res, () => {
      res.statusCode = 418
      res.end('next')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, records }
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: { ok: boolean; code: number; message: string; error_code?: string; data?: unknown }
}

/** One request from a "browser"; `body` as chunks is sent chunked, without a length. */
function send(
  relay: Relay,
  {
    path = PATH,
    method = 'POST',
    headers = AS_DANA,
    body = FILE,
  }: {
    path?: string
    method?: string
    headers?: OutgoingHttpHeaders
    body?: Buffer | Buffer[]
  } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(relay.url)
  const chunked = Array.isArray(body)
  // An undefined header is one a test leaves out.
  const given = Object.fromEntries(
    Object.entries(headers).filter(([, value]) => value !== undefined),
  )
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path,
        method,
        agent: false,
        headers: chunked
          ? { ...given, 'transfer-encoding': 'chunked' }
          : { 'content-length': body.length, ...given },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = String(Buffer.concat(chunks))
          answers.push(text, JSON.stringify(res.headers))
          let json: Answer['json']
          try {
            json = JSON.parse(text) as Answer['json']
          } catch {
            json = { ok: false, code: 0, message: text }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      },
    )
    req.on('error', reject)
    if (chunked) for (const chunk of body) req.write(chunk)
    req.end(chunked ? undefined : body)
  })
}

function expectRefusal(answer: Answer, status: number, errorCode: string) {
  expect(answer.status).toBe(status)
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(answer.headers['x-content-type-options']).toBe('nosniff')
  expect(answer.json).toEqual({
    ok: false,
    code: status,
    message: expect.any(String),
    error_code: errorCode,
  })
}

const uploadRecord = {
  packId: PACK_ID,
  action: 'upload_file',
  intent: 'upload',
  actor: 'Dana',
  imageIds: [],
  details: { content_type: 'image/png', file_name: NAME },
}

describe('an upload', () => {
  it('asks for an upload URL, PUTs the file there without the key, and adds it to the pack', async () => {
    const relay = await startRelay()
    const answer = await send(relay, {
      headers: { ...AS_DANA, cookie: 'sid=HOSTILE', authorization: 'Bearer HOSTILE' },
    })
    expect(answer.status).toBe(201)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.json).toEqual({
      ok: true,
      code: 201,
      message: 'Pack image added',
      data: {
        id: '44444444-4444-4444-8444-444444444444',
        url: FILE_URL,
        file_name: NAME,
        content_type: 'image/png',
      },
    })

    const [files, put, images, ...more] = api.seen
    expect(more).toEqual([])
    expect(files).toMatchObject({ method: 'POST', url: '/api/partner/v1/files' })
    expect(String(files!.body)).toBe(JSON.stringify({ contentType: 'image/png', filename: NAME }))
    expect(put).toMatchObject({ method: 'PUT', url: `/upload/cat.png?${UPLOAD_SIGNATURE}` })
    expect(put!.body.equals(FILE)).toBe(true)
    expect(put!.headers['content-type']).toBe('image/png')
    expect(put!.headers['content-length']).toBe(String(FILE.length))
    expect(images).toMatchObject({ method: 'POST', url: IMAGES_PATH })
    expect(String(images!.body)).toBe(JSON.stringify({ image_url: FILE_URL, file_name: NAME }))
    for (const call of [files!, images!]) {
      expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`)
      expect(call.headers['content-type']).toBe('application/json')
    }
    // Nothing of the browser's goes anywhere, and the key never goes to the upload URL.
    expect(put!.headers.authorization).toBeUndefined()
    expect(JSON.stringify(put!.headers)).not.toContain(SECRET_HALF)
    for (const call of [files!, put!, images!]) {
      expect(call.headers.cookie).toBeUndefined()
      expect(call.headers['x-file-name']).toBeUndefined()
      expect(call.headers['x-pack-explorer-reviewer']).toBeUndefined()
      expect(JSON.stringify(call.headers)).not.toContain('HOSTILE')
    }

    expect(relay.records).toEqual([
      { ...uploadRecord, urls: [FILE_URL], status: 201, ok: true, errorCode: null },
      {
        packId: PACK_ID,
        action: 'add_image',
        intent: 'upload',
        actor: 'Dana',
        imageIds: ['44444444-4444-4444-8444-444444444444'],
        urls: [FILE_URL],
        details: { file_name: NAME },
        status: 201,
        ok: true,
        errorCode: null,
      },
    ])
    // The upload URL is a credential of its own: used, never kept or logged.
    expect(JSON.stringify(relay.records)).not.toContain(UPLOAD_SIGNATURE)
    expect(logLines.join('\n')).not.toContain(UPLOAD_SIGNATURE)
  })

  it('records the signed-in user and the intent the page gave; takes every image type', async () => {
    const relay = await startRelay()
    for (const type of ['image/jpeg', 'image/gif', 'image/webp', 'image/heic', 'IMAGE/HEIF']) {
      const answer = await send(relay, {
        headers: {
          ...AS_DANA,
          'content-type': type,
          'x-test-user': 'alice',
          'x-pack-explorer-intent': 'retry',
        },
      })
      expect(answer.status, type).toBe(201)
    }
    expect(relay.records).toHaveLength(10)
    expect(new Set(relay.records.map(({ actor, intent }) => `${actor} ${intent}`))).toEqual(
      new Set(['alice retry']),
    )
    const types = api.seen.filter((call) => call.method === 'PUT')
    expect(types.map((call) => call.headers['content-type'])).toEqual([
      'image/jpeg',
      'image/gif',
      'image/webp',
      'image/heic',
      'image/heif',
    ])
  })

  it('takes a file sent chunked, up to the cap', async () => {
    const relay = await startRelay({}, {}, { maxFileBytes: 1024 })
    const file = randomBytes(1024)
    const answer = await send(relay, { body: [file.subarray(0, 500), file.subarray(500)] })
    expect(answer.status).toBe(201)
    expect(api.seen[1]!.body.equals(file)).toBe(true)
  })

  it('passes on every other path', async () => {
    const relay = await startRelay()
    for (const path of ['/api/partner/v1/files', '/api/uploadsx', '/API/uploads/x', '/']) {
      expect((await send(relay, { path })).status, path).toBe(418)
    }
    expect(api.seen).toEqual([])
  })
})

describe('when the server is busy or the log fails', () => {
  it('takes as many uploads at once as it may, and refuses the next with 503 uploads_busy', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let arrived = () => {}
    const putArrived = new Promise<void>((resolve) => (arrived = resolve))
    const relay = await startRelay(
      {
        put: (res) => {
          arrived()
          void held.then(() => res.end())
        },
      },
      {},
      { maxConcurrentUploads: 1 },
    )
    const first = send(relay)
    await putArrived
    const busy = await send(relay)
    expectRefusal(busy, 503, 'uploads_busy')
    expect(busy.headers['retry-after']).toBe('5')
    release()
    expect((await first).status).toBe(201)
    // Its place is free again.
    expect((await send(relay)).status).toBe(201)
  })

  it('still answers when a record fails, and says so in the log', async () => {
    const relay = await startRelay({}, { record: async () => Promise.reject(new Error('gone')) })
    const from = logLines.length
    expect((await send(relay)).status).toBe(201)
    expect(logLines.slice(from)).toEqual(
      expect.arrayContaining([
        'upload_file 201: the activity log did not record it (Error: gone)',
        'add_image 201: the activity log did not record it (Error: gone)',
      ]),
    )
  })
})

describe('refusals, with nothing sent and nothing recorded', () => {
  const long = encodeURIComponent('x'.repeat(256))
  it.each([
    ['text', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
    ['an SVG', { 'content-type': 'image/svg+xml' }, 415, 'unsupported_media_type'],
    ['bytes', { 'content-type': 'application/octet-stream' }, 415, 'unsupported_media_type'],
    ['JSON', { 'content-type': 'application/json' }, 415, 'unsupported_media_type'],
    ['no type', { 'content-type': undefined }, 415, 'unsupported_media_type'],
    ['a compressed file', { 'content-encoding': 'gzip' }, 415, 'unsupported_media_type'],
    ['no file name', { 'x-file-name': undefined }, 422, 'invalid_payload'],
    ['an empty file name', { 'x-file-name': '' }, 422, 'invalid_payload'],
    ['a blank file name', { 'x-file-name': '%20%20' }, 422, 'invalid_payload'],
    ['a file name over 255', { 'x-file-name': long }, 422, 'invalid_payload'],
    ['a broken escape', { 'x-file-name': '%E0%A4%A' }, 422, 'invalid_payload'],
    ['a control character', { 'x-file-name': 'a%0Ab.png' }, 422, 'invalid_payload'],
    ['no reviewer', { 'x-pack-explorer-reviewer': undefined }, 422, 'reviewer_required'],
  ])('%s', async (_what, headers, status, errorCode) => {
    const relay = await startRelay()
    expectRefusal(await send(relay, { headers: { ...AS_DANA, ...headers } }), status, errorCode)
    expect(api.seen).toEqual([])
    expect(relay.records).toEqual([])
  })

  it('a name of 255 characters is taken', async () => {
    const relay = await startRelay()
    const name = `${'ü'.repeat(251)}.png`
    const answer = await send(relay, {
      headers: { ...AS_DANA, 'x-file-name': encodeURIComponent(name) },
    })
    expect(answer.status).toBe(201)
    expect(JSON.parse(String(api.seen[0]!.body))).toEqual({
      contentType: 'image/png',
      filename: name,
    })
  })

  it.each([
    ['a pack ID that is not a UUID', 'POST', uploadPath('not-a-uuid'), 400, 'invalid_id'],
    ['a path segment that climbs', 'POST', '/api/uploads/..', 400, 'invalid_id'],
    ['a path beyond the pack', 'POST', `${PATH}/more`, 404, 'not_found'],
    ['no pack', 'POST', '/api/uploads', 404, 'not_found'],
    ['GET', 'GET', PATH, 405, 'method_not_allowed'],
    ['PUT', 'PUT', PATH, 405, 'method_not_allowed'],
    ['OPTIONS', 'OPTIONS', PATH, 405, 'method_not_allowed'],
  ])('%s', async (_what, method, path, status, errorCode) => {
    const relay = await startRelay()
    const answer = await send(relay, { method, path })
    expectRefusal(answer, status, errorCode)
    if (status === 405) expect(answer.headers.allow).toBe('POST')
    expect(api.seen).toEqual([])
  })

  it('an empty file', async () => {
    const relay = await startRelay()
    expectRefusal(await send(relay, { body: Buffer.alloc(0) }), 422, 'invalid_payload')
    expect(api.seen).toEqual([])
  })

  it('a file announced over the cap, at once and without reading it', async () => {
    const relay = await startRelay({}, {}, { maxFileBytes: 1024 })
    const answer = await send(relay, {
      headers: { ...AS_DANA, 'content-length': '1025' },
      body: Buffer.from('x'),
    })
    expectRefusal(answer, 413, 'payload_too_large')
    expect(answer.headers.connection).toBe('close')
    expect(api.seen).toEqual([])
  })

  it('a chunked file that grows past the cap', async () => {
    const relay = await startRelay({}, {}, { maxFileBytes: 1024 })
    const answer = await send(relay, { body: [randomBytes(1000), randomBytes(25)] })
    expectRefusal(answer, 413, 'payload_too_large')
    expect(answer.headers.connection).toBe('close')
    expect(api.seen).toEqual([])
    expect(relay.records).toEqual([])
  })

  it('by default, a file over 25 MB', async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(26_214_400)
    const relay = await startRelay()
    const over = await send(relay, {
      headers: { ...AS_DANA, 'content-length': '26214401' },
      body: Buffer.from('x'),
    })
    expectRefusal(over, 413, 'payload_too_large')
    expect(api.seen).toEqual([])
  })

  it('any upload when writes are off, before anything else is looked at', async () => {
    for (const relay of [
      await startRelay({}, null),
      await startRelay({}, { allowed: () => false }),
    ]) {
      for (const path of [PATH, uploadPath('not-a-uuid')]) {
        const answer = await send(relay, { path, headers: { 'content-type': 'text/plain' } })
        expectRefusal(answer, 403, 'writes_disabled')
      }
    }
    expect(api.seen).toEqual([])
  })

  it('any upload the activity log could not record', async () => {
    const relay = await startRelay({}, { canRecord: () => false })
    expectRefusal(await send(relay), 503, 'activity_unavailable')
    expect(api.seen).toEqual([])
  })

  it('behind an authenticating proxy, an upload without its user', async () => {
    const relay = await startRelay({}, { proxyAuth: true })
    expectRefusal(await send(relay), 403, 'reviewer_unknown')
    expect(api.seen).toEqual([])
  })
})

describe('what the Partner API and the upload URL answer', () => {
  it('relays a refused Upload File with its status and code, and records it', async () => {
    const relay = await startRelay({
      files: () => ({
        status: 422,
        body: { ok: false, code: 422, message: 'Unsupported type', error_code: 'invalid_payload' },
      }),
    })
    expectRefusal(await send(relay), 422, 'invalid_payload')
    expect(api.seen).toHaveLength(1)
    expect(relay.records).toEqual([
      { ...uploadRecord, urls: [], status: 422, ok: false, errorCode: 'invalid_payload' },
    ])
  })

  it('relays a rejected key as the API says it', async () => {
    const relay = await createRelayWithToken('pub_upload.sk_live_not_the_key_000000')
    expectRefusal(await send(relay), 401, 'invalid_token')
    expect(api.seen).toHaveLength(1)
  })

  it.each([
    ['no upload URL', { url: FILE_URL }],
    ['no file URL', { uploadUrl: 'https://up.example/x' }],
    ['a file URL Add Pack Image would refuse', { uploadUrl: 'https://up.example/x', url: '/x' }],
  ])('is 502 upload_url_failed for an answer with %s', async (_what, data) => {
    const relay = await startRelay({
      files: () => ({ status: 201, body: { ok: true, code: 201, message: 'ok', data } }),
    })
    expectRefusal(await send(relay), 502, 'upload_url_failed')
    expect(api.seen).toHaveLength(1)
    expect(relay.records).toEqual([
      { ...uploadRecord, urls: [], status: 502, ok: false, errorCode: 'upload_url_failed' },
    ])
  })

  it('relays a refused Add Pack Image (a pack of another workspace) and records both', async () => {
    const relay = await startRelay({
      images: () => ({
        status: 404,
        body: { ok: false, code: 404, message: 'Pack not found', error_code: 'not_found' },
      }),
    })
    expectRefusal(await send(relay), 404, 'not_found')
    expect(api.seen.map((call) => call.method)).toEqual(['POST', 'PUT', 'POST'])
    expect(
      relay.records.map(({ action, status, errorCode }) => [action, status, errorCode]),
    ).toEqual([
      ['upload_file', 201, null],
      ['add_image', 404, 'not_found'],
    ])
  })

  it('is 502 upload_failed when the upload URL answers 500, and adds nothing', async () => {
    const relay = await startRelay({
      put: (res) => {
        res.writeHead(500)
        res.end('storage down')
      },
    })
    const answer = await send(relay)
    expectRefusal(answer, 502, 'upload_failed')
    expect(answer.json.message).toContain('500')
    expect(api.seen.map((call) => call.method)).toEqual(['POST', 'PUT'])
    expect(relay.records).toEqual([
      { ...uploadRecord, urls: [], status: 502, ok: false, errorCode: 'upload_failed' },
    ])
  })

  it('does not follow a redirect from the upload URL', async () => {
    const elsewhere = await startRecordingServer((_seen, res) => res.end())
    closers.push(elsewhere.close)
    const relay = await startRelay({
      put: (res) => {
        res.writeHead(307, { location: `${elsewhere.url}/upload/cat.png` })
        res.end()
      },
    })
    const answer = await send(relay)
    expectRefusal(answer, 502, 'upload_failed')
    expect(answer.json.message).toContain('307')
    expect(elsewhere.connections()).toBe(0)
    expect(api.seen.map((call) => call.method)).toEqual(['POST', 'PUT'])
  })

  it('is 502 upload_failed when the upload URL’s host does not resolve', async () => {
    const relay = await startRelay(
      {
        files: () => ({
          status: 201,
          body: {
            ok: true,
            code: 201,
            message: 'ok',
            data: { uploadUrl: 'https://gone.example/upload', url: FILE_URL },
          },
        }),
      },
      {},
      { resolveHost: async () => Promise.reject(new Error('ENOTFOUND')) },
    )
    expectRefusal(await send(relay), 502, 'upload_failed')
    expect(api.seen).toHaveLength(1)
  })

  it('is 502 upload_failed when the upload URL does not answer in time', async () => {
    const relay = await startRelay({ put: () => {} }, {}, { uploadTimeoutMs: 200 })
    const answer = await send(relay)
    expectRefusal(answer, 502, 'upload_failed')
    expect(answer.json.message).toContain('0.2 seconds')
    expect(relay.records).toEqual([expect.objectContaining({ errorCode: 'upload_failed' })])
  })
})

describe('an upload URL that leads elsewhere than allowed', () => {
  let target: RecordingServer
  beforeAll(async () => {
    target = await startRecordingServer((_seen, res) => res.end())
  })
  afterAll(async () => {
    await target.close()
  })

  const cases = (port: number) => [
    ['http: on another origin', `http://127.0.0.1:${port}/upload/cat.png`],
    ['https: to 127.0.0.1', `https://127.0.0.1:${port}/upload/cat.png`],
    ['https: to localhost', `https://localhost:${port}/upload/cat.png`],
    ['https: to [::1]', `https://[::1]:${port}/upload/cat.png`],
    ['https: to a name that resolves to loopback', `https://uploads.example:${port}/upload`],
    ['https: to 10.x', 'https://10.20.30.40/upload/cat.png'],
    ['https: to 192.168.x', 'https://192.168.0.10/upload/cat.png'],
    ['https: to the metadata service', 'https://169.254.169.254/latest/meta-data'],
    ['no URL at all', 'upload here'],
  ]

  it('is 502 upload_url_refused, and nothing reaches it', async () => {
    for (const [what, uploadUrl] of cases(target.port)) {
      const relay = await startRelay(
        {
          files: () => ({
            status: 201,
            body: { ok: true, code: 201, message: 'ok', data: { uploadUrl, url: FILE_URL } },
          }),
        },
        {},
        {
          // localhost and the rest as DNS has them.
          resolveHost: async (hostname) =>
            hostname === 'uploads.example'
              ? [{ address: '127.0.0.1', family: 4 }]
              : resolveHost(hostname),
        },
      )
      const answer = await send(relay)
      expect(answer.json.error_code, what).toBe('upload_url_refused')
      expect(answer.status, what).toBe(502)
      expect(
        api.seen.map((call) => call.url),
        what,
      ).toEqual(['/api/partner/v1/files'])
      expect(relay.records, what).toEqual([
        { ...uploadRecord, urls: [], status: 502, ok: false, errorCode: 'upload_url_refused' },
      ])
    }
    expect(target.connections()).toBe(0)
    expect(target.seen).toEqual([])
  })
})

/** A relay that sends another key than the API takes. */
async function createRelayWithToken(token: string): Promise<Relay> {
  return startRelay({}, {}, { token })
}

describe('the key', () => {
  it('never reaches an answer or a log line, and no line holds what a request controls', () => {
    expect(answers.length).toBeGreaterThan(0)
    expect(logLines.length).toBeGreaterThan(0)
    const forms = [TOKEN, SECRET_HALF, 'relay_secret', btoa(TOKEN), encodeURIComponent(TOKEN)]
    for (const text of [...answers, ...logLines]) {
      for (const form of forms) expect(text.toLowerCase()).not.toContain(form.toLowerCase())
    }
    for (const line of logLines) {
      expect(line).toMatch(
        /^((POST \/api\/partner\/v1\/(files|packs\/[0-9a-f-]{36}\/images) -> \d{3}|PUT upload URL -> (\d{3}|failed)) \(\d+ ms\)|(upload_file|add_image) \d{3}: the activity log did not record it \(Error: gone\))$/,
      )
    }
  })
})
