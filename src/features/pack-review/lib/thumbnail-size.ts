import { useCallback, useSyncExternalStore } from 'react'

export const THUMBNAIL_SIZES = ['small', 'medium', 'large'] as const
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number]

export const THUMBNAIL_SIZE_KEY = 'pack-explorer:thumbnail-size'
export const DEFAULT_THUMBNAIL_SIZE: ThumbnailSize = 'medium'

export const THUMBNAIL_SIZE_LABELS: Record<ThumbnailSize, string> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
}

/** The width a tile aims for; the gallery fits as many columns of it as the width allows. */
const TILE_TARGET_WIDTH: Record<ThumbnailSize, number> = { small: 112, medium: 168, large: 264 }

export function columnsFor(width: number, size: ThumbnailSize, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (TILE_TARGET_WIDTH[size] + gap)))
}

/** One step smaller (-1) or larger (+1), stopping at the ends. */
export function stepThumbnailSize(size: ThumbnailSize, step: -1 | 1): ThumbnailSize {
  const index = THUMBNAIL_SIZES.indexOf(size) + step
  return THUMBNAIL_SIZES[Math.min(Math.max(index, 0), THUMBNAIL_SIZES.length - 1)]!
}

/** Where the size lives when the browser refuses storage (privacy settings). */
let unstored: ThumbnailSize = DEFAULT_THUMBNAIL_SIZE

function readStored(): ThumbnailSize {
  let stored: string | null
  try {
    stored = localStorage.getItem(THUMBNAIL_SIZE_KEY)
  } catch {
    return unstored
  }
  return THUMBNAIL_SIZES.find((size) => size === stored) ?? DEFAULT_THUMBNAIL_SIZE
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another tab changed it: follow.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THUMBNAIL_SIZE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** The gallery's thumbnail size, remembered in this browser. */
export function useThumbnailSize(): [ThumbnailSize, (size: ThumbnailSize) => void] {
  const size = useSyncExternalStore(subscribe, readStored)
  const setSize = useCallback((next: ThumbnailSize) => {
    unstored = next
    try {
      localStorage.setItem(THUMBNAIL_SIZE_KEY, next)
    } catch {
      // Not remembered, still applied for this page.
    }
    for (const listener of listeners) listener()
  }, [])
  return [size, setSize]
}
