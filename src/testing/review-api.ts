import { http, HttpResponse } from 'msw'
import { errorEnvelope, okEnvelope } from '@contract/partner-api/envelope'
import {
  bulkDecisionBodySchema,
  MAX_BULK_BODY_BYTES,
  type BulkDecisionBody,
} from '@contract/review-api/bulk'
import {
  decisionBodySchema,
  type DecisionBody,
  type HistoryEntry,
  type ReviewDecision,
} from '@contract/review-api/decision'
import { isUuid, REVIEW_API_PREFIX } from '@contract/review-api/paths'
import {
  signOffBodySchema,
  type PackHistoryEntry,
  type SignOff,
} from '@contract/review-api/sign-off'

interface StoredRow {
  image_id: string
  decision: ReviewDecision['decision'] | null
  reasons: string[]
  note: string | null
  reviewer: string
  decided_at: string
  fingerprint: string
  revision: number
}

interface StoredPack {
  revision: number
  /** Current rows; a cleared image keeps a row with a null decision, as the store does. */
  rows: Map<string, StoredRow>
  history: Map<string, HistoryEntry[]>
  signOff: SignOff | null
  /** Sign-offs and withdrawals, oldest first. */
  packHistory: PackHistoryEntry[]
}

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE'

/** A request the fake has answered (or is holding). */
export interface SeenRequest {
  method: Method
  url: URL
  body: unknown
}

/**
 * The review API's contract in memory, for unit tests: the same answers, refusals and
 * revisions as the real server, without a database. `setupMsw` serves it by default and
 * empties it after each test; tests seed it, make it fail or hold answers back.
 */
export class FakeReviewApi {
  private packs = new Map<string, StoredPack>()
  private gates: { method: Method; wait: Promise<void> }[] = []
  private failures: { method: Method; message: string }[] = []
  /** Every request, in the order they arrived. */
  requests: SeenRequest[] = []
  /** The server's authenticated user; null: the body's `reviewer` is recorded. */
  user: string | null = null
  /** When set, every request gets 503 `reviews_unavailable` with this message. */
  unavailable: string | null = null
  /** When true, every request fails as if the network were down. */
  offline = false
  /**
   * How many images of a pack need review, as the server would count them from the Partner
   * API (the fake has no pack): a sign-off is refused with 409 while it is above 0.
   */
  needingReview = new Map<string, number>()

  reset(): void {
    this.packs = new Map()
    this.gates = []
    this.failures = []
    this.requests = []
    this.user = null
    this.unavailable = null
    this.offline = false
    this.needingReview = new Map()
  }

  /** Records a decision as another reviewer would, straight into the store. */
  seed(packId: string, imageId: string, body: DecisionBody & { reviewer: string }): number {
    return this.store(packId, imageId, body, body.reviewer)
  }

  /**
   * Holds the next request of `method` until `release` is called. A GET is answered as the
   * store was when it arrived, and that answer delivered late; a PUT or POST is held on its
   * way, so it is stored only once released.
   */
  hold(method: Method): { release: () => void } {
    let release = () => {}
    const wait = new Promise<void>((resolve) => (release = resolve))
    this.gates.push({ method, wait })
    return { release }
  }

  /**
   * Refuses the next write of `method` (PUT: one image, POST: a bulk write) with 503
   * `reviews_unavailable` and this message, storing nothing; later ones go through.
   */
  failNext(method: 'PUT' | 'POST', message = 'The review store cannot be reached.'): void {
    this.failures.push({ method, message })
  }

  /** The decision PUT bodies sent, oldest first. */
  writes(): DecisionBody[] {
    return this.requests
      .filter((r) => r.method === 'PUT' && r.url.pathname.includes('/images/'))
      .map((r) => r.body as DecisionBody)
  }

  /** The bulk (POST …/decisions) bodies sent, oldest first, refused ones included. */
  bulkWrites(): BulkDecisionBody[] {
    return this.requests
      .filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/decisions'))
      .map((r) => r.body as BulkDecisionBody)
  }

  /** An image's history as stored, oldest first. */
  historyOf(packId: string, imageId: string): HistoryEntry[] {
    return [...(this.packs.get(packId)?.history.get(imageId) ?? [])]
  }

  current(packId: string, imageId: string) {
    const row = this.packs.get(packId)?.rows.get(imageId)
    return row?.decision ? row : null
  }

