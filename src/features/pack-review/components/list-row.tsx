import { memo } from 'react'
import { Link } from 'react-router'
import { ErrorIcon } from '@/components/icons'
import { Highlight } from '@/components/highlight'
import { RelativeTime } from '@/components/relative-time'
import { statusTitle } from '@/features/pack-review/lib/image-status'
import type { ImageEdits } from '@/features/pack-review/lib/image-edits'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { FlagChips } from './flag-chips'
import { ImageEditButtons } from './image-edit-buttons'
import { ImageThumbnail } from './image-thumbnail'
import { LIST_GRID, ROW_HEIGHT, type ListLayout } from './list-layout'
import { ReviewBadge } from './review/review-badge'
import { ReviewButtons } from './review/review-buttons'
import { SaveState } from './review/save-state'
import { SelectCheckbox } from './select-checkbox'
import { StatusBadge } from './status-badge'

const KEYWORD_LIMIT = 24

const buttonGroup =
  'flex gap-0.5 rounded-lg bg-white p-0.5 shadow-md ring-1 ring-slate-900/10 group-focus-within:pointer-events-auto group-hover:pointer-events-auto'

const CELLS: Record<
  ListLayout,
  Record<'thumbnail' | 'position' | 'status' | 'description' | 'keywords' | 'details', string>
> = {
  wide: {
    thumbnail: '',
    position: 'pt-0.5',
    status: 'flex flex-col items-start gap-1.5',
    description: 'flex flex-col gap-1.5',
    keywords: 'max-h-28 overflow-hidden',
    details: 'flex flex-col gap-1 pt-0.5',
  },
  compact: {
    thumbnail: 'col-start-1 row-span-3 row-start-1',
    position: 'col-start-2 row-start-1 self-center',
    status: 'col-start-3 row-start-1 flex flex-wrap items-center gap-1 self-center',
    description: 'col-span-2 col-start-2 row-start-2 mt-1.5 flex flex-col gap-1',
    keywords: 'col-span-2 col-start-2 row-start-3 mt-1.5 max-h-11 overflow-hidden',
    // Under the image too: the model and the time need the row's whole width on a phone.
    details: 'col-span-3 col-start-1 row-start-4 flex gap-x-2 self-end truncate',
  },
}

