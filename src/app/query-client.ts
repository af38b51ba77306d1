import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/lib/api-error'

/** Tries per request, the first included. */
export const MAX_TRIES = 3
const MAX_BACKOFF_MS = 8_000

/**
 * Retry what time can fix: 429 (after its Retry-After), 5xx, network failures and
 * timeouts. Other 4xx and contract violations get the same answer every time.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error) || failureCount >= MAX_TRIES - 1) return false
  if (error.kind === 'network' || error.kind === 'timeout') return true
  return error.kind === 'http' && (error.status === 429 || error.status >= 500)
}

/** Honour the server's Retry-After; otherwise back off 1 s, 2 s, 4 s… */
export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== null) return error.retryAfterSeconds * 1000
  return Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 30_000,
      },
    },
  })
}
