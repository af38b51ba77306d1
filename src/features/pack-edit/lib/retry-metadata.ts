import { fileNameOf } from '@contract/partner-api/writes'
import { ApiError } from '@/lib/api-error'
import { addImage, deleteImage, type WriteBy } from '@/features/pack-edit/api/pack-writes'
import { eachAtMost } from './each-at-most'

/** An image to retry: its ID and the URL its metadata is generated from. */
export interface RetryTarget {
  id: string
  url: string
}

/** How one retry ended. Only `retried` changed nothing but the ID; the others say what to do. */
export type RetryOutcome =
  | { imageId: string; status: 'retried'; newImageId: string }
  /** Nothing changed: the copy could not be added, so the old image was kept. */
  | { imageId: string; status: 'not_added'; error: ApiError }
  /** The copy was added but the old image is still there: the pack holds it twice. */
  | { imageId: string; status: 'not_removed'; newImageId: string; error: ApiError }

/**
 * Regenerates the metadata of each image the only way the API allows: adds the same URL again
 * (a new image, with a new ID, at the end of the pack, queued for new metadata), and only once
 * that succeeded deletes the old one. The copies are added one at a time, so they keep the
 * images' order at the end of the pack; each old image is deleted as soon as its copy is in.
 * Never retried by itself: a failed add may still have added (no idempotency), so the outcome
 * says what happened and the person decides. The outcomes come in the targets' order.
 */
export async function retryMetadata(
  packId: string,
  targets: readonly RetryTarget[],
  by: Omit<WriteBy, 'intent'>,
  onOutcome: (outcome: RetryOutcome) => void = () => {},
): Promise<RetryOutcome[]> {
  const write = { ...by, intent: 'retry' as const }
  const outcomes: Promise<RetryOutcome>[] = []
  await eachAtMost(1, targets, async (target) => {
    const added = await addCopy(packId, target, write)
    const outcome =
      typeof added === 'string' ? deleteOld(packId, target, added, write) : Promise.resolve(added)
    outcomes.push(
      outcome.then((done) => {
        onOutcome(done)
        return done
      }),
    )
  })
  return Promise.all(outcomes)
}

/** The copy's ID, or the outcome of a copy that could not be added. */
async function addCopy(
  packId: string,
  target: RetryTarget,
  by: WriteBy,
): Promise<string | RetryOutcome> {
  try {
    const added = await addImage(
      packId,
      { image_url: target.url, file_name: fileNameOf(target.url) },
      by,
    )
    return added.id
  } catch (error) {
    return { imageId: target.id, status: 'not_added', error: asApiError(error) }
  }
}

async function deleteOld(
  packId: string,
  target: RetryTarget,
  newImageId: string,
  by: WriteBy,
): Promise<RetryOutcome> {
  try {
    await deleteImage(packId, target.id, by)
  } catch (error) {
    return { imageId: target.id, status: 'not_removed', newImageId, error: asApiError(error) }
  }
  return { imageId: target.id, status: 'retried', newImageId }
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ kind: 'network', message: String(error), cause: error })
}
