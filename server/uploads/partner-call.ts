import type { IncomingMessage } from 'node:http'
import { sanitizeErrorBody } from '../proxy/error-body.ts'
import { isJsonType, upstreamRequestHeaders } from '../proxy/headers.ts'
import type { KeyScanner } from '../proxy/key-scanner.ts'
import { BodyTooLargeError, contentCoding, decode, readCapped } from '../proxy/read-body.ts'
import { callUpstream, UpstreamTimeoutError } from '../proxy/upstream-client.ts'

/** The Partner API, as the relay calls it: the proxy's upstream and key. */
export interface PartnerUpstream {
  base: URL
  token: string
  scanner: KeyScanner
  forwardOrigin: boolean
  timeoutMs: number
  log: (line: string) => void
}

/** What a call came to: the status and JSON the browser would get, and that JSON parsed. */
export interface PartnerAnswer {
  status: number
  payload: Buffer
  answer: unknown
}

/** Write answers are an ID, a URL and a file name: anything near this is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024

/**
 * One JSON POST to the Partner API with the server's key and nothing of the browser's, as
 * the proxy sends it. A 2xx answer comes back as it came when it is JSON without the key;
 * an error as the proxy relays it (rebuilt from the envelope's known fields); anything else,
 * or no answer, as the proxy's own 502/504 envelope.
 */
export async function callPartner(
  upstream: PartnerUpstream,
  req: IncomingMessage,
  path: string,
  body: unknown,
): Promise<PartnerAnswer> {
  const started = Date.now()
  const answer = await send(upstream, req, path, body)
  upstream.log(`POST ${path} -> ${answer.status} (${Date.now() - started} ms)`)
  return answer
}

async function send(
  upstream: PartnerUpstream,
  req: IncomingMessage,
  path: string,
  body: unknown,
): Promise<PartnerAnswer> {
  const headers = upstreamRequestHeaders(req, upstream.token, upstream.forwardOrigin)
  headers['content-type'] = 'application/json'
  let response: IncomingMessage
  let plain: Buffer
  try {
    ;({ response, result: plain } = await callUpstream(
      {
        target: new URL(path, upstream.base),
        method: 'POST',
        headers,
        body: Buffer.from(JSON.stringify(body)),
        timeoutMs: upstream.timeoutMs,
        // A write goes on when the browser leaves: its record must say how it ended.
        signal: new AbortController().signal,
      },
      async (answer) => {
        const raw = await readCapped(answer, MAX_ANSWER_BYTES)
        return (await decode(raw, contentCoding(answer), MAX_ANSWER_BYTES)) ?? raw
      },
    ))
  } catch (error) {
    if (error instanceof UpstreamTimeoutError) {
      return own(
        504,
        'upstream_timeout',
        `The Genviral API did not answer within ${upstream.timeoutMs / 1000} seconds.`,
      )
    }
    if (error instanceof BodyTooLargeError) {
      return own(502, 'upstream_too_large', 'The Genviral API sent a response too large to relay.')
    }
    return own(502, 'upstream_unreachable', 'The Genviral API could not be reached.')
  }

  const status = response.statusCode ?? 0
  if (status < 200 || status > 599) {
    return own(502, 'upstream_invalid_status', 'The Genviral API answered with an invalid status.')
  }
  if (status >= 300 && status < 400) {
    return own(
      502,
      'upstream_redirect',
      'The Genviral API answered with a redirect, which is not followed.',
    )
  }
  if (status >= 400) {
    const payload = sanitizeErrorBody(status, plain, upstream.scanner)
    return { status, payload, answer: parsed(payload) }
  }
  const answer = parsed(plain)
  if (!isJsonType(response.headers['content-type']) || answer === null) {
    return own(
      502,
      'upstream_not_json',
      'The Genviral API answered with something other than JSON.',
    )
  }
  if (upstream.scanner.finds(plain)) {
    return own(
      502,
      'upstream_leaked_key',
      "The Genviral API's answer contained the server's key, so it was not relayed.",
    )
  }
  return { status, payload: plain, answer }
}

/** The relay's own error envelope, as sendError writes it. */
export function own(status: number, errorCode: string, message: string): PartnerAnswer {
  const answer = { ok: false, code: status, message, error_code: errorCode }
  return { status, payload: Buffer.from(JSON.stringify(answer)), answer }
}

function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return null
  }
}
