import { useLayoutEffect, useState } from 'react'

/**
 * The width of an element in CSS pixels, followed as it changes; `fallback` until measured
 * (and where nothing can be measured, as in tests). Pass the returned ref callback as `ref`.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const [element, setElement] = useState<T | null>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    if (!element) return
    const measure = () => setWidth(Math.round(element.clientWidth) || fallback)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [element, fallback])
  return [setElement, width] as const
}
