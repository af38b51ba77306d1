import { Suspense, useImperativeHandle, useRef, useState, type Ref } from 'react'
import { lazyNamed } from '@/lib/lazy-named'
import { useWriter } from '@/features/pack-edit/lib/use-writer'
import type { BatchStore } from '@/features/pack-edit/lib/batch-store'
import type { Batch, ImageRef } from '@/features/pack-edit/lib/image-write-batches'
import { hasConfirmedRetry, rememberRetryConfirmed } from '@/features/pack-edit/lib/retry-confirmed'
import type { BatchBoard, ImageWriteJob } from '@/features/pack-edit/lib/run-image-writes'

// Loaded with the first write: the pack page's first code has only this shell.
const RemoveImagesDialog = lazyNamed(() => import('./image-write-dialogs'), 'RemoveImagesDialog')
const RetryConfirmDialog = lazyNamed(() => import('./image-write-dialogs'), 'RetryConfirmDialog')
const runner = () => import('@/features/pack-edit/lib/run-image-writes')

/** An image as the page has it: what a retry or a removal needs to know. */
export interface EditableImage {
  image: { id: string }
  position: number
  /** Its URL where it is http or https: only such a URL can be added again. */
  safeUrl: string | null
}

export interface ImageWritesHandle {
  retryMetadata: (items: readonly EditableImage[]) => void
  remove: (items: readonly EditableImage[]) => void
  /** Runs `job` from a notice, which takes over from `batch` what `handed` clears. */
  followUp: <B extends Batch>(batch: B, handed: Partial<B>, job: ImageWriteJob) => void
}

const refsOf = (items: readonly EditableImage[]): ImageRef[] =>
  items.flatMap((item) =>
    item.safeUrl === null
      ? []
      : [{ id: item.image.id, position: item.position, url: item.safeUrl }],
  )

/**
 * Retrying metadata and removing images, for the page's buttons (through `ref`): the
 * confirmation each asks for and the writes, each batch of them kept in `store`, whose
 * notices (WriteNotices) say how it went, image by image where it went wrong, with what to
 * do (and, after a removal, an undo).
 * `onChanged`: the pack changed; `gone` maps each image that left it to its copy, if any.
 */
export function ImageWrites({
  ref,
  store,
  packId,
  packName,
  user,
  onChanged,
}: {
  ref: Ref<ImageWritesHandle>
  /** Where the batches go, for their notices (WriteNotices) to show. */
  store: BatchStore
  packId: string
  packName: string
  user: string | null
  onChanged: BatchBoard['onChanged']
}) {
  const { asWriter, nameDialog } = useWriter(user)
  const [ask, setAsk] = useState<{ kind: 'retry' | 'remove'; images: ImageRef[] } | null>(null)
  const nextId = useRef(0)
  const board: BatchBoard = { start: store.start, update: store.update, onChanged }
  /** Asks for the name when none is known yet, then runs the job as a new batch. */
  const run = (job: ImageWriteJob) =>
    asWriter((by) => {
      const id = ++nextId.current
      store.setUnloaded(false)
      void runner().then(
        (module) => module.runImageWrites({ id: packId, name: packName }, id, job, by, board),
        () => store.setUnloaded(true),
      )
    })

  useImperativeHandle(ref, () => ({
    retryMetadata: (items) => {
      const images = refsOf(items)
      if (images.length === 0) return
      if (hasConfirmedRetry()) run({ kind: 'retry', images })
      else setAsk({ kind: 'retry', images })
    },
    remove: (items) => {
      const images = refsOf(items)
      if (images.length > 0) setAsk({ kind: 'remove', images })
    },
    followUp: (batch, handed, job) => {
      store.update(batch.id, (current) => ({ ...current, ...handed }))
      run(job)
    },
  }))

  const asked =
    ask &&
    (ask.images.length === 1 ? { position: ask.images[0]!.position } : { count: ask.images.length })

  return (
    <>
      <Suspense fallback={null}>
        {ask?.kind === 'retry' && asked && (
          <RetryConfirmDialog
            images={asked}
            onCancel={() => setAsk(null)}
            onRetry={(dontAskAgain) => {
              if (dontAskAgain) rememberRetryConfirmed()
              setAsk(null)
              run({ kind: 'retry', images: ask.images })
            }}
          />
        )}
        {ask?.kind === 'remove' && asked && (
          <RemoveImagesDialog
            images={asked}
            packName={packName}
            onCancel={() => setAsk(null)}
            onRemove={() => {
              setAsk(null)
              run({ kind: 'remove', images: ask.images, oldCopies: false })
            }}
          />
        )}
      </Suspense>
      {nameDialog}
    </>
  )
}
