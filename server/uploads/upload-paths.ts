/** Where the browser sends an image file for a pack: `POST /api/uploads/{packId}`. */
export const UPLOADS_PREFIX = '/api/uploads'

/** The upload path of a pack. */
export function uploadPath(packId: string): string {
  return `${UPLOADS_PREFIX}/${encodeURIComponent(packId)}`
}
