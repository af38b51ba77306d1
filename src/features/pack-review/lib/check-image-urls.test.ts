import { beforeEach, describe, expect, it } from 'vitest'
import { fakeImages } from '@/testing/fake-image'
import { checkImageUrls, MAX_CONCURRENT_CHECKS, type CheckProgress } from './check-image-urls'

let images: ReturnType<typeof fakeImages>
beforeEach(() => {
  images = fakeImages()
})

const loadingUrls = () => images.loading().map((image) => image.src)

let run = 0
/** URLs no earlier test has checked: what loaded is remembered for the whole page load. */
const freshUrls = (n: number) => {
  run++
  return Array.from({ length: n }, (_, i) => `https://cdn.test/run-${run}/${i + 1}.jpg`)
}

function start(urls: readonly string[], known: ReadonlySet<string> = new Set()) {
  const broken: string[] = []
  const progress: CheckProgress[] = []
  const stop = checkImageUrls(urls, {
    isBroken: (url) => known.has(url),
    onBroken: (url) => broken.push(url),
    onProgress: (p) => progress.push(p),
  })
  return { broken, progress, stop }
}

describe('checkImageUrls', () => {
  it(`loads every URL, ${MAX_CONCURRENT_CHECKS} at a time, and reports the broken ones`, () => {
    const urls = freshUrls(10)
    const check = start(urls)
    expect(loadingUrls()).toEqual(urls.slice(0, 4))
    expect(check.progress).toEqual([{ checked: 0, total: 10 }])

    let most = 0
    images.fail(urls[1]!)
    for (const url of urls.slice(0, 8)) {
      most = Math.max(most, images.loading().length)
      if (url !== urls[1]) images.load(url)
    }
    expect(check.broken).toEqual([urls[1]])
    expect(loadingUrls()).toEqual(urls.slice(8))
    images.load(urls[8]!)
    images.fail(urls[9]!)

    expect(most).toBe(MAX_CONCURRENT_CHECKS)
    expect(check.broken).toEqual([urls[1], urls[9]])
    expect(check.progress.map((p) => p.checked)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(check.progress.at(-1)).toEqual({ checked: 10, total: 10 })
    expect(images.created).toHaveLength(10)
  })

  it('checks each URL once per page load, and skips the ones known to be broken', () => {
    const urls = freshUrls(3)
    const first = start([...urls, urls[0]!])
    expect(first.progress).toEqual([{ checked: 0, total: 3 }])
    images.load(urls[0]!)
    images.load(urls[1]!)
    images.fail(urls[2]!)

    const extra = freshUrls(1)[0]!
    const again = start([...urls, extra], new Set([urls[2]!]))
    expect(loadingUrls()).toEqual([extra])
    expect(again.progress).toEqual([{ checked: 3, total: 4 }])
  })

  it('says it is done at once when there is nothing to check', () => {
    expect(start([]).progress).toEqual([{ checked: 0, total: 0 }])
  })

  it('stop cancels the loads in flight and starts no more', () => {
    const urls = freshUrls(6)
    const check = start(urls)
    const running = images.loading()
    check.stop()
    expect(running.map((image) => image.src)).toEqual(['', '', '', ''])
    expect(images.loading()).toHaveLength(0)
    expect(images.created).toHaveLength(4)
    expect(check.progress).toHaveLength(1)
    expect(check.broken).toEqual([])
  })
})
