import type { ServerResponse } from 'node:http'
import { errorEnvelope } from '../../contract/partner-api/envelope.ts'

/** Answers with `body` as JSON; a string is taken as already serialized. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

/** Answers with a failure envelope. */
export function jsonError(
  res: ServerResponse,
  status: number,
  errorCode: string,
  message: string,
): void {
  json(res, status, errorEnvelope(status, message, errorCode))
}

/** Answers with a success envelope whose `code` is `status`. */
export function jsonData(
  res: ServerResponse,
  status: number,
  message: string,
  data: unknown,
): void {
  json(res, status, { ok: true, code: status, message, data })
}
