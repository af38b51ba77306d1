import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { promisify } from 'node:util'
import { brotliCompress, brotliDecompress, constants as zlib, gunzip, gzip } from 'node:zlib'
import {
  LIST_QUERY_PARAMS,
  PACK_PATH_PATTERN,
  PACKS_PATH,
  packPath,
} from '../contract/partner-api/paths.ts'
import { sendError } from './envelope.ts'
import { API_SECURITY_HEADERS } from './security-headers.ts'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
const unbrotliAsync = promisify(brotliDecompress)
const gunzipAsync = promisify(gunzip)
/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
const MIN_COMPRESS_BYTES = 1024

export interface PartnerProxyOptions {
  /** Origin of the Partner API, e.g. https://www.genviral.io. Never taken from a request. */
  baseUrl: string
  token: string
  timeoutMs?: number
  maxBodyBytes?: number
  /** One line per proxied request; never given headers or the key. */
  log?: (line: string) => void
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024

/** Response headers worth passing back; everything else (Set-Cookie first) stays behind. */
const RESPONSE_HEADERS = ['content-type', 'retry-after', 'etag', 'last-modified'] as const

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Connect-style middleware for everything under `/api`. It forwards only `GET`/`HEAD` of
 * `/api/partner/v1/packs/<uuid>` and of `/api/partner/v1/packs` (with the list's documented
 * query parameters) to `baseUrl`, with the server's key and nothing of the browser's, and
 * answers every other request itself.
 */
export function createPartnerProxy(options: PartnerProxyOptions): Middleware {
  const base = new URL(options.baseUrl)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const log = options.log ?? (() => {})

  return (req, res, next) => {
    // Connect strips the mount path from req.url; originalUrl keeps what the browser sent.
    const rawUrl = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
    const rawPath = rawUrl.split('?')[0] ?? ''
    if (rawPath !== '/api' && !rawPath.startsWith('/api/')) return next()

    const match = PACK_PATH_PATTERN.exec(rawPath)
    if (!match && rawPath !== PACKS_PATH) {
      return sendError(
        res,
        404,
        'proxy_path_not_allowed',
        'This path is not forwarded to the Partner API.',
      )
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'method_not_allowed', 'Only GET and HEAD are forwarded.', {
        allow: 'GET, HEAD',
      })
    }
    const target = match
      ? new URL(packPath(match[1]!.toLowerCase()), base)
      : new URL(PACKS_PATH + listQuery(rawUrl), base)
    void forward(req, res, target).catch(() => {
      if (!res.headersSent)
        sendError(res, 502, 'upstream_unreachable', 'The Genviral API could not be reached.')
      else res.destroy()
    })
  }

  async function forward(req: IncomingMessage, res: ServerResponse, target: URL): Promise<void> {
    const started = Date.now()
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onClose = () => controller.abort()
    res.on('close', onClose)
    const method = req.method === 'HEAD' ? 'HEAD' : 'GET'
    const done = (status: number) =>
      log(`${method} ${target.pathname} -> ${status} (${Date.now() - started} ms)`)

    try {
      let upstream: IncomingMessage
      let body: Buffer
      let plain: Buffer | null
      try {
        upstream = await send(target, method, controller.signal, {
          accept: 'application/json',
          // Both can go to the browser as they are, with no work here.
          'accept-encoding': 'br, gzip',
          authorization: `Bearer ${options.token}`,
          'user-agent': 'pack-explorer-proxy',
          ...forwardedHeaders(req),
        })
        body = await readCapped(upstream, maxBodyBytes)
        plain = await decode(body, contentCoding(upstream), maxBodyBytes)
      } catch (error) {
        if (res.destroyed) return
        if (error instanceof BodyTooLargeError) {
          done(502)
          return sendError(
            res,
            502,
            'upstream_too_large',
            'The Genviral API sent a response too large to relay.',
          )
        }
        if (timedOut) {
          done(504)
          return sendError(
            res,
            504,
            'upstream_timeout',
            `The Genviral API did not answer within ${timeoutMs / 1000} seconds.`,
          )
        }
        done(502)
        return sendError(res, 502, 'upstream_unreachable', 'The Genviral API could not be reached.')
      }

      const status = upstream.statusCode ?? 0
      if (status < 200 || status > 599) {
        done(502)
        return sendError(
          res,
          502,
          'upstream_invalid_status',
          'The Genviral API answered with an invalid HTTP status.',
        )
      }
      if (status >= 300 && status < 400) {
        done(502)
        return sendError(
          res,
          502,
          'upstream_redirect',
          'The Genviral API answered with a redirect, which is not followed.',
        )
      }

      const headers: Record<string, string> = {
        'cache-control': 'no-store',
        ...API_SECURITY_HEADERS,
      }
      for (const name of RESPONSE_HEADERS) {
        const value = upstream.headers[name]
        if (typeof value === 'string') headers[name] = value
      }
      headers.vary = 'accept-encoding'
      const ok = status < 300
      const accepted = acceptedEncodings(req)
      const upstreamEncoding = contentCoding(upstream)
      let payload: Buffer
      let encoding: 'br' | 'gzip' | null
      if (
        ok &&
        (upstreamEncoding === 'br' || upstreamEncoding === 'gzip') &&
        accepted.has(upstreamEncoding)
      ) {
        // Compressed upstream and accepted by the browser: relayed as it came.
        payload = body
        encoding = upstreamEncoding
      } else {
        let decoded = plain ?? body
        if (!ok) {
          decoded = sanitizeErrorBody(status, decoded, options.token)
          headers['content-type'] = 'application/json; charset=utf-8'
        }
        // A pack of 10,000 images is 4 MB of JSON and ~50 KB compressed.
        encoding = decoded.length >= MIN_COMPRESS_BYTES ? chooseEncoding(accepted) : null
        payload =
          encoding === 'br'
            ? await brotliAsync(decoded, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
            : encoding === 'gzip'
              ? await gzipAsync(decoded, { level: 6 })
              : decoded
      }
      if (encoding) headers['content-encoding'] = encoding
      if (method === 'GET') headers['content-length'] = String(payload.length)
      if (res.destroyed) return
      res.writeHead(status, headers)
      res.end(method === 'HEAD' ? undefined : payload)
      done(status)
    } finally {
      clearTimeout(timer)
      res.off('close', onClose)
    }
  }
}

/** The list's documented parameters from the browser's query string (the first value of each), and nothing else. */
function listQuery(rawUrl: string): string {
  const start = rawUrl.indexOf('?')
  const given = new URLSearchParams(start === -1 ? '' : rawUrl.slice(start + 1))
  const kept = new URLSearchParams()
  for (const name of LIST_QUERY_PARAMS) {
    const value = given.get(name)
    if (value !== null) kept.set(name, value)
  }
  const query = kept.toString()
  return query ? `?${query}` : ''
}

/** One request to the upstream; redirects are never followed (node:http does not). */
function send(
  target: URL,
  method: string,
  signal: AbortSignal,
  headers: Record<string, string>,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method, headers, signal },
      resolve,
    )
    request.on('error', reject)
    // A protocol switch nobody asked for: not an answer.
    request.on('upgrade', (_response, socket) => {
      socket.destroy()
      reject(new Error('Unexpected protocol upgrade'))
    })
    request.end()
  })
}

