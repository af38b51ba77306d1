import { REVIEW_LABELS, type ReviewState } from '@/features/pack-review/lib/review-state'
import { REVIEW_STYLES } from './review-styles'

/** An image's decision as a badge, text and icon; nothing while it is unreviewed. */
export function ReviewBadge({
  state,
  title,
  className = '',
}: {
  state: ReviewState
  title?: string
  className?: string
}) {
  if (state === 'unreviewed') return null
  const { icon: Icon, className: colours } = REVIEW_STYLES[state]
  return (
    <span
      title={title}
      className={`inline-flex shrink-0 items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${colours} ${className}`}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" strokeWidth={2.25} />
      {REVIEW_LABELS[state]}
    </span>
  )
}
