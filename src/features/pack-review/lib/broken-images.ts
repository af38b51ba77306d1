import { useSyncExternalStore } from 'react'

/**
 * URLs the browser failed to load, shared by every card, the flag counts and the filters.
 * Replaced (not mutated) on change so React sees a new snapshot.
 */
let broken: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

export function markBroken(url: string): void {
  if (broken.has(url)) return
  broken = new Set(broken).add(url)
  for (const listener of listeners) listener()
}

/** Whether the browser is known to have failed to load `url`, right now. */
export function isBroken(url: string): boolean {
  return broken.has(url)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useBrokenImages(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => broken)
}