export const ListRow = memo(function ListRow({
  item,
  flags,
  query,
  href,
  index,
  layout,
  tabbable,
  priority,
  top,
  review,
  actions,
  edits,
  selected,
  onSelect,
}: {
  item: ReviewedImage
  flags: readonly QaFlag[]
  query: string
  href: string
  /** Place in the current view, 0-based. */
  index: number
  layout: ListLayout
  /** The list's one tab stop. */
  tabbable: boolean
  priority: boolean
  /** Offset from the top of the list body, in pixels. */
  top: number
  review: ImageReview
  actions: ReviewActions
  /** What can change the image in the pack; none where the page cannot edit. */
  edits?: ImageEdits
  /** A boolean, not the selection: selecting one row re-renders that row only. */
  selected: boolean
  onSelect: (imageId: string, extend: boolean) => void
}) {
  const { image, position, status } = item
  const metadata = image.metadata
  const description = metadata?.description?.trim() || null
  const keywords = metadata?.keywords ?? []
  const error =
    status === 'error'
      ? metadata?.error?.trim() || 'Metadata generation failed (no message).'
      : null
  const cells = CELLS[layout]
  const descriptionLines =
    layout === 'wide'
      ? error
        ? 'line-clamp-3'
        : 'line-clamp-5'
      : error
        ? 'line-clamp-2'
        : 'line-clamp-4'

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-image-id={image.id}
      className={`${LIST_GRID[layout]} group absolute top-0 left-0 w-full overflow-hidden border-b border-slate-200 py-3 text-sm ${selected ? 'bg-indigo-50' : 'bg-white hover:bg-slate-50'} ${status === 'error' ? 'shadow-[inset_4px_0_0_var(--color-red-600)]' : ''}`}
      style={{ height: ROW_HEIGHT[layout], transform: `translateY(${top}px)` }}
    >
      <div role="cell" className={cells.thumbnail}>
        {/* Covers the whole row, so a click anywhere opens the image and the ring goes round it all. */}
        <Link
          to={href}
          data-card-link=""
          tabIndex={tabbable ? 0 : -1}
          aria-label={`Open image #${position}`}
          preventScrollReset
          className="absolute inset-0 z-10 focus-visible:outline-offset-[-3px]"
        />
        {/* The row's description says what the image shows; alt text would read it twice. */}
        <ImageThumbnail
          src={item.safeUrl}
          alt=""
          broken={flags.includes('broken')}
          priority={priority}
          className={`${layout === 'wide' ? 'size-28' : 'size-24'} rounded-md ring-1 ring-slate-200`}
        />
      </div>
      <div
        role="cell"
        className={`${cells.position} font-mono text-xs font-semibold text-slate-700`}
      >
        #{position}
      </div>
      <div role="cell" className={cells.status}>
        <StatusBadge status={status} title={statusTitle(image)} />
        <ReviewBadge state={review.state} />
        {/* Above the row's link, so Retry can be pressed. */}
        <SaveState
          saving={review.saving}
          error={review.error}
          onRetry={() => actions.retry(item)}
          tabbable={tabbable}
          className="relative z-20"
        />
        <FlagChips flags={flags} />
      </div>
      <div role="cell" className={`${cells.description} min-w-0 leading-5 break-words`}>
        {error && (
          <p className="flex gap-1.5 font-medium text-red-800">
            <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span className={`${description ? 'line-clamp-2' : 'line-clamp-4'} min-w-0`}>
              <Highlight text={error} query={query} />
            </span>
          </p>
        )}
        {description ? (
          <p className={`${descriptionLines} text-slate-900`}>
            <Highlight text={description} query={query} />
          </p>
        ) : (
          !error && <p className="text-slate-600 italic">{emptyDescription(item)}</p>
        )}
      </div>
      <div role="cell" className={`${cells.keywords} min-w-0`}>
        {keywords.length > 0 && (
          <ul aria-label="Keywords" className="flex flex-wrap gap-1">
            {keywords.slice(0, KEYWORD_LIMIT).map((keyword, at) => (
              <li
                key={`${keyword}-${at}`}
                className="max-w-full truncate rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
              >
                <Highlight text={keyword} query={query} />
              </li>
            ))}
            {keywords.length > KEYWORD_LIMIT && (
              <li className="px-1 text-xs text-slate-600">
                +{keywords.length - KEYWORD_LIMIT} more
              </li>
            )}
          </ul>
        )}
      </div>
      <div role="cell" className={`${cells.details} min-w-0 text-xs text-slate-600`}>
        {metadata?.model && <span className="truncate font-mono">{metadata.model}</span>}
        <RelativeTime
          value={metadata?.generated_at ?? null}
          prefix="Generated"
          fallback="Not generated yet"
        />
        {/* Placed on the row (cells are not positioned), above its link; shown while the
            pointer is on the row or focus is in it. */}
        {/* The review buttons rightmost, what changes the image in the pack left of them. */}
        <div
          className={`pointer-events-none absolute right-2 z-20 flex flex-row-reverse gap-1.5 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 ${layout === 'wide' ? 'top-2' : 'bottom-2'}`}
        >
          <div role="group" aria-label={`Review image #${position}`} className={buttonGroup}>
            <ReviewButtons
              item={item}
              state={review.state}
              actions={actions}
              compact
              tabbable={tabbable}
            />
          </div>
          {edits && (
            <div role="group" aria-label={`Change image #${position}`} className={buttonGroup}>
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
        {/* Over the thumbnail's corner, above the row's link; after the buttons in tab order. */}
        <SelectCheckbox
          imageId={image.id}
          position={position}
          selected={selected}
          tabbable={tabbable}
          onSelect={onSelect}
          className="absolute top-4 left-4 z-20"
        />
      </div>
    </div>
  )
})

function emptyDescription({ image, status }: ReviewedImage): string {
  if (!image.metadata) return 'No metadata from the API'
  if (status === 'pending' || status === 'processing') return 'Description not generated yet'
  return 'No description'
}
