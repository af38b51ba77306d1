// An upstream that echoes the key back, in any form: it never reaches the browser. Error
// envelopes have it redacted; a 2xx answer that holds it is replaced by a 502 envelope.
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  PACK_PATH,
  SECRET_HALF,
  TOKEN,
  call,
  compressingUpstream,
  describeTheKeyCheck,
  expectEnvelope,
  h,
  json,
  okBody,
  useProxyHarness,
} from './test-harness.ts'

useProxyHarness()

/** Every byte as `%XX`: an encoding no literal form of the key covers. */
const percentEncoded = (text: string, hex: (code: string) => string = (c) => c.toUpperCase()) =>
  [...Buffer.from(text)].map((byte) => `%${hex(byte.toString(16).padStart(2, '0'))}`).join('')
/** Every character as a JSON `\u` escape, as a JSON encoder may write it. */
const jsonEscaped = (text: string) =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
const base64 = (text: string) => Buffer.from(text).toString('base64')
const base64url = (text: string) => Buffer.from(text).toString('base64url')

/** The forms an echo could take, each as it would appear in a string the upstream sends. */
const FORMS: Array<[string, string]> = [
  ['the key', TOKEN],
  ['its secret half', SECRET_HALF],
  ['the key URL-encoded, every byte', percentEncoded(TOKEN)],
  ['the secret half URL-encoded, lowercase hex', percentEncoded(SECRET_HALF, (c) => c)],
  ['the key in base64', base64(TOKEN)],
  // At each offset of a longer encoding: what a base64'd header or log line would hold.
  ['the Authorization header in base64', base64(`Authorization: Bearer ${TOKEN}`)],
  ['the secret half in base64, one byte in', base64(`:${SECRET_HALF}`)],
  ['the secret half in base64, two bytes in', base64(`::${SECRET_HALF}`)],
  ['the key in URL-safe base64', base64url(`?${TOKEN}`)],
  ['the secret half in URL-safe base64', base64url(SECRET_HALF)],
  ['the key upper-cased', TOKEN.toUpperCase()],
  ['the secret half upper-cased', SECRET_HALF.toUpperCase()],
]

describe('an error envelope that echoes the key', () => {
  it.each(FORMS)('has %s redacted in its message', async (_name, form) => {
    h.upstreamHandler = (_req, res) =>
      json(res, 401, {
        ok: false,
        code: 401,
        message: `Invalid key: ${form}.`,
        error_code: 'invalid_token',
      })
    const body = expectEnvelope(await call(PACK_PATH), 401, 'invalid_token')
    expect(body.message).toContain('[redacted]')
    expect(body.message).not.toContain(form)
  })

  it('keeps the rest of the message around a literal form', async () => {
    h.upstreamHandler = (_req, res) =>
      json(res, 401, {
        ok: false,
        code: 401,
        message: `Key ${TOKEN.toUpperCase()} (secret ${SECRET_HALF}) not found`,
        error_code: 'invalid_token',
      })
    const response = await call(PACK_PATH)
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      code: 401,
      message: 'Key [redacted] (secret [redacted]) not found',
      error_code: 'invalid_token',
    })
  })

  it('redacts before cutting the message, so no piece of the key is left', async () => {
    h.upstreamHandler = (_req, res) =>
      json(res, 400, {
        ok: false,
        code: 400,
        message: `${'x'.repeat(480)}${TOKEN}`,
        error_code: 'bad_request',
      })
    const body = expectEnvelope(await call(PACK_PATH), 400, 'bad_request')
    expect(body.message).toBe(`${'x'.repeat(480)}[redacted]`)
  })

  it.each<[string, string]>([
    ['the secret half, an identifier itself', SECRET_HALF],
    ['the key', TOKEN],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['capitals', 'Not_Found'],
    ['65 characters', 'a'.repeat(65)],
    ['an empty string', ''],
  ])('drops an error_code that is %s', async (_name, errorCode) => {
    h.upstreamHandler = (_req, res) =>
      json(res, 403, { ok: false, code: 403, message: 'Denied', error_code: errorCode })
    const response = await call(PACK_PATH)
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toEqual({ ok: false, code: 403, message: 'Denied' })
  })

  it('relays an error_code that is an identifier of up to 64 characters', async () => {
    const errorCode = `tier_not_allowed_${'a'.repeat(47)}`
    h.upstreamHandler = (_req, res) =>
      json(res, 403, { ok: false, code: 403, message: 'Denied', error_code: errorCode })
    expectEnvelope(await call(PACK_PATH), 403, errorCode)
  })

  it('drops an ETag that holds the key', async () => {
    h.upstreamHandler = (_req, res) =>
      json(res, 404, { ok: false, code: 404, message: 'Pack not found' }, { etag: `"${TOKEN}"` })
    const response = await call(PACK_PATH)
    expect(response.status).toBe(404)
    expect(response.headers.etag).toBeUndefined()
  })
})

