/**
 * Where the Partner API lives on this app's own origin. The browser calls these paths; the
 * proxy adds the key and forwards them, unchanged, to the Genviral API.
 */
export const PARTNER_API_PREFIX = '/api/partner/v1'

/** List Packs (GET) and Create Pack (POST). */
export const PACKS_PATH = `${PARTNER_API_PREFIX}/packs`

/** A pack ID is a UUID, in any case. The source is shared so other patterns can embed it. */
export const PACK_ID_PATTERN =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

const EXACT_PACK_ID = new RegExp(`^${PACK_ID_PATTERN}$`)

export function isPackId(value: string): boolean {
  return EXACT_PACK_ID.test(value)
}

/** The Get Pack path of a pack. */
export function packPath(packId: string): string {
  return `${PACKS_PATH}/${encodeURIComponent(packId)}`
}

/** List Packs' documented query parameters. */
export const LIST_QUERY_PARAMS = ['search', 'limit', 'offset', 'include_public'] as const

export type ListQueryParam = (typeof LIST_QUERY_PARAMS)[number]
