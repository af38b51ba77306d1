import type { ServerResponse } from 'node:http'
import { API_SECURITY_HEADERS } from './security-headers.ts'

/** Writes a Partner API error envelope, the shape the client already understands. */
export function sendError(
  res: ServerResponse,
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ ok: false, code: status, message, error_code: errorCode })
  sendJson(res, status, body, headers)
}

/** Writes a success envelope, `{ ok: true, code, message, data }`, never cached. */
export function sendData(
  res: ServerResponse,
  status: number,
  message: string,
  data: unknown,
  headers: Record<string, string> = {},
): void {
  sendDataJson(res, status, message, JSON.stringify(data), headers)
}

/** The same with `data` already serialized (a large answer the database wrote as JSON). */
export function sendDataJson(
  res: ServerResponse,
  status: number,
  message: string,
  dataJson: string,
  headers: Record<string, string> = {},
): void {
  const body = `{"ok":true,"code":${status},"message":${JSON.stringify(message)},"data":${dataJson}}`
  sendJson(res, status, body, headers)
}

/** Every envelope: JSON, never cached, with the API's own security headers. */
function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...API_SECURITY_HEADERS,
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}
