import { memo, startTransition, useId, useState, type FocusEvent, type ReactNode } from 'react'
import { Link } from 'react-router'
import { Highlight } from '@/components/highlight'
import type { PackImage } from '@contract/partner-api/pack'
import { statusTitle } from '@/features/pack-review/lib/image-status'
import type { ImageEdits } from '@/features/pack-review/lib/image-edits'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { FlagMarker } from './flag-chips'
import { ImageEditButtons } from './image-edit-buttons'
import { ImageThumbnail } from './image-thumbnail'
import { ReviewBadge } from './review/review-badge'
import { ReviewButtons } from './review/review-buttons'
import { SaveState } from './review/save-state'
import { SelectCheckbox } from './select-checkbox'
import { StatusBadge } from './status-badge'

/**
 * One tile of the gallery: the whole tile is the link that opens the image. Its focus ring
 * is the link's outline, drawn outside the tile, so the image can never cover it. The
 * decision and its buttons lie over the image's square, as siblings of the link (a button
 * inside a link is invalid and unreachable); the buttons show on hover and focus. So does the
 * selection checkbox, after the buttons in the tab order (Tab from the tile reaches the
 * buttons first, as before there was a selection), then to what changes the image in the
 * pack (`edits`: retry its metadata, remove it), under the review buttons. Those are in the
 * document only while the tile has the pointer or focus: a 10,000-image gallery keeps a few
 * dozen tiles mounted, and none needs them until it is reached.
 */
