import type { IncomingMessage } from 'node:http'
import type { LoadPackImages } from './review/pack-images.ts'

/** How long a pack's image URLs are reused: a bulk removal asks for many of one pack. */
const FRESH_MS = 30_000
/** Packs remembered at once (a 10,000-image pack's URLs are about a megabyte). */
const MAX_PACKS = 8

/**
 * The URL of a pack's image, for the activity record of its removal (the Delete Pack Image
 * answer does not say it). One Get Pack serves the removals of the next 30 seconds; an
 * image added since is looked up again. Null when the pack or the image is unknown.
 */
export function createImageUrlLookup(
  load: LoadPackImages,
  timeoutMs: number,
): (packId: string, imageId: string, req: IncomingMessage) => Promise<string | null> {
  const packs = new Map<string, { at: number; urls: Promise<Map<string, string | null>> }>()
  const fetchUrls = (packId: string, req: IncomingMessage) => {
    const urls = load(packId, req, AbortSignal.timeout(timeoutMs)).then(
      (images) =>
        new Map(images === 'not_found' ? [] : images.map((image) => [image.id, image.url])),
    )
    if (packs.size >= MAX_PACKS) packs.clear()
    packs.set(packId, { at: Date.now(), urls })
    // A failed load is not kept: the next removal asks again.
    urls.catch(() => {
      if (packs.get(packId)?.urls === urls) packs.delete(packId)
    })
    return urls
  }
  return async (packId, imageId, req) => {
    const known = packs.get(packId)
    if (known && Date.now() - known.at < FRESH_MS) {
      const urls = await known.urls
      if (urls.has(imageId)) return urls.get(imageId) ?? null
    }
    return (await fetchUrls(packId, req)).get(imageId) ?? null
  }
}
