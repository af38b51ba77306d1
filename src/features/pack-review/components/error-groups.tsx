import { memo } from 'react'
import { ErrorIcon, RetryMetadataIcon } from '@/components/icons'
import { EDITING_OFF } from '@/lib/editing'

/**
 * Failed images grouped by message: the usual first question in a review. A click shows a
 * group; `Retry these <n>` (where the page can edit) retries the metadata of all of them.
 */
export const ErrorGroups = memo(function ErrorGroups({
  errors,
  onSelect,
  retry,
}: {
  errors: readonly [message: string, count: number][]
  onSelect: (message: string) => void
  retry?: { enabled: boolean; onRetry: (message: string) => void }
}) {
  if (errors.length === 0) return null
  return (
    <section aria-labelledby="error-groups-heading" className="flex flex-col gap-2">
      <h2
        id="error-groups-heading"
        className="flex items-center gap-1.5 text-sm font-semibold text-red-900"
      >
        <ErrorIcon aria-hidden="true" className="size-4" />
        Errors by message
      </h2>
      <ul className="flex flex-col gap-1">
        {errors.map(([message, count]) => (
          <li key={message} className="flex flex-col items-end gap-1">
            <button
              type="button"
              onClick={() => onSelect(message)}
              className="flex w-full items-start justify-between gap-3 rounded-md bg-red-50 px-2 py-1.5 text-left text-sm text-red-900 ring-1 ring-red-200 ring-inset hover:bg-red-100"
            >
              <span className="min-w-0 break-words">{message}</span>
              <span className="shrink-0 font-semibold tabular-nums">
                {count.toLocaleString()}
                <span className="sr-only">{count === 1 ? ' image' : ' images'}</span>
              </span>
            </button>
            {retry && (
              <button
                type="button"
                disabled={!retry.enabled}
                title={retry.enabled ? `Retry the metadata of these ${count}` : EDITING_OFF}
                onClick={() => retry.onRetry(message)}
                className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold text-red-900 hover:bg-red-50 disabled:cursor-not-allowed disabled:text-slate-500 disabled:hover:bg-transparent"
              >
                <RetryMetadataIcon aria-hidden="true" className="size-3.5" />
                Retry these {count.toLocaleString()}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
})
