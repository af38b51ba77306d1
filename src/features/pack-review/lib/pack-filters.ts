import { isRejectReason, REJECT_REASONS, type RejectReason } from '@contract/review-api/reasons'
import { IMAGE_STATUSES, type ImageStatus } from './image-status'
import { flagsOf, QA_FLAGS, searchTextOf, type QaFlag, type ReviewedImage } from './qa-flags'
import { REVIEW_STATES, type ReviewState } from './review-state'

export const SORTS = ['order', 'generated-desc', 'generated-asc', 'status'] as const
export type Sort = (typeof SORTS)[number]

export const SORT_LABELS: Record<Sort, string> = {
  order: 'Pack order',
  'generated-desc': 'Newest metadata first',
  'generated-asc': 'Oldest metadata first',
  status: 'Status (problems first)',
}

/** How the images are laid out: tiles, or a table for reading descriptions. */
export const VIEWS = ['grid', 'list'] as const
export type View = (typeof VIEWS)[number]

export interface PackFilters {
  statuses: readonly ImageStatus[]
  q: string
  keyword: string | null
  flags: readonly QaFlag[]
  reviews: readonly ReviewState[]
  reasons: readonly RejectReason[]
  sort: Sort
  view: View
}

export const NO_FILTERS: PackFilters = {
  statuses: [],
  q: '',
  keyword: null,
  flags: [],
  reviews: [],
  reasons: [],
  sort: 'order',
  view: 'grid',
}

/** Reads filters from the URL; values it does not know are dropped, never an error. */
export function parseFilters(params: URLSearchParams): PackFilters {
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const values = (params.get(name) ?? '').split(',').map((value) => value.trim())
    return allowed.filter((value) => values.includes(value))
  }
  const sort = params.get('sort')
  const view = params.get('view')
  return {
    statuses: list('status', IMAGE_STATUSES),
    q: params.get('q') ?? '',
    keyword: params.get('keyword') || null,
    flags: list('flag', QA_FLAGS),
    reviews: list('review', REVIEW_STATES),
    reasons: list('reason', REJECT_REASONS),
    sort: SORTS.find((value) => value === sort) ?? 'order',
    view: VIEWS.find((value) => value === view) ?? 'grid',
  }
}

/** Writes filters into `params`, leaving defaults out so share links stay short. */
export function writeFilters(params: URLSearchParams, filters: PackFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  const set = (name: string, value: string) => (value ? next.set(name, value) : next.delete(name))
  // Canonical order, so the same view always has the same link.
  set('status', IMAGE_STATUSES.filter((status) => filters.statuses.includes(status)).join(','))
  set('q', filters.q)
  set('keyword', filters.keyword ?? '')
  set('flag', QA_FLAGS.filter((flag) => filters.flags.includes(flag)).join(','))
  set('review', REVIEW_STATES.filter((state) => filters.reviews.includes(state)).join(','))
  set('reason', REJECT_REASONS.filter((reason) => filters.reasons.includes(reason)).join(','))
  set('sort', filters.sort === 'order' ? '' : filters.sort)
  set('view', filters.view === 'grid' ? '' : filters.view)
  return next
}

/** No filter left; how the images are ordered and laid out is not a filter, so it stays. */
export function resetFilters(current: PackFilters): PackFilters {
  return { ...NO_FILTERS, sort: current.sort, view: current.view }
}

export function hasFilters(filters: PackFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.q.trim() !== '' ||
    filters.keyword !== null ||
    filters.flags.length > 0 ||
    filters.reviews.length > 0 ||
    filters.reasons.length > 0
  )
}

const STATUS_RANK: Record<ImageStatus, number> = {
  error: 0,
  unknown: 1,
  pending: 2,
  processing: 3,
  completed: 4,
}

/** What filters and facets need of an image's review (an `ImageReview` is one). */
export interface ReviewFacts {
  state: ReviewState
  decision: { reasons: readonly string[] } | null
}

/** An image's review; the same object per image while it does not change. */
export type ReviewLookup = (item: ReviewedImage) => ReviewFacts

const UNREVIEWED: ReviewFacts = { state: 'unreviewed', decision: null }
const NO_REVIEWS: ReviewLookup = () => UNREVIEWED

const NONE: readonly string[] = []

/** The reasons a filter or count goes by: those of a rejection that is still current. */
function currentReasons(review: ReviewFacts): readonly string[] {
  return review.state === 'rejected' && review.decision ? review.decision.reasons : NONE
}

function sharesAny(values: readonly string[], wanted: readonly string[]): boolean {
  for (let index = 0; index < values.length; index++) {
    if (wanted.includes(values[index]!)) return true
  }
  return false
}

/**
 * Which of the filters an image passes, one answer per filter group. Called for every
 * image of the pack on each change, so the review checks are plain loops: no array or
 * closure per image.
 */
function matcher(filters: PackFilters, brokenUrls: ReadonlySet<string>) {
  const query = filters.q.trim().toLowerCase()
  return {
    review: (review: ReviewFacts) =>
      filters.reviews.length === 0 || filters.reviews.includes(review.state),
    reason: (review: ReviewFacts) =>
      filters.reasons.length === 0 || sharesAny(currentReasons(review), filters.reasons),
    status: (item: ReviewedImage) =>
      filters.statuses.length === 0 || filters.statuses.includes(item.status),
    search: (item: ReviewedImage) => query === '' || searchTextOf(item).includes(query),
    keyword: (item: ReviewedImage) =>
      filters.keyword === null || (item.image.metadata?.keywords ?? NONE).includes(filters.keyword),
    flags: (item: ReviewedImage) =>
      filters.flags.length === 0 || sharesAny(flagsOf(item, brokenUrls), filters.flags),
  }
}

