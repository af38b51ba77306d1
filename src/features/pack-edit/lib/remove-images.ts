import { fileNameOf } from '@contract/partner-api/writes'
import type { ApiError } from '@/lib/api-error'
import { addImage, deleteImage, type WriteBy } from '@/features/pack-edit/api/pack-writes'
import { eachAtMost } from './each-at-most'
import { asApiError, type RetryTarget } from './retry-metadata'

/** Deletes at once, at most: the API documents no rate limit, and ours counts writes. */
const REMOVE_CONCURRENCY = 4

export type RemoveOutcome =
  | { imageId: string; url: string; removed: true }
  | { imageId: string; url: string; removed: false; error: ApiError }

export type AddOutcome =
  { url: string; added: true; imageId: string } | { url: string; added: false; error: ApiError }

/**
 * Deletes each image (at most a few at once); the outcomes in the images' order. `intent`:
 * a removal, or the second half of a retry whose old copy could not be deleted at first.
 */
export function removeImages(
  packId: string,
  images: readonly RetryTarget[],
  by: Omit<WriteBy, 'intent'>,
  intent: 'remove' | 'retry' = 'remove',
): Promise<RemoveOutcome[]> {
  return eachAtMost(REMOVE_CONCURRENCY, images, async ({ id, url }): Promise<RemoveOutcome> => {
    try {
      await deleteImage(packId, id, { ...by, intent })
      return { imageId: id, url, removed: true }
    } catch (error) {
      return { imageId: id, url, removed: false, error: asApiError(error) }
    }
  })
}

/**
 * Adds each URL to the pack, in order (the API orders images by creation, so one at a time
 * keeps the order given): new images, with new IDs, at the end. `intent` says why: added,
 * an undo, or an "Add back" from the activity log.
 */
export async function addImages(
  packId: string,
  urls: readonly string[],
  by: WriteBy,
  onOutcome: (outcome: AddOutcome) => void = () => {},
): Promise<AddOutcome[]> {
  return eachAtMost(1, urls, async (url): Promise<AddOutcome> => {
    let outcome: AddOutcome
    try {
      const added = await addImage(packId, { image_url: url, file_name: fileNameOf(url) }, by)
      outcome = { url, added: true, imageId: added.id }
    } catch (error) {
      outcome = { url, added: false, error: asApiError(error) }
    }
    onOutcome(outcome)
    return outcome
  })
}
