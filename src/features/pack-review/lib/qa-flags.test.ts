import { describe, expect, it } from 'vitest'
import {
  createImage,
  createMetadata,
  createPack,
  pendingMetadata,
} from '@contract/partner-api/wire'
import { packSchema, type PackImage } from '@contract/partner-api/pack'
import { countUrls, flagsOf, reviewImage, type ReviewedImage } from './qa-flags'

/** Reviews every image of a pack, as loading it does. */
function reviewImages(images: readonly PackImage[]): ReviewedImage[] {
  const urlCounts = countUrls(images)
  return images.map((image, index) => reviewImage(image, index, urlCounts))
}

const review = (wire: Parameters<typeof createPack>[0]) =>
  reviewImages(packSchema.parse(createPack(wire)).images)

describe('reviewImages', () => {
  it('flags unsafe URLs and never keeps them as a source', () => {
    const [js, relative, missing, ok] = review({
      images: [
        createImage({ url: 'javascript:alert(1)' }),
        createImage({ url: '//evil.example/x.jpg' }),
        createImage({ url: null }),
        createImage({ url: 'https://cdn.example.com/ok.jpg' }),
      ],
    })
    for (const item of [js, relative, missing]) {
      expect(item!.flags).toContain('unsafe')
      expect(item!.safeUrl).toBeNull()
    }
    expect(ok!.flags).toEqual([])
    expect(ok!.safeUrl).toBe('https://cdn.example.com/ok.jpg')
  })

  it('flags completed images without description or keywords, not pending ones', () => {
    const [bare, pending] = review({
      images: [
        createImage({ metadata: createMetadata({ description: '  ', keywords: [] }) }),
        createImage({ metadata: pendingMetadata() }),
      ],
    })
    expect(bare!.flags).toEqual(['no-description', 'no-keywords'])
    expect(pending!.flags).toEqual([])
  })

  it('flags every image that shares its URL with another', () => {
    const url = 'https://cdn.example.com/same.jpg'
    const flags = review({
      images: [createImage({ url }), createImage(), createImage({ url })],
    }).map((item) => item.flags)
    expect(flags).toEqual([['duplicate'], [], ['duplicate']])
  })

  it('numbers images in API order and adds broken from the browser', () => {
    const items = review({ images: [createImage(), createImage()] })
    expect(items.map((item) => item.position)).toEqual([1, 2])
    expect(flagsOf(items[1]!, new Set([items[1]!.safeUrl!]))).toEqual(['broken'])
    expect(flagsOf(items[0]!, new Set([items[1]!.safeUrl!]))).toEqual([])
  })
})
