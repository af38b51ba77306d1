import { ImageOff, ShieldAlert } from 'lucide-react'
import { useState, type ReactNode } from 'react'

/** Thumbnail with a fixed 4:3 box, so nothing shifts while images load or fail. */
export function ImageThumbnail({ src, alt }: { src: string | null; alt: string }) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null)
  const broken = src !== null && failedSrc === src

  return (
    <div className="relative aspect-[4/3] w-full overflow-hidden bg-gradient-to-br from-slate-100 to-slate-200">
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
          width={800}
          height={600}
          loading="lazy"
          decoding="async"
          onError={() => setFailedSrc(src)}
          className="size-full object-cover"
        />
      )}
    </div>
  )
}

function Placeholder({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <div className="flex size-full flex-col items-center justify-center gap-1.5 text-slate-600">
      {icon}
      <span className="text-xs font-medium">{text}</span>
    </div>
  )
}
