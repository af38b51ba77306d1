import { REASON_LABELS, REJECT_REASONS } from '@contract/review-api/reasons'
import { IMAGE_STATUSES, STATUS_LABELS } from './image-status'
import type { Facets } from './pack-filters'
import type { ReviewedImage } from './qa-flags'
import type { ReviewCounts } from './review-counts'
import { REVIEW_LABELS, REVIEW_STATES } from './review-state'
import type { ImageReview } from './use-pack-reviews'

/** One bar of a chart and one row of its table. */
export interface ReportRow {
  label: string
  value: number
}

export interface ReviewerRow {
  reviewer: string
  approved: number
  rejected: number
}

/** Everything the QA report shows, from the same data as the pack page. */
export interface ReportData {
  total: number
  statuses: ReportRow[]
  reviews: ReportRow[]
  reasons: ReportRow[]
  /** Most decisions first. */
  reviewers: ReviewerRow[]
  /** Most common first. */
  errors: ReportRow[]
  /** The 20 most used, most used first. */
  keywords: ReportRow[]
  /** By day of generation (UTC), oldest first; images without a date last. */
  days: ReportRow[]
}

export const TOP_KEYWORDS = 20
export const NO_DATE = 'No date'
export const UNNAMED_REVIEWER = 'Unnamed reviewer'

/**
 * The report's numbers. Statuses, errors and keywords are the pack's own facets (what the
 * pack page's filters count); review states and reasons are the page's review counts; who
 * decided and the days are counted here, in one pass.
 */
export function reportOf(
  items: readonly ReviewedImage[],
  facets: Pick<Facets, 'statuses' | 'errors' | 'keywords'>,
  counts: ReviewCounts,
  reviewOf: (item: ReviewedImage) => Pick<ImageReview, 'decision'>,
): ReportData {
  const reviewers = new Map<string, ReviewerRow>()
  const days = new Map<string, number>()
  let undated = 0
  for (const item of items) {
    const decision = reviewOf(item).decision
    if (decision !== null) {
      const name = decision.reviewer.trim() || UNNAMED_REVIEWER
      let row = reviewers.get(name)
      if (!row) reviewers.set(name, (row = { reviewer: name, approved: 0, rejected: 0 }))
      row[decision.decision]++
    }
    const day = dayOf(item.image.metadata?.generated_at)
    if (day === null) undated++
    else days.set(day, (days.get(day) ?? 0) + 1)
  }
  const byDay = [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, value]) => ({ label, value }))
  if (undated > 0) byDay.push({ label: NO_DATE, value: undated })
  return {
    total: items.length,
    statuses: IMAGE_STATUSES.map((status) => ({
      label: STATUS_LABELS[status],
      value: facets.statuses[status],
    })),
    reviews: REVIEW_STATES.map((state) => ({
      label: REVIEW_LABELS[state],
      value: counts.reviews[state],
    })),
    reasons: REJECT_REASONS.map((reason) => ({
      label: REASON_LABELS[reason],
      value: counts.reasons[reason],
    })),
    reviewers: [...reviewers.values()].sort(
      (a, b) =>
        b.approved + b.rejected - (a.approved + a.rejected) || a.reviewer.localeCompare(b.reviewer),
    ),
    errors: facets.errors.map(([label, value]) => ({ label, value })),
    keywords: facets.keywords.slice(0, TOP_KEYWORDS).map(([label, value]) => ({ label, value })),
    days: byDay,
  }
}

/** `2026-02-17` for an ISO time: the UTC day, so every reader of the report sees the same. */
function dayOf(value: string | null | undefined): string | null {
  if (!value) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10)
}
