import { Square } from 'lucide-react'
import {
  THUMBNAIL_SIZE_LABELS,
  THUMBNAIL_SIZES,
  type ThumbnailSize,
} from '@/features/pack-review/lib/thumbnail-size'

const ICON_SIZES: Record<ThumbnailSize, string> = {
  small: 'size-2.5',
  medium: 'size-3.5',
  large: 'size-4.5',
}

/** Small, medium or large tiles; `-` and `=` step through them from anywhere on the page. */
export function ThumbnailSizeControl({
  size,
  onChange,
}: {
  size: ThumbnailSize
  onChange: (size: ThumbnailSize) => void
}) {
  return (
    <div
      role="group"
      aria-label="Thumbnail size"
      className="inline-flex rounded-lg bg-white p-0.5 ring-1 ring-slate-300 ring-inset"
    >
      {THUMBNAIL_SIZES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={size === option}
          title={`${THUMBNAIL_SIZE_LABELS[option]} thumbnails`}
          onClick={() => onChange(option)}
          className="inline-flex size-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          <Square aria-hidden="true" className={ICON_SIZES[option]} strokeWidth={2.5} />
          <span className="sr-only">{THUMBNAIL_SIZE_LABELS[option]}</span>
        </button>
      ))}
    </div>
  )
}
