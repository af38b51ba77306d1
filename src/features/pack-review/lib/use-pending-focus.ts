import { useCallback, useEffect, useRef, type RefObject } from 'react'

/**
 * Focus for a virtualized list: `focusLater(index)` focuses that item's `[data-card-link]`
 * now if it is mounted, else as soon as a render (`rendered`: the virtualizer's rows)
 * mounts it, which can take a scroll and a render.
 */
export function usePendingFocus(
  container: RefObject<HTMLElement | null>,
  rendered: unknown,
): (index: number) => void {
  const pending = useRef<number | null>(null)
  const tryFocus = useCallback(() => {
    if (pending.current === null) return
    const link = container.current?.querySelector<HTMLElement>(
      `[data-index="${pending.current}"] [data-card-link]`,
    )
    if (!link) return
    link.focus({ preventScroll: true })
    pending.current = null
  }, [container])
  useEffect(tryFocus, [tryFocus, rendered])
  return useCallback(
    (index: number) => {
      pending.current = index
      tryFocus()
    },
    [tryFocus],
  )
}
