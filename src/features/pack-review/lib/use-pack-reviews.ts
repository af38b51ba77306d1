import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { isApiError } from '@/lib/api-error'
import { mapInSlices } from '@/lib/slices'
import type { Decision, DecisionBody, ReviewDecision } from '@contract/review-api/decision'
import type { RejectReason } from '@contract/review-api/reasons'
import type { SignOff } from '@contract/review-api/sign-off'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import {
  reviewQueries,
  saveDecision,
  saveDecisions,
  type ReviewEntry,
  type ReviewSnapshot,
} from '@/features/pack-review/api/review-queries'
import { changeBefore, itemBodyOf, shownOf } from './decision-bodies'
import type { ReviewedImage } from './qa-flags'
import { tallyPack, withDecisionsHere, type ReviewCounts } from './review-counts'
import { ReviewOutbox, type ManyWrite, type UndoStep } from './review-outbox'
import { currentFingerprint, reviewStateOf, type ReviewState } from './review-state'
import { storeReviewerName, useReviewerName } from '@/lib/reviewer-name'
import { versionOf } from './versions'

export interface ImageReview {
  /** The state shown: a decision not yet saved wins over the server's. */
  state: ReviewState
  /** What the state is based on (null: no decision). */
  decision: ReviewDecision | null
  /** `failed` is shown as Not saved. */
  saving: 'saving' | 'failed' | null
  /** Why it was not saved. */
  error: string | null
}

export interface DecisionChange {
  decision: Decision | null
  reasons?: readonly RejectReason[]
  note?: string | null
}

export type ReviewAvailability =
  { status: 'loading' } | { status: 'ready' } | { status: 'unavailable'; reason: string }

export interface PackReviews {
  availability: ReviewAvailability
  /** The same object for an image until its review changes, so memoized tiles skip renders. */
  reviewOf(item: ReviewedImage): ImageReview
  /** Greater after every change of any review (for memo dependencies). */
  version: number
  /** The whole pack's reviews by state and rejections by reason. */
  counts: ReviewCounts
  decide(item: ReviewedImage, change: DecisionChange, options?: { undo?: boolean }): void
  /**
   * The same change for many images: all shown at once as saving, sent in one request (more
   * only past the API's limits), saved or not saved together; one undo step.
   */
  decideMany(items: readonly ReviewedImage[], change: DecisionChange): void
  /**
   * Takes back this tab's last decision or bulk action on this pack; the image undone (the
   * first of a bulk action's), or null.
   */
  undo(): string | null
  retry(imageId: string): void
  /** `fixed`: the server knows who is asking, so the name cannot be changed here. */
  reviewer: { name: string | null; fixed: boolean }
  setReviewerName(name: string): void
  /** The pack's current sign-off, as the server last said (null: none). */
  signOff: SignOff | null
  /** The pack's review revision the server last said: above the sign-off's, a change. */
  revision: number
}

/** Every image without a decision shares it: 10,000 unreviewed images, no allocation. */
const UNREVIEWED: ImageReview = Object.freeze({
  state: 'unreviewed',
  decision: null,
  saving: null,
  error: null,
})

const now = () => new Date().toISOString()

const EMPTY_SNAPSHOT: ReviewSnapshot = { revision: 0, entries: new Map(), signOff: null }

interface PackReviewStore {
  outbox: ReviewOutbox
  /** The last review object built per image, with what it was built from. */
  reviews: Map<string, { fingerprint: string; review: ImageReview }>
}

// One store per pack and query client: it outlives the page (a write in flight when the
// reviewer leaves still lands, and the undo stack is there on return) but not the tab.
const stores = new WeakMap<QueryClient, Map<string, PackReviewStore>>()

function storeFor(client: QueryClient, packId: string): PackReviewStore {
  let packs = stores.get(client)
  if (!packs) stores.set(client, (packs = new Map()))
  let store = packs.get(packId)
  if (!store) {
    const histories = reviewQueries.histories(packId)
    const outbox = new ReviewOutbox({
      send: (imageId, body) => saveDecision(packId, imageId, body),
      sendMany: (body) => saveDecisions(packId, body),
      onSaved: (imageIds) => {
        // One pass over the cache for a bulk action, not one per image.
        const saved = new Set(imageIds)
        void client.invalidateQueries({
          queryKey: histories,
          predicate: (query) => saved.has(String(query.queryKey[histories.length])),
        })
      },
    })
    store = { outbox, reviews: new Map() }
    packs.set(packId, store)
  }
  return store
}

function newest(a: ReviewEntry | undefined, b: ReviewEntry | undefined): ReviewEntry | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return b.revision > a.revision ? b : a
}

/** The newest decision the server acknowledged or sent for an image (null: none). */
function savedDecisionOf(
  store: PackReviewStore,
  snapshot: ReviewSnapshot,
  imageId: string,
): ReviewDecision | null {
  const entry = newest(snapshot.entries.get(imageId), store.outbox.ackedOf(imageId))
  return entry === undefined || entry.decision === null ? null : entry
}

