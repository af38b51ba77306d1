import type { IncomingMessage, ServerResponse } from 'node:http'
import { decisionBodySchema, MAX_REVIEW_BODY_BYTES } from '../../contract/review-api/decision.ts'
import { isUuid, REVIEW_API_PREFIX, REVIEW_ROUTES } from '../../contract/review-api/paths.ts'
import { sendData, sendError } from '../envelope.ts'
import { readJsonBody } from '../request-body.ts'
import { reviewerOf } from '../reviewer.ts'
import type { DecisionItem, ReviewStore } from './review-store.ts'
import type { StoreConnection } from './store-connection.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface ReviewApiOptions {
  connection: StoreConnection
  /** PACK_EXPLORER_TRUST_PROXY_AUTH=1: a write must come with the proxy's user. */
  proxyAuth: boolean
  /**
   * Decisions a pack starts with (the demo's), written before its first read when it has
   * never had any; null for packs without.
   */
  seedFor?: (packId: string, req: IncomingMessage) => DecisionItem[] | null
}

const BODY_RULE = { schema: decisionBodySchema, maxBytes: MAX_REVIEW_BODY_BYTES }
const READ_METHODS = ['GET', 'HEAD']

/**
 * Our review API, everything under /api/review: answered here, never forwarded to the
 * Partner API. Every refusal is an envelope, and nothing is stored on any of them.
 */
export function createReviewApi(options: ReviewApiOptions): Middleware {
  const seeded = new Set<string>()

  /** The store, or the 503 already sent. */
  const storeFor = (res: ServerResponse): ReviewStore | null => {
    const state = options.connection.state()
    if (state.status === 'ready') return state.store
    sendUnavailable(res, state.reason)
    return null
  }

  const run = async (res: ServerResponse, work: () => Promise<void>) => {
    try {
      await work()
      options.connection.worked()
    } catch (error) {
      if (res.headersSent) return void res.destroy()
      sendUnavailable(res, options.connection.failed(error))
    }
  }

  const seed = async (store: ReviewStore, packId: string, req: IncomingMessage) => {
    if (seeded.has(packId)) return
    const items = options.seedFor?.(packId, req)
    if (items) await store.write(packId, items, { onlyIfUnreviewed: true })
    seeded.add(packId)
  }

  return (req, res, next) => {
    const rawUrl = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
    const [rawPath = '', query = ''] = rawUrl.split('?', 2)
    if (rawPath !== '/api/review' && !rawPath.startsWith('/api/review/')) return next()
    const method = req.method ?? ''

    const history = REVIEW_ROUTES.history.exec(rawPath)
    const image = history ? null : REVIEW_ROUTES.image.exec(rawPath)
    const pack = history || image ? null : REVIEW_ROUTES.pack.exec(rawPath)
    const matched = history ?? image ?? pack
    if (!matched) {
      return sendError(
        res,
        404,
        'not_found',
        `No such path in the review API (${REVIEW_API_PREFIX}).`,
      )
    }
    const allowed = image ? ['PUT'] : READ_METHODS
    if (!allowed.includes(method)) {
      return sendError(
        res,
        405,
        'method_not_allowed',
        `This path takes ${allowed.join(' and ')}.`,
        { allow: allowed.join(', ') },
      )
    }
    const ids: string[] = []
    for (const segment of matched.slice(1)) {
      const id = safeDecode(segment)
      if (id === null || !isUuid(id)) {
        return sendError(res, 400, 'invalid_id', 'Pack and image IDs in the path must be UUIDs.')
      }
      ids.push(id)
    }
    const [packId = '', imageId = ''] = ids

    if (pack) {
      const since = sinceOf(query)
      if (since === 'invalid') {
        return sendError(
          res,
          400,
          'invalid_query',
          'since must be a revision: a whole number, 0 or more.',
        )
      }
      const store = storeFor(res)
      if (!store) return
      return void run(res, async () => {
        await seed(store, packId, req)
        const review = await store.packReview(packId, since)
        sendData(res, 200, 'Reviews retrieved', review)
      })
    }

    if (history) {
      const store = storeFor(res)
      if (!store) return
      return void run(res, async () => {
        const entries = await store.history(packId, imageId)
        const message = entries.truncated
          ? `History retrieved: the newest ${entries.entries.length} changes only`
          : 'History retrieved'
        sendData(res, 200, message, entries)
      })
    }

    void (async () => {
      const read = await readJsonBody(req, BODY_RULE)
      if ('refusal' in read) {
        const { status, errorCode, message } = read.refusal
        return sendError(res, status, errorCode, message)
      }
      const body = read.data
      const reviewer = reviewerOf(req, body.reviewer, { proxyAuth: options.proxyAuth })
      if (!reviewer.ok) {
        return sendError(res, reviewer.status, reviewer.errorCode, reviewer.message)
      }
      const store = storeFor(res)
      if (!store) return
      await run(res, async () => {
        const [written] = (await store.write(packId, [
          {
            imageId,
            decision: body.decision,
            reasons: body.reasons ?? [],
            note: body.note?.trim() || null,
            reviewer: reviewer.name,
            fingerprint: body.fingerprint,
            undo: body.undo ?? false,
          },
        ]))!
        sendData(res, 200, body.decision ? 'Decision saved' : 'Decision cleared', written)
      })
    })().catch(() => {
      if (!res.headersSent) sendError(res, 400, 'invalid_request', 'The request could not be read.')
      else res.destroy()
    })
  }
}

function sendUnavailable(res: ServerResponse, reason: string): void {
  sendError(res, 503, 'reviews_unavailable', `Reviews are unavailable. ${reason}`, {
    'retry-after': '5',
  })
}

/** `?since=<n>`: undefined when absent, 'invalid' when not a whole number. */
function sinceOf(query: string): number | undefined | 'invalid' {
  const values = new URLSearchParams(query).getAll('since')
  if (values.length === 0) return undefined
  const [value] = values
  if (values.length > 1 || !/^\d{1,15}$/.test(value!)) return 'invalid'
  return Number(value)
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
