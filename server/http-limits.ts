import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http'

/** A client has this long to send its request's headers, then gets 408 and is cut off. */
export const HEADERS_TIMEOUT_MS = 10_000
/** ... and this long for the whole request, body included (not for our answer). */
export const REQUEST_TIMEOUT_MS = 30_000
/** An idle kept-alive connection is closed after this long (Node's own default). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000

/**
 * `npm start`'s HTTP server options. Node checks the two timeouts above only every
 * `connectionsCheckingInterval` (30 s by default, which would let a stalled header block
 * hold its connection 40 s): every second instead.
 */
export const HTTP_SERVER_OPTIONS: ServerOptions = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  connectionsCheckingInterval: 1_000,
}

/**
 * A request refused before its body was read (401, 404, 405, 413, 429, ...) is answered at
 * once, but Node would then read and discard the rest of the body to keep the connection:
 * a client could keep it busy for as long as it keeps sending. Such an answer says
 * `Connection: close`, and Node closes the connection once it is sent.
 */
export function closeWhenRefusedUnread(req: IncomingMessage, res: ServerResponse): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0
  if (!hasBody) return
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  // Every answer goes through writeHead, explicit or implied by the first write.
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (statusCode >= 400 && !req.complete) res.setHeader('connection', 'close')
    return writeHead(statusCode, ...rest)
  }) as ServerResponse['writeHead']
}
