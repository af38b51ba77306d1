import { TriangleAlert } from 'lucide-react'
import { useId, type RefObject } from 'react'
import { MAX_URLS_AT_ONCE, type ImageUrlList } from '@/features/pack-edit/lib/image-urls'

/** Refused lines listed one by one; past this, how many more. */
const REFUSED_SHOWN = 50

/** A refused line as shown: a pasted paragraph is cut, not printed whole. */
const shortened = (text: string) =>
  [...text].length > 100 ? `${[...text].slice(0, 100).join('')}…` : text

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`

/**
 * `Image URLs`, one a line, and what will come of them as the person types: how many will be
 * added, and each line that will not be sent, with why.
 */
export function ImageUrlField({
  value,
  onChange,
  list,
  inputRef,
}: {
  value: string
  onChange: (value: string) => void
  list: ImageUrlList
  inputRef: RefObject<HTMLTextAreaElement | null>
}) {
  const fieldId = useId()
  const hintId = useId()
  const countId = useId()
  const refusedId = useId()
  const { urls, refused, tooMany } = list
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={fieldId} className="text-sm font-semibold text-slate-800">
        Image URLs
      </label>
      <p id={hintId} className="text-sm text-slate-600">
        One a line, each an http: or https: address. At most {MAX_URLS_AT_ONCE} at a time.
      </p>
      <textarea
        ref={inputRef}
        id={fieldId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        wrap="off"
        placeholder="https://example.com/photo.jpg"
        aria-invalid={tooMany}
        aria-describedby={`${hintId} ${countId}${refused.length ? ` ${refusedId}` : ''}`}
        className="w-full resize-y rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs leading-5 shadow-sm aria-invalid:border-red-700"
      />
      <p
        id={countId}
        role="status"
        className={`text-sm ${tooMany ? 'flex items-start gap-1.5 font-medium text-red-800' : 'text-slate-700'}`}
      >
        {tooMany ? (
          <>
            <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            {`${plural(urls.length, 'URL')}: at most ${MAX_URLS_AT_ONCE} at a time. Remove ${plural(urls.length - MAX_URLS_AT_ONCE, 'line')} to add them.`}
          </>
        ) : urls.length > 0 ? (
          `${plural(urls.length, 'URL')} will be added.`
        ) : null}
      </p>
      {refused.length > 0 && (
        <div
          id={refusedId}
          className="rounded-lg bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200 ring-inset"
        >
          <p className="flex items-center gap-1.5 font-semibold text-amber-950">
            <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
            {refused.length === 1
              ? '1 line will not be sent:'
              : `${plural(refused.length, 'line')} will not be sent:`}
          </p>
          <ul aria-label="Lines not sent" className="mt-1 flex flex-col gap-0.5 text-amber-950">
            {refused.slice(0, REFUSED_SHOWN).map(({ line, text, why }) => (
              <li key={line} className="break-all">
                <span className="font-medium">Line {line}:</span>{' '}
                <span className="font-mono text-xs">{shortened(text)}</span> — {why}
              </li>
            ))}
          </ul>
          {refused.length > REFUSED_SHOWN && (
            <p className="mt-1 text-amber-950">
              …and {plural(refused.length - REFUSED_SHOWN, 'more line')}.
            </p>
          )}
        </div>
      )}
    </div>
  )
}
