import { Tags } from 'lucide-react'
import { useState, type ReactNode } from 'react'
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
}: {
  filters: PackFilters
  facets: Facets
  onChange: (patch: Partial<PackFilters>) => void
}) {
  // Chips are only in the document while the list is open: a big pack has hundreds.
  const [keywordsOpen, setKeywordsOpen] = useState(filters.keyword !== null)
  const all = IMAGE_STATUSES.reduce((sum, status) => sum + facets.statuses[status], 0)
  const flags = QA_FLAGS.filter((flag) => facets.flags[flag] > 0 || filters.flags.includes(flag))

  return (
    <div className="flex flex-col gap-5">
      <Section title="Status">
        <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1.5">
          <ToggleButton
            pressed={filters.statuses.length === 0}
            onClick={() => onChange({ statuses: [] })}
          >
            All ({all.toLocaleString()})
          </ToggleButton>
          {IMAGE_STATUSES.filter(
            (status) => status !== 'unknown' || facets.statuses.unknown > 0,
          ).map((status) => (
            <ToggleButton
              key={status}
              pressed={filters.statuses.includes(status)}
              onClick={() => onChange({ statuses: toggled(filters.statuses, status) })}
            >
              <StatusIcon status={status} className="size-3.5" />
              {STATUS_LABELS[status]} ({facets.statuses[status].toLocaleString()})
            </ToggleButton>
          ))}
        </div>
      </Section>

      <Section title="Review">
        <ReviewFilters filters={filters} facets={facets} onChange={onChange} />
      </Section>

      <ErrorGroups
        errors={facets.errors}
        onSelect={(message) => onChange({ statuses: ['error'], q: message })}
      />

      {flags.length > 0 && (
        <Section title="QA flags">
          <div role="group" aria-label="Filter by QA flag" className="flex flex-wrap gap-1.5">
            {flags.map((flag) => (
              <ToggleButton
                key={flag}
                pressed={filters.flags.includes(flag)}
                onClick={() => onChange({ flags: toggled(filters.flags, flag) })}
              >
                {FLAG_LABELS[flag]} ({facets.flags[flag].toLocaleString()})
              </ToggleButton>
            ))}
          </div>
        </Section>
      )}

      {facets.keywords.length > 0 && (
        <details
          open={keywordsOpen}
          onToggle={(event) => setKeywordsOpen(event.currentTarget.open)}
        >
          <summary className="flex cursor-pointer items-center gap-1.5 text-sm font-semibold text-slate-900">
            <Tags aria-hidden="true" className="size-4" />
            Keywords ({facets.keywords.length.toLocaleString()})
            {filters.keyword && (
              <span className="min-w-0 truncate font-normal text-slate-600">
                : {filters.keyword}
              </span>
            )}
          </summary>
          {keywordsOpen && (
            <div
              role="group"
              aria-label="Filter by keyword"
              className="mt-2 flex max-h-72 flex-wrap gap-1.5 overflow-y-auto p-0.5"
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
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  )
}
