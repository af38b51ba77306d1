import { useCallback, useState } from 'react'

/**
 * A ref callback and the height of the sticky element it is attached to, kept up to date;
 * 0 while the element does not stick (a phone layout that lets it scroll away).
 */
export function useStickyHeight<T extends HTMLElement>(): [(element: T | null) => void, number] {
  const [height, setHeight] = useState(0)
  const ref = useCallback((element: T | null) => {
    if (!element) return
    const measure = () =>
      setHeight(getComputedStyle(element).position === 'sticky' ? element.offsetHeight : 0)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, height]
}
