import { flagsOf, type ReviewedImage } from './qa-flags'

/** What `n` stops at: metadata that is not done or failed, or any QA flag. */
export function isProblem(item: ReviewedImage, brokenUrls: ReadonlySet<string>): boolean {
  return item.status !== 'completed' || flagsOf(item, brokenUrls).length > 0
}

export interface ProblemStep {
  imageId: string
  /** 1-based rank of that image among the problems of the view. */
  rank: number
  count: number
}

/**
 * The next (or previous) problem after the image `fromId` in the view's order, wrapping
 * around; from no image, the first (or last) one. Null when the view has no problem.
 */
export function stepToProblem(
  items: readonly ReviewedImage[],
  brokenUrls: ReadonlySet<string>,
  fromId: string | null,
  direction: 1 | -1,
): ProblemStep | null {
  const problems: number[] = []
  items.forEach((item, index) => {
    if (isProblem(item, brokenUrls)) problems.push(index)
  })
  if (problems.length === 0) return null
  const from = fromId === null ? -1 : items.findIndex((item) => item.image.id === fromId)
  let rank: number
  if (from === -1) {
    rank = direction === 1 ? 0 : problems.length - 1
  } else if (direction === 1) {
    const next = problems.findIndex((index) => index > from)
    rank = next === -1 ? 0 : next
  } else {
    const before = problems.findLastIndex((index) => index < from)
    rank = before === -1 ? problems.length - 1 : before
  }
  return { imageId: items[problems[rank]!]!.image.id, rank: rank + 1, count: problems.length }
}
