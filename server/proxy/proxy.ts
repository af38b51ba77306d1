import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../envelope.ts'
import { forward } from './forward.ts'
import { matchRoute, PROXY_ROUTES, upstreamTarget, type ProxyRoute } from './routes.ts'

export interface PartnerProxyOptions {
  /** Origin of the Partner API, e.g. https://www.genviral.io. Never taken from a request. */
  baseUrl: string
  token: string
  timeoutMs?: number
  maxBodyBytes?: number
  /** One line per proxied request; never given headers or the key. */
  log?: (line: string) => void
  /** The forwarded routes; the Partner API's table unless a test gives its own. */
  routes?: readonly ProxyRoute[]
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Connect-style middleware for everything under `/api`. It forwards what a row of the route
 * table allows to `baseUrl`, with the server's key and nothing of the browser's, and
 * answers every other request itself. It does not compress: see server/compression.ts.
 */
export function createPartnerProxy(options: PartnerProxyOptions): Middleware {
  const base = new URL(options.baseUrl)
  const routes = options.routes ?? PROXY_ROUTES
  const forwardOptions = {
    token: options.token,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    log: options.log ?? (() => {}),
  }

  return (req, res, next) => {
    // Connect strips the mount path from req.url; originalUrl keeps what the browser sent.
    const rawUrl = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
    const rawPath = rawUrl.split('?')[0] ?? ''
    if (rawPath !== '/api' && !rawPath.startsWith('/api/')) return next()

    const matched = matchRoute(routes, rawPath)
    if (!matched) {
      return sendError(
        res,
        404,
        'proxy_path_not_allowed',
        'This path is not forwarded to the Partner API.',
      )
    }
    const { methods } = matched.route
    if (!(methods as readonly string[]).includes(req.method ?? '')) {
      return sendError(
        res,
        405,
        'method_not_allowed',
        `Only ${methods.join(' and ')} are forwarded.`,
        { allow: methods.join(', ') },
      )
    }
    const target = new URL(upstreamTarget(matched, rawUrl), base)
    void forward(req, res, matched.route, target, forwardOptions).catch(() => {
      if (!res.headersSent)
        sendError(res, 502, 'upstream_unreachable', 'The Genviral API could not be reached.')
      else res.destroy()
    })
  }
}
