import type { IncomingMessage, ServerResponse } from 'node:http'
import { UPLOAD_CONTENT_TYPES } from '../contract/partner-api/writes.ts'
import { sendError } from './envelope.ts'
import { UPLOADS_PREFIX } from './uploads/upload-paths.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** Methods that only read: every other one may change state. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Writes under `/api` only from the app's own pages, on every server (`vite`, `vite preview`,
 * `npm start`). A form on another site, or a `no-cors` fetch, can send a POST to
 * `localhost:5173` with the user's cookies or Basic-auth credentials, and a `text/plain` or
 * form body needs no CORS preflight: so a write is refused unless the browser says it is
 * same-origin, and then unless its body is JSON (which no form can send). The one exception
 * is an upload (`POST /api/uploads/...`) sent as one of the image types Upload File takes: no
 * form can send those either, and a cross-site fetch with one needs a CORS preflight that
 * this server never grants. Checked on the headers alone, before anything reads the body.
 */
export function sameOriginWrites(): Middleware {
  return (req, res, next) => {
    if (READ_METHODS.has(req.method ?? 'GET') || !isApi(req)) return next()
    if (!isSameOrigin(req)) {
      return sendError(
        res,
        403,
        'cross_site_request',
        'Changes are accepted only from Pack Explorer’s own pages.',
      )
    }
    const type = mediaType(req.headers['content-type'])
    if (type !== 'application/json' && !isImageUpload(req, type)) {
      return sendError(
        res,
        415,
        'unsupported_media_type',
        'Send the request body as application/json.',
      )
    }
    next()
  }
}

/**
 * `Sec-Fetch-Site: same-origin`, which every current browser sends and no page can forge.
 * `same-site` is another port or subdomain (any other local dev server), `none` a request the
 * user typed or bookmarked: neither is the app. Without the header (an older browser, a
 * script), the Origin must name the very host the request is for; no Origin, or `null` (a
 * sandboxed frame, a redirect), proves nothing and is refused.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined) return String(site).trim().toLowerCase() === 'same-origin'
  const origin = req.headers.origin
  const host = req.headers.host
  if (!origin || !host || !URL.canParse(origin)) return false
  const from = new URL(origin)
  if (from.protocol !== 'http:' && from.protocol !== 'https:') return false
  // Read with the Origin's scheme, so `example.com:443` and `https://example.com` agree.
  const target = `${from.protocol}//${host}`
  return URL.canParse(target) && new URL(target).host === from.host
}

/**
 * A POST under /api/uploads with an image type. The path as written, in its case: what the
 * upload relay takes, and nothing else (an absolute-form target is not an upload).
 */
function isImageUpload(req: IncomingMessage, type: string): boolean {
  const path = pathOf(req).split('?')[0] ?? ''
  return (
    req.method === 'POST' &&
    path.startsWith(`${UPLOADS_PREFIX}/`) &&
    (UPLOAD_CONTENT_TYPES as readonly string[]).includes(type)
  )
}

/**
 * Under `/api` as any server might route it: Express matches paths case-insensitively (a
 * route on `/api/review` also takes `/API/Review`), and an absolute-form target
 * (`POST http://host/api/...`) is routed by its path too.
 */
function isApi(req: IncomingMessage): boolean {
  const url = pathOf(req)
  const path = (
    url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?')[0] ?? ''
  ).toLowerCase()
  return path === '/api' || path.startsWith('/api/')
}

/** The request target as the browser sent it. */
function pathOf(req: IncomingMessage): string {
  // Connect strips a mount path from `url`; `originalUrl` keeps it (Vite, Express).
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
}

/** `application/json; charset=utf-8` is `application/json`. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}
