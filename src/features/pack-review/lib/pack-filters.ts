import { IMAGE_STATUSES, type ImageStatus } from './image-status'
import { flagsOf, QA_FLAGS, searchTextOf, type QaFlag, type ReviewedImage } from './qa-flags'

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
  sort: Sort
  view: View
}

export const NO_FILTERS: PackFilters = {
  statuses: [],
  q: '',
  keyword: null,
  flags: [],
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
    filters.flags.length > 0
  )
}

const STATUS_RANK: Record<ImageStatus, number> = {
  error: 0,
  unknown: 1,
  pending: 2,
  processing: 3,
  completed: 4,
}

/** Which of the filters an image passes, one answer per filter group. */
function matcher(filters: PackFilters, brokenUrls: ReadonlySet<string>) {
  const query = filters.q.trim().toLowerCase()
  return {
    status: (item: ReviewedImage) =>
      filters.statuses.length === 0 || filters.statuses.includes(item.status),
    search: (item: ReviewedImage) => query === '' || searchTextOf(item).includes(query),
    keyword: (item: ReviewedImage) =>
      filters.keyword === null || (item.image.metadata?.keywords ?? []).includes(filters.keyword),
    flags: (item: ReviewedImage) =>
      filters.flags.length === 0 ||
      flagsOf(item, brokenUrls).some((flag) => filters.flags.includes(flag)),
  }
}

/** The images the filters let through, in the chosen order. */
export function applyFilters(
  items: readonly ReviewedImage[],
  filters: PackFilters,
  brokenUrls: ReadonlySet<string>,
): ReviewedImage[] {
  const matches = matcher(filters, brokenUrls)
  const result = items.filter(
    (item) =>
      matches.status(item) && matches.search(item) && matches.keyword(item) && matches.flags(item),
  )
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

export interface Facets {
  statuses: Record<ImageStatus, number>
  flags: Record<QaFlag, number>
  /** Keywords by count, most used first. */
  keywords: [keyword: string, count: number][]
  /** Error messages by count, most common first. */
  errors: [message: string, count: number][]
}

/**
 * Counts for every filter group. Each group counts the images the *other* groups let
 * through, so a count says what pressing that filter would show. Error groups set the
 * status and search filters when clicked, so they follow only the keyword and flag filters.
 */
export function facetsOf(
  items: readonly ReviewedImage[],
  brokenUrls: ReadonlySet<string>,
  filters: PackFilters = NO_FILTERS,
): Facets {
  const statuses = Object.fromEntries(IMAGE_STATUSES.map((s) => [s, 0])) as Record<
    ImageStatus,
    number
  >
  const flags = Object.fromEntries(QA_FLAGS.map((f) => [f, 0])) as Record<QaFlag, number>
  const keywords = new Map<string, number>()
  const errors = new Map<string, number>()
  const matches = matcher(filters, brokenUrls)
  for (const item of items) {
    const status = matches.status(item)
    const search = matches.search(item)
    const keyword = matches.keyword(item)
    const flagged = matches.flags(item)
    if (search && keyword && flagged) statuses[item.status]++
    if (status && search && keyword) {
      for (const flag of flagsOf(item, brokenUrls)) flags[flag]++
    }
    if (status && search && flagged) {
      // Each keyword counts once per image; no Set per image, for 10,000 of them.
      const own = item.image.metadata?.keywords ?? []
      for (let index = 0; index < own.length; index++) {
        const word = own[index]!
        if (own.indexOf(word) === index) keywords.set(word, (keywords.get(word) ?? 0) + 1)
      }
    }
    const error = item.status === 'error' ? item.image.metadata?.error?.trim() : undefined
    if (error && keyword && flagged) errors.set(error, (errors.get(error) ?? 0) + 1)
  }
  const byCount = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || a[0].localeCompare(b[0])
  return {
    statuses,
    flags,
    keywords: [...keywords].sort(byCount),
    errors: [...errors].sort(byCount),
  }
}
