import { useSyncExternalStore } from 'react'
import { MAX_REVIEWER_LENGTH } from '@contract/review-api/decision'

export const REVIEWER_NAME_KEY = 'pack-explorer:reviewer-name'

/** Where the name lives when the browser refuses storage (privacy settings). */
let unstored: string | null = null

/** The name this browser reviews under, trimmed; null until one is given. */
export function readReviewerName(): string | null {
  let stored: string | null
  try {
    stored = localStorage.getItem(REVIEWER_NAME_KEY)
  } catch {
    return unstored
  }
  const name = stored?.trim().slice(0, MAX_REVIEWER_LENGTH)
  return name ? name : null
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Named in another tab: this one follows.
  const onStorage = (event: StorageEvent) => {
    if (event.key === REVIEWER_NAME_KEY || event.key === null) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** Remembers the name (an empty one forgets it). */
export function storeReviewerName(name: string): void {
  const trimmed = name.trim().slice(0, MAX_REVIEWER_LENGTH)
  unstored = trimmed || null
  try {
    if (trimmed) localStorage.setItem(REVIEWER_NAME_KEY, trimmed)
    else localStorage.removeItem(REVIEWER_NAME_KEY)
  } catch {
    // Not remembered, still used in this page.
  }
  for (const listener of listeners) listener()
}

export function useReviewerName(): string | null {
  return useSyncExternalStore(subscribe, readReviewerName)
}
