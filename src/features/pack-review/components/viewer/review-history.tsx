import { useQuery } from '@tanstack/react-query'
import { ErrorIcon } from '@/components/icons'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import { reviewQueries } from '@/features/pack-review/api/review-queries'
import { REASON_LABELS, isRejectReason } from '@contract/review-api/reasons'
import type { HistoryEntry } from '@contract/review-api/decision'

/** The API sends at most this many, newest first. */
const HISTORY_LIMIT = 200

const ENTRY_LABELS = { approved: 'Approved', rejected: 'Rejected', cleared: 'Cleared' } as const

/** Every change of the image's decision, newest first: who, when, what, why. */
export function ReviewHistory({
  packId,
  imageId,
  revision,
}: {
  packId: string
  imageId: string
  /** The shown decision's revision: a new one fetches the history again. */
  revision: number | null
}) {
  // Keyed by the revision too, so a teammate's decision on this image (which arrives by
  // polling, not through this tab's writes) fetches it again.
  const history = reviewQueries.history(packId, imageId)
  const { data, error, isPending } = useQuery({
    ...history,
    queryKey: [...history.queryKey, String(revision ?? 'none')],
  })
  if (isPending) return <p className="text-sm text-slate-600">Loading history…</p>
  if (error) {
    return (
      <p className="flex items-start gap-1.5 text-sm text-red-800">
        <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        History could not be loaded: {error.message}
      </p>
    )
  }
  if (data.entries.length === 0) {
    return <p className="text-sm text-slate-600 italic">No decisions yet</p>
  }
  return (
    <>
      <ol aria-label="History" className="flex flex-col">
        {data.entries.map((entry) => (
          <HistoryItem key={entry.revision} entry={entry} />
        ))}
      </ol>
      {data.entries.length >= HISTORY_LIMIT && (
        <p className="text-sm text-slate-600">
          The latest {HISTORY_LIMIT} changes; older ones are kept but not shown.
        </p>
      )}
    </>
  )
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const date = parseDate(entry.decided_at)
  const kind = entry.decision ?? 'cleared'
  return (
    <li className="relative border-l-2 border-slate-200 pb-3 pl-4 last:pb-0">
      <span
        aria-hidden="true"
        className={`absolute top-1.5 -left-[5px] size-2 rounded-full ${
          kind === 'approved'
            ? 'bg-emerald-600'
            : kind === 'rejected'
              ? 'bg-rose-600'
              : 'bg-slate-400'
        }`}
      />
      <p className="text-sm text-slate-900">
        <span className="font-semibold">{ENTRY_LABELS[kind]}</span>
        {entry.undo && <span className="text-slate-600"> (undo)</span>}
        {entry.reviewer && <> by {entry.reviewer}</>}
        {date && (
          <>
            ,{' '}
            <time
              dateTime={date.toISOString()}
              title={formatAbsolute(date)}
              className="text-slate-700"
            >
              {formatRelative(date)}
            </time>
          </>
        )}
      </p>
      {entry.reasons.length > 0 && (
        <p className="text-sm text-slate-700">
          {entry.reasons
            .map((reason) => (isRejectReason(reason) ? REASON_LABELS[reason] : reason))
            .join(', ')}
        </p>
      )}
      {entry.note && (
        <p className="mt-0.5 text-sm break-words whitespace-pre-line text-slate-700 italic">
          “{entry.note}”
        </p>
      )}
    </li>
  )
}
