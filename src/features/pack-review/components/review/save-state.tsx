import { CloudOff, CloudUpload, RotateCw } from 'lucide-react'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'

/**
 * Whether a decision has reached the server: `Saving…` until it is acknowledged, then
 * nothing; `Not saved` with `Retry` when it failed (it is also retried by itself once the
 * browser is back online). The reason is in the tooltip and, for screen readers, the text.
 */
export function SaveState({
  saving,
  error,
  onRetry,
  tabbable = true,
  className = '',
}: {
  saving: ImageReview['saving']
  error: ImageReview['error']
  onRetry: () => void
  /** False inside the gallery's tiles that are not its current tab stop. */
  tabbable?: boolean
  className?: string
}) {
  if (saving === 'saving') {
    return (
      <span
        className={`inline-flex shrink-0 items-center gap-1 rounded-md bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset ${className}`}
      >
        {/* Still, not spinning: a spinner would be a new compositor layer for each key press
            (the chip lasts as long as the request, often a frame or two). */}
        <CloudUpload aria-hidden="true" className="size-3.5" />
        Saving…
      </span>
    )
  }
  if (saving !== 'failed') return null
  return (
    <span
      title={error ?? undefined}
      className={`inline-flex shrink-0 items-center gap-1 rounded-md bg-white py-0.5 pl-1.5 text-xs font-semibold text-red-800 ring-1 ring-red-700/50 ring-inset ${className}`}
    >
      <CloudOff aria-hidden="true" className="size-3.5" />
      Not saved
      {error && <span className="sr-only">: {error}</span>}
      <button
        type="button"
        onClick={onRetry}
        tabIndex={tabbable ? 0 : -1}
        className="ml-0.5 inline-flex items-center gap-0.5 rounded-r-md border-l border-red-700/30 px-1.5 text-red-800 hover:bg-red-50"
      >
        <RotateCw aria-hidden="true" className="size-3" />
        Retry
      </button>
    </span>
  )
}
