import { useEffect, useId, useRef } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { useModalDialog } from '@/lib/use-modal-dialog'

/**
 * Asks before a decision is made for (or taken from) many images at once, naming how many:
 * `Approve <n> images?` or `Clear <n> decisions?`. The action's button has focus, so Enter
 * confirms; Esc or Cancel leaves everything as it was.
 */
export function BulkConfirmDialog({
  kind,
  count,
  selected,
  onConfirm,
  onCancel,
}: {
  kind: 'approve' | 'clear'
  /** The images the action changes. */
  count: number
  /** The images selected: more when some need no change. */
  selected: number
  onConfirm: () => void
  onCancel: () => void
}) {
  const dialogRef = useModalDialog()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const textId = useId()
  useEffect(() => confirmRef.current?.focus(), [])

  const n = count.toLocaleString()
  const unchanged = selected - count
  const title = kind === 'approve' ? `Approve ${n} images?` : `Clear ${n} decisions?`
  const text =
    kind === 'approve'
      ? `Each of these ${n} images is marked Approved.`
      : `These ${n} images go back to Unreviewed; their decisions stay in their history.`
  const skipped =
    unchanged === 0
      ? null
      : kind === 'approve'
        ? `${unchanged.toLocaleString()} of the ${selected.toLocaleString()} selected ${unchanged === 1 ? 'is' : 'are'} approved already.`
        : `${unchanged.toLocaleString()} of the ${selected.toLocaleString()} selected ${unchanged === 1 ? 'has' : 'have'} no decision.`

  return (
    <dialog
      ref={dialogRef}
      data-own-keys=""
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={textId} className="flex flex-col gap-1 text-sm text-slate-700">
          <p>{text}</p>
          {skipped && <p>{skipped}</p>}
          <p>
            <kbd className="font-mono">Ctrl+Z</kbd> (<kbd className="font-mono">⌘Z</kbd>) undoes it
            for all of them at once.
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <button
            type="button"
            onClick={onCancel}
            aria-keyshortcuts="Escape"
            className={buttonStyles.secondary}
          >
            Cancel
          </button>
          <button
            ref={confirmRef}
            type="button"
            onClick={onConfirm}
            className={kind === 'approve' ? buttonStyles.primary : buttonStyles.danger}
          >
            {kind === 'approve' ? 'Approve' : 'Clear decisions'}
          </button>
        </div>
      </div>
    </dialog>
  )
}
