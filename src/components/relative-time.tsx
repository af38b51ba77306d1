import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'

/** A date as "3 days ago", with the exact time in a tooltip and in machine-readable form. */
export function RelativeTime({
  value,
  prefix,
  fallback,
}: {
  value: string | null
  prefix?: string
  fallback: string
}) {
  const date = parseDate(value)
  if (!date) return <span>{fallback}</span>
  const absolute = formatAbsolute(date)
  return (
    <span>
      {prefix && `${prefix} `}
      <time dateTime={date.toISOString()} title={absolute}>
        {formatRelative(date)}
      </time>
    </span>
  )
}
