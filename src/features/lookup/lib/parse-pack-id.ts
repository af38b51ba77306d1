import { PACK_ID_PATTERN } from '@contract/partner-api/paths'

const ANY_PACK_ID = new RegExp(PACK_ID_PATTERN)
const AFTER_PACKS = new RegExp(`/packs/(${PACK_ID_PATTERN})`)

/**
 * Finds the pack UUID in whatever was pasted: a bare id, a Pack Explorer link, a
 * Genviral URL or a sentence. Prefers the id right after `/packs/` when there are several.
 */
export function extractPackId(input: string): string | null {
  const match = AFTER_PACKS.exec(input)?.[1] ?? ANY_PACK_ID.exec(input)?.[0]
  return match ? match.toLowerCase() : null
}
