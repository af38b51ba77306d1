import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from './envelope.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Whether another site's page made this request (`Sec-Fetch-Site: cross-site`) for anything
 * but opening a page of ours in a tab: a fetch, an `<img>`, a `<script>`, a form post, a
 * frame. Requests without the header (older browsers, curl, load balancers) are not a page's.
 */
export function isCrossSiteRequest(req: IncomingMessage): boolean {
  if (header(req, 'sec-fetch-site') !== 'cross-site') return false
  const navigation =
    (req.method === 'GET' || req.method === 'HEAD') &&
    header(req, 'sec-fetch-mode') === 'navigate' &&
    header(req, 'sec-fetch-dest') === 'document'
  return !navigation
}

/**
 * Fetch Metadata resource isolation, on every server (`vite`, `vite preview`, `npm start`):
 * a web page on another site gets nothing from the key-holding proxy, the app's files or
 * Vite's own endpoints (`/__open-in-editor`), whatever it asks. Links into the app still work.
 */
export function fetchMetadataPolicy(): Middleware {
  return (req, res, next) => {
    if (!isCrossSiteRequest(req)) return next()
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
    const path = url.split('?')[0] ?? ''
    if (path === '/api' || path.startsWith('/api/')) {
      return sendError(res, 403, 'cross_site_request', 'Requests from other sites are refused.')
    }
    const body = 'Requests from other sites are refused.\n'
    res.writeHead(403, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name]
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().toLowerCase()
}
