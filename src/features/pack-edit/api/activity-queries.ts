import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiGet } from '@/lib/api-client'
import { isApiError } from '@/lib/api-error'
import { reviewActivityPath } from '@contract/review-api/paths'
import { activityKey } from './activity-key'

export { activityKey }

/** Entries per page of the Activity section: `Show older` asks for the next. */
export const ACTIVITY_PAGE_SIZE = 25

/**
 * One entry (`contract/review-api/activity.ts`), read leniently: one this page cannot read in
 * full (an action or intent it does not know yet, from a newer server) is still shown, with
 * what it has. Only its ID and result are required.
 */
const entrySchema = z.looseObject({
  id: z.string(),
  ok: z.boolean(),
  action: z.catch(z.string(), 'unknown'),
  intent: z.catch(z.nullable(z.string()), null),
  pack_id: z.catch(z.nullable(z.string()), null),
  actor: z.catch(z.string(), ''),
  at: z.catch(z.string(), ''),
  image_ids: z.catch(z.array(z.string()), []),
  urls: z.catch(z.array(z.string()), []),
  details: z.catch(z.looseObject({}), {}),
  status: z.catch(z.number(), 0),
  error_code: z.catch(z.nullable(z.string()), null),
})

export type ActivityEntry = z.infer<typeof entrySchema>

const pageSchema = z.looseObject({
  entries: z.array(z.unknown()),
  next_before: z.catch(z.nullable(z.string()), null),
})

/** A pack's activity as far back as it was read, newest first, or one page of it. */
export interface ActivityLog {
  entries: ActivityEntry[]
  /** Entries that could not be read at all (no ID, no result): left out. */
  unreadable: number
  /** The `before` of the next, older page; null when the oldest entry is in. */
  nextBefore: string | null
}

export async function fetchActivityPage(
  packId: string,
  before: string | null,
  signal?: AbortSignal,
): Promise<ActivityLog> {
  const query = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) })
  if (before !== null) query.set('before', before)
  const page = await apiGet(`${reviewActivityPath(packId)}?${query}`, pageSchema, { signal })
  const entries: ActivityEntry[] = []
  for (const raw of page.entries) {
    const parsed = entrySchema.safeParse(raw)
    if (parsed.success) entries.push(parsed.data)
  }
  return {
    entries,
    unreadable: page.entries.length - entries.length,
    nextBefore: page.next_before,
  }
}

/** The review store is down (503 `reviews_unavailable`): said at once, not retried. */
export function isActivityUnavailable(error: unknown): boolean {
  return isApiError(error) && error.status === 503 && error.errorCode === 'reviews_unavailable'
}

/** Network trouble and 5xx are tried again twice; the store being down is said at once. */
function retryActivity(failures: number, error: unknown): boolean {
  if (failures >= 2 || !isApiError(error) || isActivityUnavailable(error)) return false
  return error.kind === 'network' || error.kind === 'timeout' || error.status >= 500
}

/** A pack's activity, newest first, a page at a time. */

/**
 * A pack's activity. Read again (after a write), it asks for the newest page only and keeps
 * the older entries already shown below it, when the two meet; `loadOlder` adds a page.
 * Not TanStack's infinite query: its code would land in the pack page's first chunk.
 */
export const activityQuery = (packId: string) =>
  queryOptions({
    queryKey: activityKey(packId),
    queryFn: async ({ signal, client }): Promise<ActivityLog> => {
      const newest = await fetchActivityPage(packId, null, signal)
      return withNewest(client.getQueryData<ActivityLog>(activityKey(packId)), newest)
    },
    retry: retryActivity,
  })

/** Reads the page before the oldest entry shown, and adds it to the log. */
export async function loadOlder(client: QueryClient, packId: string): Promise<void> {
  const { queryKey } = activityQuery(packId)
  const before = client.getQueryData(queryKey)?.nextBefore
  if (!before) return
  const older = await fetchActivityPage(packId, before)
  client.setQueryData(queryKey, (log) =>
    // Read again meanwhile, to another end: that page is not the next one any more.
    log && log.nextBefore === before
      ? {
          entries: [...log.entries, ...older.entries.filter((e) => isOlder(e.id, before))],
          unreadable: log.unreadable + older.unreadable,
          nextBefore: older.nextBefore,
        }
      : log,
  )
}

/**
 * The newest page over what was read before: the older entries stay when the previous read
 * reaches at least as new as the page's oldest (no gap between them); else the page alone.
 */
export function withNewest(previous: ActivityLog | undefined, newest: ActivityLog): ActivityLog {
  const end = newest.entries.at(-1)?.id
  const [first] = previous?.entries ?? []
  if (!previous || !end || !first || newest.nextBefore === null || isOlder(first.id, end))
    return newest
  const kept = previous.entries.filter((entry) => isOlder(entry.id, end))
  const reached = !isOlder(end, previous.entries.at(-1)!.id)
  return {
    entries: [...newest.entries, ...kept],
    unreadable: newest.unreadable + (kept.length > 0 ? previous.unreadable : 0),
    nextBefore: reached ? previous.nextBefore : newest.nextBefore,
  }
}

/** Whether entry ID `a` is older (smaller) than `b`: decimals without leading zeros. */
function isOlder(a: string, b: string): boolean {
  return a.length < b.length || (a.length === b.length && a < b)
}
