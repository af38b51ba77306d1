import { PenLine } from 'lucide-react'
import type { PackReviews } from '@/features/pack-review/lib/use-pack-reviews'

/**
 * Whose name goes with the decisions made here: the signed-in user (fixed), or the name
 * given in this browser, with a way to change it. Small, so it fits beside the pack's name.
 */
export function ReviewerControls({
  reviewer,
  onChange,
}: {
  reviewer: PackReviews['reviewer']
  onChange: () => void
}) {
  if (reviewer.name === null) {
    return (
      <button
        type="button"
        onClick={onChange}
        aria-haspopup="dialog"
        className="rounded-md px-1 text-sm font-semibold text-indigo-700 underline-offset-2 hover:bg-indigo-50 hover:underline"
      >
        Set your name
      </button>
    )
  }
  return (
    <div className="flex min-w-0 items-center gap-0.5 text-sm text-slate-700">
      <span
        className="min-w-0 truncate"
        title={reviewer.fixed ? `Signed in as ${reviewer.name}` : undefined}
      >
        Reviewing as <span className="font-semibold text-slate-900">{reviewer.name}</span>
      </span>
      {!reviewer.fixed && (
        <button
          type="button"
          onClick={onChange}
          aria-haspopup="dialog"
          aria-label="Change reviewer name"
          title="Change reviewer name"
          className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-indigo-700 hover:bg-indigo-50"
        >
          <PenLine aria-hidden="true" className="size-4" />
        </button>
      )}
    </div>
  )
}
