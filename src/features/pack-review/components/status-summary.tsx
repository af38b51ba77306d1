import { IMAGE_STATUSES, type ImageStatus } from '@/features/pack-review/lib/image-status'
import { StatusBadge } from './status-badge'

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

export function StatusSummary({
  counts,
  total,
  updatedAt,
  live,
}: {
  counts: Record<ImageStatus, number>
  total: number
  /** When the pack was last fetched (ms since epoch). */
  updatedAt: number
  /** Metadata is still being generated, so the page keeps checking. */
  live: boolean
}) {
  const percent = total === 0 ? 0 : Math.round((counts.completed / total) * 100)
  return (
    <section
      aria-labelledby="status-summary-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="status-summary-heading" className="text-sm font-semibold text-slate-900">
          Metadata progress
        </h2>
        <p role="status" className="text-sm text-slate-700">
          <strong className="font-semibold">{counts.completed.toLocaleString()}</strong> of{' '}
          {total.toLocaleString()} images have metadata ({percent}%). Updated{' '}
          <time dateTime={new Date(updatedAt).toISOString()}>{timeFormat.format(updatedAt)}</time>
          {live && (
            <span className="ml-1.5 inline-flex items-center gap-1 text-sky-800">
              <span
                aria-hidden="true"
                className="size-2 rounded-full bg-sky-500 motion-safe:animate-pulse"
              />
              checking for new metadata
            </span>
          )}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Images with completed metadata"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={counts.completed}
        aria-valuetext={`${counts.completed} of ${total} (${percent}%)`}
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-emerald-600 transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
      <ul aria-label="Status counts" className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
        {IMAGE_STATUSES.filter((status) => status !== 'unknown' || counts.unknown > 0).map(
          (status) => (
            <li key={status} className="flex items-center gap-1.5 text-sm text-slate-700">
              <StatusBadge status={status} />
              <span className="font-semibold tabular-nums">{counts[status].toLocaleString()}</span>
            </li>
          ),
        )}
      </ul>
    </section>
  )
}
