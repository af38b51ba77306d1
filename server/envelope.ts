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
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...API_SECURITY_HEADERS,
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

/** Writes a success envelope, `{ ok: true, code, message, data }`, never cached. */
export function sendData(
  res: ServerResponse,
  status: number,
  message: string,
  data: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ ok: true, code: status, message, data })
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...API_SECURITY_HEADERS,
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}
