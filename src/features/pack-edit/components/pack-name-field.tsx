import { useId, type RefObject } from 'react'
import { ErrorIcon } from '@/components/icons'

/** The `Pack name` field, with the reason it cannot be used once the person tried. */
export function PackNameField({
  value,
  onChange,
  problem,
  inputRef,
  label = 'Pack name',
}: {
  value: string
  onChange: (value: string) => void
  /** Shown once set (after a submit): why the name cannot be used. */
  problem: string | null
  inputRef?: RefObject<HTMLInputElement | null>
  label?: string
}) {
  const inputId = useId()
  const errorId = useId()
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : errorId}
        className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm aria-invalid:border-red-700"
      />
      {problem !== null && (
        <p
          id={errorId}
          role="alert"
          className="flex items-center gap-1.5 text-sm font-medium text-red-800"
        >
          <ErrorIcon aria-hidden="true" className="size-4 shrink-0" />
          {problem}
        </p>
      )}
    </div>
  )
}
