import { safeHttpUrl } from '@/lib/safe-url'
import type { PackImage } from '@contract/partner-api/pack'
import { imageStatus, type ImageStatus } from './image-status'

export const QA_FLAGS = ['broken', 'unsafe', 'no-description', 'no-keywords', 'duplicate'] as const
export type QaFlag = (typeof QA_FLAGS)[number]

/** Chip text: part of the product's test contract, keep exact. */
export const FLAG_LABELS: Record<QaFlag, string> = {
  broken: 'Broken image',
  unsafe: 'Unsafe URL',
  'no-description': 'No description',
  'no-keywords': 'No keywords',
  duplicate: 'Duplicate URL',
}

/** An image with everything the review screens derive from it, computed once per pack load. */
export interface ReviewedImage {
  image: PackImage
  /** 1-based position in the pack, in API order. */
  position: number
  status: ImageStatus
  /** The URL when it may be used as an image source or link, else null. */
  safeUrl: string | null
  /** Flags known from the data alone; `broken` is added in the browser. */
  flags: readonly QaFlag[]
}

/**
 * How often each URL occurs in the pack, for the `duplicate` flag. Works on images not
 * validated yet too: a string `url` is kept as it is by the schema.
 */
export function countUrls(images: readonly unknown[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>()
  for (const image of images) {
    const url = (image as { url?: unknown } | null)?.url
    if (typeof url === 'string' && url) counts.set(url, (counts.get(url) ?? 0) + 1)
  }
  return counts
}

const NO_FLAGS: readonly QaFlag[] = []

export function reviewImage(
  image: PackImage,
  index: number,
  urlCounts: ReadonlyMap<string, number>,
): ReviewedImage {
  const status = imageStatus(image)
  const safeUrl = safeHttpUrl(image.url)
  const metadata = image.metadata
  const flags: QaFlag[] = []
  if (safeUrl === null) flags.push('unsafe')
  if (status === 'completed' && !metadata?.description?.trim()) flags.push('no-description')
  if (status === 'completed' && !metadata?.keywords.length) flags.push('no-keywords')
  if (image.url && (urlCounts.get(image.url) ?? 0) > 1) flags.push('duplicate')
  return {
    image,
    position: index + 1,
    status,
    safeUrl,
    // Most images have no flag: they share one empty list (10,000 fewer arrays kept).
    flags: flags.length ? flags : NO_FLAGS,
  }
}

const searchTexts = new WeakMap<ReviewedImage, string>()

/**
 * Lower-cased description, keywords, id, URL and error, for search. Built on the first
 * search rather than with the pack: that keeps 10,000 strings out of the first screen's way.
 */
export function searchTextOf(item: ReviewedImage): string {
  let text = searchTexts.get(item)
  if (text === undefined) {
    const { image } = item
    const metadata = image.metadata
    text = [
      metadata?.description,
      ...(metadata?.keywords ?? []),
      image.id,
      image.url,
      metadata?.error,
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase()
    searchTexts.set(item, text)
  }
  return text
}

/** The flags of an image, with `broken` when the browser failed to load it. */
export function flagsOf(item: ReviewedImage, brokenUrls: ReadonlySet<string>): readonly QaFlag[] {
  return item.safeUrl !== null && brokenUrls.has(item.safeUrl)
    ? ['broken', ...item.flags]
    : item.flags
}
