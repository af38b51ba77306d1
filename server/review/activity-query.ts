import { DEFAULT_ACTIVITY_LIMIT, MAX_ACTIVITY_LIMIT } from '../../contract/review-api/activity.ts'
import { isActivityId, isActivityLimit, type ActivityPageRequest } from './activity-store.ts'

export const ACTIVITY_QUERY_RULE =
  `limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}, and before the ` +
  'next_before of the page before, each given once at most.'

/**
 * `?limit=&before=` of the activity read, each once at most: the page to read, or 'invalid'
 * when either is not what it takes. Other parameters are ignored, as on the other reads.
 */
export function activityQueryOf(query: string): Required<ActivityPageRequest> | 'invalid' {
  const params = new URLSearchParams(query)
  const limits = params.getAll('limit')
  const befores = params.getAll('before')
  if (limits.length > 1 || befores.length > 1) return 'invalid'
  const [limitText] = limits
  const [before = null] = befores
  if (limitText !== undefined && !/^\d{1,3}$/.test(limitText)) return 'invalid'
  const limit = limitText === undefined ? DEFAULT_ACTIVITY_LIMIT : Number(limitText)
  if (!isActivityLimit(limit) || (before !== null && !isActivityId(before))) return 'invalid'
  return { limit, before }
}