  handlers() {
    return [
      http.get(`*${REVIEW_API_PREFIX}/packs/:packId`, async ({ request, params }) => {
        const url = new URL(request.url)
        this.requests.push({ method: 'GET', url, body: null })
        const since = url.searchParams.get('since')
        let response: Response | null = this.refusal()
        if (!response && since !== null && !/^\d+$/.test(since)) {
          response = refuse(400, 'since must be a whole number.', 'invalid_query')
        }
        response ??= HttpResponse.json(
          okEnvelope(this.packAnswer(String(params.packId), since === null ? null : Number(since))),
        )
        await this.gate('GET')
        return response
      }),
      http.put(
        `*${REVIEW_API_PREFIX}/packs/:packId/images/:imageId`,
        async ({ request, params }) => {
          const body = jsonOf(await request.text())
          this.requests.push({ method: 'PUT', url: new URL(request.url), body })
          await this.gate('PUT')
          const refusal = this.refusal() ?? this.failure('PUT')
          if (refusal) return refusal
          if (body === undefined) return refuse(400, 'Not JSON.', 'invalid_json')
          const parsed = decisionBodySchema.safeParse(body)
          if (!parsed.success) {
            return refuse(422, parsed.error.issues[0]!.message, 'invalid_payload')
          }
          const reviewer = this.user ?? parsed.data.reviewer
          if (!reviewer) return refuse(422, 'Say who you are.', 'reviewer_required')
          const packId = String(params.packId)
          const imageId = String(params.imageId)
          const revision = this.store(packId, imageId, parsed.data, reviewer)
          const current = this.current(packId, imageId)
          return HttpResponse.json(
            okEnvelope({ image_id: imageId, revision, current }, 'Decision saved'),
          )
        },
      ),
      http.post(`*${REVIEW_API_PREFIX}/packs/:packId/decisions`, async ({ request, params }) => {
        const text = await request.text()
        const body = jsonOf(text)
        this.requests.push({ method: 'POST', url: new URL(request.url), body })
        await this.gate('POST')
        const refusal = this.refusal() ?? this.failure('POST')
        if (refusal) return refusal
        const packId = String(params.packId)
        if (!isUuid(packId)) return refuse(400, 'The pack ID must be a UUID.', 'invalid_id')
        if (new TextEncoder().encode(text).length > MAX_BULK_BODY_BYTES) {
          return refuse(413, 'The body is too large.', 'payload_too_large')
        }
        if (body === undefined) return refuse(400, 'Not JSON.', 'invalid_json')
        const parsed = bulkDecisionBodySchema.safeParse(body)
        if (!parsed.success) {
          return refuse(422, parsed.error.issues[0]!.message, 'invalid_payload')
        }
        const reviewer = this.user ?? parsed.data.reviewer
        if (!reviewer) return refuse(422, 'Say who you are.', 'reviewer_required')
        // Validated whole before anything is stored: all or nothing, revisions in item order.
        const undo = parsed.data.undo ?? false
        const items = parsed.data.items.map(({ image_id, ...item }) => {
          const revision = this.store(packId, image_id, { ...item, undo }, reviewer)
          return { image_id, revision, current: this.current(packId, image_id) }
        })
        return HttpResponse.json(
          okEnvelope(
            { pack_id: packId, revision: items.at(-1)!.revision, items },
            'Decisions saved',
          ),
        )
      }),
      http.get(
        `*${REVIEW_API_PREFIX}/packs/:packId/images/:imageId/history`,
        ({ request, params }) => {
          this.requests.push({ method: 'GET', url: new URL(request.url), body: null })
          const refusal = this.refusal()
          if (refusal) return refusal
          const imageId = String(params.imageId)
          const entries = this.packs.get(String(params.packId))?.history.get(imageId) ?? []
          return HttpResponse.json(
            okEnvelope({ image_id: imageId, entries: [...entries].reverse() }),
          )
        },
      ),
      ...this.signOffHandlers(),
    ]
  }

  /** The current sign-off of a pack (null: none). */
  signOffOf(packId: string): SignOff | null {
    return this.packs.get(packId)?.signOff ?? null
  }

