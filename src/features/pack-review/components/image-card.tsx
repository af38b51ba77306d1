import { ErrorIcon } from '@/components/icons'
import { memo } from 'react'
import { Link } from 'react-router'
import { Highlight } from '@/components/highlight'
import { RelativeTime } from '@/components/relative-time'
import type { PackImage } from '@contract/partner-api/pack'
import { statusTitle } from '@/features/pack-review/lib/image-status'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import { FlagChips } from './flag-chips'
import { ImageThumbnail } from './image-thumbnail'
import { StatusBadge } from './status-badge'

export const ImageCard = memo(function ImageCard({
  item,
  flags,
  query,
  href,
  priority = false,
}: {
  item: ReviewedImage
  flags: readonly QaFlag[]
  query: string
  /** Where the card opens its detail view, query string included. */
  href: string
  /** In the first row: its thumbnail is fetched first. */
  priority?: boolean
}) {
  const { image, position, status } = item
  const metadata = image.metadata
  const description = metadata?.description?.trim() || null
  const keywords = metadata?.keywords ?? []

  return (
    <article
      aria-label={`Image #${position}`}
      data-image-id={image.id}
      className="flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <Link
        to={href}
        data-card-link=""
        aria-label={`Open image #${position}`}
        preventScrollReset
        className="relative block focus-visible:outline-offset-[-3px]"
      >
        <ImageThumbnail
          src={item.safeUrl}
          alt={description ?? `Image #${position} (no description)`}
          broken={flags.includes('broken')}
          priority={priority}
        />
        <span className="absolute top-2 left-2 rounded-md bg-slate-900/75 px-1.5 py-0.5 font-mono text-xs font-semibold text-white">
          #{position}
        </span>
        <span className="absolute top-2 right-2">
          <StatusBadge status={status} title={statusTitle(image)} />
        </span>
      </Link>
      {/* A fixed height, so the virtualized gallery knows every row's size up front. */}
      <div className="flex h-(--card-body-height) flex-col gap-2 overflow-hidden p-3">
        {status === 'error' && (
          <p className="flex shrink-0 gap-1.5 rounded-md bg-red-50 px-2 py-1.5 text-sm text-red-800">
            <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span className="line-clamp-2 min-w-0 break-words">
              <Highlight
                text={metadata?.error?.trim() || 'Metadata generation failed (no message).'}
                query={query}
              />
            </span>
          </p>
        )}
        {description ? (
          <p
            className={`${status === 'error' ? 'line-clamp-1' : 'line-clamp-3'} shrink-0 text-sm leading-snug break-words text-slate-800`}
          >
            <Highlight text={description} query={query} />
          </p>
        ) : (
          status !== 'error' && (
            <p className="text-sm text-slate-600 italic">{emptyDescription(image, status)}</p>
          )
        )}
        {keywords.length > 0 && (
          <ul aria-label="Keywords" className="flex h-5.5 shrink-0 flex-wrap gap-1 overflow-hidden">
            {keywords.slice(0, 8).map((keyword, index) => (
              <li
                key={`${keyword}-${index}`}
                className="max-w-full truncate rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
              >
                <Highlight text={keyword} query={query} />
              </li>
            ))}
            {keywords.length > 8 && (
              <li className="px-1 text-xs text-slate-600">+{keywords.length - 8} more</li>
            )}
          </ul>
        )}
        <FlagChips flags={flags} />
        <p className="mt-auto flex shrink-0 gap-x-2 truncate pt-1 text-xs text-slate-600">
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

function emptyDescription(image: PackImage, status: ReviewedImage['status']): string {
  if (!image.metadata) return 'No metadata from the API'
  if (status === 'pending' || status === 'processing') return 'Description not generated yet'
  return 'No description'
}
