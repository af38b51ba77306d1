import { useEffect, useEffectEvent } from 'react'

/**
 * Page-wide single-key shortcuts. They stay out of the way while the user types in a
 * field or holds a modifier, so `/` and `n` still type normally in the search box.
 */
export type ShortcutKey = '/' | '?' | 'n' | 'N' | '[' | '-' | '='

export function useReviewShortcuts(handlers: Partial<Record<ShortcutKey, () => void>>) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    const target = event.target as HTMLElement | null
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
    const handler = handlers[event.key as ShortcutKey]
    if (!handler) return
    event.preventDefault()
    handler()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}
