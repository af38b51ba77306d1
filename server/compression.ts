import type { IncomingMessage, ServerResponse } from 'node:http'
import { constants as zlib } from 'node:zlib'
import compression from 'compression'

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/**
 * The one place this project compresses what it sends: brotli (quality 5: a 4 MB pack of
 * 10,000 images comes to ~50 KB, fast enough to do per request), else gzip, for bodies of
 * 1 KB and more, with Vary: Accept-Encoding. An answer that already has a Content-Encoding
 * (the proxy relaying the upstream's br or gzip body as it came) is left alone.
 *
 * `npm start` mounts it in front of everything; `vite` and `vite preview` in front of
 * /api (their own compression, if any, does not reach plugin middleware).
 */
export function compress(): Middleware {
  return compression({
    threshold: 1024,
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  }) as unknown as Middleware
}
