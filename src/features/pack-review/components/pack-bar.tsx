import { CalendarDays, Link2 } from 'lucide-react'
import { ImageCountIcon, PrivateIcon, PublicIcon, RefreshIcon } from '@/components/icons'
import { buttonStyles } from '@/components/button-styles'
import { CopyButton } from '@/components/copy-button'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import type { Pack } from '@contract/partner-api/pack'

export function PackHeader({
  pack,
  onRefresh,
  refreshing,
}: {
  pack: Pack
  onRefresh: () => void
  refreshing: boolean
}) {
  const created = parseDate(pack.created_at)
  const imageCount = pack.image_count ?? pack.images.length

  return (
    <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">
          {pack.name.trim() || 'Untitled pack'}
        </h1>
        <ul
          aria-label="Pack details"
          className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600"
        >
          <li className="flex items-center gap-1.5">
            {pack.is_public === null ? null : pack.is_public ? (
              <PublicIcon aria-hidden="true" className="size-4" />
            ) : (
              <PrivateIcon aria-hidden="true" className="size-4" />
            )}
            {pack.is_public === null ? 'Visibility unknown' : pack.is_public ? 'Public' : 'Private'}
          </li>
          <li className="flex items-center gap-1.5">
            <ImageCountIcon aria-hidden="true" className="size-4" />
            {imageCount.toLocaleString()} {imageCount === 1 ? 'image' : 'images'}
          </li>
          <li className="flex items-center gap-1.5">
            <CalendarDays aria-hidden="true" className="size-4" />
            {created ? (
              <span>
                Created <time dateTime={created.toISOString()}>{formatAbsolute(created)}</time> (
                {formatRelative(created)})
              </span>
            ) : (
              'Creation date unknown'
            )}
          </li>
        </ul>
      </div>
      <div className="flex shrink-0 gap-2">
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={onRefresh}
          disabled={refreshing}
        >
          <RefreshIcon
            aria-hidden="true"
            className={`size-4 ${refreshing ? 'motion-safe:animate-spin' : ''}`}
          />
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        <CopyButton
          text={() => window.location.href}
          label="Copy link"
          icon={<Link2 aria-hidden="true" className="size-4" />}
        />
      </div>
    </header>
  )
}
