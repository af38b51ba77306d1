/** At most this many image checks at once: a few, so the tiles on screen still load first. */
export const MAX_CONCURRENT_CHECKS = 4

export interface CheckProgress {
  /** URLs known to load or not, of `total`. */
  checked: number
  total: number
}

/**
 * URLs that loaded during this page load. Each URL is fetched by the check at most once;
 * one that failed is in `broken-images.ts`, and not checked again either.
 */
const loaded = new Set<string>()

/**
 * Loads every URL in the background, `MAX_CONCURRENT_CHECKS` at a time, to find the ones
 * that do not load without waiting for their tiles to scroll into view. Returns `stop`,
 * which cancels the loads in flight and starts no more.
 */
export function checkImageUrls(
  urls: readonly string[],
  {
    isBroken,
    onBroken,
    onProgress,
  }: {
    isBroken: (url: string) => boolean
    onBroken: (url: string) => void
    onProgress: (progress: CheckProgress) => void
  },
): () => void {
  const unique = [...new Set(urls)]
  const todo = unique.filter((url) => !loaded.has(url) && !isBroken(url))
  const total = unique.length
  let checked = total - todo.length
  let next = 0
  let stopped = false
  const running = new Set<HTMLImageElement>()

  const startMore = () => {
    while (!stopped && running.size < MAX_CONCURRENT_CHECKS && next < todo.length) {
      const url = todo[next++]!
      const image = new Image()
      const settle = (ok: boolean) => {
        image.onload = image.onerror = null
        running.delete(image)
        if (stopped) return
        if (ok) loaded.add(url)
        else onBroken(url)
        checked++
        onProgress({ checked, total })
        startMore()
      }
      image.onload = () => settle(true)
      image.onerror = () => settle(false)
      image.decoding = 'async'
      running.add(image)
      image.src = url
    }
  }

  onProgress({ checked, total })
  startMore()
  return () => {
    stopped = true
    for (const image of running) {
      image.onload = image.onerror = null
      // Without a source the browser drops the request.
      image.removeAttribute('src')
    }
    running.clear()
  }
}
