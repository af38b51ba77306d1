import { Search } from 'lucide-react'
import type { Ref } from 'react'
import { useDebouncedText } from '@/lib/use-debounced-text'

const DEBOUNCE_MS = 200

/**
 * Free-text search: a keystroke neither re-filters thousands of images nor adds a history
 * entry.
 */
export function SearchField({
  value,
  onChange,
  inputRef,
}: {
  value: string
  onChange: (value: string) => void
  inputRef?: Ref<HTMLInputElement>
}) {
  const [text, setText] = useDebouncedText(value, onChange, DEBOUNCE_MS)

  return (
    <div className="relative min-w-0 flex-1">
      <label htmlFor="pack-search" className="sr-only">
        Search images
      </label>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
      />
      <input
        id="pack-search"
        ref={inputRef}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search descriptions, keywords, IDs, URLs…"
        autoComplete="off"
        aria-keyshortcuts="/"
        className="w-full rounded-lg border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 shadow-sm placeholder:text-slate-500"
      />
    </div>
  )
}
