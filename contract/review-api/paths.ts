import { PACK_ID_PATTERN } from '../partner-api/paths.ts'

/**
 * Our own review API, on the app's origin and never forwarded to Genviral. Pack and image
 * IDs in its paths are UUIDs, as the Partner API's are.
 */
export const REVIEW_API_PREFIX = '/api/review/v1'

/** The current decisions of a pack (GET). */
export function reviewPackPath(packId: string): string {
  return `${REVIEW_API_PREFIX}/packs/${encodeURIComponent(packId)}`
}

/** One image's decision (PUT). */
export function reviewImagePath(packId: string, imageId: string): string {
  return `${reviewPackPath(packId)}/images/${encodeURIComponent(imageId)}`
}

/** Every change of one image's decision, newest first (GET). */
export function reviewHistoryPath(packId: string, imageId: string): string {
  return `${reviewImagePath(packId, imageId)}/history`
}

/** Many decisions at once, all or nothing (POST). */
export function reviewDecisionsPath(packId: string): string {
  return `${reviewPackPath(packId)}/decisions`
}

/** The pack's sign-off: PUT signs, DELETE withdraws. */
export function reviewSignOffPath(packId: string): string {
  return `${reviewPackPath(packId)}/sign-off`
}

/** Every sign-off and withdrawal of a pack, newest first (GET). */
export function reviewPackHistoryPath(packId: string): string {
  return `${reviewPackPath(packId)}/history`
}

/** The Partner API writes made through Pack Explorer on a pack, newest first (GET). */
export function reviewActivityPath(packId: string): string {
  return `${reviewPackPath(packId)}/activity`
}

/** The review API's routes; groups are the pack ID and, where there is one, the image ID. */
export const REVIEW_ROUTES = {
  pack: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)$`),
  image: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)/images/([^/]+)$`),
  history: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)/images/([^/]+)/history$`),
  decisions: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)/decisions$`),
  signOff: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)/sign-off$`),
  packHistory: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)/history$`),
  activity: new RegExp(`^${REVIEW_API_PREFIX}/packs/([^/]+)/activity$`),
} as const

const EXACT_UUID = new RegExp(`^${PACK_ID_PATTERN}$`)

/** Whether a path segment is a UUID, as every ID in a review API path must be. */
export function isUuid(value: string): boolean {
  return EXACT_UUID.test(value)
}
