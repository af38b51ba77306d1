import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiGet, apiSend } from '@/lib/api-client'
import { parseInSlices } from '@/lib/slices'
import {
  clearedSchema,
  decisionSchema,
  decisionWriteSchema,
  imageHistorySchema,
  type DecisionBody,
  type DecisionWrite,
  type ReviewDecision,
} from '@contract/review-api/decision'
import type { BulkDecisionBody, BulkDecisionWrite } from '@contract/review-api/bulk'
import {
  reviewDecisionsPath,
  reviewHistoryPath,
  reviewImagePath,
  reviewPackPath,
} from '@contract/review-api/paths'
import { signOffSchema, type SignOff } from '@contract/review-api/sign-off'
import { packQueries } from './pack-queries'

/** Polling, not server-sent events: plain GETs work through every proxy and load balancer. */
export const REVIEW_POLL_MS = 5_000

/** An image whose decision was cleared: kept, so an older decision arriving late loses. */
export interface ClearedReview {
  image_id: string
  revision: number
  decision: null
}

/** The newest change the page knows for an image: a decision, or its clearing. */
export type ReviewEntry = ReviewDecision | ClearedReview

/** A pack's decisions as the server last told them. */
export interface ReviewSnapshot {
  /** The pack's revision in the last answer: the next poll asks what changed after it. */
  revision: number
  entries: ReadonlyMap<string, ReviewEntry>
  /** The pack's current sign-off, as the last answer told it (null: none). */
  signOff: SignOff | null
}

export const reviewQueries = {
  all: () => [...packQueries.all(), 'reviews'] as const,
  pack: (packId: string) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), packId],
      queryFn: ({ signal, client, queryKey }) =>
        loadReviews(packId, client.getQueryData<ReviewSnapshot>(queryKey), signal),
      // Paused while the tab is hidden (TanStack's default), and fetched again when shown.
      refetchInterval: REVIEW_POLL_MS,
      staleTime: 0,
      // The next poll is the retry: retrying each poll too would triple the load on a store
      // that is down, for no earlier recovery.
      retry: false,
      // The snapshot keeps its own identities (see mergeReviews); deep comparison of 10,000
      // decisions on every poll would only cost time.
      structuralSharing: false,
    }),
  /** The prefix of every image history of a pack (to refresh many at once). */
  histories: (packId: string) => [...reviewQueries.all(), packId, 'history'] as const,
  history: (packId: string, imageId: string) =>
    queryOptions({
      queryKey: [...reviewQueries.histories(packId), imageId],
      queryFn: ({ signal }) =>
        apiGet(reviewHistoryPath(packId, imageId), imageHistorySchema, { signal }),
      staleTime: 0,
    }),
}

// Decisions are validated a slice at a time, as pack images are: 10,000 of them in one
// task would block input for longer than a frame.
const packReviewOutlineSchema = z.looseObject({
  revision: z.number(),
  images: z.array(z.unknown()),
  cleared: z.catch(z.array(clearedSchema), []),
  sign_off: z.catch(z.nullable(signOffSchema), null),
})

interface ReviewChanges {
  revision: number
  images: readonly ReviewDecision[]
  cleared: readonly { image_id: string; revision: number }[]
  /** Every answer has the current sign-off, `since` or not; absent: keep the one known. */
  signOff?: SignOff | null
}

async function fetchReviews(
  packId: string,
  since: number | null,
  signal: AbortSignal,
): Promise<ReviewChanges> {
  const path = since === null ? reviewPackPath(packId) : `${reviewPackPath(packId)}?since=${since}`
  const outline = await apiGet(path, packReviewOutlineSchema, { signal })
  const images = await parseInSlices(outline.images, decisionSchema, {
    prefix: ['data', 'images'],
    signal,
  })
  return {
    revision: outline.revision,
    images,
    cleared: outline.cleared,
    signOff: outline.sign_off,
  }
}

