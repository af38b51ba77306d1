/** Longest wait we honour from a server, so a hostile header cannot park the UI. */
export const MAX_RETRY_AFTER_SECONDS = 60

/**
 * Parses `Retry-After` (delta-seconds or HTTP-date) into whole seconds from `now`,
 * clamped to [0, MAX_RETRY_AFTER_SECONDS]. Returns null when absent or unparseable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  if (/^\d+$/.test(trimmed)) return clamp(Number(trimmed))
  // An HTTP-date always names its month; this keeps "-3" from parsing as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN
  if (Number.isNaN(date)) return null
  return clamp(Math.ceil((date - now) / 1000))
}

function clamp(seconds: number): number {
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS)
}
