import type { IncomingMessage } from 'node:http'
import type { RequestBodyRule } from './routes.ts'

/** Why a browser's body is not forwarded: the envelope the proxy answers with instead. */
export interface BodyRefusal {
  status: 400 | 413 | 415 | 422
  errorCode: string
  message: string
}

const refuse = (status: BodyRefusal['status'], errorCode: string, message: string) => ({
  refusal: { status, errorCode, message },
})

/**
 * The browser's JSON body, checked against the route's schema and re-serialized from what
 * the schema kept; a refusal, with the Partner API's own error codes, when it is not sent as
 * JSON, too big, not JSON or not the schema's shape.
 */
export async function readRequestBody(
  req: IncomingMessage,
  rule: RequestBodyRule,
): Promise<{ body: Buffer } | { refusal: BodyRefusal }> {
  const mediaType = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase()
  if (mediaType !== 'application/json') {
    return refuse(415, 'unsupported_media_type', 'The request body must be JSON.')
  }
  const raw = await readUpTo(req, rule.maxBytes)
  if (!raw) return refuse(413, 'payload_too_large', 'The request body is too large.')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    return refuse(400, 'invalid_json', 'The request body is not valid JSON.')
  }
  const checked = rule.schema.safeParse(parsed)
  if (!checked.success) {
    return refuse(422, 'invalid_payload', 'The request body does not match what this route takes.')
  }
  return { body: Buffer.from(JSON.stringify(checked.data)) }
}

/**
 * The request's body, or null when it is over `maxBytes`: refused at once when announced,
 * else read to its end and dropped (the answer has to wait for the request to be over).
 */
async function readUpTo(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > maxBytes) return null
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength
    if (total <= maxBytes) chunks.push(chunk)
  }
  return total > maxBytes ? null : Buffer.concat(chunks)
}
