import { Tags } from 'lucide-react'
import { useCallback, useState, type Ref } from 'react'
import { SearchField } from '@/components/search-field'
import { ToggleButton } from '@/components/toggle-button'
import {
  IMAGE_STATUSES,
  STATUS_LABELS,
  type ImageStatus,
} from '@/features/pack-review/lib/image-status'
import {
  SORT_LABELS,
  SORTS,
  type Facets,
  type PackFilters,
  type Sort,
} from '@/features/pack-review/lib/pack-filters'
import { FLAG_LABELS, QA_FLAGS, type QaFlag } from '@/features/pack-review/lib/qa-flags'

/** Search, sort and every filter of the pack page; all of it lives in the URL. */
export function PackToolbar({
  filters,
  facets,
  total,
  onChange,
  searchRef,
}: {
  filters: PackFilters
  facets: Facets
  total: number
  onChange: (patch: Partial<PackFilters>, options?: { replace?: boolean }) => void
  searchRef?: Ref<HTMLInputElement>
}) {
  // Chips are only in the document while the list is open: a big pack has hundreds.
  const [keywordsOpen, setKeywordsOpen] = useState(filters.keyword !== null)
  const onSearch = useCallback((q: string) => onChange({ q }, { replace: true }), [onChange])
  const toggle = <T,>(list: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value]
  const flags = QA_FLAGS.filter((flag) => facets.flags[flag] > 0 || filters.flags.includes(flag))

  return (
    <section aria-label="Filters" className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <SearchField
          label="Search images"
          placeholder="Search descriptions, keywords, IDs, URLs…"
          delayMs={200}
          value={filters.q}
          onChange={onSearch}
          inputRef={searchRef}
          keyShortcut="/"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <span className="shrink-0 font-medium">Sort</span>
          <select
            value={filters.sort}
            onChange={(event) => onChange({ sort: event.target.value as Sort })}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm shadow-sm"
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
        <ToggleButton
          pressed={filters.statuses.length === 0}
          onClick={() => onChange({ statuses: [] })}
        >
          All ({total.toLocaleString()})
        </ToggleButton>
        {IMAGE_STATUSES.filter((status) => status !== 'unknown' || facets.statuses.unknown > 0).map(
          (status: ImageStatus) => (
            <ToggleButton
              key={status}
              pressed={filters.statuses.includes(status)}
              onClick={() => onChange({ statuses: toggle(filters.statuses, status) })}
            >
              {STATUS_LABELS[status]} ({facets.statuses[status].toLocaleString()})
            </ToggleButton>
          ),
        )}
      </div>

      {flags.length > 0 && (
        <div role="group" aria-label="Filter by QA flag" className="flex flex-wrap gap-2">
          {flags.map((flag: QaFlag) => (
            <ToggleButton
              key={flag}
              pressed={filters.flags.includes(flag)}
              onClick={() => onChange({ flags: toggle(filters.flags, flag) })}
            >
              {FLAG_LABELS[flag]} ({facets.flags[flag].toLocaleString()})
            </ToggleButton>
          ))}
        </div>
      )}

      {facets.keywords.length > 0 && (
        <details
          className="group rounded-lg"
          open={keywordsOpen}
          onToggle={(event) => setKeywordsOpen(event.currentTarget.open)}
        >
          <summary className="flex cursor-pointer items-center gap-1.5 text-sm font-medium text-slate-700">
            <Tags aria-hidden="true" className="size-4" />
            Keywords ({facets.keywords.length.toLocaleString()})
            {filters.keyword && (
              <span className="font-normal text-slate-600">: {filters.keyword}</span>
            )}
          </summary>
          {keywordsOpen && (
            <div
              role="group"
              aria-label="Filter by keyword"
              className="mt-2 flex max-h-48 flex-wrap gap-1.5 overflow-y-auto p-0.5"
            >
              {facets.keywords.map(([keyword, count]) => (
                <ToggleButton
                  key={keyword}
                  pressed={filters.keyword === keyword}
                  onClick={() =>
                    onChange({ keyword: filters.keyword === keyword ? null : keyword })
                  }
                >
                  {keyword} ({count.toLocaleString()})
                </ToggleButton>
              ))}
            </div>
          )}
        </details>
      )}
    </section>
  )
}
