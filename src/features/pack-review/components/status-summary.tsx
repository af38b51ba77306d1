import { FixedCount } from '@/components/fixed-count'

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

/** The pack's metadata progress in words, announced as it changes on a live pack. */
export function StatusSummary({
  completed,
  total,
  updatedAt,
  live,
}: {
  completed: number
  total: number
  /** When the pack was last fetched (ms since epoch). */
  updatedAt: number
  /** Metadata is still being generated, so the page keeps checking. */
  live: boolean
}) {
  return (
    <p role="status" className="truncate text-slate-700">
      <FixedCount
        value={completed.toLocaleString()}
        widest={total.toLocaleString()}
        className="font-semibold"
      />{' '}
      of {total.toLocaleString()} images have metadata.{' '}
      <span className="max-2xl:sr-only">
        Updated{' '}
        <time
          dateTime={new Date(updatedAt).toISOString()}
          className="inline-block min-w-[12ch] tabular-nums"
        >
          {timeFormat.format(updatedAt)}
        </time>
      </span>
      {live && (
        <span
          title="Checking for new metadata"
          className="ml-1.5 inline-flex items-center gap-1 text-sky-800"
        >
          <span
            aria-hidden="true"
            className="size-2 rounded-full bg-sky-500 motion-safe:animate-pulse"
          />
          {/* In full where the line has room; on narrower screens one word, the rest for
              screen readers, so the line is not cut off. */}
          <span className="max-2xl:sr-only">checking for new metadata</span>
          <span aria-hidden="true" className="2xl:hidden">
            live
          </span>
        </span>
      )}
    </p>
  )
}
