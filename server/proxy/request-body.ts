import type { IncomingMessage } from 'node:http'
import type { RequestBodyRule } from './routes.ts'

/** Why a browser's body is not forwarded: the envelope the proxy answers with instead. */
export interface BodyRefusal {
  status: 400 | 413
  errorCode: string
  message: string
}

/**
 * The browser's JSON body, checked against the route's schema and re-serialized from what
 * the schema kept; a refusal when it is too big, not JSON or not the schema's shape.
 */
export async function readRequestBody(
  req: IncomingMessage,
  rule: RequestBodyRule,
): Promise<{ body: Buffer } | { refusal: BodyRefusal }> {
  const raw = await readUpTo(req, rule.maxBytes)
  if (!raw) {
    return {
      refusal: {
        status: 413,
        errorCode: 'request_too_large',
        message: 'The request body is too large.',
      },
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    parsed = undefined
  }
  const checked = rule.schema.safeParse(parsed)
  if (!checked.success) {
    return {
      refusal: {
        status: 400,
        errorCode: 'invalid_request_body',
        message: 'The request body is not valid.',
      },
    }
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
