import type { Pack } from '@contract/partner-api/pack'
import { imageStatus } from './image-status'

export const POLL_FIRST_MS = 5_000
export const POLL_MAX_MS = 60_000
export const POLL_BACKOFF = 1.5

export interface PollState {
  delay: number
  /** The response the delay was computed for (TanStack's `dataUpdatedAt`). */
  updatedAt: number
  /** Kept by reference: structural sharing keeps it identical when nothing changed. */
  data: Pack
}

/** Whether metadata is still being generated for any image. */
export function isGenerating(pack: Pack): boolean {
  return pack.images.some((image) => {
    const status = imageStatus(image)
    return status === 'pending' || status === 'processing'
  })
}

/**
 * The next poll: every 5 s while images are generating, ×1.5 after each poll that changed
 * nothing, at most 60 s; back to 5 s on any change; none once nothing is generating.
 */
export function nextPoll(
  previous: PollState | null,
  data: Pack | undefined,
  updatedAt: number,
): PollState | null {
  if (!data || !isGenerating(data)) return null
  if (!previous) return { delay: POLL_FIRST_MS, updatedAt, data }
  if (previous.updatedAt === updatedAt) return previous
  const delay =
    previous.data === data ? Math.min(previous.delay * POLL_BACKOFF, POLL_MAX_MS) : POLL_FIRST_MS
  return { delay, updatedAt, data }
}
