import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../envelope.ts'
import { sanitizeErrorBody } from './error-body.ts'
import {
  acceptedEncodings,
  isJsonType,
  relayedResponseHeaders,
  upstreamRequestHeaders,
} from './headers.ts'
import type { KeyScanner } from './key-scanner.ts'
import { BodyTooLargeError, contentCoding, decode, readCapped } from './read-body.ts'
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

/** One request to send: the body its row checked, and what to do before answering. */
export interface Outgoing {
  /** What the row's schema kept of the browser's body; undefined: no body is sent. */
  body?: unknown
  /**
   * Called with the status and JSON the browser is about to get (the upstream's, or the
   * proxy's own 502/504 envelope); the answer waits for it. A write's activity record.
   */
  settle?: (status: number, answer: unknown) => Promise<void>
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
  target: URL,
  outgoing: Outgoing,
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
  const settle = outgoing.settle ?? (async () => {})
  const fail = async (status: number, errorCode: string, message: string) => {
    await settle(status, { ok: false, error_code: errorCode })
    done(status)
    if (!res.destroyed) sendError(res, status, errorCode, message)
  }

  try {
    let requestBody: Buffer | undefined
    const requestHeaders = upstreamRequestHeaders(req, options.token, options.forwardOrigin)
    if (outgoing.body !== undefined) {
      // Re-serialized from what the schema kept: nothing the schema does not know goes on.
      requestBody = Buffer.from(JSON.stringify(outgoing.body))
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
          // A write goes on when the browser leaves: stopped halfway, nobody would know
          // whether it was made, and its record would not say.
          signal: outgoing.settle ? new AbortController().signal : browserGone.signal,
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
      // A browser that left still gets its write recorded: the upstream may have made it.
      if (res.destroyed && !outgoing.settle) return
      if (error instanceof BodyTooLargeError) {
        return await fail(
          502,
          'upstream_too_large',
          'The Genviral API sent a response too large to relay.',
        )
      }
      if (error instanceof UpstreamTimeoutError) {
        return await fail(
          504,
          'upstream_timeout',
          `The Genviral API did not answer within ${options.timeoutMs / 1000} seconds.`,
        )
      }
      return await fail(502, 'upstream_unreachable', 'The Genviral API could not be reached.')
    }

    const status = upstream.statusCode ?? 0
    if (status < 200 || status > 599) {
      return await fail(
        502,
        'upstream_invalid_status',
        'The Genviral API answered with an invalid HTTP status.',
      )
    }
    if (status >= 300 && status < 400) {
      return await fail(
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
      if (refusal) return await fail(502, refusal.errorCode, refusal.message)
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
    if (outgoing.settle) await settle(status, parsed(plain ?? payload))
    if (method !== 'HEAD') headers['content-length'] = String(payload.length)
    if (res.destroyed) return
    res.writeHead(status, headers)
    res.end(method === 'HEAD' ? undefined : payload)
    done(status)
  } finally {
    res.off('close', onClose)
  }
}

/** The JSON of an answer for its record; null when it is not JSON (a compressed relay). */
function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return null
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
