import { Search } from 'lucide-react'
import { useId, type Ref } from 'react'
import { useDebouncedText } from '@/lib/use-debounced-text'

/**
 * A search box that sends its text on once typing pauses for `delayMs`: a keystroke is
 * neither a new filter pass, a request nor a history entry.
 */
export function SearchField({
  label,
  placeholder,
  delayMs,
  value,
  onChange,
  inputRef,
  keyShortcut,
}: {
  label: string
  placeholder: string
  delayMs: number
  value: string
  onChange: (value: string) => void
  inputRef?: Ref<HTMLInputElement>
  keyShortcut?: string
}) {
  const inputId = useId()
  const [text, setText] = useDebouncedText(value, onChange, delayMs)

  return (
    <div className="relative min-w-0 flex-1">
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
      />
      <input
        id={inputId}
        ref={inputRef}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        aria-keyshortcuts={keyShortcut}
        className="w-full rounded-lg border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 shadow-sm placeholder:text-slate-500"
      />
    </div>
  )
}