  /** `PUT`/`DELETE …/sign-off` and `GET …/history`, as the server answers them. */
  private signOffHandlers() {
    return [
      http.put(`*${REVIEW_API_PREFIX}/packs/:packId/sign-off`, async ({ request, params }) => {
        const body = jsonOf(await request.text())
        this.requests.push({ method: 'PUT', url: new URL(request.url), body })
        await this.gate('PUT')
        const refusal = this.refusal()
        if (refusal) return refusal
        if (body === undefined) return refuse(400, 'Not JSON.', 'invalid_json')
        const parsed = signOffBodySchema.safeParse(body)
        if (!parsed.success) return refuse(422, parsed.error.issues[0]!.message, 'invalid_payload')
        const reviewer = this.user ?? parsed.data.reviewer
        if (!reviewer) return refuse(422, 'Say who you are.', 'reviewer_required')
        const packId = String(params.packId)
        const needing = this.needingReview.get(packId) ?? 0
        if (needing > 0) {
          const text = needing === 1 ? '1 image needs review' : `${needing} images need review`
          return refuse(409, text, 'not_fully_reviewed')
        }
        const pack = this.packOf(packId)
        const decided = [...pack.rows.values()].filter((row) => row.decision !== null)
        const approved = decided.filter((row) => row.decision === 'approved').length
        const counts = { total: decided.length, approved, rejected: decided.length - approved }
        const at = new Date().toISOString()
        pack.signOff = { reviewer, signed_at: at, revision: pack.revision, counts }
        pack.packHistory.push({ action: 'signed_off', reviewer, at, counts })
        return HttpResponse.json(okEnvelope({ sign_off: pack.signOff }, 'Signed off'))
      }),
      http.delete(`*${REVIEW_API_PREFIX}/packs/:packId/sign-off`, async ({ request, params }) => {
        // Without a body, only a signed-in user may withdraw, as on the server.
        const text = await request.text()
        const body: unknown = text ? jsonOf(text) : {}
        this.requests.push({ method: 'DELETE', url: new URL(request.url), body })
        await this.gate('DELETE')
        const refusal = this.refusal()
        if (refusal) return refusal
        const parsed = signOffBodySchema.safeParse(body)
        if (!parsed.success) return refuse(422, parsed.error.issues[0]!.message, 'invalid_payload')
        const reviewer = this.user ?? parsed.data.reviewer
        if (!reviewer) return refuse(422, 'Say who you are.', 'reviewer_required')
        const pack = this.packOf(String(params.packId))
        const withdrawn = pack.signOff
        if (withdrawn) {
          pack.packHistory.push({
            action: 'withdrawn',
            reviewer,
            at: new Date().toISOString(),
            counts: withdrawn.counts,
          })
        }
        pack.signOff = null
        return HttpResponse.json(okEnvelope({ sign_off: null }, 'Sign-off withdrawn'))
      }),
      http.get(`*${REVIEW_API_PREFIX}/packs/:packId/history`, ({ request, params }) => {
        this.requests.push({ method: 'GET', url: new URL(request.url), body: null })
        const refusal = this.refusal()
        if (refusal) return refusal
        const packId = String(params.packId)
        const entries = [...(this.packs.get(packId)?.packHistory ?? [])].reverse()
        return HttpResponse.json(okEnvelope({ pack_id: packId, entries }))
      }),
    ]
  }

  private packOf(packId: string): StoredPack {
    let pack = this.packs.get(packId)
    if (!pack) {
      pack = { revision: 0, rows: new Map(), history: new Map(), signOff: null, packHistory: [] }
      this.packs.set(packId, pack)
    }
    return pack
  }

  private refusal() {
    if (this.offline) return HttpResponse.error()
    if (this.unavailable !== null) return refuse(503, this.unavailable, 'reviews_unavailable')
    return null
  }

  private failure(method: Method) {
    const index = this.failures.findIndex((failure) => failure.method === method)
    if (index === -1) return null
    const [failure] = this.failures.splice(index, 1)
    return refuse(503, failure!.message, 'reviews_unavailable')
  }

  private async gate(method: Method): Promise<void> {
    const index = this.gates.findIndex((gate) => gate.method === method)
    if (index === -1) return
    const [gate] = this.gates.splice(index, 1)
    await gate!.wait
  }

  private packAnswer(packId: string, since: number | null) {
    const pack = this.packs.get(packId)
    const rows = [...(pack?.rows.values() ?? [])].filter(
      (row) => since === null || row.revision > since,
    )
    return {
      pack_id: packId,
      sign_off: pack?.signOff ?? null,
      revision: pack?.revision ?? 0,
      images: rows.filter((row) => row.decision !== null),
      cleared:
        since === null
          ? []
          : rows
              .filter((row) => row.decision === null)
              .map(({ image_id, revision }) => ({ image_id, revision })),
    }
  }

  private store(packId: string, imageId: string, body: DecisionBody, reviewer: string): number {
    const pack = this.packOf(packId)
    pack.revision += 1
    const decided_at = new Date().toISOString()
    const row = {
      image_id: imageId,
      decision: body.decision,
      reasons: body.reasons ?? [],
      note: body.note ?? null,
      reviewer,
      decided_at,
      fingerprint: body.fingerprint,
      revision: pack.revision,
    }
    pack.rows.set(imageId, row)
    const history = pack.history.get(imageId) ?? []
    history.push({ ...row, undo: body.undo ?? false })
    pack.history.set(imageId, history)
    return pack.revision
  }
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function refuse(status: number, message: string, errorCode: string) {
  return HttpResponse.json(errorEnvelope(status, message, errorCode), { status })
}
