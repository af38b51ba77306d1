import { Eraser, ThumbsDown, ThumbsUp, X } from 'lucide-react'
import { useEffect, useEffectEvent, type ReactNode } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { RemoveImageIcon, RetryMetadataIcon } from '@/components/icons'
import { Toolbar } from '@/components/toolbar'
import { EDITING_OFF } from '@/lib/editing'

const compactButton = `${buttonStyles.secondary} px-3 py-1.5`

/**
 * What can be done to the selected images, shown while any is selected: floating at the
 * bottom of the window (across a phone's screen), so that nothing above moves when it
 * appears, and a Shift+click right after the first click lands where it was aimed. Esc
 * clears the selection, unless a dialog or a text field has the key.
 */
export function SelectionToolbar({
  count,
  onApprove,
  onReject,
  onClearDecisions,
  onClearSelection,
  exportButtons,
  edit,
}: {
  count: number
  onApprove: () => void
  onReject: () => void
  onClearDecisions: () => void
  onClearSelection: () => void
  exportButtons: ReactNode
  /**
   * What changes the selected images in the pack, where the page can edit: `retryable` of
   * them can have their metadata retried (failed, rejected or outdated).
   */
  edit?: {
    enabled: boolean
    retryable: number
    onRetryMetadata: () => void
    onRemove: () => void
  }
}) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    if (document.querySelector('dialog[open]')) return
    const target = event.target as HTMLElement | null
    if (target?.closest('input:not([type="checkbox"]), textarea, select, [contenteditable="true"]'))
      return
    onClearSelection()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])

  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white px-3 py-2 shadow-[0_-4px_16px_rgb(15_23_42/0.12)] md:inset-x-auto md:bottom-4 md:left-1/2 md:w-max md:max-w-[calc(100vw-2rem)] md:-translate-x-1/2 md:rounded-xl md:border md:px-4 md:shadow-lg">
      <Toolbar label="Selection" className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        <p aria-live="polite" className="mr-1 text-sm font-semibold text-indigo-900 tabular-nums">
          {count.toLocaleString()} selected
        </p>
        <button type="button" onClick={onApprove} className={compactButton}>
          <ThumbsUp aria-hidden="true" className="size-4 text-emerald-700" />
          Approve
        </button>
        <button type="button" onClick={onReject} aria-haspopup="dialog" className={compactButton}>
          <ThumbsDown aria-hidden="true" className="size-4 text-rose-700" />
          Reject…
        </button>
        {/* Icons only on a phone, so the toolbar takes two rows of its screen, not four. */}
        <button
          type="button"
          onClick={onClearDecisions}
          title="Clear decisions"
          className={compactButton}
        >
          <Eraser aria-hidden="true" className="size-4" />
          <span className="max-sm:sr-only">Clear decisions</span>
        </button>
        {edit && edit.retryable > 0 && (
          <button
            type="button"
            disabled={!edit.enabled}
            title={edit.enabled ? `Retry metadata for ${edit.retryable}` : EDITING_OFF}
            onClick={edit.onRetryMetadata}
            className={compactButton}
          >
            <RetryMetadataIcon aria-hidden="true" className="size-4" />
            <span className="max-sm:sr-only">
              Retry metadata for {edit.retryable.toLocaleString()}
            </span>
          </button>
        )}
        {edit && (
          <button
            type="button"
            disabled={!edit.enabled}
            title={edit.enabled ? `Remove ${count}` : EDITING_OFF}
            onClick={edit.onRemove}
            aria-haspopup="dialog"
            className={compactButton}
          >
            <RemoveImageIcon aria-hidden="true" className="size-4" />
            <span className="max-sm:sr-only">Remove {count.toLocaleString()}</span>
          </button>
        )}
        {exportButtons}
        <button
          type="button"
          onClick={onClearSelection}
          aria-keyshortcuts="Escape"
          title="Clear selection (Esc)"
          className={compactButton}
        >
          <X aria-hidden="true" className="size-4" />
          <span className="max-sm:sr-only">Clear selection</span>
        </button>
      </Toolbar>
    </div>
  )
}
