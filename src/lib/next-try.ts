import { useQueryClient, type FetchStatus } from '@tanstack/react-query'
import { isApiError } from './api-error'

/**
 * When TanStack Query sends the next try of a failing query (ms since the epoch), or null
 * when no try is waiting. The query's state holds no time, so the wait is measured from the
 * moment the last failure happened, with the client's own `retryDelay`: the same call
 * TanStack Query makes, which passes the failures counted before this one.
 */
export function useNextTryAt({
  failureCount,
  failureReason,
  fetchStatus,
}: {
  failureCount: number
  failureReason: unknown
  fetchStatus: FetchStatus
}): number | null {
  const retryDelay = useQueryClient().getDefaultOptions().queries?.retryDelay
  // `paused` waits for the network, not for a time; the pages say so on their own.
  if (fetchStatus !== 'fetching' || failureCount === 0 || !isApiError(failureReason)) return null
  const delay =
    typeof retryDelay === 'function' ? retryDelay(failureCount - 1, failureReason) : retryDelay
  return typeof delay === 'number' ? failureReason.occurredAt + delay : null
}
