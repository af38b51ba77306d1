import { Undo2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { Countdown } from '@/components/countdown'
import type { ImageWriteJob } from '@/features/pack-edit/lib/run-image-writes'
import type {
  Batch,
  ImageRef,
  RemoveBatch,
  RetryBatch,
  UndoBatch,
} from '@/features/pack-edit/lib/image-write-batches'
import { Failures, NoticeCard } from './write-notice-card'

const later = (count: number) =>
  `The Activity list can add ${count === 1 ? 'it' : 'them'} back later.`

const smallButton = `${buttonStyles.secondary} px-2.5 py-1`
const images = (count: number) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? 'image' : 'images'}`

/**
 * One notice per batch of writes, newest last: its progress while it runs, then what it did,
 * and image by image what went wrong and what to do about it. One where all went well goes
 * by itself a little after (after its undo); one with a failure stays until dismissed.
 */
export function ImageWriteNotices({
  batches,
  onDismiss,
  onFollowUp,
}: {
  batches: readonly Batch[]
  onDismiss: (id: number) => void
  /** Runs `job`, which takes over from `batch` what `handed` clears (a failure list, the undo). */
  onFollowUp: <B extends Batch>(batch: B, handed: Partial<B>, job: ImageWriteJob) => void
}) {
  return batches.map((batch) => {
    const dismiss = () => onDismiss(batch.id)
    if (batch.kind === 'retry')
      return (
        <RetryNotice
          key={batch.id}
          batch={batch}
          onDismiss={dismiss}
          onRetryAgain={() =>
            onFollowUp(batch, { notAdded: [] }, { kind: 'retry', images: imagesOf(batch.notAdded) })
          }
          onRemoveOldCopies={() =>
            onFollowUp(
              batch,
              { notRemoved: [] },
              {
                kind: 'remove',
                images: imagesOf(batch.notRemoved),
                oldCopies: true,
              },
            )
          }
        />
      )
    if (batch.kind === 'remove')
      return (
        <RemoveNotice
          key={batch.id}
          batch={batch}
          onDismiss={dismiss}
          onRemoveAgain={() =>
            onFollowUp(
              batch,
              { failed: [] },
              {
                kind: 'remove',
                images: imagesOf(batch.failed),
                oldCopies: batch.oldCopies,
              },
            )
          }
          onUndo={() =>
            onFollowUp(
              batch,
              { undoUntil: null, undone: true },
              { kind: 'undo', urls: batch.removed.map((image) => image.url) },
            )
          }
        />
      )
    return (
      <UndoNotice
        key={batch.id}
        batch={batch}
        onDismiss={dismiss}
        onAddBackAgain={() =>
          onFollowUp(
            batch,
            { failed: [] },
            { kind: 'undo', urls: batch.failed.map((failure) => failure.url) },
          )
        }
      />
    )
  })
}

const imagesOf = (failures: readonly { image: ImageRef }[]) => failures.map(({ image }) => image)

function RetryNotice({
  batch,
  onDismiss,
  onRetryAgain,
  onRemoveOldCopies,
}: {
  batch: RetryBatch
  onDismiss: () => void
  onRetryAgain: () => void
  onRemoveOldCopies: () => void
}) {
  const { notAdded, notRemoved } = batch
  const title = !batch.finished
    ? `Retrying the metadata of ${images(batch.total)}…`
    : batch.retried === batch.total
      ? `Metadata retried for ${images(batch.total)}`
      : batch.retried === 0
        ? `Metadata not retried for ${images(batch.total)}`
        : `Metadata retried for ${batch.retried.toLocaleString('en-US')} of ${images(batch.total)}`
  return (
    <NoticeCard batch={batch} title={title} onDismiss={onDismiss}>
      {batch.retried > 0 && (
        <p>
          {batch.retried === 1 ? 'It is' : 'They are'} back at the end of the pack with{' '}
          {batch.retried === 1 ? 'a new ID' : 'new IDs'}, waiting for new metadata; the page shows
          it as it comes.
        </p>
      )}
      {notAdded.length > 0 && (
        <Failures
          intro="Not retried: nothing changed, so trying again is safe."
          items={notAdded.map(({ image, error }) => ({
            key: image.id,
            what: `Image #${image.position}`,
            error,
          }))}
          action={
            <button type="button" onClick={onRetryAgain} className={smallButton}>
              Try again
            </button>
          }
        />
      )}
      {notRemoved.length > 0 && (
        <Failures
          intro="A new copy was added, but the old image is still in the pack, so it is there twice. Remove the old copy."
          items={notRemoved.map(({ image, error }) => ({
            key: image.id,
            what: `Image #${image.position}`,
            error,
          }))}
          action={
            <button type="button" onClick={onRemoveOldCopies} className={smallButton}>
              {notRemoved.length === 1 ? 'Remove old copy' : 'Remove old copies'}
            </button>
          }
        />
      )}
    </NoticeCard>
  )
}

