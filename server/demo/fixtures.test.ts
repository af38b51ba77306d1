import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEMO_ASPECT_SAMPLES,
  DEMO_IMAGE_PATH,
  DEMO_PACK_IDS,
  demoPacks,
  generatingPack,
  sizedPack,
  sizedPackId,
} from './fixtures.ts'
import { DEMO_SHAPES, demoScenes, type DemoShape } from './scenes.ts'

const svgFile = (file: string) =>
  readFileSync(new URL(`../../public/demo-images/${file}`, import.meta.url), 'utf8')

/** The scene an image URL shows, by its file name (any `?image=` left aside). */
const shapeOf = (url: string | null | undefined): DemoShape | undefined => {
  const file = url?.slice(DEMO_IMAGE_PATH.length).split('?')[0]
  return demoScenes.find((scene) => scene.file === file)?.shape
}

describe('demo images', () => {
  it.each(demoScenes.map((scene) => [scene.file, scene.shape] as const))(
    '%s is drawn %s, as scenes.ts says, framed rather than letterboxed',
    (file, shape) => {
      const root = /^<svg [^>]*>/.exec(svgFile(file))![0]
      const attr = (name: string) => new RegExp(` ${name}="([^"]+)"`).exec(root)![1]!
      const { width, height } = DEMO_SHAPES[shape]
      expect([Number(attr('width')), Number(attr('height'))]).toEqual([width, height])
      // The window onto the 800x600 drawing has the file's own shape and stays inside it.
      const [x, y, w, h] = attr('viewBox').split(' ').map(Number) as [
        number,
        number,
        number,
        number,
      ]
      expect(w / h).toBeCloseTo(width / height, 2)
      expect(x).toBeGreaterThanOrEqual(0)
      expect(y).toBeGreaterThanOrEqual(0)
      expect(x + w).toBeLessThanOrEqual(800)
      expect(y + h).toBeLessThanOrEqual(600)
    },
  )

  it('come in every slideshow shape', () => {
    expect(new Set(demoScenes.map((scene) => scene.shape))).toEqual(
      new Set(Object.keys(DEMO_SHAPES)),
    )
  })

  it.each([
    ['Motivation Pack', DEMO_PACK_IDS.motivation],
    ['Summer Launch Campaign', DEMO_PACK_IDS.mixed],
  ])('%s holds a 9:16 and a 16:9 image', (_name, packId) => {
    const shapes = demoPacks()
      .get(packId)!
      .images.map((image) => shapeOf(image.url))
    expect(shapes).toContain('9:16')
    expect(shapes).toContain('16:9')
  })

  it('names a 9:16 and a 16:9 image of the mixed pack as samples', () => {
    const images = demoPacks().get(DEMO_PACK_IDS.mixed)!.images
    for (const [shape, sample] of [
      ['9:16', DEMO_ASPECT_SAMPLES.portrait],
      ['16:9', DEMO_ASPECT_SAMPLES.landscape],
    ] as const) {
      const image = images[sample.position - 1]!
      expect(image.id).toBe(sample.imageId)
      expect(shapeOf(image.url)).toBe(shape)
      expect({ width: sample.width, height: sample.height }).toEqual(DEMO_SHAPES[shape])
    }
  })
})

describe('demo image URLs', () => {
  const packs = demoPacks()
  const generated = [
    ...[...packs.values()].filter((pack) => pack.id.startsWith('7c1d3e50')),
    packs.get(DEMO_PACK_IDS.large)!,
    sizedPack(sizedPackId(5000))!,
    generatingPack(30_000),
  ]

  it('are each image’s own in the generated packs, so none is a duplicate', () => {
    expect(generated.length).toBeGreaterThan(30)
    for (const pack of generated) {
      const urls = pack.images.map((image) => image.url)
      expect(new Set(urls).size, pack.name ?? pack.id).toBe(urls.length)
    }
  })

  it('still point at the scene’s file', () => {
    const url = packs.get(DEMO_PACK_IDS.large)!.images[24]!.url!
    expect(url).toBe(`${DEMO_IMAGE_PATH}${demoScenes[0]!.file}?image=25`)
  })
})
