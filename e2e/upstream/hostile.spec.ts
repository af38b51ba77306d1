import { expect, test, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createMetadata,
  createPack,
  failedMetadata,
  type WireImage,
} from '../../contract/partner-api/wire'
import { UPSTREAM_APP_PORT } from '../support/ports'
import { scriptPack } from '../support/upstream'

const APP_ORIGIN = `http://localhost:${UPSTREAM_APP_PORT}`
const SAFE_URL = `${APP_ORIGIN}/demo-images/dog-park.svg`
const MARKUP = [
  '<script>alert("script")</script>',
  '<img src=x onerror=alert("img")>',
  '"><svg onload=alert("svg")>',
  '<iframe src="javascript:alert(\'frame\')"></iframe>',
  '<a href="javascript:alert(1)" onclick="alert(2)">click</a>',
]
/** Every URL here must be refused: flagged, never a `src` or an `href`. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '\u0000javascript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  '//evil.example/x.png',
  '/relative/x.png',
  'file:///etc/passwd',
  'https://',
]
const BIDI = '\u202Egnp.exe\u202C \u2066isolated\u2069 zero\u200Bwidth\u200D\uFEFF'
const LONG = 'W'.repeat(10_000)

function hostileImages(): WireImage[] {
  const images: WireImage[] = HOSTILE_URLS.map((url, i) => ({
    id: `unsafe-${i}-${MARKUP[i % MARKUP.length]}`,
    url,
    metadata: createMetadata({ description: `Unsafe URL ${i}` }),
  }))
  images.push(
    {
      id: 'markup',
      url: SAFE_URL,
      metadata: createMetadata({ description: MARKUP.join(' '), keywords: MARKUP }),
    },
    {
      id: 'markup-error',
      url: SAFE_URL,
      metadata: failedMetadata(MARKUP.join(' '), { model: MARKUP[0]! }),
    },
    {
      id: 'bidi',
      url: SAFE_URL,
      metadata: createMetadata({ description: BIDI, keywords: [BIDI] }),
    },
    {
      id: 'long',
      url: `${SAFE_URL}?${'q'.repeat(2_000)}`,
      metadata: createMetadata({ description: LONG, keywords: [LONG] }),
    },
    {
      id: 'many-keywords',
      url: SAFE_URL,
      metadata: createMetadata({
        keywords: Array.from({ length: 1_000 }, (_, i) => `keyword-${i}`),
      }),
    },
    { id: 'long-error', url: SAFE_URL, metadata: failedMetadata(`${MARKUP[1]} ${LONG}`) },
  )
  return images
}

/** Fails the test on any dialog, and records every request that leaves the app's origin. */
function watch(page: Page) {
  const dialogs: string[] = []
  const foreign: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== APP_ORIGIN) foreign.push(request.url())
  })
  return { dialogs, foreign }
}

/** Nothing the API said became markup, a handler or a dangerous URL. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => {
    const root = document.getElementById('root')!
    const handlers = [...root.querySelectorAll('*')].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith('on')),
    )
    const urls = [...root.querySelectorAll('[src], [href]')].map(
      (element) => (element as HTMLImageElement).src || (element as HTMLAnchorElement).href,
    )
    return {
      handlers,
      elements: root.querySelectorAll('script, iframe, object, embed, form, svg[onload]').length,
      badUrls: urls.filter((url) => !/^https?:/.test(url) || !url.startsWith(location.origin)),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }
  })
  expect(found).toEqual({ handlers: [], elements: 0, badUrls: [], overflow: 0 })
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`hostile text and URLs render as inert text (${viewport.width}px)`, async ({ page }) => {
    test.slow()
    await page.setViewportSize(viewport)
    const seen = watch(page)
    const images = hostileImages()
    const packId = await scriptPack([
      {
        status: 200,
        body: okEnvelope(
          createPack({ id: 'x', name: `${MARKUP[0]} ${BIDI}`, images, image_count: images.length }),
        ),
      },
    ])
    await page.goto(`/packs/${packId}?flag=unsafe`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${MARKUP[0]} ${BIDI}`)
    await expect(
      page.getByText(`Showing ${HOSTILE_URLS.length} of ${images.length} images`),
    ).toBeVisible()
    // Every hostile URL is flagged and none is used as an image source.
    for (let i = 0; i < HOSTILE_URLS.length; i++) {
      const card = page.getByRole('article', { name: `Image #${i + 1}`, exact: true })
      await card.scrollIntoViewIfNeeded()
      await expect(card.getByRole('img', { name: /^QA flags: .*Unsafe URL/ })).toBeVisible()
      await expect(card.locator('img')).toHaveCount(0)
    }
    await expectInert(page)

    // The rest: markup shown as text (found by searching for it), long values clipped.
    await page.goto(`/packs/${packId}?q=${encodeURIComponent(MARKUP[1]!)}`)
    await expect(page.getByText(/^Showing [1-9]\d* of \d+ images$/)).toBeVisible()
    await expect(page.getByText(MARKUP[1]!, { exact: false }).first()).toBeVisible()
    await expectInert(page)
    await page.goto(`/packs/${packId}`)
    await expect(
      page.getByText(`Showing ${images.length} of ${images.length} images`),
    ).toBeVisible()
    await expectInert(page)

    // The detail dialog shows the longest values in full, still inert and within the screen.
    for (const imageId of ['long', 'many-keywords', 'markup-error', `unsafe-0-${MARKUP[0]}`]) {
      await page.goto(`/packs/${packId}/images/${encodeURIComponent(imageId)}`)
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      await expectInert(page)
      const box = await dialog.boundingBox()
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width)
    }
    await expect(page.getByRole('dialog')).toContainText(MARKUP[0]!)

    expect(seen.dialogs).toEqual([])
    expect(seen.foreign).toEqual([])
  })
}