/** The images the filters let through, in the chosen order. */
export function applyFilters(
  items: readonly ReviewedImage[],
  filters: PackFilters,
  brokenUrls: ReadonlySet<string>,
  reviewOf: ReviewLookup = NO_REVIEWS,
): ReviewedImage[] {
  const matches = matcher(filters, brokenUrls)
  const reviewing = filters.reviews.length > 0 || filters.reasons.length > 0
  const result = items.filter((item) => {
    if (!(matches.status(item) && matches.search(item) && matches.keyword(item))) return false
    if (!matches.flags(item)) return false
    if (!reviewing) return true
    const review = reviewOf(item)
    return matches.review(review) && matches.reason(review)
  })
  if (filters.sort === 'status') {
    result.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.position - b.position)
  } else if (filters.sort !== 'order') {
    const direction = filters.sort === 'generated-desc' ? -1 : 1
    result.sort((a, b) => {
      const ta = generatedTime(a)
      const tb = generatedTime(b)
      // Images without metadata time go last in both directions.
      if (ta === null || tb === null) return (ta === null ? 1 : 0) - (tb === null ? 1 : 0)
      return (ta - tb) * direction || a.position - b.position
    })
  }
  return result
}

function generatedTime(item: ReviewedImage): number | null {
  const value = item.image.metadata?.generated_at
  const time = value ? Date.parse(value) : Number.NaN
  return Number.isNaN(time) ? null : time
}

/**
 * The failed images an error group counts: those with its message, under the filters the
 * groups follow (not status or search, which a group sets when clicked), in the view's order.
 */
export function errorGroupItems(
  items: readonly ReviewedImage[],
  message: string,
  filters: PackFilters,
  brokenUrls: ReadonlySet<string>,
  reviewOf: ReviewLookup = NO_REVIEWS,
): ReviewedImage[] {
  const failed = applyFilters(
    items,
    { ...filters, statuses: ['error'], q: '' },
    brokenUrls,
    reviewOf,
  )
  return failed.filter((item) => item.image.metadata?.error?.trim() === message)
}

export interface Facets {
  statuses: Record<ImageStatus, number>
  flags: Record<QaFlag, number>
  reviews: Record<ReviewState, number>
  /** Current rejections by reason (an image counts once per reason it has). */
  reasons: Record<RejectReason, number>
  /** Keywords by count, most used first. */
  keywords: [keyword: string, count: number][]
  /** Error messages by count, most common first. */
  errors: [message: string, count: number][]
}

/**
 * Counts for every filter group. Each group counts the images the *other* groups let
 * through, so a count says what pressing that filter would show. Error groups set the
 * status and search filters when clicked, so they follow only the keyword, flag and review
 * filters. `reviewOf` gives each image's review (none: every image is unreviewed).
 */
export function facetsOf(
  items: readonly ReviewedImage[],
  brokenUrls: ReadonlySet<string>,
  filters: PackFilters = NO_FILTERS,
  reviewOf: ReviewLookup = NO_REVIEWS,
): Facets {
  const statuses = Object.fromEntries(IMAGE_STATUSES.map((s) => [s, 0])) as Record<
    ImageStatus,
    number
  >
  const flags = Object.fromEntries(QA_FLAGS.map((f) => [f, 0])) as Record<QaFlag, number>
  const reviews = Object.fromEntries(REVIEW_STATES.map((r) => [r, 0])) as Record<
    ReviewState,
    number
  >
  const reasons = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<
    RejectReason,
    number
  >
  const keywords = new Map<string, number>()
  const errors = new Map<string, number>()
  const matches = matcher(filters, brokenUrls)
  for (const item of items) {
    const status = matches.status(item)
    const search = matches.search(item)
    const keyword = matches.keyword(item)
    const flagged = matches.flags(item)
    const review = reviewOf(item)
    const reviewed = matches.review(review)
    const reasoned = matches.reason(review)
    const others = search && keyword && flagged
    if (others && reviewed && reasoned) statuses[item.status]++
    if (status && search && keyword && reviewed && reasoned) {
      for (const flag of flagsOf(item, brokenUrls)) flags[flag]++
    }
    if (status && others && reasoned) reviews[review.state]++
    if (status && others && reviewed) {
      // Each reason once per image; only the URL values this version knows are counted.
      const own = currentReasons(review)
      for (let index = 0; index < own.length; index++) {
        const reason = own[index]!
        if (isRejectReason(reason) && own.indexOf(reason) === index) reasons[reason]++
      }
    }
    if (status && search && flagged && reviewed && reasoned) {
      // Each keyword counts once per image; no Set per image, for 10,000 of them.
      const own = item.image.metadata?.keywords ?? []
      for (let index = 0; index < own.length; index++) {
        const word = own[index]!
        if (own.indexOf(word) === index) keywords.set(word, (keywords.get(word) ?? 0) + 1)
      }
    }
    const error = item.status === 'error' ? item.image.metadata?.error?.trim() : undefined
    if (error && keyword && flagged && reviewed && reasoned)
      errors.set(error, (errors.get(error) ?? 0) + 1)
  }
  const byCount = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || a[0].localeCompare(b[0])
  return {
    statuses,
    flags,
    reviews,
    reasons,
    keywords: [...keywords].sort(byCount),
    errors: [...errors].sort(byCount),
  }
}
