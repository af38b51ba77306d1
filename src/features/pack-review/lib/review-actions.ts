import type { ReviewedImage } from './qa-flags'

/**
 * What the review buttons and keys do to one image. One object for the whole page, the
 * same from render to render, so memoized tiles do not re-render when it is passed down.
 */
export interface ReviewActions {
  approve: (item: ReviewedImage) => void
  /** Opens the reject dialog for the image (after the name dialog, the first time). */
  reject: (item: ReviewedImage) => void
  clear: (item: ReviewedImage) => void
  retry: (item: ReviewedImage) => void
}
