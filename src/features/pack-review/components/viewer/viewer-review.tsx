import { CircleDashed } from 'lucide-react'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import type { ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { REASON_LABELS, isRejectReason } from '@contract/review-api/reasons'
import { ReviewBadge } from '@/features/pack-review/components/review/review-badge'
import { ReviewButtons } from '@/features/pack-review/components/review/review-buttons'
import { SaveState } from '@/features/pack-review/components/review/save-state'

const VERBS = { approved: 'Approved', rejected: 'Rejected' } as const

/**
 * The image's decision in the inspector: its state, who made it and when (`Rejected by
 * Dana, 3 minutes ago`), the reasons and note, and the buttons of the keys.
 */
export function ViewerReview({
  item,
  review,
  actions,
}: {
  item: ReviewedImage
  review: ImageReview
  actions: ReviewActions
}) {
  const { state, decision } = review
  const date = parseDate(decision?.decided_at)
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {state === 'unreviewed' ? (
          <span className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold text-slate-700 ring-1 ring-slate-300 ring-inset">
            <CircleDashed aria-hidden="true" className="size-3.5" />
            Unreviewed
          </span>
        ) : (
          <ReviewBadge state={state} />
        )}
        <span role="status">
          <SaveState
            saving={review.saving}
            error={review.error}
            onRetry={() => actions.retry(item)}
          />
        </span>
      </div>
      {decision && (
        <p className="text-sm text-slate-800">
          {VERBS[decision.decision]}
          {decision.reviewer && ` by ${decision.reviewer}`}
          {date && (
            <>
              ,{' '}
              <time dateTime={date.toISOString()} title={formatAbsolute(date)}>
                {formatRelative(date)}
              </time>
            </>
          )}
        </p>
      )}
      {state === 'outdated' && (
        <p className="rounded-lg bg-violet-50 px-3 py-2 text-sm text-violet-950 ring-1 ring-violet-700/25">
          The metadata changed after this decision: look again, then approve or reject.
        </p>
      )}
      {decision && decision.reasons.length > 0 && (
        <ul aria-label="Reasons" className="flex flex-wrap gap-1.5">
          {decision.reasons.map((reason) => (
            <li
              key={reason}
              className="rounded-md bg-rose-50 px-2 py-0.5 text-sm font-medium text-rose-900 ring-1 ring-rose-700/25 ring-inset"
            >
              {isRejectReason(reason) ? REASON_LABELS[reason] : reason}
            </li>
          ))}
        </ul>
      )}
      {decision?.note && (
        <blockquote className="border-l-2 border-slate-300 pl-3 text-sm break-words whitespace-pre-line text-slate-800">
          {decision.note}
        </blockquote>
      )}
      <div className="flex flex-wrap gap-2">
        <ReviewButtons item={item} state={state} actions={actions} compact={false} />
      </div>
    </div>
  )
}
