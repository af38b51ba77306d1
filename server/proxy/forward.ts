import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../envelope.ts'
import { readJsonBody } from '../request-body.ts'
import { sanitizeErrorBody } from './error-body.ts'
import {
  acceptedEncodings,
  isJsonType,
  relayedResponseHeaders,
  upstreamRequestHeaders,
} from './headers.ts'
import type { KeyScanner } from './key-scanner.ts'
import { BodyTooLargeError, contentCoding, decode, readCapped } from './read-body.ts'
import type { ProxyRoute } from './routes.ts'
import { callUpstream, UpstreamTimeoutError } from './upstream-client.ts'

export interface ForwardOptions {
  token: string
  /** Finds the key in what the upstream sent. */
  scanner: KeyScanner
  /** Tell the upstream the browser's origin (the demo API only). */
  forwardOrigin: boolean
  timeoutMs: number
  /** The most the upstream's answer may be, compressed or not. */
  maxBodyBytes: number
  log: (line: string) => void
}

/**
 * Sends one allowed request to `target` with the server's key and answers the browser: the
 * upstream's 2xx body (relayed compressed as it came when the browser accepts that coding,
 * else decoded for the compression middleware), a rebuilt error envelope, or the proxy's
 * own 502/504 envelope.
 */
export async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  route: ProxyRoute,
  target: URL,
  options: ForwardOptions,
): Promise<void> {
  const started = Date.now()
  // One of the route's methods: the middleware checked.
  const method = req.method ?? 'GET'
  const done = (status: number) =>
    options.log(`${method} ${target.pathname} -> ${status} (${Date.now() - started} ms)`)
  const browserGone = new AbortController()
  const onClose = () => browserGone.abort()
  res.on('close', onClose)

  try {
    let requestBody: Buffer | undefined
    const requestHeaders = upstreamRequestHeaders(req, options.token, options.forwardOrigin)
    if (route.body) {
      const read = await readJsonBody(req, route.body)
      if ('refusal' in read) {
        const { status, errorCode, message } = read.refusal
        done(status)
        return sendError(res, status, errorCode, message)
      }
      // Re-serialized from what the schema kept: nothing the schema does not know goes on.
      requestBody = Buffer.from(JSON.stringify(read.data))
      requestHeaders['content-type'] = 'application/json'
    }

    let upstream: IncomingMessage
    let body: Buffer
    let plain: Buffer | null
    try {
      ;({
        response: upstream,
        result: { body, plain },
      } = await callUpstream(
        {
          target,
          method,
          headers: requestHeaders,
          body: requestBody,
          timeoutMs: options.timeoutMs,
          signal: browserGone.signal,
        },
        async (response) => {
          const raw = await readCapped(response, options.maxBodyBytes)
          // Compressed bodies are checked here even when relayed as they came.
          return {
            body: raw,
            plain: await decode(raw, contentCoding(response), options.maxBodyBytes),
          }
        },
      ))
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
      if (error instanceof UpstreamTimeoutError) {
        done(504)
        return sendError(
          res,
          504,
          'upstream_timeout',
          `The Genviral API did not answer within ${options.timeoutMs / 1000} seconds.`,
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

    const headers = relayedResponseHeaders(upstream, options.scanner)
    const coding = contentCoding(upstream)
    let payload: Buffer
    if (status < 300) {
      const refusal = refuseSuccess(upstream, plain ?? body, options.scanner)
      if (refusal) {
        done(502)
        return sendError(res, 502, refusal.errorCode, refusal.message)
      }
      headers['content-type'] = 'application/json; charset=utf-8'
      if ((coding === 'br' || coding === 'gzip') && acceptedEncodings(req).has(coding)) {
        // Compressed upstream and accepted by the browser: relayed as it came (checked decoded).
        payload = body
        headers['content-encoding'] = coding
      } else {
        payload = plain ?? body
      }
    } else {
      payload = sanitizeErrorBody(status, plain ?? body, options.scanner)
      headers['content-type'] = 'application/json; charset=utf-8'
    }
    if (method !== 'HEAD') headers['content-length'] = String(payload.length)
    if (res.destroyed) return
    res.writeHead(status, headers)
    res.end(method === 'HEAD' ? undefined : payload)
    done(status)
  } finally {
    res.off('close', onClose)
  }
}

/**
 * Why a 2xx answer is not relayed, or null: it is not JSON (a sign-in page or an error page
 * with a 200 is not the API's answer), or it holds the key in some form (an upstream that
 * echoes the request; no field of a pack is worth that).
 */
function refuseSuccess(
  upstream: IncomingMessage,
  decoded: Buffer,
  scanner: KeyScanner,
): { errorCode: string; message: string } | null {
  if (!isJsonType(upstream.headers['content-type'])) {
    return {
      errorCode: 'upstream_not_json',
      message: 'The Genviral API answered with something other than JSON.',
    }
  }
  if (scanner.finds(decoded)) {
    return {
      errorCode: 'upstream_leaked_key',
      message: "The Genviral API's answer contained the server's key, so it was not relayed.",
    }
  }
  return null
}
