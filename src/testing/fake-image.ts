import { vi } from 'vitest'

/**
 * Stands in for `Image`, which jsdom never loads: a test says which image loads and which
 * fails. `unstubGlobals` puts the real one back after each test.
 */
export function fakeImages() {
  const created: FakeImage[] = []
  class FakeImage {
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    decoding = 'auto'
    src = ''
    constructor() {
      created.push(this)
    }
    removeAttribute(name: string) {
      if (name === 'src') this.src = ''
    }
  }
  vi.stubGlobal('Image', FakeImage)
  /** The images still loading: their handlers are set until they settle or are stopped. */
  const loading = () => created.filter((image) => image.onload !== null)
  const settle = (url: string, ok: boolean) => {
    const image = loading().find((candidate) => candidate.src === url)
    if (!image) throw new Error(`No image is loading ${url}`)
    if (ok) image.onload!()
    else image.onerror!()
  }
  return {
    created,
    loading,
    load: (url: string) => settle(url, true),
    fail: (url: string) => settle(url, false),
  }
}
