import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { isApiError } from '@/lib/api-error'
import { mapInSlices } from '@/lib/slices'
import type { Decision, DecisionBody, ReviewDecision } from '@contract/review-api/decision'
import { isRejectReason, type RejectReason } from '@contract/review-api/reasons'
import type { SignOff } from '@contract/review-api/sign-off'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import {
  reviewQueries,
  saveDecision,
  type ReviewEntry,
  type ReviewSnapshot,
} from '@/features/pack-review/api/review-queries'
import type { ReviewedImage } from './qa-flags'
import { tallyPack, withDecisionsHere, type ReviewCounts } from './review-counts'
import { ReviewOutbox } from './review-outbox'
import { currentFingerprint, reviewStateOf, type ReviewState } from './review-state'
import { storeReviewerName, useReviewerName } from './reviewer-name'
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
  /** Takes back this tab's last decision on this pack; the image undone, or null. */
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
    const outbox = new ReviewOutbox({
      send: (imageId, body) => saveDecision(packId, imageId, body),
      onSaved: (imageId) =>
        void client.invalidateQueries({
          queryKey: reviewQueries.history(packId, imageId).queryKey,
        }),
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
 * Hashes the metadata of every image that has a decision, a slice at a time. Done before a
 * snapshot is shown: 10,000 fingerprints at once, in the render that first shows them,
 * would block input for longer than a frame. Later snapshots find them cached.
 */
async function warmFingerprints(
  items: readonly ReviewedImage[],
  snapshot: ReviewSnapshot,
  signal: AbortSignal,
): Promise<void> {
  if (snapshot.entries.size === 0) return
  await mapInSlices(
    items,
    (item) => {
      if (snapshot.entries.get(item.image.id)?.decision) currentFingerprint(item)
    },
    signal,
  )
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
    warmFingerprints(reviewed, loaded, controller.signal).then(
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

  const write = useCallback(
    (item: ReviewedImage, change: DecisionChange, fingerprint: string, undo: boolean) => {
      const imageId = item.image.id
      const reasons = change.decision === 'rejected' ? [...(change.reasons ?? [])] : []
      const note = change.note ? change.note : null
      const body: DecisionBody = {
        decision: change.decision,
        fingerprint,
        ...(change.decision === 'rejected' ? { reasons } : {}),
        ...(note !== null ? { note } : {}),
        // The server takes its own user whenever it has one.
        ...(authenticatedUser === null && storedName !== null ? { reviewer: storedName } : {}),
        ...(undo ? { undo: true } : {}),
      }
      const shown: ReviewDecision | null =
        change.decision === null
          ? null
          : {
              image_id: imageId,
              decision: change.decision,
              reasons,
              note,
              reviewer: reviewerName ?? '',
              decided_at: new Date().toISOString(),
              fingerprint,
              // Not the server's yet: local decisions win until acknowledged, whatever this is.
              revision: -1,
            }
      outbox.write(imageId, body, shown)
    },
    [outbox, authenticatedUser, storedName, reviewerName],
  )

  const decide = useCallback(
    (item: ReviewedImage, change: DecisionChange, options: { undo?: boolean } = {}) => {
      const current = client.getQueryData<ReviewSnapshot>(reviewQueries.pack(packId).queryKey)
      const fingerprint = currentFingerprint(item)
      if (!options.undo) {
        const previous = shownDecisionOf(store, current ?? EMPTY_SNAPSHOT, item.image.id)
        outbox.pushUndo({ imageId: item.image.id, previous, fingerprint })
      }
      write(item, change, fingerprint, options.undo === true)
    },
    [client, packId, store, outbox, write],
  )

  const undo = useCallback((): string | null => {
    const step = outbox.popUndo()
    if (!step) return null
    const item = reviewed.find((candidate) => candidate.image.id === step.imageId)
    // The image left the pack meanwhile: nothing to put back on the page.
    if (!item) return null
    const { previous } = step
    const change: DecisionChange =
      previous === null
        ? { decision: null }
        : {
            decision: previous.decision,
            reasons: previous.reasons.filter(isRejectReason),
            note: previous.note,
          }
    // The metadata the previous decision was made on: an outdated one comes back outdated.
    write(item, change, previous?.fingerprint ?? step.fingerprint, true)
    return step.imageId
  }, [outbox, reviewed, write])

  const retry = useCallback((imageId: string) => outbox.retry(imageId), [outbox])

  const reviewOf = useCallback(
    (item: ReviewedImage) => reviewIn(store, snapshot, item),
    // outboxVersion: the outbox is mutable, so its version says when answers may differ.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, snapshot, outboxVersion],
  )

  // A full pass when the pack or the server's decisions change (a poll, in the background);
  // a decision made here recounts only the images decided here.
  const tally = useMemo(
    () => tallyPack(reviewed, (item) => serverReviewIn(snapshot, item)),
    [reviewed, snapshot],
  )
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
      undo,
      retry,
      reviewer,
      setReviewerName: storeReviewerName,
      signOff: snapshot.signOff,
      revision: snapshot.revision,
    }),
    [availability, reviewOf, version, counts, decide, undo, retry, reviewer, snapshot],
  )
}
