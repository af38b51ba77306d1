import { CircleCheck, LoaderCircle, TriangleAlert, Undo2, X } from 'lucide-react'
import { useEffect, useEffectEvent, useState, type ReactNode } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { Countdown } from '@/components/countdown'
import { describeWriteError } from '@/features/pack-edit/lib/describe-write-error'
import type { ImageWriteJob } from '@/features/pack-edit/lib/run-image-writes'
import type {
  Batch,
  ImageRef,
  RemoveBatch,
  RetryBatch,
  UndoBatch,
} from '@/features/pack-edit/lib/image-write-batches'
import type { ApiError } from '@/lib/api-error'

/** Once a notice has nothing left to offer, it goes by itself after this long. */
const SETTLED_MS = 10_000

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

/** The card of one batch: how far it got, its outcome in a line, then what it has to say. */
function NoticeCard({
  batch,
  title,
  onDismiss,
  waiting = false,
  children,
}: {
  batch: Batch
  title: string
  onDismiss: () => void
  /** Something can still be done from it (an undo): it stays. */
  waiting?: boolean
  children: ReactNode
}) {
  const failed = batch.finished && batch.done !== countGood(batch)
  const settled = batch.finished && !failed && !waiting
  const goBy = useEffectEvent(onDismiss)
  useEffect(() => {
    if (!settled) return
    const timer = window.setTimeout(() => goBy(), SETTLED_MS)
    return () => window.clearTimeout(timer)
  }, [settled])
  const Icon = !batch.finished ? LoaderCircle : failed ? TriangleAlert : CircleCheck
  return (
    <section
      aria-label={title}
      className={`flex flex-col gap-2 rounded-xl bg-white p-3 text-sm text-slate-800 shadow-lg ring-1 ${failed ? 'ring-amber-600/50' : 'ring-slate-900/10'}`}
    >
      <div className="flex items-start gap-2">
        <Icon
          aria-hidden="true"
          className={`mt-0.5 size-4 shrink-0 ${!batch.finished ? 'animate-spin text-indigo-700' : failed ? 'text-amber-700' : 'text-emerald-700'}`}
        />
        <p className="min-w-0 flex-1 font-semibold break-words text-slate-900">{title}</p>
        {batch.finished && (
          <button
            type="button"
            onClick={onDismiss}
            aria-label="Dismiss"
            title="Dismiss"
            className="-m-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        )}
      </div>
      {!batch.finished && (
        <progress
          value={batch.done}
          max={batch.total}
          aria-label={`${batch.done.toLocaleString('en-US')} of ${batch.total.toLocaleString('en-US')} done`}
          className="h-1.5 w-full overflow-hidden rounded-full accent-indigo-700"
        />
      )}
      {children}
    </section>
  )
}

function countGood(batch: Batch): number {
  if (batch.kind === 'retry') return batch.retried
  if (batch.kind === 'remove') return batch.removed.length
  return batch.added
}

/** What went wrong, item by item (scrolling past a few), and the one thing to do about it. */
function Failures({
  intro,
  items,
  action,
}: {
  intro: string
  items: { key: string; what: string; error: ApiError }[]
  action: ReactNode
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <p>{intro}</p>
      <ul className="flex max-h-36 flex-col gap-1 overflow-y-auto">
        {items.map(({ key, what, error }) => (
          <li key={key} className="break-words">
            <span className="font-semibold">{what}</span>: {describeWriteError(error)}
          </li>
        ))}
      </ul>
      <div>{action}</div>
    </div>
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
