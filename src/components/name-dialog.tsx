import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { ErrorIcon } from '@/components/icons'
import { useModalDialog } from '@/lib/use-modal-dialog'
import { MAX_REVIEWER_LENGTH } from '@contract/review-api/decision'

/**
 * Who is reviewing, asked once before the first decision when the server does not know
 * (no sign-in): the name goes with every decision, so the team sees who decided what.
 */
export function NameDialog({
  initial,
  onSave,
  onCancel,
}: {
  initial: string | null
  onSave: (name: string) => void
  onCancel: () => void
}) {
  const dialogRef = useModalDialog()
  const inputRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(initial ?? '')
  const [missing, setMissing] = useState(false)
  const titleId = useId()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  // A name already given is selected, so typing replaces it.
  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      setMissing(true)
      inputRef.current?.focus()
      return
    }
    onSave(trimmed)
  }

  return (
    <dialog
      ref={dialogRef}
      data-own-keys=""
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60"
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 p-5">
        <div className="flex flex-col gap-1">
          <h2 id={titleId} className="text-lg font-semibold">
            Who is reviewing?
          </h2>
          <p id={hintId} className="text-sm text-slate-700">
            Your name is saved with each decision and change, so your team can see who made it. This
            browser remembers it.
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
            Your name
          </label>
          <input
            ref={inputRef}
            id={inputId}
            value={name}
            onChange={(event) => {
              setName(event.target.value)
              setMissing(false)
            }}
            maxLength={MAX_REVIEWER_LENGTH}
            autoComplete="name"
            aria-invalid={missing}
            aria-describedby={missing ? errorId : undefined}
            className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm aria-invalid:border-red-700"
          />
          {missing && (
            <p
              id={errorId}
              role="alert"
              className="flex items-center gap-1.5 text-sm font-medium text-red-800"
            >
              <ErrorIcon aria-hidden="true" className="size-4 shrink-0" />
              Enter your name to record decisions.
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className={buttonStyles.secondary}>
            Cancel
          </button>
          <button type="submit" className={buttonStyles.primary}>
            Save
          </button>
        </div>
      </form>
    </dialog>
  )
}
