import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * The element's width and its top in the page, remeasured when it or the page resizes: what
 * a window-scrolled virtualized list needs to place its rows.
 */
export function usePageBox(ref: RefObject<HTMLElement | null>): { width: number; top: number } {
  const [box, setBox] = useState({ width: 0, top: 0 })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () =>
      setBox((previous) => {
        const width = element.clientWidth
        const top = element.getBoundingClientRect().top + window.scrollY
        return previous.width === width && previous.top === top ? previous : { width, top }
      })
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [ref])
  return box
}
