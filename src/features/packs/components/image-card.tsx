import { CircleAlert } from 'lucide-react'
import { memo } from 'react'
import { RelativeTime } from '@/components/relative-time'
import { safeHttpUrl } from '@/lib/safe-url'
import type { PackImage } from '../api/pack-schema'
import { imageStatus } from '../lib/image-status'
import { ImageThumbnail } from './image-thumbnail'
import { StatusBadge } from './status-badge'

export const ImageCard = memo(function ImageCard({
  image,
  position,
}: {
  image: PackImage
  position: number
}) {
  const status = imageStatus(image)
  const metadata = image.metadata
  const description = metadata?.description?.trim() || null
  const keywords = metadata?.keywords ?? []

  return (
    <article
      aria-label={`Image #${position}`}
      className="flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="relative">
        <ImageThumbnail src={safeHttpUrl(image.url)} alt={description ?? `Image #${position}`} />
        <span className="absolute top-2 left-2 rounded-md bg-slate-900/75 px-1.5 py-0.5 font-mono text-xs font-semibold text-white">
          #{position}
        </span>
        <span className="absolute top-2 right-2">
          <StatusBadge status={status} title={statusTitle(image)} />
        </span>
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3">
        {status === 'error' && (
          <p className="flex gap-1.5 rounded-md bg-red-50 px-2 py-1.5 text-sm text-red-800">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span className="min-w-0 break-words">
              {metadata?.error?.trim() || 'Metadata generation failed (no message).'}
            </span>
          </p>
        )}
        {description ? (
          <p className="line-clamp-3 text-sm leading-snug break-words text-slate-800">
            {description}
          </p>
        ) : (
          status !== 'error' && (
            <p className="text-sm text-slate-600 italic">{emptyDescription(image)}</p>
          )
        )}
        {keywords.length > 0 && (
          <ul aria-label="Keywords" className="flex flex-wrap gap-1">
            {keywords.map((keyword, index) => (
              <li
                key={`${keyword}-${index}`}
                className="max-w-full truncate rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
              >
                {keyword}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-auto flex flex-wrap gap-x-2 pt-1 text-xs text-slate-600">
          {metadata?.model && <span className="font-mono">{metadata.model}</span>}
          <RelativeTime
            value={metadata?.generated_at ?? null}
            prefix="Generated"
            fallback="Not generated yet"
          />
        </p>
      </div>
    </article>
  )
})

function statusTitle(image: PackImage): string {
  const raw = image.metadata?.status
  if (!image.metadata) return 'The API sent no metadata for this image'
  return raw ? `Status reported by the API: ${raw}` : 'The API sent no status'
}

function emptyDescription(image: PackImage): string {
  if (!image.metadata) return 'No metadata from the API'
  const status = imageStatus(image)
  if (status === 'pending' || status === 'processing') return 'Description not generated yet'
  return 'No description'
}
