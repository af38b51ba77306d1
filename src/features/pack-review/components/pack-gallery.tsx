import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { flagsOf, type ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ImageEdits } from '@/features/pack-review/lib/image-edits'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { columnsFor, type ThumbnailSize } from '@/features/pack-review/lib/thumbnail-size'
import { ImageCard } from './image-card'
import { usePageBox } from '@/features/pack-review/lib/use-page-box'
import { usePendingFocus } from '@/features/pack-review/lib/use-pending-focus'
import { selectOnSpace } from '@/features/pack-review/lib/select-on-space'

const GAP = 12
/** The tile's fixed text area under its square image; tiles read it as `--tile-body-height`. */
const TILE_BODY_HEIGHT = 72
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])

export interface PackGalleryHandle {
  /** Scrolls the image's card into view and focuses it. */
  focusImage: (imageId: string) => void
}

/**
 * The images as a grid, virtualized: only the rows near the viewport are in the document,
 * so a pack of 10,000 images costs what a pack of 50 does. Rows have a fixed height (square
 * image cell plus a fixed text area), so nothing shifts as they mount.
 */
export function PackGallery({
  items,
  brokenUrls,
  query,
  hrefFor,
  size,
  stickyTop,
  reviewOf,
  actions,
  edits,
  selectedIds,
  onSelect,
  ref,
}: {
  items: readonly ReviewedImage[]
  brokenUrls: ReadonlySet<string>
  query: string
  hrefFor: (imageId: string) => string
  size: ThumbnailSize
  /** Height of what sticks over the top of the window, which scrolling must clear. */
  stickyTop: number
  /** Each image's decision; the same object until that image's decision changes. */
  reviewOf: (item: ReviewedImage) => ImageReview
  actions: ReviewActions
  edits?: ImageEdits
  selectedIds: ReadonlySet<string>
  onSelect: (imageId: string, extend: boolean) => void
  ref?: Ref<PackGalleryHandle>
}) {
  const listRef = useRef<HTMLUListElement>(null)
  const layout = usePageBox(listRef)
  // The card that has (or must get) focus stays mounted even when scrolled away.
  const [focusIndex, setFocusIndex] = useState<number | null>(null)

  const columns = columnsFor(layout.width, size, GAP)
  const cardWidth = layout.width > 0 ? (layout.width - GAP * (columns - 1)) / columns : 180
  const rowHeight = Math.round(cardWidth + TILE_BODY_HEIGHT + GAP)
  const focused = focusIndex === null ? null : Math.min(focusIndex, items.length - 1)
  const focusRow = focused === null ? null : Math.floor(focused / columns)

  const virtualizer = useWindowVirtualizer({
    count: Math.ceil(items.length / columns),
    estimateSize: () => rowHeight,
    overscan: 2,
    scrollMargin: layout.top,
    scrollPaddingStart: stickyTop + GAP,
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const rows = defaultRangeExtractor(range)
        return focusRow === null || rows.includes(focusRow)
          ? rows
          : [...rows, focusRow].sort((a, b) => a - b)
      },
      [focusRow],
    ),
  })

  useEffect(() => {
    virtualizer.measure()
  }, [virtualizer, rowHeight])

  const rows = virtualizer.getVirtualItems()
  // One tab stop: the focused tile, else the first one in the document.
  const tabbable = focused ?? (rows[0] ? rows[0].index * columns : 0)
  const focusLater = usePendingFocus(listRef, rows)

  const moveTo = (index: number) => {
    setFocusIndex(index)
    focusLater(index)
    virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' })
  }

  useImperativeHandle(ref, () => ({
    focusImage: (imageId: string) => {
      const index = items.findIndex((item) => item.image.id === imageId)
      if (index !== -1) moveTo(index)
    },
  }))

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (selectOnSpace(event, onSelect)) return
    if (!NAVIGATION_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return
    const from = Number((event.target as HTMLElement).closest('li')?.dataset.index)
    if (Number.isNaN(from)) return
    const target = {
      ArrowLeft: from - 1,
      ArrowRight: from + 1,
      ArrowUp: from - columns,
      ArrowDown: from + columns,
      Home: 0,
      End: items.length - 1,
    }[event.key]
    if (target === undefined || target < 0 || target >= items.length) return
    event.preventDefault()
    moveTo(target)
  }

  return (
    <ul
      ref={listRef}
      aria-label="Images"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const index = Number((event.target as HTMLElement).closest('li')?.dataset.index)
        if (!Number.isNaN(index)) setFocusIndex(index)
      }}
      data-selecting={selectedIds.size > 0 || undefined}
      className="group/gallery relative"
      style={
        {
          height: virtualizer.getTotalSize(),
          '--tile-body-height': `${TILE_BODY_HEIGHT}px`,
        } as CSSProperties
      }
    >
      {rows.flatMap((row) =>
        items.slice(row.index * columns, (row.index + 1) * columns).map((item, column) => {
          const index = row.index * columns + column
          return (
            <li
              key={`${item.image.id}-${item.position}`}
              data-index={index}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              className="absolute top-0"
              style={{
                left: column * (cardWidth + GAP),
                width: cardWidth,
                height: rowHeight - GAP,
                transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              <ImageCard
                item={item}
                flags={flagsOf(item, brokenUrls)}
                query={query}
                href={hrefFor(item.image.id)}
                tabbable={index === tabbable}
                priority={row.index === 0}
                review={reviewOf(item)}
                actions={actions}
                edits={edits}
                selected={selectedIds.has(item.image.id)}
                onSelect={onSelect}
              />
            </li>
          )
        }),
      )}
    </ul>
  )
}
