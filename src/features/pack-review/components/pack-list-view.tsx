import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { flagsOf, type ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ImageEdits } from '@/features/pack-review/lib/image-edits'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { LIST_GRID, ROW_HEIGHT, type ListLayout } from './list-layout'
import { ListRow } from './list-row'
import type { PackGalleryHandle } from './pack-gallery'
import { usePageBox } from '@/features/pack-review/lib/use-page-box'
import { usePendingFocus } from '@/features/pack-review/lib/use-pending-focus'
import { selectOnSpace } from '@/features/pack-review/lib/select-on-space'

/** The header's height while it sticks, so a row scrolled to is not left under it. */
const HEADER_HEIGHT = 37
const WIDE_FROM = 960
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End'])

/**
 * The images as a table, one row each, for reading many descriptions against their pictures.
 * Virtualized like the gallery: only the rows near the viewport are in the document, each of
 * a fixed height. It takes the gallery's keys and handle, so `n` and focus return work alike.
 */
export function PackListView({
  items,
  brokenUrls,
  query,
  hrefFor,
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
  /** Height of the page's own sticky toolbar, which the list's header sticks under. */
  stickyTop: number
  /** Each image's decision; the same object until that image's decision changes. */
  reviewOf: (item: ReviewedImage) => ImageReview
  actions: ReviewActions
  edits?: ImageEdits
  selectedIds: ReadonlySet<string>
  onSelect: (imageId: string, extend: boolean) => void
  ref?: Ref<PackGalleryHandle>
}) {
  const bodyRef = useRef<HTMLDivElement>(null)
  const box = usePageBox(bodyRef)
  // The row whose link is the list's one tab stop; it stays mounted when scrolled away.
  const [activeIndex, setActiveIndex] = useState(0)
  const active = Math.min(activeIndex, items.length - 1)

  const layout: ListLayout = box.width >= WIDE_FROM ? 'wide' : 'compact'
  const rowHeight = ROW_HEIGHT[layout]

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => rowHeight,
    overscan: 4,
    scrollMargin: box.top,
    scrollPaddingStart: stickyTop + (layout === 'wide' ? HEADER_HEIGHT : 0),
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const rows = defaultRangeExtractor(range)
        return rows.includes(active) ? rows : [...rows, active].sort((a, b) => a - b)
      },
      [active],
    ),
  })

  useEffect(() => {
    virtualizer.measure()
  }, [virtualizer, rowHeight])

  const rows = virtualizer.getVirtualItems()
  const focusLater = usePendingFocus(bodyRef, rows)

  const moveTo = (index: number) => {
    setActiveIndex(index)
    focusLater(index)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  useImperativeHandle(ref, () => ({
    focusImage: (imageId: string) => {
      const index = items.findIndex((item) => item.image.id === imageId)
      if (index !== -1) moveTo(index)
    },
  }))

  const rowOf = (target: EventTarget) =>
    Number((target as HTMLElement).closest<HTMLElement>('[role="row"]')?.dataset.index)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (selectOnSpace(event, onSelect)) return
    if (!NAVIGATION_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return
    const from = rowOf(event.target)
    if (Number.isNaN(from)) return
    const target = {
      ArrowUp: from - 1,
      ArrowDown: from + 1,
      Home: 0,
      End: items.length - 1,
    }[event.key]
    if (target === undefined || target < 0 || target >= items.length) return
    event.preventDefault()
    moveTo(target)
  }

  return (
    <div
      role="table"
      aria-label="Images"
      aria-rowcount={items.length + 1}
      data-selecting={selectedIds.size > 0 || undefined}
      // Clip, not hidden: the corners stay round and the header can still stick.
      className="group/gallery overflow-clip rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div
        role="rowgroup"
        // On narrow screens every row labels its own fields; the header is for screen readers.
        className={
          layout === 'wide'
            ? 'sticky top-[var(--pack-sticky-top,0px)] z-20 border-b border-slate-200 bg-slate-50'
            : 'sr-only'
        }
      >
        <div
          role="row"
          aria-rowindex={1}
          className={`${LIST_GRID.wide} h-9 items-center text-xs font-semibold tracking-wide text-slate-700 uppercase`}
        >
          <div role="columnheader">Image</div>
          <div role="columnheader">
            <span aria-hidden="true">#</span>
            <span className="sr-only">Position</span>
          </div>
          <div role="columnheader">Status</div>
          <div role="columnheader">Description</div>
          <div role="columnheader">Keywords</div>
          <div role="columnheader">Model and time</div>
        </div>
      </div>
      <div
        role="rowgroup"
        ref={bodyRef}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const index = rowOf(event.target)
          if (!Number.isNaN(index)) setActiveIndex(index)
        }}
        // The last row's border would double the table's own; the table clips it.
        className="relative -mb-px"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const item = items[row.index]
          if (!item) return null
          return (
            <ListRow
              key={`${item.image.id}-${item.position}`}
              item={item}
              flags={flagsOf(item, brokenUrls)}
              query={query}
              href={hrefFor(item.image.id)}
              index={row.index}
              layout={layout}
              tabbable={row.index === active}
              priority={row.index < 6}
              top={row.start - virtualizer.options.scrollMargin}
              review={reviewOf(item)}
              actions={actions}
              edits={edits}
              selected={selectedIds.has(item.image.id)}
              onSelect={onSelect}
            />
          )
        })}
      </div>
    </div>
  )
}
