import { useEffect, useId, useRef, useState } from 'react'
import { ErrorIcon } from '@/components/icons'
import { ModalDialog } from './modal-dialog'
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
  const inputRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(initial ?? '')
  const [missing, setMissing] = useState(false)
  const inputId = useId()
  const errorId = useId()

  // A name already given is selected, so typing replaces it.
  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  const submit = () => {
    const trimmed = name.trim()
    if (!trimmed) {
      setMissing(true)
      inputRef.current?.focus()
      return
    }
    onSave(trimmed)
  }

  return (
    <ModalDialog
      title="Who is reviewing?"
      description="Your name is saved with each decision and change, so your team can see who made it. This browser remembers it."
      submit={{ label: 'Save' }}
      onSubmit={submit}
      onCancel={onCancel}
    >
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
    </ModalDialog>
  )
}