export const ImageCard = memo(function ImageCard({
  item,
  flags,
  query,
  href,
  tabbable,
  priority = false,
  review,
  actions,
  edits,
  selected,
  onSelect,
}: {
  item: ReviewedImage
  flags: readonly QaFlag[]
  query: string
  /** Where the tile opens its image, query string included. */
  href: string
  /** The gallery is one tab stop: only the tile it would focus is in the tab order. */
  tabbable: boolean
  /** In the first row: its thumbnail is fetched first. */
  priority?: boolean
  review: ImageReview
  actions: ReviewActions
  /** What can change the image in the pack; none where the page cannot edit. */
  edits?: ImageEdits
  /** A boolean, not the selection: selecting one tile re-renders that tile only. */
  selected: boolean
  onSelect: (imageId: string, extend: boolean) => void
}) {
  const { image, position, status } = item
  const description = image.metadata?.description?.trim() || null
  const error = status === 'error' ? image.metadata?.error?.trim() || null : null
  const textId = useId()
  const reviewId = useId()
  const [pointed, setPointed] = useState(false)
  const [focused, setFocused] = useState(false)
  // In a transition: a key that decides and moves focus paints the decision first, and the
  // group a frame later.
  const reveal = (set: (on: boolean) => void, on: boolean) => startTransition(() => set(on))
  const leave = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) reveal(setFocused, false)
  }

  return (
    <article
      aria-label={`Image #${position}`}
      data-image-id={image.id}
      className="group relative h-full"
      onPointerEnter={edits && (() => reveal(setPointed, true))}
      onPointerLeave={edits && (() => reveal(setPointed, false))}
      onFocus={edits && (() => reveal(setFocused, true))}
      onBlur={edits && leave}
    >
      <Link
        to={href}
        data-card-link=""
        aria-label={`Open image #${position}`}
        aria-describedby={`${textId} ${reviewId}`}
        tabIndex={tabbable ? 0 : -1}
        preventScrollReset
        className={`flex h-full flex-col overflow-hidden rounded-lg bg-white shadow-sm ring-inset group-hover:shadow-md ${
          status === 'error' ? 'ring-2 ring-red-600' : 'ring-1 ring-slate-200'
        }`}
      >
        <ImageThumbnail
          src={item.safeUrl}
          alt={description ?? `Image #${position} (no description)`}
          broken={flags.includes('broken')}
          priority={priority}
          className="aspect-square w-full shrink-0"
        />
        {/* A fixed height, so the virtualized gallery knows every row's size up front. */}
        <div
          id={textId}
          className="flex h-(--tile-body-height) flex-col gap-1 overflow-hidden px-2 pt-2 pb-2"
        >
          <div className="flex h-5 items-center gap-1.5">
            <span className="font-mono text-xs font-semibold text-slate-700">#{position}</span>
            <StatusBadge status={status} title={statusTitle(image)} />
            {/* Last, so a marker that comes with new metadata moves nothing. */}
            <span className="ml-auto">
              <FlagMarker flags={flags} />
            </span>
          </div>
          <TileText image={image} status={status} description={description} error={error}>
            <Highlight text={error ?? description ?? ''} query={query} />
          </TileText>
        </div>
      </Link>
      {/* The image's square: clicks pass through to the link, but for the buttons. */}
      <div className="pointer-events-none absolute inset-x-0 top-0 aspect-square">
        <div
          id={reviewId}
          // On a narrow tile, Not saved and Retry go above the badge rather than off the edge.
          className="absolute right-1.5 bottom-1.5 left-1.5 flex flex-wrap-reverse items-center gap-1"
        >
          <ReviewBadge state={review.state} className="shadow-sm" />
          <SaveState
            saving={review.saving}
            error={review.error}
            onRetry={() => actions.retry(item)}
            tabbable={tabbable}
            className="pointer-events-auto shadow-sm"
          />
        </div>
        <div
          role="group"
          aria-label={`Review image #${position}`}
          className="absolute top-1.5 right-1.5 flex gap-0.5 rounded-lg bg-white p-0.5 opacity-0 shadow-md ring-1 ring-slate-900/10 group-focus-within:pointer-events-auto group-focus-within:opacity-100 group-hover:pointer-events-auto group-hover:opacity-100"
        >
          <ReviewButtons
            item={item}
            state={review.state}
            actions={actions}
            compact
            tabbable={tabbable}
          />
        </div>
        <SelectCheckbox
          imageId={image.id}
          position={position}
          selected={selected}
          tabbable={tabbable}
          onSelect={onSelect}
          className="absolute top-1.5 left-1.5"
        />
        {edits && (pointed || focused) && (
          <div
            role="group"
            aria-label={`Change image #${position}`}
            className="absolute top-11 right-1.5 flex gap-0.5 rounded-lg bg-white p-0.5 opacity-0 shadow-md ring-1 ring-slate-900/10 group-focus-within:pointer-events-auto group-focus-within:opacity-100 group-hover:pointer-events-auto group-hover:opacity-100"
          >
            <ImageEditButtons
              item={item}
              state={review.state}
              edits={edits}
              compact
              tabbable={tabbable}
            />
          </div>
        )}
      </div>
      {selected && (
        // Over the status edge while selected: which tiles a bulk action takes must show.
        <div className="pointer-events-none absolute inset-0 rounded-lg ring-3 ring-indigo-700 ring-inset" />
      )}
    </article>
  )
})

/** Two lines: what is wrong for a failed image, else the description, else why there is none. */
function TileText({
  image,
  status,
  description,
  error,
  children,
}: {
  image: PackImage
  status: ReviewedImage['status']
  description: string | null
  error: string | null
  children: ReactNode
}) {
  if (error || description) {
    return (
      <p
        className={`line-clamp-2 text-xs leading-4 break-words ${error ? 'font-medium text-red-800' : 'text-slate-800'}`}
      >
        {children}
      </p>
    )
  }
  return (
    <p className="line-clamp-2 text-xs leading-4 text-slate-600 italic">
      {emptyDescription(image, status)}
    </p>
  )
}

function emptyDescription(image: PackImage, status: ReviewedImage['status']): string {
  if (!image.metadata) return 'No metadata from the API'
  if (status === 'error') return 'Metadata generation failed (no message).'
  if (status === 'pending' || status === 'processing') return 'Description not generated yet'
  return 'No description'
}
