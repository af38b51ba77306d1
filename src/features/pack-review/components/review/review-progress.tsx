import { CloudOff } from 'lucide-react'
import { FixedCount } from '@/components/fixed-count'
import type { PackReviews } from '@/features/pack-review/lib/use-pack-reviews'

/**
 * `Reviewed <x> of <y>` (x: approved or rejected, on the metadata shown) over a thin bar;
 * when the review store cannot be reached, says so and why, while the pack stays usable.
 */
export function ReviewProgress({
  availability,
  reviewed,
  total,
}: {
  availability: PackReviews['availability']
  reviewed: number
  total: number
}) {
  if (availability.status === 'unavailable') {
    return (
      <p
        role="status"
        title={availability.reason}
        className="flex min-w-0 items-center gap-1.5 font-medium text-red-800"
      >
        <CloudOff aria-hidden="true" className="size-4 shrink-0" />
        <span className="shrink-0">Reviews unavailable</span>
        <span className="sr-only">: </span>
        <span className="min-w-0 truncate font-normal text-slate-700">{availability.reason}</span>
      </p>
    )
  }
  const loading = availability.status === 'loading'
  const percent = total === 0 ? 0 : Math.round((reviewed / total) * 100)
  return (
    <div className="flex shrink-0 items-center gap-2">
      {/* The same words while loading, so nothing after them moves when the count comes. */}
      <p className="text-slate-700">
        Reviewed{' '}
        <FixedCount
          value={loading ? '…' : reviewed.toLocaleString()}
          widest={total.toLocaleString()}
          className="font-semibold text-slate-900"
        />{' '}
        of {total.toLocaleString()}
      </p>
      <div
        role="progressbar"
        aria-label="Images reviewed"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={loading ? undefined : reviewed}
        aria-valuetext={loading ? 'Loading reviews' : `${reviewed} of ${total} (${percent}%)`}
        className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          // Scaled, not sized: the compositor animates a transform, so a decision repaints
          // nothing here while the reviewer's next key press waits.
          className="h-full origin-left rounded-full bg-emerald-600 transition-transform motion-reduce:transition-none"
          style={{ transform: `scaleX(${total === 0 ? 0 : reviewed / total})` }}
        />
      </div>
    </div>
  )
}
