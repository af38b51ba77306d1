import type { SentRequest } from '@/lib/api-client'

interface EarlyRequest extends SentRequest {
  path: string
}

declare global {
  interface Window {
    /** Set by public/early-pack-request.js when the page opened on a pack link. */
    packExplorerEarlyRequest?: EarlyRequest
  }
}

/**
 * The request public/early-pack-request.js started for `path` when the page opened on a pack
 * link, before this code had even downloaded; taken once, later calls send their own. That
 * script builds the path as packPath() does (early-pack-request.test.ts checks it), and a
 * request never taken is harmless.
 */
export function takeEarlyRequest(path: string): SentRequest | undefined {
  const early = typeof window === 'undefined' ? undefined : window.packExplorerEarlyRequest
  if (early?.path !== path) return undefined
  delete window.packExplorerEarlyRequest
  return early
}
