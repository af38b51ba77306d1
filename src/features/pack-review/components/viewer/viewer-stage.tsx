import { ImageOff, ShieldAlert } from 'lucide-react'
import { useLayoutEffect, useRef, type MouseEvent } from 'react'
import { markBroken } from '@/features/pack-review/lib/broken-images'

/** Where actual size starts: the point clicked, as fractions of the image, else its centre. */
export interface ZoomOrigin {
  x: number
  y: number
}

/**
 * The image on a dark stage. Fitted, it is as large as the stage allows in its own shape and
 * never larger than its own pixels (so never cropped, never blurred by upscaling); at actual
 * size it shows its own pixels and the stage scrolls.
 */
export function ViewerStage({
  src,
  alt,
  broken,
  actualSize,
  zoomOrigin,
  onToggleSize,
}: {
  /** A URL already checked to be http(s), or null. */
  src: string | null
  alt: string
  broken: boolean
  actualSize: boolean
  zoomOrigin: ZoomOrigin
  onToggleSize: (origin: ZoomOrigin) => void
}) {
  const scrollerRef = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    if (actualSize && scrollerRef.current) scrollToPoint(scrollerRef.current, zoomOrigin)
  }, [actualSize, zoomOrigin])

  const onClick = (event: MouseEvent<HTMLImageElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    onToggleSize({
      x: (event.clientX - box.left) / box.width,
      y: (event.clientY - box.top) / box.height,
    })
  }

  return (
    <div
      data-viewer-stage=""
      className="relative h-[55dvh] shrink-0 bg-slate-950 md:h-auto md:min-h-0 md:flex-1"
    >
      {/* At actual size the stage scrolls, so the keyboard can reach and scroll it too. */}
      <div
        ref={scrollerRef}
        role={actualSize ? 'group' : undefined}
        aria-label={actualSize ? 'Image at actual size' : undefined}
        tabIndex={actualSize ? 0 : undefined}
        className={`absolute inset-0 flex overscroll-contain p-3 focus-visible:outline-offset-[-3px] focus-visible:outline-sky-300 sm:p-6 ${actualSize ? 'overflow-auto' : 'overflow-hidden'}`}
      >
        {src === null || broken ? (
          <StagePlaceholder unsafe={src === null} />
        ) : (
          // Auto margins centre the image yet let it scroll from its edge when it overflows.
          <img
            src={src}
            alt={alt}
            decoding="async"
            onLoad={(event) => {
              if (actualSize) scrollToPoint(event.currentTarget.parentElement!, zoomOrigin)
            }}
            onError={() => markBroken(src)}
            onClick={onClick}
            className={`m-auto h-auto shadow-2xl shadow-black/50 ${actualSize ? 'max-w-none cursor-zoom-out' : 'max-h-full max-w-full cursor-zoom-in'}`}
          />
        )}
      </div>
    </div>
  )
}

/** Brings the point clicked (or the centre) into the middle of the stage at actual size. */
function scrollToPoint(scroller: HTMLElement, point: ZoomOrigin) {
  scroller.scrollLeft = point.x * scroller.scrollWidth - scroller.clientWidth / 2
  scroller.scrollTop = point.y * scroller.scrollHeight - scroller.clientHeight / 2
}

function StagePlaceholder({ unsafe }: { unsafe: boolean }) {
  const Icon = unsafe ? ShieldAlert : ImageOff
  return (
    <div className="m-auto flex flex-col items-center gap-2 text-slate-300">
      <Icon aria-hidden="true" className="size-10" strokeWidth={1.5} />
      <p className="text-sm font-medium">{unsafe ? 'No safe image URL' : 'Image failed to load'}</p>
    </div>
  )
}
