// Number formatting and Markdown tables for BENCHMARKS.md (report.mjs, report-review.mjs).

/**
 * @param {(number | null | undefined)[]} values
 * @returns {number | null}
 */
export function median(values) {
  const sorted = values
    .filter((v) => typeof v === 'number' && Number.isFinite(v))
    .map(Number)
    .sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] ?? 0
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2
}

export const fmt = (/** @type {number | null} */ value, digits = 0) =>
  value === null
    ? '–'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
/** CLS to 3 decimals, and exactly 0 when nothing shifted. */
export const clsText = (/** @type {number | null} */ value) => (value === 0 ? '0' : fmt(value, 3))
export const ms = (/** @type {number | null} */ value) =>
  value === null ? '–' : `${fmt(value)} ms`
export const mb = (/** @type {number | null} */ bytes) =>
  bytes === null ? '–' : `${fmt(bytes / 1024 ** 2, 1)} MB`
export const kb = (/** @type {number} */ bytes) => `${fmt(bytes / 1024, 1)} KB`
export const ratio = (/** @type {number | null} */ a, /** @type {number | null} */ b) =>
  a === null || b === null || b === 0 ? null : a / b
export const times = (/** @type {number | null} */ value, digits = 2) =>
  value === null ? '–' : `${fmt(value, digits)}×`
export const pass = (/** @type {boolean | null} */ ok) =>
  ok === null ? 'n/a' : ok ? '**pass**' : '**FAIL**'
export const table = (/** @type {string[]} */ head, /** @type {string[][]} */ rows) =>
  [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
