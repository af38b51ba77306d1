import { TriangleAlert } from 'lucide-react'
import { CopyButton } from '@/components/copy-button'
import { RefreshButton } from '@/components/refresh-button'
import type { Pack } from '@contract/partner-api/pack'

/**
 * The pack's `image_count` and its images disagree. Usually the API is still adding images,
 * so the way forward is to fetch again; if that does not settle it, the details go to support.
 */
export function CountMismatchNotice({
  pack,
  updatedAt,
  onRefresh,
  refreshing,
}: {
  pack: Pick<Pack, 'id' | 'name' | 'image_count' | 'images'>
  /** When the pack shown was fetched. */
  updatedAt: number
  onRefresh: () => void
  refreshing: boolean
}) {
  const returned = pack.images.length
  const details = () =>
    [
      'Pack Explorer: image count mismatch',
      `Pack: ${pack.id}${pack.name.trim() ? ` (${pack.name.trim()})` : ''}`,
      `Page: ${window.location.href}`,
      `image_count: ${pack.image_count}`,
      `Images returned: ${returned}`,
      `Fetched: ${new Date(updatedAt).toISOString()}`,
    ].join('\n')
  return (
    <div
      role="note"
      className="flex flex-col gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-600/30 sm:flex-row sm:items-center sm:gap-4"
    >
      <p className="flex min-w-0 flex-1 items-start gap-2">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {/* The first sentence reads exactly as it always did: tests and people look for it. */}
        <span>
          This pack reports {pack.image_count} images but the API returned {returned}. Fetch the
          pack again; if the numbers still differ, the API may still be adding images, or copy the
          details for support.
        </span>
      </p>
      <div className="flex shrink-0 flex-wrap gap-2 pl-6 sm:pl-0">
        <RefreshButton
          label="Fetch again"
          busyLabel="Fetching…"
          busy={refreshing}
          onClick={onRefresh}
        />
        <CopyButton text={details} label="Copy details" />
      </div>
    </div>
  )
}
