import type { IncomingMessage } from 'node:http'
import { BodyTooLargeError, readCapped } from './read-body.ts'
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
  let raw: Buffer
  try {
    raw = await readCapped(req, rule.maxBytes)
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error
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
