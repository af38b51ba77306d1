import type { WriteBy } from '@/features/pack-edit/api/pack-writes'
import {
  goneAfterRetry,
  removeBatch,
  retryBatch,
  undoBatch,
  withAddOutcome,
  withRemoveOutcomes,
  withRetryOutcome,
  type Batch,
  type ImageRef,
  type RemoveBatch,
  type RetryBatch,
  type UndoBatch,
} from './image-write-batches'
import { addImages, removeImages } from './remove-images'
import { retryMetadata } from './retry-metadata'

/** Where a batch's notice lives: shown with `start`, changed with `update` as writes end. */
export interface BatchBoard {
  start: (batch: Batch) => void
  update: <B extends Batch>(id: number, change: (batch: B) => B) => void
  /** The pack changed; `gone` maps each image that left it to the copy that took its place. */
  onChanged: (gone: ReadonlyMap<string, string | null>) => void
}

type By = Omit<WriteBy, 'intent'>

/** What one batch of image writes is: a retry, a removal (or old copies'), an undo. */
export type ImageWriteJob =
  | { kind: 'retry'; images: readonly ImageRef[] }
  | { kind: 'remove'; images: readonly ImageRef[]; oldCopies: boolean }
  | { kind: 'undo'; urls: readonly string[] }

/** Runs `job` on `pack` as batch `id`, telling `board` how it goes. Loaded with the first write. */
export async function runImageWrites(
  pack: { id: string; name: string },
  id: number,
  job: ImageWriteJob,
  by: By,
  board: BatchBoard,
): Promise<void> {
  if (job.kind === 'retry') {
    const byId = new Map(job.images.map((image) => [image.id, image]))
    board.start(retryBatch(id, job.images.length))
    const outcomes = await retryMetadata(pack.id, job.images, by, (outcome) =>
      board.update<RetryBatch>(id, (batch) =>
        withRetryOutcome(batch, outcome, byId.get(outcome.imageId)!),
      ),
    )
    board.update(id, (batch) => ({ ...batch, finished: true }))
    board.onChanged(goneAfterRetry(outcomes))
  } else if (job.kind === 'remove') {
    board.start(removeBatch(id, job.images.length, pack.name, job.oldCopies))
    const intent = job.oldCopies ? 'retry' : 'remove'
    const outcomes = await removeImages(pack.id, job.images, by, intent)
    board.update<RemoveBatch>(id, (batch) =>
      withRemoveOutcomes(batch, outcomes, job.images, Date.now()),
    )
    board.onChanged(new Map(outcomes.flatMap((o) => (o.removed ? [[o.imageId, null]] : []))))
  } else {
    board.start(undoBatch(id, job.urls.length))
    await addImages(pack.id, job.urls, { ...by, intent: 'undo' }, (outcome) =>
      board.update<UndoBatch>(id, (batch) => withAddOutcome(batch, outcome)),
    )
    board.update(id, (batch) => ({ ...batch, finished: true }))
    board.onChanged(new Map())
  }
}
