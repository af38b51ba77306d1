import { ImageOff, ShieldAlert } from 'lucide-react'
import { useLayoutEffect, useRef } from 'react'
import { Link } from 'react-router'
import { STATUS_LABELS } from '@/features/pack-review/lib/image-status'
import { markBroken, useBrokenImages } from '@/features/pack-review/lib/broken-images'
import { filmstripWindow } from '@/features/pack-review/lib/filmstrip'
import type { ReviewedImage } from '@/features/pack-review/lib/qa-flags'

/** The images around the current one in the view, each a link to it, like Next and Previous. */
export function ViewerFilmstrip({
  items,
  index,
  hrefFor,
}: {
  items: readonly ReviewedImage[]
  index: number
  hrefFor: (imageId: string) => string
}) {
  const brokenUrls = useBrokenImages()
  const stripRef = useRef<HTMLElement>(null)
  const strip = filmstripWindow(items, index)

  // Keeps the current thumbnail in the middle where the strip scrolls (on a phone). Set by
  // hand: scrollIntoView could scroll the page under the dialog too.
  useLayoutEffect(() => {
    const strip = stripRef.current
    const current = strip?.querySelector<HTMLElement>('[aria-current]')
    if (!strip || !current) return
    strip.scrollLeft = current.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2
  }, [index])

  if (strip.items.length < 2) return null
  return (
    <nav
      ref={stripRef}
      aria-label="Nearby images"
      className="relative shrink-0 overflow-x-auto overscroll-x-contain border-t border-white/10 bg-slate-900"
    >
      {/* Centred while it fits, scrolling from its first image once it does not. */}
      <ol className="mx-auto flex w-max gap-2 px-3 py-2.5 sm:px-4">
        {strip.items.map((item, offset) => {
          const current = strip.start + offset === index
          const problem = item.status !== 'completed'
          const { safeUrl } = item
          return (
            <li key={item.image.id} className="shrink-0">
              <Link
                to={hrefFor(item.image.id)}
                preventScrollReset
                aria-current={current ? 'true' : undefined}
                aria-label={`Image #${item.position}${problem ? `, ${STATUS_LABELS[item.status]}` : ''}`}
                className={`relative flex size-14 items-center justify-center overflow-hidden rounded-md bg-slate-800 ring-2 focus-visible:outline-sky-300 ${current ? 'ring-white' : 'opacity-70 ring-transparent hover:opacity-100'}`}
              >
                {safeUrl === null ? (
                  <ShieldAlert aria-hidden="true" className="size-5 text-slate-400" />
                ) : brokenUrls.has(safeUrl) ? (
                  <ImageOff aria-hidden="true" className="size-5 text-slate-400" />
                ) : (
                  <img
                    src={safeUrl}
                    alt=""
                    decoding="async"
                    onError={() => markBroken(safeUrl)}
                    className="size-full object-contain"
                  />
                )}
                {item.status === 'error' && (
                  <span
                    aria-hidden="true"
                    className="absolute top-1 right-1 size-2.5 rounded-full bg-red-500 ring-2 ring-slate-900"
                  />
                )}
              </Link>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
