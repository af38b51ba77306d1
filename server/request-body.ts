import type { IncomingMessage } from 'node:http'
import type { ZodMiniType } from 'zod/mini'

/** What a JSON body must be: the schema it is checked against and its size, at most. */
export interface JsonBodyRule<T = unknown> {
  schema: ZodMiniType<T>
  maxBytes: number
}

/** Why a browser's body is refused: the envelope to answer with instead. */
export interface BodyRefusal {
  status: 400 | 413 | 415 | 422
  errorCode: string
  message: string
}

const refuse = (status: BodyRefusal['status'], errorCode: string, message: string) => ({
  refusal: { status, errorCode, message },
})

/**
 * The browser's JSON body as the rule's schema kept it, or a refusal (with the Partner API's
 * own error codes) when it is not sent as JSON, too big, not JSON or not the schema's shape.
 * The proxy forwards what it returns; the review API stores it.
 */
export async function readJsonBody<T>(
  req: IncomingMessage,
  rule: JsonBodyRule<T>,
): Promise<{ data: T } | { refusal: BodyRefusal }> {
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
    const issue = checked.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    // The issue's own words (never the value sent), so a client can see what to fix.
    const why = issue ? ` (${where}${issue.message})` : ''
    return refuse(
      422,
      'invalid_payload',
      `The request body does not match what this route takes${why}.`,
    )
  }
  return { data: checked.data }
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
