import type { IncomingMessage, ServerResponse } from 'node:http'
import { bulkDecisionBodySchema, MAX_BULK_BODY_BYTES } from '../../contract/review-api/bulk.ts'
import { decisionBodySchema, MAX_REVIEW_BODY_BYTES } from '../../contract/review-api/decision.ts'
import { isUuid, REVIEW_API_PREFIX, REVIEW_ROUTES } from '../../contract/review-api/paths.ts'
import { signOffBodySchema } from '../../contract/review-api/sign-off.ts'
import { sendData, sendDataJson, sendError } from '../envelope.ts'
import { readJsonBody, type JsonBodyRule } from '../request-body.ts'
import { reviewerOf } from '../reviewer.ts'
import { ACTIVITY_QUERY_RULE, activityQueryOf } from './activity-query.ts'
import type { LoadPackImages } from './pack-images.ts'
import type { DecisionItem, ReviewStore } from './review-store.ts'
import type { StoreConnection } from './store-connection.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** One request to a route, with the IDs of its path (imageId '' where it has none). */
interface Call {
  req: IncomingMessage
  res: ServerResponse
  packId: string
  imageId: string
}

export interface ReviewApiOptions {
  connection: StoreConnection
  /** PACK_EXPLORER_TRUST_PROXY_AUTH=1: a write must come with the proxy's user. */
  proxyAuth: boolean
  /**
   * Decisions a pack starts with (the demo's), written before its first read when it has
   * never had any; null for packs without.
   */
  seedFor?: (packId: string, req: IncomingMessage) => DecisionItem[] | null
  /** The pack's images from the Partner API: a sign-off needs each of them decided. */
  loadPackImages: LoadPackImages
}

const DECISION_RULE = { schema: decisionBodySchema, maxBytes: MAX_REVIEW_BODY_BYTES }
/** The one route with a larger body: 10,000 decisions with notes take a few MB. */
const BULK_RULE = { schema: bulkDecisionBodySchema, maxBytes: MAX_BULK_BODY_BYTES }
const SIGN_OFF_RULE = { schema: signOffBodySchema, maxBytes: MAX_REVIEW_BODY_BYTES }
const READ_METHODS = ['GET', 'HEAD']

type RouteName = keyof typeof REVIEW_ROUTES

