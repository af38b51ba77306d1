import { useState } from 'react'
import { ModalDialog } from '@/components/modal-dialog'

/** What a removal or retry is about: one image by its number in the pack, or a count. */
export type ImagesInQuestion = { position: number } | { count: number }

const countOf = (images: ImagesInQuestion) => ('count' in images ? images.count : 1)

/** `Remove image #<n> from <pack>?` or `Remove <n> images from <pack>?`, with `Remove`. */
export function RemoveImagesDialog({
  images,
  packName,
  onRemove,
  onCancel,
}: {
  images: ImagesInQuestion
  packName: string
  onRemove: () => void
  onCancel: () => void
}) {
  const title =
    'position' in images
      ? `Remove image #${images.position} from ${packName}?`
      : `Remove ${images.count.toLocaleString('en-US')} images from ${packName}?`
  const back =
    countOf(images) === 1
      ? 'it comes back from the same URL, with a new ID, at the end of the pack. The Activity list can add it back later.'
      : 'they come back from the same URLs, with new IDs, at the end of the pack. The Activity list can add them back later.'
  return (
    <ModalDialog
      title={title}
      description={`Removed images leave the pack for everyone. For 30 seconds you can undo: ${back}`}
      submit={{ label: 'Remove', danger: true }}
      onSubmit={onRemove}
      onCancel={onCancel}
    />
  )
}

/**
 * The first retry in this browser says what a retry does to IDs and order, once: the API has
 * no "regenerate", so the image is added again and the old one deleted.
 */
export function RetryConfirmDialog({
  images,
  onRetry,
  onCancel,
}: {
  images: ImagesInQuestion
  /** `dontAskAgain`: the person ticked it; remembered by the caller. */
  onRetry: (dontAskAgain: boolean) => void
  onCancel: () => void
}) {
  const [dontAsk, setDontAsk] = useState(false)
  const count = countOf(images)
  const label =
    count === 1 ? 'Retry metadata' : `Retry metadata for ${count.toLocaleString('en-US')}`
  return (
    <ModalDialog
      title={
        count === 1
          ? 'Retry this image’s metadata?'
          : `Retry the metadata of ${count.toLocaleString('en-US')} images?`
      }
      description={
        <>
          Genviral cannot regenerate metadata in place. Pack Explorer adds the same image URL again,
          which queues new metadata, and then deletes the old copy. The image comes back{' '}
          <strong className="font-semibold">with a new ID, at the end of the pack</strong>; links
          and review decisions for the old ID stay with the old ID.
        </>
      }
      submit={{ label }}
      onSubmit={() => onRetry(dontAsk)}
      onCancel={onCancel}
    >
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={dontAsk}
          onChange={(event) => setDontAsk(event.target.checked)}
          className="size-4 accent-indigo-700"
        />
        Don't ask again
      </label>
    </ModalDialog>
  )
}
