import { Tags } from 'lucide-react'
import { memo, useCallback, useState, type ReactNode } from 'react'
import { ToggleButton } from '@/components/toggle-button'
import { toggled } from '@/lib/toggled'
import { IMAGE_STATUSES, STATUS_LABELS } from '@/features/pack-review/lib/image-status'
import type { Facets, PackFilters } from '@/features/pack-review/lib/pack-filters'
import { FLAG_LABELS, QA_FLAGS } from '@/features/pack-review/lib/qa-flags'
import { ErrorGroups } from './error-groups'
import { ReviewFilters } from './review/review-filters'
import { StatusIcon } from './status-badge'

/**
 * Status, review, error groups, QA flags and keywords: the side rail on wide screens and the
 * Filters sheet on phones. Every count follows the other active filters.
 */
export function FilterPanel({
  filters,
  facets,
  onChange,
  retryErrors,
}: {
  filters: PackFilters
  facets: Facets
  onChange: Change
  /** `Retry these <n>` on each error group, where the page can edit images. */
  retryErrors?: { enabled: boolean; onRetry: (message: string) => void }
}) {
  const showErrors = useCallback(
    (message: string) => onChange({ statuses: ['error'], q: message }),
    [onChange],
  )
  // Each group is memoized on its own counts: a decision changes the review counts only.
  return (
    <div className="flex flex-col gap-5">
      <StatusFilters counts={facets.statuses} selected={filters.statuses} onChange={onChange} />
      <Section title="Review">
        <ReviewFilters filters={filters} facets={facets} onChange={onChange} />
      </Section>
      <ErrorGroups errors={facets.errors} onSelect={showErrors} retry={retryErrors} />
      <FlagFilters counts={facets.flags} selected={filters.flags} onChange={onChange} />
      <KeywordFilters keywords={facets.keywords} selected={filters.keyword} onChange={onChange} />
    </div>
  )
}

type Change = (patch: Partial<PackFilters>) => void

const StatusFilters = memo(function StatusFilters({
  counts,
  selected,
  onChange,
}: {
  counts: Facets['statuses']
  selected: PackFilters['statuses']
  onChange: Change
}) {
  const all = IMAGE_STATUSES.reduce((sum, status) => sum + counts[status], 0)
  return (
    <Section title="Status">
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1.5">
        <ToggleButton pressed={selected.length === 0} onClick={() => onChange({ statuses: [] })}>
          All ({all.toLocaleString()})
        </ToggleButton>
        {IMAGE_STATUSES.filter((status) => status !== 'unknown' || counts.unknown > 0).map(
          (status) => (
            <ToggleButton
              key={status}
              pressed={selected.includes(status)}
              onClick={() => onChange({ statuses: toggled(selected, status) })}
            >
              <StatusIcon status={status} className="size-3.5" />
              {STATUS_LABELS[status]} ({counts[status].toLocaleString()})
            </ToggleButton>
          ),
        )}
      </div>
    </Section>
  )
})

const FlagFilters = memo(function FlagFilters({
  counts,
  selected,
  onChange,
}: {
  counts: Facets['flags']
  selected: PackFilters['flags']
  onChange: Change
}) {
  const flags = QA_FLAGS.filter((flag) => counts[flag] > 0 || selected.includes(flag))
  if (flags.length === 0) return null
  return (
    <Section title="QA flags">
      <div role="group" aria-label="Filter by QA flag" className="flex flex-wrap gap-1.5">
        {flags.map((flag) => (
          <ToggleButton
            key={flag}
            pressed={selected.includes(flag)}
            onClick={() => onChange({ flags: toggled(selected, flag) })}
          >
            {FLAG_LABELS[flag]} ({counts[flag].toLocaleString()})
          </ToggleButton>
        ))}
      </div>
    </Section>
  )
})

const KeywordFilters = memo(function KeywordFilters({
  keywords,
  selected,
  onChange,
}: {
  keywords: Facets['keywords']
  selected: string | null
  onChange: Change
}) {
  // Chips are only in the document while the list is open: a big pack has hundreds.
  const [open, setOpen] = useState(selected !== null)
  if (keywords.length === 0) return null
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="flex cursor-pointer items-center gap-1.5 text-sm font-semibold text-slate-900">
        <Tags aria-hidden="true" className="size-4" />
        Keywords ({keywords.length.toLocaleString()})
        {selected && (
          <span className="min-w-0 truncate font-normal text-slate-600">: {selected}</span>
        )}
      </summary>
      {open && (
        <div
          role="group"
          aria-label="Filter by keyword"
          className="mt-2 flex max-h-72 flex-wrap gap-1.5 overflow-y-auto p-0.5"
        >
          {keywords.map(([keyword, count]) => (
            <ToggleButton
              key={keyword}
              pressed={selected === keyword}
              onClick={() => onChange({ keyword: selected === keyword ? null : keyword })}
            >
              {keyword} ({count.toLocaleString()})
            </ToggleButton>
          ))}
        </div>
      )}
    </details>
  )
})

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  )
}