/** The content codings the browser accepts (a `q=0` refuses). */
function acceptedEncodings(req: IncomingMessage): Set<string | undefined> {
  return new Set(
    String(req.headers['accept-encoding'] ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name?.trim()),
  )
}

/** Brotli, else gzip, when the browser accepts it; else none. */
function chooseEncoding(accepted: Set<string | undefined>): 'br' | 'gzip' | null {
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}

class BadEncodingError extends Error {}

/** The response's content coding, normalized; '' when it has none. */
function contentCoding(response: IncomingMessage): string {
  return response.headers['content-encoding']?.trim().toLowerCase() ?? ''
}

/**
 * The body without its content coding, at most `maxBytes` of it; null when it had none.
 * Compressed bodies are checked here even when relayed as they came.
 */
async function decode(body: Buffer, coding: string, maxBytes: number): Promise<Buffer | null> {
  if (coding === '' || coding === 'identity') return null
  const unpack = coding === 'br' ? unbrotliAsync : coding === 'gzip' ? gunzipAsync : null
  if (!unpack) throw new BadEncodingError(coding)
  try {
    return await unpack(body, { maxOutputLength: maxBytes })
  } catch (error) {
    throw error instanceof RangeError ? new BodyTooLargeError() : new BadEncodingError(coding)
  }
}

/** Lets the upstream build absolute links for this origin (the demo API uses it for images). */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const host = req.headers.host
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return {}
  // Express's req.protocol (the production server) believes X-Forwarded-Proto only from a
  // trusted proxy, such as a TLS terminator in front; without Express, the socket says.
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const proto = (req as { protocol?: string }).protocol ?? (encrypted ? 'https' : 'http')
  return { 'x-forwarded-host': host, 'x-forwarded-proto': proto === 'https' ? 'https' : 'http' }
}

class BodyTooLargeError extends Error {}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length'])
  if (declared > maxBytes) {
    response.destroy()
    throw new BodyTooLargeError()
  }
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength
    if (total > maxBytes) throw new BodyTooLargeError()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Error bodies are rebuilt from the envelope's known fields, never relayed raw: an
 * upstream error page could carry markup, internals or reflected request data.
 */
function sanitizeErrorBody(status: number, body: Buffer, token: string): Buffer {
  let envelope: Record<string, unknown> | null = null
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      envelope = parsed as Record<string, unknown>
    }
  } catch {
    envelope = null
  }
  if (envelope && envelope.ok === false && typeof envelope.message === 'string') {
    return Buffer.from(
      JSON.stringify({
        ok: false,
        code: status,
        // An upstream that echoes the request must not hand the key to the browser.
        message: envelope.message.replaceAll(token, '[redacted]').slice(0, 500),
        ...(typeof envelope.error_code === 'string'
          ? { error_code: envelope.error_code.slice(0, 100) }
          : {}),
      }),
    )
  }
  // Not an envelope: say so, so the client can tell "Genviral said X" from "something in between failed".
  return Buffer.from(JSON.stringify({ upstream_status: status, envelope: false }))
}
