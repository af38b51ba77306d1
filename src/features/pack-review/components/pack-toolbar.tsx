import { Keyboard, SlidersHorizontal } from 'lucide-react'
import { memo, useCallback, type ReactNode, type Ref } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { SearchField } from '@/components/search-field'
import { Toolbar } from '@/components/toolbar'
import type { ImageStatus } from '@/features/pack-review/lib/image-status'
import {
  SORT_LABELS,
  SORTS,
  type Facets,
  type PackFilters,
  type Sort,
} from '@/features/pack-review/lib/pack-filters'
import type { ThumbnailSize } from '@/features/pack-review/lib/thumbnail-size'
import { StatusBar } from './status-bar'
import { ThumbnailSizeControl } from './thumbnail-size-control'
import { ViewSwitch } from './view-switch'

const compactButton = `${buttonStyles.secondary} px-3 py-1.5`

interface ControlsProps {
  filters: PackFilters
  /** Images by metadata status, for the status bar. */
  statuses: Facets['statuses']
  completed: number
  total: number
  withUnknown: boolean
  onChange: (patch: Partial<PackFilters>, options?: { replace?: boolean }) => void
  onReset: () => void
  filtersActive: boolean
  size: ThumbnailSize
  onSizeChange: (size: ThumbnailSize) => void
  railOpen: boolean
  onToggleRail: () => void
  onOpenSheet: () => void
  onShowShortcuts: () => void
  /** The Auto-advance switch: how the review keys move on. */
  autoAdvance: ReactNode
  exportButtons: ReactNode
}

/**
 * What stays over the gallery while it scrolls: the status bar (progress and filter), sort,
 * view, size, export, Auto-advance and the way to the other filters, then search and the
 * summary line (with `Select all <n> shown`), as one toolbar (one tab stop; the search field
 * keeps its own), then the Selection toolbar while images are selected (it floats at the
 * window's bottom).
 */
export function PackToolbar({
  searchRef,
  summary,
  selection,
  ref,
  ...controls
}: ControlsProps & {
  searchRef?: Ref<HTMLInputElement>
  /** The Selection toolbar, while images are selected: after the rest in the tab order. */
  selection?: ReactNode
  /** Showing X of Y, the metadata progress and anything else the page reports. */
  summary: ReactNode
  ref?: Ref<HTMLDivElement>
}) {
  const { onChange } = controls
  const onSearch = useCallback((q: string) => onChange({ q }, { replace: true }), [onChange])

  return (
    <div
      ref={ref}
      className="-mx-4 flex flex-col gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2 sm:-mx-6 sm:px-6 md:sticky md:top-0 md:z-20"
    >
      <Toolbar label="Gallery controls" className="flex flex-col gap-2">
        <GalleryControls {...controls} />
        <div className="flex flex-col gap-x-4 gap-y-1 text-sm sm:flex-row sm:items-center">
          <div data-toolbar-skip="" className="w-full sm:w-80 sm:shrink-0">
            <SearchField
              label="Search images"
              placeholder="Search descriptions, keywords, IDs…"
              delayMs={200}
              value={controls.filters.q}
              onChange={onSearch}
              inputRef={searchRef}
              keyShortcut="/"
            />
          </div>
          <div className="relative flex h-15 min-w-0 flex-col justify-center gap-x-3 overflow-hidden whitespace-nowrap sm:h-5 sm:flex-row sm:items-center sm:justify-start">
            {summary}
          </div>
        </div>
      </Toolbar>
      {selection}
    </div>
  )
}

/** The toolbar's controls: memoized, so a decision (which changes the summary) skips them. */
const GalleryControls = memo(function GalleryControls({
  filters,
  statuses,
  completed,
  total,
  withUnknown,
  onChange,
  onReset,
  filtersActive,
  size,
  onSizeChange,
  railOpen,
  onToggleRail,
  onOpenSheet,
  onShowShortcuts,
  autoAdvance,
  exportButtons,
}: ControlsProps) {
  const toggleStatus = (status: ImageStatus) =>
    onChange({
      statuses: filters.statuses.includes(status)
        ? filters.statuses.filter((item) => item !== status)
        : [...filters.statuses, status],
    })
  const activeCount =
    filters.statuses.length +
    filters.flags.length +
    (filters.keyword === null ? 0 : 1) +
    filters.reviews.length +
    filters.reasons.length

  return (
    <div className="flex flex-wrap items-center gap-2">
      <StatusBar
        counts={statuses}
        selected={filters.statuses}
        onToggle={toggleStatus}
        completed={completed}
        total={total}
        withUnknown={withUnknown}
      />
      <label className="flex items-center gap-1.5 text-sm text-slate-700">
        <span className="font-medium max-2xl:sr-only">Sort</span>
        <select
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as Sort })}
          className="max-w-44 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm"
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      <ViewSwitch value={filters.view} onChange={(view) => onChange({ view })} />
      {/* Tiles only: the list view's rows have one size. */}
      {filters.view === 'grid' && <ThumbnailSizeControl size={size} onChange={onSizeChange} />}
      {exportButtons}
      <button
        type="button"
        onClick={onShowShortcuts}
        aria-keyshortcuts="?"
        title="Keyboard shortcuts"
        className={`${compactButton} pointer-coarse:hidden`}
      >
        <Keyboard aria-hidden="true" className="size-4" />
        <span className="sr-only">Shortcuts</span>
      </button>
      {autoAdvance}
      <button
        type="button"
        onClick={onToggleRail}
        aria-expanded={railOpen}
        aria-controls="filter-rail"
        aria-keyshortcuts="["
        className={`${compactButton} max-lg:hidden`}
      >
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        Filters
        <ActiveCount count={activeCount} />
      </button>
      <button
        type="button"
        onClick={onOpenSheet}
        aria-haspopup="dialog"
        className={`${compactButton} lg:hidden`}
      >
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        Filters
        <ActiveCount count={activeCount} />
      </button>
      {filtersActive && (
        <button type="button" onClick={onReset} className={compactButton}>
          Reset filters
        </button>
      )}
    </div>
  )
})

function ActiveCount({ count }: { count: number }) {
  if (count === 0) return null
  return (
    <span className="rounded-full bg-indigo-700 px-1.5 text-xs font-semibold text-white">
      {count}
      <span className="sr-only"> active</span>
    </span>
  )
}
