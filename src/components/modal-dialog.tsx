import { useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react'
import { buttonStyles } from './button-styles'

const WIDTHS = {
  sm: 'w-[min(26rem,calc(100vw-2rem))]',
  md: 'w-[min(34rem,calc(100vw-2rem))]',
  lg: 'w-[min(42rem,calc(100vw-2rem))]',
}

/**
 * A modal `<dialog>` with a title, a line that says what it is for, a form and its buttons:
 * the page behind goes inert, focus stays inside, Esc cancels. It opens as it mounts and
 * closes as it unmounts (the caller owns it). Opened in a layout effect, before its children's
 * effects run, so a child may move focus to its first field in an effect of its own.
 */
export function ModalDialog({
  title,
  description,
  width = 'sm',
  onSubmit,
  onCancel,
  submit,
  cancelLabel = 'Cancel',
  stickyButtons = false,
  busy = false,
  children,
}: {
  title: string
  description: ReactNode
  width?: keyof typeof WIDTHS
  onSubmit: () => void
  onCancel: () => void
  /** The submit button: its label, and `danger` for one that destroys. */
  submit: { label: string; danger?: boolean; disabled?: boolean }
  /** The button that closes without submitting (`Done` once a dialog's work is done). */
  cancelLabel?: string
  /** A dialog taller than the window keeps its buttons in sight as it scrolls. */
  stickyButtons?: boolean
  /** A write on its way: the buttons wait, Esc still closes. */
  busy?: boolean
  children?: ReactNode
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  useLayoutEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const send = (event: FormEvent) => {
    event.preventDefault()
    if (!busy) onSubmit()
  }

  return (
    <dialog
      ref={dialogRef}
      data-own-keys=""
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      className={`m-auto ${WIDTHS[width]} rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60`}
    >
      <form onSubmit={send} noValidate className="flex flex-col gap-4 p-5">
        <div className="flex flex-col gap-1">
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {title}
          </h2>
          <div id={descriptionId} className="text-sm text-slate-700">
            {description}
          </div>
        </div>
        {children}
        <div
          className={`flex flex-wrap justify-end gap-2 ${stickyButtons ? 'sticky bottom-0 -mx-5 -mb-5 border-t border-slate-200 bg-white px-5 py-3' : ''}`}
        >
          <button type="button" onClick={onCancel} className={buttonStyles.secondary}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            disabled={submit.disabled || busy}
            aria-busy={busy || undefined}
            className={submit.danger ? buttonStyles.danger : buttonStyles.primary}
          >
            {submit.label}
          </button>
        </div>
      </form>
    </dialog>
  )
}