/** The decision an image shows: one not yet saved wins over the server's. */
function shownDecisionOf(
  store: PackReviewStore,
  snapshot: ReviewSnapshot,
  imageId: string,
): ReviewDecision | null {
  const pending = store.outbox.pendingOf(imageId)
  return pending ? pending.shown : savedDecisionOf(store, snapshot, imageId)
}

/** An image's review as the server has it, without this tab's decisions. */
function serverReviewIn(snapshot: ReviewSnapshot, item: ReviewedImage): ImageReview {
  const entry = snapshot.entries.get(item.image.id)
  if (entry === undefined || entry.decision === null) return UNREVIEWED
  return { state: reviewStateOf(item, entry), decision: entry, saving: null, error: null }
}

// Called for every image by filters and facets: lookups only, no allocation unless the
// image's review changed since the last call.
function reviewIn(
  store: PackReviewStore,
  snapshot: ReviewSnapshot,
  item: ReviewedImage,
): ImageReview {
  const imageId = item.image.id
  const pending = store.outbox.pendingOf(imageId)
  const decision = pending ? pending.shown : savedDecisionOf(store, snapshot, imageId)
  if (decision === null && pending === undefined) return UNREVIEWED
  const saving = pending?.status ?? null
  const error = pending?.error ?? null
  const fingerprint = decision === null ? '' : currentFingerprint(item)
  const cached = store.reviews.get(imageId)
  if (
    cached !== undefined &&
    cached.review.decision === decision &&
    cached.review.saving === saving &&
    cached.review.error === error &&
    cached.fingerprint === fingerprint
  ) {
    return cached.review
  }
  const review: ImageReview = { state: reviewStateOf(item, decision), decision, saving, error }
  store.reviews.set(imageId, { fingerprint, review })
  return review
}

/**
 * Hashes the metadata of every image, a slice at a time. Done before a snapshot is shown:
 * 10,000 fingerprints at once, in the render that first shows their decisions (or in the
 * click that approves them all) would block input for longer than a frame. Later snapshots
 * and decisions find them cached.
 */
async function warmFingerprints(
  items: readonly ReviewedImage[],
  signal: AbortSignal,
): Promise<void> {
  await mapInSlices(items, (item) => void currentFingerprint(item), signal)
}

function availabilityOf(
  snapshot: ReviewSnapshot | undefined,
  error: Error | null,
): ReviewAvailability {
  // The store said it is down: say so even with decisions loaded before, since writes fail.
  if (isApiError(error) && error.status === 503 && error.errorCode === 'reviews_unavailable') {
    return { status: 'unavailable', reason: error.message }
  }
  if (snapshot !== undefined) return { status: 'ready' }
  if (error) return { status: 'unavailable', reason: error.message }
  return { status: 'loading' }
}

/**
 * A pack's review decisions: loaded, polled every 5 s for other reviewers' changes, and
 * changed here optimistically through the pack's outbox (review-outbox.ts). Writes do not go
 * through useMutation: one write per image at a time, the latest winning, and a failure kept
 * until a retry, are the outbox's; TanStack's mutation retries are not wanted for writes.
 */
