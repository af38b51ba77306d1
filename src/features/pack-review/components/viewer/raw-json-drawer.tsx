import { X } from 'lucide-react'
import { useEffect, useId, useRef } from 'react'
import { CopyButton } from '@/components/copy-button'
import type { PackImage } from '@contract/partner-api/pack'

/**
 * The image as the API sent it, in a panel laid over the inspector. It never takes room from
 * the stage, nor covers it, so the image keeps its size and stays in view while it is open.
 */
export function RawJsonDrawer({
  id,
  image,
  onClose,
}: {
  id: string
  image: PackImage
  onClose: () => void
}) {
  const headingId = useId()
  const closeRef = useRef<HTMLButtonElement>(null)
  const json = JSON.stringify(image, null, 2)

  // The panel covers what opened it, so focus moves into it; without scrolling, as the
  // panel's bar is in view wherever the inspector was scrolled to.
  useEffect(() => closeRef.current?.focus({ preventScroll: true }), [])

  return (
    <section
      id={id}
      aria-labelledby={headingId}
      data-raw-json-drawer=""
      className="absolute inset-x-0 top-0 z-10 flex min-h-full flex-col bg-slate-900 text-slate-100 md:bottom-0"
    >
      {/* On a phone the panel grows with the JSON and scrolls with the page: its bar stays. */}
      <div className="sticky top-0 flex shrink-0 items-center justify-between gap-2 border-b border-white/10 bg-slate-900 py-2 pr-2 pl-4">
        <h3 id={headingId} className="text-sm font-semibold text-white">
          Raw JSON
        </h3>
        <div className="flex items-center gap-1">
          <CopyButton text={() => json} label="Copy JSON" />
          <button
            ref={closeRef}
            type="button"
            aria-label="Close raw JSON"
            onClick={onClose}
            className="inline-flex size-10 items-center justify-center rounded-lg text-slate-100 hover:bg-white/10 focus-visible:outline-sky-300"
          >
            <X aria-hidden="true" className="size-5" />
          </button>
        </div>
      </div>
      {/* Focusable, so the keyboard can scroll a long payload too. */}
      <pre
        tabIndex={0}
        className="p-4 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap focus-visible:outline-offset-[-2px] focus-visible:outline-sky-300 md:min-h-0 md:flex-1 md:overflow-auto"
      >
        {json}
      </pre>
    </section>
  )
}
