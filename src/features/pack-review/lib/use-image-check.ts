import { useEffect, useState, useSyncExternalStore } from 'react'
import { isBroken, markBroken } from './broken-images'
import { checkImageUrls, type CheckProgress } from './check-image-urls'
import type { ReviewedImage } from './qa-flags'

/** The progress of the background image check, read by the component that shows it. */
export interface ImageCheck {
  subscribe: (listener: () => void) => () => void
  /** null while no check runs. */
  get: () => CheckProgress | null
}

/**
 * While `enabled`, checks that every image of the pack loads (see `checkImageUrls`), so the
 * broken-image flag is known for images whose tiles never tried. Progress lives in its own
 * small store: only the status line re-renders as images are checked, not the page.
 */
export function useImageCheck(items: readonly ReviewedImage[], enabled: boolean): ImageCheck {
  const [check] = useState(createCheckStore)
  useEffect(() => {
    if (!enabled) return
    const urls = items.flatMap((item) => (item.safeUrl === null ? [] : [item.safeUrl]))
    const stop = checkImageUrls(urls, {
      isBroken,
      onBroken: markBroken,
      onProgress: check.set,
    })
    return () => {
      stop()
      check.set(null)
    }
  }, [items, enabled, check])
  return check
}

export function useImageCheckProgress(check: ImageCheck): CheckProgress | null {
  return useSyncExternalStore(check.subscribe, check.get)
}

function createCheckStore(): ImageCheck & { set: (progress: CheckProgress | null) => void } {
  let progress: CheckProgress | null = null
  const listeners = new Set<() => void>()
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: () => progress,
    set: (next) => {
      progress = next
      for (const listener of listeners) listener()
    },
  }
}
