import { useCallback, useSyncExternalStore } from 'react'

export const AUTO_ADVANCE_KEY = 'pack-explorer:auto-advance'

/** Where the choice lives when the browser refuses storage (privacy settings). */
let unstored = true

function readStored(): boolean {
  try {
    // On unless turned off: a reviewer going through a pack wants the next image.
    return localStorage.getItem(AUTO_ADVANCE_KEY) !== 'off'
  } catch {
    return unstored
  }
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === AUTO_ADVANCE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** Whether a decision moves on to the next image that needs review, remembered here. */
export function useAutoAdvance(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, readStored)
  const set = useCallback((next: boolean) => {
    unstored = next
    try {
      localStorage.setItem(AUTO_ADVANCE_KEY, next ? 'on' : 'off')
    } catch {
      // Not remembered, still applied for this page.
    }
    for (const listener of listeners) listener()
  }, [])
  return [on, set]
}