function RemoveNotice({
  batch,
  onDismiss,
  onRemoveAgain,
  onUndo,
}: {
  batch: RemoveBatch
  onDismiss: () => void
  onRemoveAgain: () => void
  onUndo: () => void
}) {
  const undoOpen = useUntil(batch.undoUntil)
  const removed = batch.removed.length
  const what = batch.oldCopies ? 'old copies' : images(batch.total)
  const title = !batch.finished
    ? `Removing ${what}…`
    : removed === batch.total
      ? `Removed ${batch.oldCopies ? what : images(removed)} from ${batch.packName}`
      : removed === 0
        ? `Could not remove ${what} from ${batch.packName}`
        : `Removed ${removed.toLocaleString('en-US')} of ${what} from ${batch.packName}`
  return (
    <NoticeCard batch={batch} title={title} onDismiss={onDismiss} waiting={undoOpen}>
      {removed > 0 && !batch.oldCopies && !batch.undone && (
        <p>
          {undoOpen && batch.undoUntil !== null ? (
            <Countdown
              at={batch.undoUntil}
              waiting={(seconds) =>
                removed === 1
                  ? `Undo adds it back, with a new ID, at the end of the pack: for ${seconds} s.`
                  : `Undo adds them back, with new IDs, at the end of the pack: for ${seconds} s.`
              }
              done={later(removed)}
            />
          ) : (
            later(removed)
          )}
        </p>
      )}
      {undoOpen && (
        <div>
          <button type="button" onClick={onUndo} className={smallButton}>
            <Undo2 aria-hidden="true" className="size-4" />
            Undo
          </button>
        </div>
      )}
      {batch.failed.length > 0 && (
        <Failures
          intro="Not removed:"
          items={batch.failed.map(({ image, error }) => ({
            key: image.id,
            what: `Image #${image.position}`,
            error,
          }))}
          action={
            <button type="button" onClick={onRemoveAgain} className={smallButton}>
              Try again
            </button>
          }
        />
      )}
    </NoticeCard>
  )
}

function UndoNotice({
  batch,
  onDismiss,
  onAddBackAgain,
}: {
  batch: UndoBatch
  onDismiss: () => void
  onAddBackAgain: () => void
}) {
  const title = !batch.finished
    ? `Putting back ${images(batch.total)}…`
    : batch.added === batch.total
      ? `Put back ${images(batch.total)}`
      : batch.added === 0
        ? `Could not put back ${images(batch.total)}`
        : `Put back ${batch.added.toLocaleString('en-US')} of ${images(batch.total)}`
  return (
    <NoticeCard batch={batch} title={title} onDismiss={onDismiss}>
      {batch.added > 0 && <p>With new IDs, at the end of the pack.</p>}
      {batch.failed.length > 0 && (
        <Failures
          intro="Not put back:"
          items={batch.failed.map(({ url, error }, index) => ({
            key: `${index}-${url}`,
            what: url,
            error,
          }))}
          action={
            <button type="button" onClick={onAddBackAgain} className={smallButton}>
              Try again
            </button>
          }
        />
      )}
    </NoticeCard>
  )
}

/** Whether `until` (a time) is still ahead; turns false when it passes. */
function useUntil(until: number | null): boolean {
  const [passed, setPassed] = useState<number | null>(null)
  useEffect(() => {
    if (until === null) return
    const timer = window.setTimeout(() => setPassed(until), Math.max(0, until - Date.now()))
    return () => window.clearTimeout(timer)
  }, [until])
  return until !== null && passed !== until
}
