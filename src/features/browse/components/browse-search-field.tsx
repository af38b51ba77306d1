import { TextSearch } from 'lucide-react'
import { useId } from 'react'
import { useDebouncedText } from '@/lib/use-debounced-text'

const DEBOUNCE_MS = 300

/** The browse list's search: a word is one request, not one per keystroke. */
export function BrowseSearchField({
  value,
  onChange,
}: {
  value: string
  onChange: (value: string) => void
}) {
  const inputId = useId()
  const [text, setText] = useDebouncedText(value, onChange, DEBOUNCE_MS)

  return (
    <div className="relative min-w-0 flex-1">
      <label htmlFor={inputId} className="sr-only">
        Search packs
      </label>
      <TextSearch
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
      />
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search packs by name…"
        autoComplete="off"
        className="w-full rounded-lg border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 shadow-sm placeholder:text-slate-500"
      />
    </div>
  )
}
