import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { ErrorIcon } from '@/components/icons'
import { useModalDialog } from '@/lib/use-modal-dialog'
import { MAX_NOTE_LENGTH } from '@contract/review-api/decision'
import { REASON_LABELS, REJECT_REASONS, type RejectReason } from '@contract/review-api/reasons'

export interface Rejection {
  reasons: RejectReason[]
  note: string | null
}

/**
 * Why an image is rejected: one or more reasons (keys 1-6 toggle them, except while typing
 * the note) and an optional note. Enter rejects (Ctrl+Enter inside the note, where Enter is
 * a new line); Esc or Cancel leaves without deciding. With `count`, the same reasons and
 * note for that many selected images at once (`Reject <n> images?`).
 */
export function RejectDialog({
  position,
  count = 1,
  initial,
  onReject,
  onCancel,
}: {
  /** The image's number in the pack, for the title. */
  position: number
  /** How many images this rejects: more than one is a bulk rejection. */
  count?: number
  /** The image's current rejection, to change it rather than start again. */
  initial: Rejection | null
  onReject: (rejection: Rejection) => void
  onCancel: () => void
}) {
  const dialogRef = useModalDialog()
  const firstReasonRef = useRef<HTMLInputElement>(null)
  const [reasons, setReasons] = useState<readonly RejectReason[]>(initial?.reasons ?? [])
  const [note, setNote] = useState(initial?.note ?? '')
  const [missingReason, setMissingReason] = useState(false)
  const titleId = useId()
  const errorId = useId()
  const noteId = useId()
  const counterId = useId()

  useEffect(() => firstReasonRef.current?.focus(), [])

  const toggle = (reason: RejectReason) => {
    setMissingReason(false)
    setReasons((current) =>
      current.includes(reason) ? current.filter((item) => item !== reason) : [...current, reason],
    )
  }

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (reasons.length === 0) {
      setMissingReason(true)
      firstReasonRef.current?.focus()
      return
    }
    // In the dialog's order, whatever order they were ticked in.
    onReject({
      reasons: REJECT_REASONS.filter((reason) => reasons.includes(reason)),
      note: note.trim() || null,
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const target = event.target as HTMLElement
    const inNote = target.tagName === 'TEXTAREA'
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && inNote) {
      event.preventDefault()
      submit()
      return
    }
    if (inNote || event.altKey || event.ctrlKey || event.metaKey) return
    const reason = REJECT_REASONS[Number(event.key) - 1]
    if (/^[1-9]$/.test(event.key) && reason) {
      event.preventDefault()
      toggle(reason)
    } else if (event.key === 'Enter' && target.tagName !== 'BUTTON') {
      // Enter on a checkbox does nothing by itself; here it means "done".
      event.preventDefault()
      submit()
    }
  }

  return (
    <dialog
      ref={dialogRef}
      data-own-keys=""
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60"
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {count > 1 ? `Reject ${count.toLocaleString()} images?` : `Reject image #${position}`}
        </h2>
        <fieldset
          aria-describedby={missingReason ? errorId : undefined}
          className="flex flex-col gap-1"
        >
          <legend className="mb-1.5 text-sm font-semibold text-slate-800">
            Reasons <span className="font-normal text-slate-600">(one or more)</span>
          </legend>
          {REJECT_REASONS.map((reason, index) => (
            <label
              key={reason}
              className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-50 has-checked:bg-rose-50"
            >
              <input
                ref={index === 0 ? firstReasonRef : undefined}
                type="checkbox"
                name="reason"
                value={reason}
                checked={reasons.includes(reason)}
                onChange={() => toggle(reason)}
                aria-keyshortcuts={String(index + 1)}
                className="size-4 shrink-0 accent-rose-700"
              />
              <span className="flex-1">{REASON_LABELS[reason]}</span>
              <kbd
                aria-hidden="true"
                className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-700 pointer-coarse:hidden"
              >
                {index + 1}
              </kbd>
            </label>
          ))}
          {missingReason && (
            <p
              id={errorId}
              role="alert"
              className="mt-1 flex items-center gap-1.5 text-sm font-medium text-red-800"
            >
              <ErrorIcon aria-hidden="true" className="size-4 shrink-0" />
              Choose at least one reason to reject {count > 1 ? 'these images' : 'this image'}.
            </p>
          )}
        </fieldset>
        <div className="flex flex-col gap-1.5">
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor={noteId} className="text-sm font-semibold text-slate-800">
              Note <span className="font-normal text-slate-600">(optional)</span>
            </label>
            <span id={counterId} className="text-xs text-slate-600 tabular-nums">
              {note.length.toLocaleString()} / {MAX_NOTE_LENGTH.toLocaleString()}
            </span>
          </div>
          <textarea
            id={noteId}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={MAX_NOTE_LENGTH}
            rows={3}
            aria-describedby={counterId}
            aria-keyshortcuts="Control+Enter"
            placeholder="What is wrong, for whoever fixes it"
            className="w-full resize-y rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm placeholder:text-slate-500"
          />
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <p className="w-full text-xs text-slate-600 sm:mr-auto sm:w-auto pointer-coarse:hidden">
            <kbd className="font-mono">Enter</kbd> rejects, <kbd className="font-mono">Esc</kbd>{' '}
            cancels
          </p>
          <button
            type="button"
            onClick={onCancel}
            aria-keyshortcuts="Escape"
            className={buttonStyles.secondary}
          >
            Cancel
          </button>
          <button type="submit" aria-keyshortcuts="Enter" className={buttonStyles.danger}>
            Reject
          </button>
        </div>
      </form>
    </dialog>
  )
}
