/**
 * The images around `index` in the current view: up to `radius` on either side, more on
 * one side when the other runs out, so the strip keeps its length near either end.
 */
export function filmstripWindow<T>(
  items: readonly T[],
  index: number,
  radius = 5,
): { start: number; items: readonly T[] } {
  if (index < 0 || index >= items.length) return { start: 0, items: [] }
  const length = Math.min(items.length, radius * 2 + 1)
  const start = Math.max(0, Math.min(index - radius, items.length - length))
  return { start, items: items.slice(start, start + length) }
}