/**
 * The first load asks for every decision; every later one only for what changed since the
 * revision the page has, merged into it.
 */
async function loadReviews(
  packId: string,
  previous: ReviewSnapshot | undefined,
  signal: AbortSignal,
): Promise<ReviewSnapshot> {
  if (previous === undefined)
    return mergeReviews(undefined, await fetchReviews(packId, null, signal))
  const changes = await fetchReviews(packId, previous.revision, signal)
  // A revision lower than the one asked about means the store started again from nothing
  // (a wiped demo database): what the page holds is no longer the server's, so start over.
  if (changes.revision < previous.revision) {
    return mergeReviews(undefined, await fetchReviews(packId, null, signal))
  }
  return mergeReviews(previous, changes)
}

const NO_ENTRIES: ReadonlyMap<string, ReviewEntry> = new Map()

/**
 * Merges changes into a snapshot: per image the entry with the highest revision wins, so a
 * late answer never undoes a newer change. Entries that did not change keep their objects,
 * and an answer that changes nothing gives back `previous` itself, so nothing re-renders.
 */
export function mergeReviews(
  previous: ReviewSnapshot | undefined,
  changes: ReviewChanges,
): ReviewSnapshot {
  const base = previous?.entries ?? NO_ENTRIES
  // Copied on the first real change only: most polls change nothing.
  let entries: Map<string, ReviewEntry> | null = null
  const put = (entry: ReviewEntry) => {
    const known = (entries ?? base).get(entry.image_id)
    if (known !== undefined && known.revision >= entry.revision) return
    entries ??= new Map(base)
    entries.set(entry.image_id, entry)
  }
  for (const decision of changes.images) put(decision)
  for (const { image_id, revision } of changes.cleared) put({ image_id, revision, decision: null })
  const revision = Math.max(previous?.revision ?? 0, changes.revision)
  const known = previous?.signOff ?? null
  const signOff =
    changes.signOff === undefined || sameSignOff(known, changes.signOff) ? known : changes.signOff
  if (
    previous !== undefined &&
    entries === null &&
    revision === previous.revision &&
    signOff === known
  ) {
    return previous
  }
  return { revision, entries: entries ?? base, signOff }
}

/** The same sign-off (the same moment and counts): the known object is kept. */
function sameSignOff(a: SignOff | null, b: SignOff | null): boolean {
  if (a === null || b === null) return a === b
  return (
    a.signed_at === b.signed_at &&
    a.reviewer === b.reviewer &&
    a.revision === b.revision &&
    a.counts.total === b.counts.total &&
    a.counts.approved === b.counts.approved &&
    a.counts.rejected === b.counts.rejected
  )
}

/** The entry a write's answer stands for. */
export function entryOfWrite(write: DecisionWrite): ReviewEntry {
  return write.current ?? { image_id: write.image_id, revision: write.revision, decision: null }
}

/** Records one image's decision (a PUT, so sending the same body again is harmless). */
export function saveDecision(
  packId: string,
  imageId: string,
  body: DecisionBody,
): Promise<DecisionWrite> {
  return apiSend('PUT', reviewImagePath(packId, imageId), body, decisionWriteSchema)
}

const bulkWriteOutlineSchema = z.looseObject({
  pack_id: z.string(),
  revision: z.number(),
  items: z.array(z.unknown()),
})

/**
 * Records many decisions in one request, all or nothing. The answer has one item per image
 * (10,000 at most), validated a slice at a time as the pack's decisions are.
 */
export async function saveDecisions(
  packId: string,
  body: BulkDecisionBody,
): Promise<BulkDecisionWrite> {
  const outline = await apiSend('POST', reviewDecisionsPath(packId), body, bulkWriteOutlineSchema)
  const items = await parseInSlices(outline.items, decisionWriteSchema, {
    prefix: ['data', 'items'],
  })
  return { ...outline, items }
}
