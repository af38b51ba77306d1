const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const EXACT_UUID = new RegExp(`^${UUID.source}$`, 'i')

/**
 * Finds the pack UUID in whatever was pasted: a bare id, a Pack Explorer link, a
 * Genviral URL or a sentence. Prefers the id right after `/packs/` when there are several.
 */
export function extractPackId(input: string): string | null {
  const afterPacks = new RegExp(`/packs/(${UUID.source})`, 'i').exec(input)
  const match = afterPacks?.[1] ?? UUID.exec(input)?.[0]
  return match ? match.toLowerCase() : null
}

export function isPackId(value: string): boolean {
  return EXACT_UUID.test(value)
}

/** The Partner API path of a pack, on our own origin (the proxy adds the key). */
export function packApiPath(packId: string): string {
  return `/api/partner/v1/packs/${encodeURIComponent(packId)}`
}
