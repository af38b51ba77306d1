import { useSyncExternalStore } from 'react'
import { z } from 'zod/mini'

export const RECENT_PACKS_KEY = 'pack-explorer:recent-packs'
export const MAX_RECENT_PACKS = 10

const recentPackSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.catch(z.string(), ''),
  openedAt: z.catch(z.string(), ''),
})

export type RecentPack = Readonly<z.infer<typeof recentPackSchema>>

const NONE: readonly RecentPack[] = Object.freeze([])

/**
 * Whatever is stored was written by another version of the app, another tab or a curious
 * user, so each entry is checked on its own and the bad ones dropped, never thrown.
 */
function parseRecentPacks(raw: string | null): readonly RecentPack[] {
  if (!raw) return NONE
  let stored: unknown
  try {
    stored = JSON.parse(raw)
  } catch {
    return NONE
  }
  if (!Array.isArray(stored)) return NONE
  const seen = new Set<string>()
  const packs: RecentPack[] = []
  for (const item of stored) {
    const result = recentPackSchema.safeParse(item)
    if (!result.success || seen.has(result.data.id)) continue
    seen.add(result.data.id)
    packs.push(result.data)
    if (packs.length === MAX_RECENT_PACKS) break
  }
  return packs
}

// Storage can be missing or throw on any access (blocked cookies, Safari private mode,
// quota): recent packs are a convenience, so failures are silent.
function readStored(): string | null {
  try {
    return window.localStorage.getItem(RECENT_PACKS_KEY)
  } catch {
    return null
  }
}

function writeStored(value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(RECENT_PACKS_KEY)
    else window.localStorage.setItem(RECENT_PACKS_KEY, value)
  } catch {
    return
  }
  for (const listener of listeners) listener()
}

const listeners = new Set<() => void>()

let snapshot: { raw: string | null; packs: readonly RecentPack[] } = { raw: null, packs: NONE }

/** Re-parses only when the stored string changed, so React sees the same array otherwise. */
function getSnapshot(): readonly RecentPack[] {
  const raw = readStored()
  if (raw !== snapshot.raw) snapshot = { raw, packs: parseRecentPacks(raw) }
  return snapshot.packs
}

function getServerSnapshot(): readonly RecentPack[] {
  return NONE
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange)
  // Other tabs; a null key means their storage was cleared.
  const onStorage = (event: StorageEvent) => {
    if (event.key === RECENT_PACKS_KEY || event.key === null) onChange()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('storage', onStorage)
  }
}

/** The recently opened packs, most recent first. */
export function getRecentPacks(): readonly RecentPack[] {
  return getSnapshot()
}

/**
 * Puts a pack at the top of the list (or moves it there, with its current name and time).
 * Pass the canonical id, as used in `/packs/<id>`: entries are de-duplicated on it exactly.
 */
export function recordRecentPack(entry: { id: string; name: string }, now = new Date()): void {
  if (!entry.id) return
  const others = getSnapshot().filter((pack) => pack.id !== entry.id)
  const packs = [{ id: entry.id, name: entry.name, openedAt: now.toISOString() }, ...others]
  writeStored(JSON.stringify(packs.slice(0, MAX_RECENT_PACKS)))
}

/** Takes a pack off the list (it was deleted). */
export function forgetRecentPack(id: string): void {
  const packs = getSnapshot()
  if (packs.some((pack) => pack.id === id)) {
    writeStored(JSON.stringify(packs.filter((pack) => pack.id !== id)))
  }
}

export function clearRecentPacks(): void {
  writeStored(null)
}

export function useRecentPacks(): readonly RecentPack[] {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
}
