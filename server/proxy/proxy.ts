import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WriteIntent } from '../../contract/review-api/reviewer.ts'
import { sendError } from '../envelope.ts'
import { readJsonBody, type BodyRefusal } from '../request-body.ts'
import { forward, type Outgoing } from './forward.ts'
import { keyScanner } from './key-scanner.ts'
import {
  keptQuery,
  matchRoute,
  PROXY_ROUTES,
  queryAccepted,
  upstreamTarget,
  type ProxyRoute,
} from './routes.ts'
import { createUpstreamGate } from './upstream-gate.ts'
import { admitWrite, type WritePolicy } from './write-gate.ts'
import { describeWrite } from './write-record.ts'

export interface PartnerProxyOptions {
  /** Origin of the Partner API, e.g. https://www.genviral.io. Never taken from a request. */
  baseUrl: string
  token: string
  timeoutMs?: number
  maxBodyBytes?: number
  /**
   * Send the browser's origin (`X-Forwarded-Host`/`-Proto`) upstream. Only for the demo API,
   * which builds its image links from it; a real upstream never learns the app's Host.
   */
  forwardOrigin?: boolean
  /** Upstream answers held in memory at once; beyond, requests wait in a queue. */
  maxConcurrentUpstream?: number
  /** Requests that may wait for a place; beyond, and after `queueWaitMs`, 503 `proxy_busy`. */
  maxQueuedUpstream?: number
  queueWaitMs?: number
  /** One line per proxied request; never given headers or the key. */
  log?: (line: string) => void
  /** The forwarded routes; the Partner API's table unless a test gives its own. */
  routes?: readonly ProxyRoute[]
  /** Who may write, and where writes are recorded. Absent: every write is refused. */
  writes?: WritePolicy
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024
/** 16 answers at the 20 MB cap, decoded and checked: a few hundred MB at the very worst. */
export const DEFAULT_MAX_CONCURRENT_UPSTREAM = 16
export const DEFAULT_MAX_QUEUED_UPSTREAM = 64
export const DEFAULT_QUEUE_WAIT_MS = 5_000

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Connect-style middleware for everything under `/api`. It forwards what a row of the route
 * table allows to `baseUrl`, with the server's key and nothing of the browser's, and
 * answers every other request itself. It does not compress: see server/compression.ts.
 */
export function createPartnerProxy(options: PartnerProxyOptions): Middleware {
  const base = new URL(options.baseUrl)
  const routes = options.routes ?? PROXY_ROUTES
  const log = options.log ?? (() => {})
  const forwardOptions = {
    token: options.token,
    scanner: keyScanner(options.token),
    forwardOrigin: options.forwardOrigin ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    log,
  }
  const gate = createUpstreamGate({
    maxActive: options.maxConcurrentUpstream ?? DEFAULT_MAX_CONCURRENT_UPSTREAM,
    maxQueued: options.maxQueuedUpstream ?? DEFAULT_MAX_QUEUED_UPSTREAM,
    maxWaitMs: options.queueWaitMs ?? DEFAULT_QUEUE_WAIT_MS,
  })

  const handle: Middleware = (req, res, next) => {
    // Connect strips the mount path from req.url; originalUrl keeps what the browser sent.
    const rawUrl = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
    const rawPath = rawUrl.split('?')[0] ?? ''
    if (rawPath !== '/api' && !rawPath.startsWith('/api/')) return next()

    const matched = matchRoute(routes, rawPath, req.method ?? '')
    if (!matched) {
      return sendError(
        res,
        404,
        'proxy_path_not_allowed',
        'This path is not forwarded to the Partner API.',
      )
    }
    if ('allow' in matched) {
      const allow = [...new Set(matched.allow)]
      return sendError(
        res,
        405,
        'method_not_allowed',
        `Only ${allow.join(' and ')} are forwarded.`,
        { allow: allow.join(', ') },
      )
    }
    const { route, ids } = matched
    const admitted = route.write ? admitWrite(req, options.writes) : null
    if (admitted && 'refusal' in admitted) {
      const { status, errorCode, message } = admitted.refusal
      return sendError(res, status, errorCode, message)
    }
    if (ids === null) return sendError(res, 400, 'invalid_id', 'An ID in the path is not a UUID.')
    if (!queryAccepted(route, keptQuery(route, rawUrl))) {
      return sendError(res, 422, 'invalid_query', 'The query does not match what this route takes.')
    }
    const target = new URL(upstreamTarget(route, ids, rawUrl), base)
    if (!admitted) return send(req, res, target, {})
    prepareWrite(req, route, ids, admitted.writer).then(
      (outgoing) => {
        if (!('refusal' in outgoing)) return send(req, res, target, outgoing)
        const { status, errorCode, message } = outgoing.refusal
        sendError(res, status, errorCode, message)
      },
      // The browser's body broke off: there is nobody to answer.
      () => res.destroy(),
    )
  }

  /**
   * A write's checked body, and the activity record it leaves before the browser hears back.
   * Read before it waits for a place: a refused body takes none.
   */
  async function prepareWrite(
    req: IncomingMessage,
    route: ProxyRoute,
    ids: string[],
    writer: { actor: string; intent: WriteIntent | null },
  ): Promise<Outgoing | { refusal: BodyRefusal }> {
    let body: unknown
    if (route.body) {
      const read = await readJsonBody(req, route.body)
      if ('refusal' in read) return read
      body = read.data
    }
    const policy = options.writes!
    const action = route.write!
    const [packId, imageId] = ids
    const imageUrl =
      action === 'delete_image' && policy.imageUrl
        ? await policy.imageUrl(packId!, imageId!, req).catch(() => null)
        : null
    return {
      body,
      settle: async (status, answer) => {
        const record = describeWrite({ action, ids, body, imageUrl }, writer, status, answer)
        // The write was made (or may have been): its answer still goes to the browser.
        await policy.record(record).catch((error: unknown) => {
          log(`${action} ${status}: the activity log did not record it (${String(error)})`)
        })
      },
    }
  }

  function send(req: IncomingMessage, res: ServerResponse, target: URL, outgoing: Outgoing) {
    const arrived = Date.now()
    void gate.enter(res).then((admitted) => {
      if (!admitted) {
        if (res.destroyed) return
        log(`${req.method} ${target.pathname} -> 503 (${Date.now() - arrived} ms)`)
        return sendError(
          res,
          503,
          'proxy_busy',
          'Too many requests to the Genviral API are in progress. Try again in a moment.',
          { 'retry-after': '1' },
        )
      }
      return forward(req, res, target, outgoing, forwardOptions).catch(() => {
        if (!res.headersSent)
          sendError(res, 502, 'upstream_unreachable', 'The Genviral API could not be reached.')
        else res.destroy()
      })
    })
  }

  return handle
}
