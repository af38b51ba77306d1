import { CircleCheck, LoaderCircle, TriangleAlert, X } from 'lucide-react'
import { useEffect, useEffectEvent, type ReactNode } from 'react'
import { describeWriteError } from '@/features/pack-edit/lib/describe-write-error'
import type { Batch } from '@/features/pack-edit/lib/image-write-batches'
import type { ApiError } from '@/lib/api-error'

/** Once a notice has nothing left to offer, it goes by itself after this long. */
const SETTLED_MS = 10_000

/** The card of one batch: how far it got, its outcome in a line, then what it has to say. */
export function NoticeCard({
  batch,
  title,
  onDismiss,
  waiting = false,
  children,
}: {
  batch: Batch
  title: string
  onDismiss: () => void
  /** Something can still be done from it (an undo): it stays. */
  waiting?: boolean
  children: ReactNode
}) {
  const failed = batch.finished && batch.done !== countGood(batch)
  const settled = batch.finished && !failed && !waiting
  const goBy = useEffectEvent(onDismiss)
  useEffect(() => {
    if (!settled) return
    const timer = window.setTimeout(() => goBy(), SETTLED_MS)
    return () => window.clearTimeout(timer)
  }, [settled])
  const Icon = !batch.finished ? LoaderCircle : failed ? TriangleAlert : CircleCheck
  return (
    <section
      aria-label={title}
      className={`flex flex-col gap-2 rounded-xl bg-white p-3 text-sm text-slate-800 shadow-lg ring-1 ${failed ? 'ring-amber-600/50' : 'ring-slate-900/10'}`}
    >
      <div className="flex items-start gap-2">
        <Icon
          aria-hidden="true"
          className={`mt-0.5 size-4 shrink-0 ${!batch.finished ? 'animate-spin text-indigo-700' : failed ? 'text-amber-700' : 'text-emerald-700'}`}
        />
        <p className="min-w-0 flex-1 font-semibold break-words text-slate-900">{title}</p>
        {batch.finished && (
          <button
            type="button"
            onClick={onDismiss}
            aria-label="Dismiss"
            title="Dismiss"
            className="-m-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        )}
      </div>
      {!batch.finished && (
        <progress
          value={batch.done}
          max={batch.total}
          aria-label={`${batch.done.toLocaleString('en-US')} of ${batch.total.toLocaleString('en-US')} done`}
          className="h-1.5 w-full overflow-hidden rounded-full accent-indigo-700"
        />
      )}
      {children}
    </section>
  )
}

function countGood(batch: Batch): number {
  if (batch.kind === 'retry') return batch.retried
  if (batch.kind === 'remove') return batch.removed.length
  return batch.added
}

/** What went wrong, item by item (scrolling past a few), and the one thing to do about it. */
export function Failures({
  intro,
  items,
  action,
}: {
  intro: string
  items: { key: string; what: string; error: ApiError }[]
  action: ReactNode
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <p>{intro}</p>
      <ul className="flex max-h-36 flex-col gap-1 overflow-y-auto">
        {items.map(({ key, what, error }) => (
          <li key={key} className="break-words">
            <span className="font-semibold">{what}</span>: {describeWriteError(error)}
          </li>
        ))}
      </ul>
      <div>{action}</div>
    </div>
  )
}
