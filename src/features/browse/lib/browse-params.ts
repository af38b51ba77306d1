/** Packs per page of the browse list. */
export const PAGE_SIZE = 24
/** Pages past this are not asked for: the offset would no longer be a plain integer. */
const MAX_PAGE = 1_000_000

/** What the home page's browse list shows, as read from and written to the URL. */
export interface BrowseParams {
  /** The search text as typed; blank means no search. */
  q: string
  /** `?public=0` hides public packs; anything else leaves the API's default (included). */
  includePublic: boolean
  /** 1-based. */
  page: number
}

export const NO_BROWSE_PARAMS: BrowseParams = { q: '', includePublic: true, page: 1 }

/** Reads `?q=`, `?public=` and `?page=`; a page that is not a whole number from 1 up is 1. */
export function parseBrowseParams(params: URLSearchParams): BrowseParams {
  const page = params.get('page') ?? ''
  const number = /^\d+$/.test(page) ? Number(page) : 1
  return {
    q: params.get('q') ?? '',
    includePublic: params.get('public') !== '0',
    page: number >= 1 && number <= MAX_PAGE ? number : 1,
  }
}

/** `current` with the browse params replaced by `next`; defaults leave the URL. */
export function writeBrowseParams(current: URLSearchParams, next: BrowseParams): URLSearchParams {
  const params = new URLSearchParams(current)
  const set = (name: string, value: string) =>
    value ? params.set(name, value) : params.delete(name)
  set('q', next.q.trim() ? next.q : '')
  set('public', next.includePublic ? '' : '0')
  set('page', next.page > 1 ? String(next.page) : '')
  return params
}

/**
 * The List Packs query for `params`: `search` only when there is one, `include_public=false`
 * only when public packs are hidden (so the API's default applies otherwise), and the page
 * as `limit`/`offset`. In the proxy's order, so the upstream sees the same string.
 */
export function listQueryString({ q, includePublic, page }: BrowseParams): string {
  const query = new URLSearchParams()
  if (q.trim()) query.set('search', q.trim())
  query.set('limit', String(PAGE_SIZE))
  query.set('offset', String((page - 1) * PAGE_SIZE))
  if (!includePublic) query.set('include_public', 'false')
  return query.toString()
}

/** Pages needed for `total` packs; at least one, so "Page 1 of 1" reads right when empty. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE))
}
