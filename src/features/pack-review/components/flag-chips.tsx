import { TriangleAlert } from 'lucide-react'
import { FLAG_LABELS, type QaFlag } from '@/features/pack-review/lib/qa-flags'

export function FlagChips({ flags }: { flags: readonly QaFlag[] }) {
  if (flags.length === 0) return null
  return (
    <ul aria-label="QA flags" className="flex shrink-0 flex-wrap gap-1">
      {flags.map((flag) => (
        <li
          key={flag}
          className="inline-flex items-center gap-1 rounded-md bg-orange-50 px-1.5 py-0.5 text-xs font-medium text-orange-900 ring-1 ring-orange-600/30 ring-inset"
        >
          <TriangleAlert aria-hidden="true" className="size-3" />
          {FLAG_LABELS[flag]}
        </li>
      ))}
    </ul>
  )
}

/** A tile's flags in the space of one chip: the count shows, the list is in its label. */
export function FlagMarker({ flags }: { flags: readonly QaFlag[] }) {
  if (flags.length === 0) return null
  const label = `QA flags: ${flags.map((flag) => FLAG_LABELS[flag]).join(', ')}`
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className="inline-flex shrink-0 items-center gap-0.5 rounded-md bg-orange-100 px-1 py-0.5 text-xs font-semibold text-orange-900 ring-1 ring-orange-700/40 ring-inset"
    >
      <TriangleAlert aria-hidden="true" className="size-3" />
      {flags.length}
    </span>
  )
}
