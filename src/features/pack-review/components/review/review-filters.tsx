import { CircleDashed } from 'lucide-react'
import { ToggleButton } from '@/components/toggle-button'
import { toggled } from '@/lib/toggled'
import type { Facets, PackFilters } from '@/features/pack-review/lib/pack-filters'
import { REVIEW_LABELS, REVIEW_STATES } from '@/features/pack-review/lib/review-state'
import { REASON_LABELS, REJECT_REASONS } from '@contract/review-api/reasons'
import { REVIEW_STYLES } from './review-styles'

/**
 * The review filters of the rail and the sheet: one button per state, and one per reason a
 * rejection gave (only those some image has, or that are selected), each with its count.
 */
export function ReviewFilters({
  filters,
  facets,
  onChange,
}: {
  filters: PackFilters
  facets: Facets
  onChange: (patch: Partial<PackFilters>) => void
}) {
  const reasons = REJECT_REASONS.filter(
    (reason) => facets.reasons[reason] > 0 || filters.reasons.includes(reason),
  )
  return (
    <>
      <div role="group" aria-label="Filter by review" className="flex flex-wrap gap-1.5">
        {REVIEW_STATES.map((state) => {
          const Icon = state === 'unreviewed' ? CircleDashed : REVIEW_STYLES[state].icon
          return (
            <ToggleButton
              key={state}
              pressed={filters.reviews.includes(state)}
              onClick={() => onChange({ reviews: toggled(filters.reviews, state) })}
            >
              <Icon aria-hidden="true" className="size-3.5 shrink-0" />
              {REVIEW_LABELS[state]} ({facets.reviews[state].toLocaleString()})
            </ToggleButton>
          )
        })}
      </div>
      {reasons.length > 0 && (
        <div role="group" aria-label="Filter by reason" className="flex flex-wrap gap-1.5">
          {reasons.map((reason) => (
            <ToggleButton
              key={reason}
              pressed={filters.reasons.includes(reason)}
              onClick={() => onChange({ reasons: toggled(filters.reasons, reason) })}
            >
              {REASON_LABELS[reason]} ({facets.reasons[reason].toLocaleString()})
            </ToggleButton>
          ))}
        </div>
      )}
    </>
  )
}
