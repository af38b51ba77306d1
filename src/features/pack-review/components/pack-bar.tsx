import { CalendarDays, Link2 } from 'lucide-react'
import { memo, type ReactNode } from 'react'
import { ImageCountIcon, PrivateIcon, PublicIcon } from '@/components/icons'
import { RefreshButton } from '@/components/refresh-button'
import { CopyButton } from '@/components/copy-button'
import { Toolbar } from '@/components/toolbar'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import type { Pack } from '@contract/partner-api/pack'

/**
 * The pack in one line: name, size, visibility, age, who is reviewing it and how, and what
 * can be done to it.
 */
export const PackBar = memo(function PackBar({
  pack,
  onRefresh,
  refreshing,
  review,
  signOff,
  edit,
}: {
  pack: Pack
  onRefresh: () => void
  refreshing: boolean
  /** The reviewer's name and the review settings. */
  review?: ReactNode
  /** The pack's sign-off and its report. */
  signOff?: ReactNode
  /** What changes the pack itself (rename, visibility, delete), as toolbar items. */
  edit?: ReactNode
}) {
  const created = parseDate(pack.created_at)
  const imageCount = pack.image_count ?? pack.images.length

  return (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <div className="flex min-w-0 flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="min-w-0 text-xl font-semibold tracking-tight break-words text-slate-900">
          {pack.name.trim() || 'Untitled pack'}
        </h1>
        <ul
          aria-label="Pack details"
          className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600"
        >
          <li className="flex items-center gap-1">
            <ImageCountIcon aria-hidden="true" className="size-4" />
            {imageCount.toLocaleString()} {imageCount === 1 ? 'image' : 'images'}
          </li>
          <li className="flex items-center gap-1">
            {pack.is_public === null ? null : pack.is_public ? (
              <PublicIcon aria-hidden="true" className="size-4" />
            ) : (
              <PrivateIcon aria-hidden="true" className="size-4" />
            )}
            {pack.is_public === null ? 'Visibility unknown' : pack.is_public ? 'Public' : 'Private'}
          </li>
          <li className="flex items-center gap-1">
            <CalendarDays aria-hidden="true" className="size-4" />
            {created ? (
              <span title={formatRelative(created)}>
                Created <time dateTime={created.toISOString()}>{formatAbsolute(created)}</time>
              </span>
            ) : (
              'Creation date unknown'
            )}
          </li>
        </ul>
      </div>
      {/* One tab stop for all of them (the gallery stays six presses of Tab from the top). */}
      <Toolbar
        label="Pack actions"
        className="flex flex-wrap items-center gap-x-2 gap-y-2 sm:ml-auto sm:justify-end"
      >
        {review && <div className="mr-2 flex min-w-0 max-sm:w-full">{review}</div>}
        {signOff}
        {edit}
        <RefreshButton
          label="Refresh"
          busyLabel="Refreshing…"
          busy={refreshing}
          onClick={onRefresh}
        />
        <CopyButton
          text={() => window.location.href}
          label="Copy link"
          icon={<Link2 aria-hidden="true" className="size-4" />}
        />
      </Toolbar>
    </header>
  )
})
