import type { ApiError } from '@/lib/api-error'
import type { AddOutcome, RemoveOutcome } from './remove-images'
import type { RetryOutcome } from './retry-metadata'

/** An image a write is about: its ID, its number in the pack, and the URL it comes from. */
export interface ImageRef {
  id: string
  position: number
  url: string
}

/** How long a removal can be undone from its notice (the Activity list can add back later). */
export const UNDO_MS = 30_000

interface BatchBase {
  id: number
  /** How many writes of the batch have ended, good or bad. */
  done: number
  total: number
  finished: boolean
}

/** Retrying the metadata of images; failures are kept per image, with what to do. */
export interface RetryBatch extends BatchBase {
  kind: 'retry'
  retried: number
  /** Not retried, nothing changed: trying again is safe. */
  notAdded: { image: ImageRef; error: ApiError }[]
  /** Added again, but the old image is still there: it is in the pack twice. */
  notRemoved: { image: ImageRef; error: ApiError }[]
}

/**
 * Removing images; `removed` in the pack's order once finished. `undoUntil`: the removal
 * can be undone from the notice until then; null once undone, or when it is the second half
 * of a retry (whose copy stays in the pack).
 */
export interface RemoveBatch extends BatchBase {
  kind: 'remove'
  packName: string
  removed: ImageRef[]
  failed: { image: ImageRef; error: ApiError }[]
  undoUntil: number | null
  /** The undo was asked for: the notice of its own says how it goes. */
  undone: boolean
  /** The old copies left by retries: not a removal the person asked for, so no undo. */
  oldCopies: boolean
}

/** Adding URLs back: an undo of a removal. */
export interface UndoBatch extends BatchBase {
  kind: 'undo'
  added: number
  failed: { url: string; error: ApiError }[]
}

export type Batch = RetryBatch | RemoveBatch | UndoBatch

const base = (id: number, total: number): BatchBase => ({
  id,
  done: 0,
  total,
  finished: false,
})

export const retryBatch = (id: number, total: number): RetryBatch => ({
  ...base(id, total),
  kind: 'retry',
  retried: 0,
  notAdded: [],
  notRemoved: [],
})

export const removeBatch = (
  id: number,
  total: number,
  packName: string,
  oldCopies = false,
): RemoveBatch => ({
  ...base(id, total),
  kind: 'remove',
  packName,
  removed: [],
  failed: [],
  undoUntil: null,
  undone: false,
  oldCopies,
})

export const undoBatch = (id: number, total: number): UndoBatch => ({
  ...base(id, total),
  kind: 'undo',
  added: 0,
  failed: [],
})

/** One retry ended: counted, and kept with its image when it went wrong. */
export function withRetryOutcome(
  batch: RetryBatch,
  outcome: RetryOutcome,
  image: ImageRef,
): RetryBatch {
  const next = { ...batch, done: batch.done + 1 }
  if (outcome.status === 'retried') return { ...next, retried: next.retried + 1 }
  if (outcome.status === 'not_added')
    return { ...next, notAdded: [...next.notAdded, { image, error: outcome.error }] }
  return { ...next, notRemoved: [...next.notRemoved, { image, error: outcome.error }] }
}

/** Every removal ended: what left the pack (for the undo) and what did not. */
export function withRemoveOutcomes(
  batch: RemoveBatch,
  outcomes: readonly RemoveOutcome[],
  images: readonly ImageRef[],
  now: number,
): RemoveBatch {
  const removed = images.filter((_, index) => outcomes[index]?.removed)
  const failed = outcomes.flatMap((outcome, index) =>
    outcome.removed ? [] : [{ image: images[index]!, error: outcome.error }],
  )
  return {
    ...batch,
    done: outcomes.length,
    finished: true,
    removed,
    failed,
    undoUntil: removed.length > 0 && !batch.oldCopies ? now + UNDO_MS : null,
  }
}

export function withAddOutcome(batch: UndoBatch, outcome: AddOutcome): UndoBatch {
  const next = { ...batch, done: batch.done + 1 }
  if (outcome.added) return { ...next, added: next.added + 1 }
  return { ...next, failed: [...next.failed, { url: outcome.url, error: outcome.error }] }
}

/** Which images left the pack, each with the ID of the copy that took its place, if any. */
export function goneAfterRetry(
  outcomes: readonly RetryOutcome[],
): ReadonlyMap<string, string | null> {
  const gone = new Map<string, string | null>()
  for (const outcome of outcomes) {
    if (outcome.status === 'retried') gone.set(outcome.imageId, outcome.newImageId)
  }
  return gone
}
