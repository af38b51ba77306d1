import type { ReviewedImage } from './qa-flags'
import type { ReviewState } from './review-state'

/**
 * What the page can change about its images through the Partner API. The app gives it (the
 * writes, their dialogs and their notices are another feature's); one object for the whole
 * page, the same from render to render, so memoized tiles do not re-render.
 */
export interface ImageEdits {
  /** False: this server does not let this user change packs; the buttons show, disabled. */
  enabled: boolean
  /** Adds each image's URL again (new metadata, a new ID, at the end) and deletes the old one. */
  retryMetadata: (items: readonly ReviewedImage[]) => void
  /** Asks, then deletes the images from the pack, with an undo for a while. */
  remove: (items: readonly ReviewedImage[]) => void
}

/**
 * Whether a retry is offered: the metadata failed, or review found it wrong or it changed
 * under a decision. It needs a URL that can be added again (http or https).
 */
export function canRetryMetadata(item: ReviewedImage, state: ReviewState): boolean {
  if (item.safeUrl === null) return false
  return item.status === 'error' || state === 'rejected' || state === 'outdated'
}
