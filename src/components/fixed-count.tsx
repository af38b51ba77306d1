/**
 * A number that keeps the width of the largest it can become (left-aligned: its start stays
 * put too), so live counts changing
 * (9 to 10, 0% to 100%) do not move the words after them.
 */
export function FixedCount({
  value,
  widest,
  className = '',
}: {
  value: string
  /** The widest text `value` can take, e.g. the total it counts up to. */
  widest: string
  className?: string
}) {
  return (
    <span
      className={`inline-block tabular-nums ${className}`}
      // `ch` is the width of a digit; signs such as % are wider, so one more.
      style={{ minWidth: `${widest.length + (/^[\d,.\s]*$/.test(widest) ? 0 : 1)}ch` }}
    >
      {value}
    </span>
  )
}
