import type { ServerResponse } from 'node:http'

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
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}
