import {
  IMAGE_STATUSES,
  STATUS_LABELS,
  type ImageStatus,
} from '@/features/pack-review/lib/image-status'
import { StatusIcon } from './status-badge'
import { STATUS_COLORS, STATUS_STYLES } from './status-styles'

/**
 * The status counts as one segmented bar: a segment per status that filters by it when
 * pressed, over a line split in the statuses' proportions (the pack's progress). Segments
 * have fixed widths and the line is one gradient, so nothing moves while a live pack's
 * counts change.
 */
export function StatusBar({
  counts,
  selected,
  onToggle,
  completed,
  total,
  withUnknown,
}: {
  /** Counts of the images the other filters let through. */
  counts: Record<ImageStatus, number>
  selected: readonly ImageStatus[]
  onToggle: (status: ImageStatus) => void
  /** The whole pack's completed images and size, for the progress line. */
  completed: number
  total: number
  /** Whether the pack has images of an unknown status, which then get a segment too. */
  withUnknown: boolean
}) {
  const statuses = IMAGE_STATUSES.filter((status) => status !== 'unknown' || withUnknown)
  const shownTotal = statuses.reduce((sum, status) => sum + counts[status], 0)
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100)
  // Room for the largest count, so a count gaining a digit moves nothing.
  const digits = `${total.toLocaleString().length}ch`
  return (
    <div className="flex w-full min-w-0 flex-col gap-1 md:w-auto md:min-w-64 md:flex-1">
      <ul aria-label="Status counts" className="flex min-w-0 gap-1">
        {statuses.map((status) => (
          <li key={status} className="flex min-w-0 flex-1">
            <button
              type="button"
              aria-pressed={selected.includes(status)}
              title={`${STATUS_LABELS[status]}: ${counts[status].toLocaleString()}`}
              onClick={() => onToggle(status)}
              className={`inline-flex h-8 w-full min-w-0 items-center justify-center gap-1 rounded-md px-1.5 text-xs font-semibold ring-1 aria-pressed:ring-2 aria-pressed:ring-slate-900 aria-pressed:ring-offset-2 ${STATUS_STYLES[status].className}`}
            >
              <StatusIcon status={status} className="size-3.5" />
              <span className="sr-only truncate 2xl:not-sr-only">{STATUS_LABELS[status]}</span>
              <span className="text-left tabular-nums" style={{ minWidth: digits }}>
                {counts[status].toLocaleString()}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div
        role="progressbar"
        aria-label="Images with completed metadata"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={`${completed} of ${total} (${percent}%)`}
        className="h-1.5 rounded-full bg-slate-200"
        style={{ backgroundImage: proportions(statuses, counts, shownTotal) }}
      />
    </div>
  )
}

/** Hard-stop gradient: each status's colour over its share of the images shown. */
function proportions(
  statuses: readonly ImageStatus[],
  counts: Record<ImageStatus, number>,
  total: number,
): string | undefined {
  if (total === 0) return undefined
  let start = 0
  const stops = statuses.map((status) => {
    const end = start + (counts[status] / total) * 100
    const stop = `${STATUS_COLORS[status]} ${start}% ${end}%`
    start = end
    return stop
  })
  return `linear-gradient(to right, ${stops.join(', ')})`
}
