import { useLayoutEffect } from 'react'

/**
 * Keeps the page behind a full-window dialog where it is: a wheel or swipe over the dialog
 * would otherwise scroll the document underneath, and closing would not return to the same
 * place. The page's scrollbar goes, and padding takes its width, so the page keeps its width
 * (and the gallery its columns and row heights) meanwhile.
 */
export function usePageScrollLock(): void {
  useLayoutEffect(() => {
    const root = document.documentElement
    const { body } = document
    const scrollbar = window.innerWidth - root.clientWidth
    const saved = { overflow: root.style.overflow, paddingRight: body.style.paddingRight }
    root.style.overflow = 'hidden'
    if (scrollbar > 0) body.style.paddingRight = `${scrollbar}px`
    return () => {
      root.style.overflow = saved.overflow
      body.style.paddingRight = saved.paddingRight
    }
  }, [])
}