export function usePackReviews(pack: LoadedPack, authenticatedUser: string | null): PackReviews {
  const client = useQueryClient()
  const packId = pack.id
  const store = storeFor(client, packId)
  const { outbox } = store
  const { data: loaded, error } = useQuery(reviewQueries.pack(packId))
  const reviewed = pack.reviewed
  // The snapshot shown: the one loaded, once its images' fingerprints are ready.
  const [data, setData] = useState<ReviewSnapshot | undefined>(undefined)
  useEffect(() => {
    if (loaded === undefined) return
    const controller = new AbortController()
    warmFingerprints(reviewed, controller.signal).then(
      () => setData(loaded),
      () => {},
    )
    return () => controller.abort()
  }, [loaded, reviewed])
  const outboxVersion = useSyncExternalStore(outbox.subscribe, outbox.getVersion)
  const storedName = useReviewerName()
  const reviewerName = authenticatedUser ?? storedName

  // Back online: send what could not be sent. Only then, never on a timer.
  useEffect(() => {
    const onOnline = () => outbox.retryFailed()
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [outbox])

  const snapshot = data ?? EMPTY_SNAPSHOT
  const version = Math.max(versionOf(snapshot), versionOf(reviewed), outboxVersion)

  // The server takes its own user whenever it has one.
  const sentReviewer = authenticatedUser === null && storedName !== null ? storedName : undefined

  const write = useCallback(
    (item: ReviewedImage, change: DecisionChange, fingerprint: string, undo: boolean) => {
      const imageId = item.image.id
      const itemBody = itemBodyOf(change, fingerprint)
      const body: DecisionBody = {
        ...itemBody,
        ...(sentReviewer !== undefined ? { reviewer: sentReviewer } : {}),
        ...(undo ? { undo: true } : {}),
      }
      outbox.write(imageId, body, shownOf(imageId, itemBody, reviewerName, now()))
    },
    [outbox, sentReviewer, reviewerName],
  )

  // One pass: 10,000 bodies built, shown at once, and one request.
  const writeMany = useCallback(
    (
      changes: readonly { item: ReviewedImage; change: DecisionChange; fingerprint: string }[],
      undo: boolean,
    ) => {
      const decidedAt = now()
      const writes = changes.map(({ item, change, fingerprint }): ManyWrite => {
        const imageId = item.image.id
        const body = itemBodyOf(change, fingerprint)
        return { imageId, body, shown: shownOf(imageId, body, reviewerName, decidedAt) }
      })
      outbox.writeMany(writes, {
        ...(sentReviewer !== undefined ? { reviewer: sentReviewer } : {}),
        undo,
      })
    },
    [outbox, sentReviewer, reviewerName],
  )

  const decide = useCallback(
    (item: ReviewedImage, change: DecisionChange, options: { undo?: boolean } = {}) => {
      const current = client.getQueryData<ReviewSnapshot>(reviewQueries.pack(packId).queryKey)
      const fingerprint = currentFingerprint(item)
      if (!options.undo) {
        const previous = shownDecisionOf(store, current ?? EMPTY_SNAPSHOT, item.image.id)
        outbox.pushUndo({ kind: 'single', step: { imageId: item.image.id, previous, fingerprint } })
      }
      write(item, change, fingerprint, options.undo === true)
    },
    [client, packId, store, outbox, write],
  )

  const decideMany = useCallback(
    (items: readonly ReviewedImage[], change: DecisionChange) => {
      const current =
        client.getQueryData<ReviewSnapshot>(reviewQueries.pack(packId).queryKey) ?? EMPTY_SNAPSHOT
      const steps: UndoStep[] = []
      const changes: { item: ReviewedImage; change: DecisionChange; fingerprint: string }[] = []
      const seen = new Set<string>()
      for (const item of items) {
        const imageId = item.image.id
        if (seen.has(imageId)) continue
        seen.add(imageId)
        const fingerprint = currentFingerprint(item)
        steps.push({ imageId, previous: shownDecisionOf(store, current, imageId), fingerprint })
        changes.push({ item, change, fingerprint })
      }
      if (changes.length === 0) return
      outbox.pushUndo({ kind: 'bulk', steps })
      writeMany(changes, false)
    },
    [client, packId, store, outbox, writeMany],
  )

  const tally = useMemo(
    () => tallyPack(reviewed, (item) => serverReviewIn(snapshot, item)),
    [reviewed, snapshot],
  )

  const undo = useCallback((): string | null => {
    const action = outbox.popUndo()
    if (!action) return null
    const steps = action.kind === 'single' ? [action.step] : action.steps
    const changes = steps.flatMap((step) => {
      const item = tally.byId.get(step.imageId)
      // The image left the pack meanwhile: nothing to put back on the page.
      if (item === undefined) return []
      // The metadata the previous decision was made on: an outdated one comes back outdated.
      const fingerprint = step.previous?.fingerprint ?? step.fingerprint
      return [{ item, change: changeBefore(step), fingerprint }]
    })
    const [first] = changes
    if (first === undefined) return null
    if (action.kind === 'single') write(first.item, first.change, first.fingerprint, true)
    else writeMany(changes, true)
    return first.item.image.id
  }, [outbox, tally, write, writeMany])

  const retry = useCallback((imageId: string) => outbox.retry(imageId), [outbox])

  const reviewOf = useCallback(
    (item: ReviewedImage) => reviewIn(store, snapshot, item),
    // outboxVersion: the outbox is mutable, so its version says when answers may differ.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, snapshot, outboxVersion],
  )

  // The tally is a full pass when the pack or the server's decisions change (a poll, in the
  // background); a decision made here recounts only the images decided here, and those the
  // server's decisions have caught up with are forgotten (once per poll, not per render).
  useEffect(() => {
    if (data !== undefined) outbox.forgetKnown(data.entries)
  }, [data, outbox])
  const counts = useMemo(
    () =>
      withDecisionsHere(
        tally,
        outbox.decidedHere(),
        (item) => serverReviewIn(snapshot, item),
        reviewOf,
      ),
    [tally, outbox, snapshot, reviewOf],
  )

  const availability = useMemo(() => availabilityOf(data, error), [data, error])
  // The store is back after being unavailable: send what it refused meanwhile, once.
  const wasUnavailable = useRef(false)
  useEffect(() => {
    if (availability.status === 'unavailable') {
      wasUnavailable.current = true
    } else if (availability.status === 'ready' && wasUnavailable.current) {
      wasUnavailable.current = false
      outbox.retryFailed()
    }
  }, [availability.status, outbox])
  const reviewer = useMemo(
    () => ({ name: reviewerName, fixed: authenticatedUser !== null }),
    [reviewerName, authenticatedUser],
  )

  return useMemo(
    () => ({
      availability,
      reviewOf,
      version,
      counts,
      decide,
      decideMany,
      undo,
      retry,
      reviewer,
      setReviewerName: storeReviewerName,
      signOff: snapshot.signOff,
      revision: snapshot.revision,
    }),
    [availability, reviewOf, version, counts, decide, decideMany, undo, retry, reviewer, snapshot],
  )
}
