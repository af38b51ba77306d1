import { Eraser, ThumbsDown, ThumbsUp, type LucideIcon } from 'lucide-react'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ReviewState } from '@/features/pack-review/lib/review-state'
import type { ReviewedImage } from '@/features/pack-review/lib/qa-flags'

const BUTTONS: {
  label: 'Approve' | 'Reject' | 'Clear decision'
  key: string
  icon: LucideIcon
  action: keyof Pick<ReviewActions, 'approve' | 'reject' | 'clear'>
  tone: string
}[] = [
  { label: 'Approve', key: 'a', icon: ThumbsUp, action: 'approve', tone: 'hover:text-emerald-800' },
  { label: 'Reject', key: 'x', icon: ThumbsDown, action: 'reject', tone: 'hover:text-rose-800' },
  { label: 'Clear decision', key: 'u', icon: Eraser, action: 'clear', tone: '' },
]

/**
 * `Approve`, `Reject` and `Clear decision` for one image. `compact`: icons only (names in
 * the accessible name and the tooltip), for the tiles; else icon and text, for the viewer.
 * Clear stays focusable when there is nothing to clear, so focus is never lost on it.
 */
export function ReviewButtons({
  item,
  state,
  actions,
  compact,
  tabbable = true,
}: {
  item: ReviewedImage
  state: ReviewState
  actions: ReviewActions
  compact: boolean
  tabbable?: boolean
}) {
  return BUTTONS.map(({ label, key, icon: Icon, action, tone }) => {
    const inert = action === 'clear' && state === 'unreviewed'
    return (
      <button
        key={action}
        type="button"
        aria-label={compact ? label : undefined}
        aria-keyshortcuts={key}
        aria-disabled={inert || undefined}
        title={`${label} (${key.toUpperCase()})`}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => {
          if (!inert) actions[action](item)
        }}
        className={
          compact
            ? `inline-flex size-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 aria-disabled:cursor-default aria-disabled:text-slate-400 aria-disabled:hover:bg-transparent ${tone}`
            : `inline-flex items-center gap-1.5 rounded-lg bg-white px-2.5 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 aria-disabled:cursor-default aria-disabled:text-slate-500 aria-disabled:hover:bg-white ${tone}`
        }
      >
        <Icon aria-hidden="true" className="size-4 shrink-0" />
        {!compact && (
          <>
            {label}
            <kbd
              aria-hidden="true"
              className="rounded border border-slate-300 px-1 font-mono text-xs font-normal text-slate-600 pointer-coarse:hidden"
            >
              {key}
            </kbd>
          </>
        )}
      </button>
    )
  })
}
