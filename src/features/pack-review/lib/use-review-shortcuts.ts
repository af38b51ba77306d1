import { useEffect, useEffectEvent } from 'react'

/**
 * Page-wide single-key shortcuts. They stay out of the way while the user types in a
 * field or holds a modifier, so `/` and `n` still type normally in the search box, and
 * inside a dialog that has keys of its own (`data-own-keys`: reject, name). The one
 * modifier combination taken is undo, `Ctrl+Z` (`Cmd+Z` on a Mac), as `undo`.
 */
export type ShortcutKey = '/' | '?' | 'n' | 'N' | '[' | '-' | '=' | 'a' | 'x' | 'u' | 'r' | 'undo'

function keyOf(event: KeyboardEvent): ShortcutKey | null {
  if (event.altKey) return null
  if (event.ctrlKey || event.metaKey) {
    return !event.shiftKey && event.key.toLowerCase() === 'z' ? 'undo' : null
  }
  return event.key === 'undo' ? null : (event.key as ShortcutKey)
}

export function useReviewShortcuts(handlers: Partial<Record<ShortcutKey, () => void>>) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return
    const target = event.target as HTMLElement | null
    if (target?.closest('input, textarea, select, [contenteditable="true"], [data-own-keys]')) {
      return
    }
    const key = keyOf(event)
    const handler = key === null ? undefined : handlers[key]
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
