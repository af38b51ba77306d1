import { ImageOff, ShieldAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { markBroken } from '@/features/pack-review/lib/broken-images'

/**
 * The whole image in its own shape, contained in a box whose size the caller fixes: a 9:16
 * slide keeps its hook and its call to action, and nothing shifts while images load or fail.
 */
export function ImageThumbnail({
  src,
  alt,
  broken,
  priority = false,
  className = '',
}: {
  /** A URL already checked to be http(s), or null. */
  src: string | null
  alt: string
  broken: boolean
  /** First row of the gallery: fetch before anything else on the page. */
  priority?: boolean
  className?: string
}) {
  return (
    <div className={`relative overflow-hidden bg-slate-100 ${className}`}>
      {src === null ? (
        <Placeholder
          icon={<ShieldAlert aria-hidden="true" className="size-6" />}
          text="No safe image URL"
        />
      ) : broken ? (
        <Placeholder
          icon={<ImageOff aria-hidden="true" className="size-6" />}
          text="Image failed to load"
        />
      ) : (
        <img
          src={src}
          alt={alt}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : 'auto'}
          decoding="async"
          onError={() => markBroken(src)}
          className="size-full object-contain"
        />
      )}
    </div>
  )
}

function Placeholder({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <div className="flex size-full flex-col items-center justify-center gap-1.5 px-2 text-center text-slate-600">
      {icon}
      <span className="text-xs font-medium">{text}</span>
    </div>
  )
}