/** Each path of the review API and the methods it takes; the patterns never overlap. */
const ROUTES: readonly { name: RouteName; pattern: RegExp; methods: string[] }[] = [
  { name: 'pack', pattern: REVIEW_ROUTES.pack, methods: READ_METHODS },
  { name: 'image', pattern: REVIEW_ROUTES.image, methods: ['PUT'] },
  { name: 'history', pattern: REVIEW_ROUTES.history, methods: READ_METHODS },
  { name: 'decisions', pattern: REVIEW_ROUTES.decisions, methods: ['POST'] },
  { name: 'signOff', pattern: REVIEW_ROUTES.signOff, methods: ['PUT', 'DELETE'] },
  { name: 'packHistory', pattern: REVIEW_ROUTES.packHistory, methods: READ_METHODS },
  { name: 'activity', pattern: REVIEW_ROUTES.activity, methods: READ_METHODS },
]

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

    const route = ROUTES.find((candidate) => candidate.pattern.test(rawPath))
    if (!route) {
      return sendError(
        res,
        404,
        'not_found',
        `No such path in the review API (${REVIEW_API_PREFIX}).`,
      )
    }
    if (!route.methods.includes(method)) {
      const allow = route.methods.join(', ')
      return sendError(
        res,
        405,
        'method_not_allowed',
        `This path takes ${route.methods.join(' and ')}.`,
        { allow },
      )
    }
    const ids: string[] = []
    for (const segment of route.pattern.exec(rawPath)!.slice(1)) {
      const id = safeDecode(segment)
      if (id === null || !isUuid(id)) {
        return sendError(res, 400, 'invalid_id', 'Pack and image IDs in the path must be UUIDs.')
      }
      ids.push(id)
    }
    const [packId = '', imageId = ''] = ids

    const handled = dispatch(route.name, method, { req, res, packId, imageId }, query)
    handled.catch(() => {
      if (!res.headersSent) sendError(res, 400, 'invalid_request', 'The request could not be read.')
      else res.destroy()
    })
  }

  function dispatch(name: RouteName, method: string, call: Call, query: string): Promise<void> {
    switch (name) {
      case 'pack':
        return readPack(call, query)
      case 'history':
        return readImageHistory(call)
      case 'packHistory':
        return readPackHistory(call)
      case 'activity':
        return readActivity(call, query)
      case 'image':
        return writeDecision(call)
      case 'decisions':
        return writeDecisions(call)
      case 'signOff':
        return method === 'PUT' ? signOff(call) : withdraw(call)
    }
  }

  async function readPack({ req, res, packId }: Call, query: string) {
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
    await run(res, async () => {
      await seed(store, packId, req)
      sendDataJson(res, 200, 'Reviews retrieved', await store.packReviewJson(packId, since))
    })
  }

  async function readImageHistory({ res, packId, imageId }: Call) {
    const store = storeFor(res)
    if (!store) return
    await run(res, async () => {
      const history = await store.history(packId, imageId)
      sendData(res, 200, historyMessage(history), history)
    })
  }

  async function readPackHistory({ res, packId }: Call) {
    const store = storeFor(res)
    if (!store) return
    await run(res, async () => {
      const history = await store.packHistory(packId)
      sendData(res, 200, historyMessage(history), history)
    })
  }

  async function readActivity({ res, packId }: Call, query: string) {
    const page = activityQueryOf(query)
    if (page === 'invalid') return sendError(res, 422, 'invalid_query', ACTIVITY_QUERY_RULE)
    const store = storeFor(res)
    if (!store) return
    await run(res, async () => {
      sendData(res, 200, 'Activity retrieved', await store.listActivity(packId, page))
    })
  }

  async function writeDecision({ req, res, packId, imageId }: Call) {
    const body = await readBody(req, res, DECISION_RULE)
    const reviewer = body && reviewerFor(req, res, body.reviewer)
    const store = reviewer && storeFor(res)
    if (!body || !reviewer || !store) return
    await run(res, async () => {
      const [written] = (await store.write(packId, [
        {
          imageId,
          decision: body.decision,
          reasons: body.reasons ?? [],
          note: body.note?.trim() || null,
          reviewer,
          fingerprint: body.fingerprint,
          undo: body.undo ?? false,
        },
      ]))!
      sendData(res, 200, body.decision ? 'Decision saved' : 'Decision cleared', written)
    })
  }

  async function writeDecisions({ req, res, packId }: Call) {
    const body = await readBody(req, res, BULK_RULE)
    const reviewer = body && reviewerFor(req, res, body.reviewer)
    const store = reviewer && storeFor(res)
    if (!body || !reviewer || !store) return
    await run(res, async () => {
      const items = (await store.write(
        packId,
        body.items.map((item) => ({
          imageId: item.image_id,
          decision: item.decision,
          reasons: item.reasons ?? [],
          note: item.note?.trim() || null,
          reviewer,
          fingerprint: item.fingerprint,
          undo: body.undo ?? false,
        })),
      ))!
      const revision = items.at(-1)!.revision
      const saved = `${items.length.toLocaleString('en-US')} decisions saved`
      sendData(res, 200, saved, { pack_id: packId, revision, items })
    })
  }

  async function signOff({ req, res, packId }: Call) {
    const body = await readBody(req, res, SIGN_OFF_RULE)
    const reviewer = body && reviewerFor(req, res, body.reviewer)
    const store = reviewer && storeFor(res)
    if (!body || !reviewer || !store) return
    const images = await packImages(packId, req, res)
    if (!images) return
    await run(res, async () => {
      const result = await store.signOff(packId, reviewer, images)
      if ('needReview' in result) {
        return sendError(res, 409, 'not_fully_reviewed', needReviewMessage(result.needReview))
      }
      sendData(res, 200, 'Pack signed off', { sign_off: result.signOff })
    })
  }

  async function withdraw({ req, res, packId }: Call) {
    // It may come without a body: then only a signed-in user can make it.
    const body = hasBody(req) ? await readBody(req, res, SIGN_OFF_RULE) : {}
    const reviewer = body && reviewerFor(req, res, body.reviewer)
    const store = reviewer && storeFor(res)
    if (!body || !reviewer || !store) return
    await run(res, async () => {
      const withdrawn = await store.withdraw(packId, reviewer)
      const message = withdrawn ? 'Sign-off withdrawn' : 'The pack was not signed off'
      sendData(res, 200, message, { sign_off: null })
    })
  }

  /** Who the write is recorded as, or null with the refusal already sent. */
  function reviewerFor(
    req: IncomingMessage,
    res: ServerResponse,
    fromBody: string | undefined,
  ): string | null {
    const reviewer = reviewerOf(req, fromBody, { proxyAuth: options.proxyAuth })
    if (reviewer.ok) return reviewer.name
    sendError(res, reviewer.status, reviewer.errorCode, reviewer.message)
    return null
  }

  /** The pack's images from the Partner API, or null with the 404 or 502 already sent. */
  async function packImages(packId: string, req: IncomingMessage, res: ServerResponse) {
    const gone = new AbortController()
    const onClose = () => gone.abort()
    res.on('close', onClose)
    try {
      const images = await options.loadPackImages(packId, req, gone.signal)
      if (images !== 'not_found') return images
      sendError(res, 404, 'pack_not_found', 'The Genviral API has no such pack to sign off.')
    } catch {
      if (res.destroyed) return null
      sendError(
        res,
        502,
        'upstream_unavailable',
        'The Genviral API could not say which images the pack has, so it was not signed off.',
      )
    } finally {
      res.off('close', onClose)
    }
    return null
  }
}

/** The body as the rule's schema kept it, or null with the refusal already sent. */
async function readBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  rule: JsonBodyRule<T>,
): Promise<T | null> {
  const read = await readJsonBody(req, rule)
  if ('data' in read) return read.data
  const { status, errorCode, message } = read.refusal
  sendError(res, status, errorCode, message)
  return null
}

/** Whether the request has a body at all (an announced length of 0 is none). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0
}

/** `1 image needs review`, `2 images need review`. */
export function needReviewMessage(count: number): string {
  return count === 1
    ? '1 image needs review'
    : `${count.toLocaleString('en-US')} images need review`
}

function historyMessage(history: { entries: unknown[]; truncated: boolean }): string {
  return history.truncated
    ? `History retrieved: the newest ${history.entries.length} changes only`
    : 'History retrieved'
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
