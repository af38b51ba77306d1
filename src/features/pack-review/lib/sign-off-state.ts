import type { SignOff } from '@contract/review-api/sign-off'
import type { ReviewCounts } from './review-counts'

/** The pack's images as they stand: the numbers a sign-off is compared on. */
export interface PackTotals {
  total: number
  approved: number
  rejected: number
  /** Unreviewed or Outdated. */
  needingReview: number
}

export function totalsOf(counts: ReviewCounts, total: number): PackTotals {
  const { approved, rejected, unreviewed, outdated } = counts.reviews
  return { total, approved, rejected, needingReview: unreviewed + outdated }
}

function more(count: number, what: string): string | null {
  if (count > 0) return `${count.toLocaleString()} more ${what}`
  if (count < 0) return `${(-count).toLocaleString()} fewer ${what}`
  return null
}

/**
 * What changed since the sign-off, in counts (`2 more rejected, 1 needs review`), or null
 * when nothing did. A decision changed and changed back leaves the counts as they were but
 * the pack's revision above the sign-off's: that is a change too.
 */
export function changesSince(signOff: SignOff, now: PackTotals, revision: number): string[] | null {
  const then = signOff.counts
  const neededThen = Math.max(0, then.total - then.approved - then.rejected)
  const changes = [
    more(now.approved - then.approved, 'approved'),
    more(now.rejected - then.rejected, 'rejected'),
    now.needingReview > neededThen
      ? now.needingReview === 1
        ? '1 needs review'
        : `${now.needingReview.toLocaleString()} need review`
      : null,
    more(now.total - then.total, Math.abs(now.total - then.total) === 1 ? 'image' : 'images'),
  ].filter((change) => change !== null)
  if (changes.length > 0) return changes
  return revision > signOff.revision ? ['decisions changed, same counts'] : null
}
