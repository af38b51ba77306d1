import type { KeyboardEvent } from 'react'

/**
 * Space on a focused tile or row (its link) toggles its selection, Shift+Space selects the
 * range; the page does not scroll. Space on the checkbox or a button keeps its own meaning.
 * True when the key was taken.
 */
export function selectOnSpace(
  event: KeyboardEvent,
  onSelect: (imageId: string, extend: boolean) => void,
): boolean {
  if (event.key !== ' ' || event.altKey || event.ctrlKey || event.metaKey) return false
  const target = event.target as HTMLElement
  if (!target.matches('[data-card-link]')) return false
  const imageId = target.closest('[data-image-id]')?.getAttribute('data-image-id')
  if (!imageId) return false
  event.preventDefault()
  onSelect(imageId, event.shiftKey)
  return true
}