describe('a 2xx answer that holds the key', () => {
  it.each([
    ...FORMS,
    ['the key in JSON escapes', jsonEscaped(TOKEN)],
    [
      'the secret half partly in JSON escapes',
      jsonEscaped(SECRET_HALF.slice(0, 5)) + SECRET_HALF.slice(5),
    ],
  ])('is replaced by a 502 envelope: %s in a string field', async (_name, form) => {
    // Raw JSON text, so that the escapes reach the proxy as written.
    const text = JSON.stringify({ ...okBody(), data: { id: 'x', name: 'FORM' } }).replace(
      'FORM',
      form,
    )
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(text)
    }
    expectEnvelope(await call(PACK_PATH), 502, 'upstream_leaked_key')
  })

  it.each([
    ['as a field name', { [TOKEN]: 1 }],
    ['deep in a list', { images: [{ id: 'a' }, { id: 'b', metadata: { note: SECRET_HALF } }] }],
  ])('is replaced by a 502 envelope: the key %s', async (_name, data) => {
    h.upstreamHandler = (_req, res) => json(res, 200, { ...okBody(), data })
    expectEnvelope(await call(PACK_PATH), 502, 'upstream_leaked_key')
  })

  it.each([
    ['brotli', 'br', brotliCompressSync],
    ['gzip', 'gzip', gzipSync],
  ])(
    'is found in a %s body too, whether the browser takes the coding or not',
    async (_n, coding, pack) => {
      const bytes = pack(Buffer.from(JSON.stringify({ ...okBody(), data: { note: TOKEN } })))
      compressingUpstream(coding, bytes)
      for (const accepted of [coding, 'identity']) {
        const response = await call(PACK_PATH, { headers: { 'accept-encoding': accepted } })
        expectEnvelope(response, 502, 'upstream_leaked_key')
      }
    },
  )

  it('relays a compressed body as it came when the key is not in it', async () => {
    const bytes = brotliCompressSync(Buffer.from(JSON.stringify(okBody())))
    compressingUpstream('br', bytes)
    const response = await call(PACK_PATH, { headers: { 'accept-encoding': 'br' } })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it('relays an answer with only the public half of the key', async () => {
    const publicHalf = TOKEN.slice(0, TOKEN.indexOf('.'))
    h.upstreamHandler = (_req, res) => json(res, 200, { ...okBody(), data: { key: publicHalf } })
    const response = await call(PACK_PATH)
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ data: { key: publicHalf } })
  })
})

describe('a 2xx answer that is not JSON', () => {
  it.each([
    ['HTML', 'text/html; charset=utf-8', '<html>Sign in</html>'],
    ['JSON sent as text', 'text/plain', JSON.stringify(okBody())],
    ['JSON sent as JavaScript', 'application/javascript', JSON.stringify(okBody())],
    ['a look-alike type', 'application/jsonp', JSON.stringify(okBody())],
    ['no type at all', undefined, JSON.stringify(okBody())],
  ])('is a 502 upstream_not_json: %s', async (_name, type, text) => {
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, type === undefined ? {} : { 'content-type': type })
      res.end(text)
    }
    const response = await call(PACK_PATH)
    expectEnvelope(response, 502, 'upstream_not_json')
    expect(response.body).not.toContain('Sign in')
  })

  it.each([
    'application/json',
    'Application/JSON; charset=utf-8',
    'application/vnd.genviral+json',
    'application/problem+json; charset=utf-8',
  ])('relays %s as application/json; charset=utf-8', async (type) => {
    h.upstreamHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': type })
      res.end(JSON.stringify(okBody()))
    }
    const response = await call(PACK_PATH)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(response.body)).toEqual(okBody())
  })
})

describeTheKeyCheck()
