import { expect, test } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createImage,
  createMetadata,
  createPack,
  pendingMetadata,
  type WireImage,
} from '../../contract/partner-api/wire'
import { demoImageUrl } from '../support/workspace'
import { scriptPack } from '../support/upstream'

const id = (n: number) => `0f000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const url = demoImageUrl('beach-yoga.svg')

/** The same 12 images, the first `done` of them with their metadata generated. */
function generating(done: number) {
  const images: WireImage[] = Array.from({ length: 12 }, (_, i) =>
    createImage({
      id: id(i + 1),
      url: `${url}?n=${i + 1}`,
      metadata:
        i < done
          ? createMetadata({
              description: `Image ${i + 1}: a person doing yoga on a beach at sunrise, with a long caption that wraps`,
              keywords: ['yoga', 'beach', `k${i}`],
            })
          : pendingMetadata({ status: i === done ? 'processing' : 'pending' }),
    }),
  )
  return okEnvelope(createPack({ name: 'Live Pack', images, image_count: images.length }))
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`nothing shifts while metadata arrives on a live pack (${viewport.width}px)`, async ({
    page,
  }) => {
    test.slow()
    await page.setViewportSize(viewport)
    const packId = await scriptPack([
      { status: 200, body: generating(0) },
      { status: 200, body: generating(6) },
      { status: 200, body: generating(12) },
    ])
    await page.addInitScript(() => {
      // Each shift, with what moved: a failure names the elements.
      const shifts: string[] = []
      ;(window as unknown as { shifts: string[] }).shifts = shifts
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number
          hadRecentInput: boolean
          sources: { node: Node | null }[]
        })[]) {
          if (entry.hadRecentInput) continue
          const moved = entry.sources.map((source) => {
            const node = source.node as Element | null
            return node?.outerHTML?.slice(0, 120) ?? node?.textContent ?? '?'
          })
          shifts.push(`${entry.value.toFixed(5)}: ${moved.join(' | ')}`)
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`/packs/${packId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Live Pack' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'have metadata' })).toContainText(
      '0 of 12',
    )
    // The page polls every few seconds: half, then all of them complete.
    await expect(page.getByRole('status').filter({ hasText: 'have metadata' })).toContainText(
      '6 of 12',
      { timeout: 15_000 },
    )
    await expect(page.getByRole('status').filter({ hasText: 'have metadata' })).toContainText(
      '12 of 12',
      { timeout: 15_000 },
    )
    await expect(page.getByRole('article', { name: 'Image #1', exact: true })).toContainText(
      'Image 1: a person doing yoga',
    )
    const shifts = await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)
    expect(shifts).toEqual([])
  })
}
