import { RemoveImageIcon, RetryMetadataIcon } from '@/components/icons'
import { EDITING_OFF } from '@/lib/editing'
import { canRetryMetadata, type ImageEdits } from '@/features/pack-review/lib/image-edits'
import type { ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ReviewState } from '@/features/pack-review/lib/review-state'

/**
 * `Retry metadata` (where it helps: failed, rejected or outdated metadata) and `Remove from
 * pack` for one image. `compact`: icons only (names in the accessible name and the tooltip),
 * for tiles and rows; else icon and text, for the viewer. Disabled, saying why, where this
 * server does not allow editing.
 */
export function ImageEditButtons({
  item,
  state,
  edits,
  compact,
  tabbable = true,
}: {
  item: ReviewedImage
  state: ReviewState
  edits: ImageEdits
  compact: boolean
  tabbable?: boolean
}) {
  const buttons = [
    canRetryMetadata(item, state) && {
      label: 'Retry metadata',
      Icon: RetryMetadataIcon,
      run: () => edits.retryMetadata([item]),
    },
    { label: 'Remove from pack', Icon: RemoveImageIcon, run: () => edits.remove([item]) },
  ]
  return buttons.map(
    (button) =>
      button && (
        <button
          key={button.label}
          type="button"
          aria-label={compact ? button.label : undefined}
          aria-haspopup={button.label === 'Remove from pack' ? 'dialog' : undefined}
          title={edits.enabled ? button.label : EDITING_OFF}
          disabled={!edits.enabled}
          tabIndex={tabbable ? 0 : -1}
          onClick={button.run}
          className={
            compact
              ? 'inline-flex size-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent'
              : 'inline-flex items-center gap-1.5 rounded-lg bg-white px-2.5 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-500 disabled:hover:bg-white'
          }
        >
          <button.Icon aria-hidden="true" className="size-4 shrink-0" />
          {!compact && button.label}
        </button>
      ),
  )
}
