import { describe, expect, it } from 'vitest'
import {
  createImage,
  createMetadata,
  createPack,
  failedMetadata,
  pendingMetadata,
  type WireImage,
} from '@contract/partner-api/wire'
import { packSchema } from '@contract/partner-api/pack'
import { countUrls, reviewImage } from './qa-flags'
import { isProblem, stepToProblem } from './problems'

function review(wire: WireImage[]) {
  const { images } = packSchema.parse(createPack({ images: wire }))
  const counts = countUrls(images)
  return images.map((image, index) => reviewImage(image, index, counts))
}

describe('stepToProblem', () => {
  const items = review([
    createImage({ id: 'a', url: 'https://cdn.example/a.png', metadata: createMetadata() }),
    createImage({ id: 'b', url: 'https://cdn.example/b.png', metadata: failedMetadata('x') }),
    createImage({ id: 'c', url: 'https://cdn.example/c.png', metadata: createMetadata() }),
    createImage({ id: 'd', url: 'https://cdn.example/d.png', metadata: pendingMetadata() }),
    createImage({ id: 'e', url: 'https://cdn.example/e.png', metadata: createMetadata() }),
  ])

  it('steps forward and back through the problems in the view order, wrapping', () => {
    const none = new Set<string>()
    expect(stepToProblem(items, none, null, 1)).toEqual({ imageId: 'b', rank: 1, count: 2 })
    expect(stepToProblem(items, none, 'b', 1)).toEqual({ imageId: 'd', rank: 2, count: 2 })
    expect(stepToProblem(items, none, 'd', 1)).toEqual({ imageId: 'b', rank: 1, count: 2 })
    expect(stepToProblem(items, none, 'c', -1)).toEqual({ imageId: 'b', rank: 1, count: 2 })
    expect(stepToProblem(items, none, 'a', -1)).toEqual({ imageId: 'd', rank: 2, count: 2 })
    expect(stepToProblem(items, none, null, -1)).toEqual({ imageId: 'd', rank: 2, count: 2 })
  })

  it('counts QA flags as problems, a broken image included', () => {
    const broken = new Set(['https://cdn.example/e.png'])
    expect(isProblem(items[4]!, broken)).toBe(true)
    expect(stepToProblem(items, broken, 'd', 1)).toEqual({ imageId: 'e', rank: 3, count: 3 })
  })

  it('is null when nothing in the view is a problem', () => {
    expect(stepToProblem([items[0]!, items[2]!], new Set(), null, 1)).toBeNull()
  })
})
