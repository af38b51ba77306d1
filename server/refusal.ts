import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from './envelope.ts'

/** Whether the request is for `/api`, where answers are JSON with the API's headers. */
export function isApiPath(req: IncomingMessage): boolean {
  const path = req.url ?? ''
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')
}

/**
 * A refusal before the app or the proxy ran: the JSON envelope the client reads on `/api`,
 * one line of plain text anywhere else (a page, an asset).
 */
export function sendRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (isApiPath(req)) return sendError(res, status, errorCode, message, headers)
  const body = `${message}\n`
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}
