import { memo } from 'react'
import { ErrorIcon } from '@/components/icons'

/** Failed images grouped by message: the usual first question in a review. */
export const ErrorGroups = memo(function ErrorGroups({
  errors,
  onSelect,
}: {
  errors: readonly [message: string, count: number][]
  onSelect: (message: string) => void
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
          <li key={message}>
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
          </li>
        ))}
      </ul>
    </section>
  )
})
