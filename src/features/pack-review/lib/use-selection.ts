import { useState } from 'react'
import type { ReviewedImage } from './qa-flags'

/** The images picked for a bulk action, by ID, and where a Shift+click range starts. */
export interface Selection {
  ids: ReadonlySet<string>
  /** The image last toggled on its own: a Shift+click selects from here. */
  anchor: string | null
}

export const NO_SELECTION: Selection = Object.freeze({ ids: new Set<string>(), anchor: null })

export function toggle(selection: Selection, imageId: string): Selection {
  const ids = new Set(selection.ids)
  if (!ids.delete(imageId)) ids.add(imageId)
  return { ids, anchor: imageId }
}

/**
 * Adds every image from `from` to `to`, both included, in the order shown. Without a start
 * that is still shown, it is a toggle of `to`. The range's end is the next one's start.
 */
export function range(
  selection: Selection,
  from: string | null,
  to: string,
  visible: readonly ReviewedImage[],
): Selection {
  const start = from === null ? -1 : visible.findIndex((item) => item.image.id === from)
  const end = visible.findIndex((item) => item.image.id === to)
  if (start === -1 || end === -1) return toggle(selection, to)
  const ids = new Set(selection.ids)
  for (let index = Math.min(start, end); index <= Math.max(start, end); index++) {
    ids.add(visible[index]!.image.id)
  }
  return { ids, anchor: to }
}

/** Every image shown, mounted or not: one Set, no state per card. */
export function selectAll(visible: readonly ReviewedImage[]): Selection {
  return { ids: new Set(visible.map((item) => item.image.id)), anchor: null }
}

/** Keeps only the selected images still shown; the same object when none left the view. */
export function prune(selection: Selection, visible: readonly ReviewedImage[]): Selection {
  if (selection.ids.size === 0) return selection
  const shown = new Set(visible.map((item) => item.image.id))
  const ids = new Set([...selection.ids].filter((id) => shown.has(id)))
  const anchor = selection.anchor !== null && shown.has(selection.anchor) ? selection.anchor : null
  return ids.size === selection.ids.size && anchor === selection.anchor
    ? selection
    : { ids, anchor }
}

export interface SelectionControls {
  selection: Selection
  /** A click on a checkbox (or Space on a card); `extend`: Shift was held, select the range. */
  select: (imageId: string, extend: boolean) => void
  selectAll: () => void
  clear: () => void
}

/**
 * The selection of the current view. Not in the URL: it is a working set, not a view to
 * share. When the view changes (filters, search, sort, new data), the images that left it
 * leave the selection, so a bulk action only ever touches what is shown. The functions are
 * the same from render to render, so memoized cards do not re-render for them.
 */
export function useSelection(visible: readonly ReviewedImage[]): SelectionControls {
  const [state, setState] = useState({ selection: NO_SELECTION, visible })
  let { selection } = state
  if (state.visible !== visible) {
    // Adjusted while rendering (not in an effect), so no frame shows images no longer shown.
    selection = prune(selection, visible)
    setState({ selection, visible })
  }
  const [controls] = useState(() => ({
    select: (imageId: string, extend: boolean) =>
      setState((current) => ({
        ...current,
        selection: extend
          ? range(current.selection, current.selection.anchor, imageId, current.visible)
          : toggle(current.selection, imageId),
      })),
    selectAll: () => setState((current) => ({ ...current, selection: selectAll(current.visible) })),
    clear: () => setState((current) => ({ ...current, selection: NO_SELECTION })),
  }))
  return { selection, ...controls }
}
