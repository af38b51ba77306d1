import { expect, test, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createImage,
  createMetadata,
  createPack,
  failedMetadata,
  type WireImage,
} from '../../contract/partner-api/wire'
import { UPSTREAM_APP_PORT } from '../support/ports'
import { scriptPack } from '../support/upstream'

const id = (n: number) => `0f000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const ORIGIN = `http://localhost:${UPSTREAM_APP_PORT}`
const BROKEN_URL = 'http://127.0.0.1:9/missing.jpg'

/** Slide-shaped pictures the app's origin serves in these tests only (page.route). */
const ART = {
  tall: { width: 450, height: 800 },
  wide: { width: 800, height: 450 },
}
const artUrl = (name: keyof typeof ART) => `${ORIGIN}/viewer-art/${name}.svg`

function svg({ width, height }: { width: number; height: number }) {
  // A hook band at the top and a call to action at the bottom: what cropping would cut.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#0e7490"/><rect width="${width}" height="60" fill="#f59e0b"/><rect y="${height - 60}" width="${width}" height="60" fill="#e11d48"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#fde68a"/></svg>`
}

async function serveArt(page: Page) {
  await page.route(`${ORIGIN}/viewer-art/*.svg`, (route) => {
    const name = new URL(route.request().url()).pathname.match(
      /(\w+)\.svg$/,
    )![1] as keyof typeof ART
    return route.fulfill({ contentType: 'image/svg+xml', body: svg(ART[name]) })
  })
}

/** `count` images: #1 is 9:16, #2 is 16:9, every third failed, the rest the demo's 4:3. */
function viewerImages(count: number): WireImage[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1
    const url =
      n === 1
        ? artUrl('tall')
        : n === 2
          ? artUrl('wide')
          : `${ORIGIN}/demo-images/dog-park.svg?n=${n}`
    return createImage({
      id: id(n),
      url,
      metadata:
        n % 3 === 0
          ? failedMetadata(`Model timed out on image ${n}`)
          : createMetadata({ description: `Picture number ${n}`, keywords: ['slide', `k${n}`] }),
    })
  })
}

async function scriptViewerPack(images: WireImage[]) {
  return scriptPack([
    {
      status: 200,
      body: okEnvelope(createPack({ name: 'Viewer Pack', images, image_count: images.length })),
    },
  ])
}

interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** The image's rendered box, its natural size and the stage's box, once it has loaded. */
async function stageImage(page: Page) {
  const image = page.getByRole('dialog').locator('[data-viewer-stage] img')
  await expect
    .poll(() =>
      image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
    )
    .toBeGreaterThan(0)
  return image.evaluate((element: HTMLImageElement) => {
    const box = ({ left, top, width, height }: DOMRect) => ({ left, top, width, height })
    const scroller = element.parentElement!
    return {
      box: box(element.getBoundingClientRect()),
      natural: { width: element.naturalWidth, height: element.naturalHeight },
      stage: box(element.closest('[data-viewer-stage]')!.getBoundingClientRect()),
      scrolls: scroller.scrollHeight > scroller.clientHeight + 1,
    }
  })
}

type Shown = Awaited<ReturnType<typeof stageImage>>

/** Its own shape (±2 %), inside the stage, never above its own pixels, and as large as fits. */
function expectFitted({ box, natural, stage }: Shown) {
  expect(box.width / box.height).toBeGreaterThan((natural.width / natural.height) * 0.98)
  expect(box.width / box.height).toBeLessThan((natural.width / natural.height) * 1.02)
  expect(box.left).toBeGreaterThanOrEqual(stage.left)
  expect(box.top).toBeGreaterThanOrEqual(stage.top)
  expect(box.left + box.width).toBeLessThanOrEqual(stage.left + stage.width + 0.5)
  expect(box.top + box.height).toBeLessThanOrEqual(stage.top + stage.height + 0.5)
  expect(box.width).toBeLessThanOrEqual(natural.width + 0.5)
  const atOwnSize = Math.abs(box.width - natural.width) < 1
  // Only the stage's padding (at most 24 px a side) is left along one side.
  const touches = box.width >= stage.width - 50 || box.height >= stage.height - 50
  expect(atOwnSize || touches, `fitted: ${JSON.stringify({ box, stage })}`).toBe(true)
}

const sameBox = (a: Box, b: Box) => expect(a).toEqual(b)

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}px`, () => {
    test.use({ viewport })

    test('a 9:16 and a 16:9 image fit the stage uncropped; z shows their own pixels', async ({
      page,
    }) => {
      await serveArt(page)
      const packId = await scriptViewerPack(viewerImages(6))
      await page.goto(`/packs/${packId}/images/${id(1)}`)
      const dialog = page.getByRole('dialog', { name: 'Image #1' })
      await expect(dialog).toBeVisible()
      await expect(dialog.getByText('1 of 6 in this view')).toBeVisible()
      const tall = await stageImage(page)
      expect(tall.natural).toEqual(ART.tall)
      expectFitted(tall)
      // The stage is shorter than 800 px, so the 9:16 image is scaled down to fit.
      expect(tall.box.height).toBeLessThan(ART.tall.height)
      expect(tall.scrolls).toBe(false)

      const toggle = dialog.getByRole('button', { name: 'Actual size' })
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      await expect(toggle).toHaveAttribute('aria-keyshortcuts', 'z')
      await page.keyboard.press('z')
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      const actual = await stageImage(page)
      expect(actual.box.width).toBeCloseTo(ART.tall.width, 0)
      expect(actual.box.height).toBeCloseTo(ART.tall.height, 0)
      expect(actual.scrolls).toBe(true)
      await page.keyboard.press('z')
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      sameBox((await stageImage(page)).box, tall.box)
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')

      await page.keyboard.press('ArrowRight')
      await expect(page.getByRole('dialog', { name: 'Image #2' })).toBeVisible()
      const wide = await stageImage(page)
      expect(wide.natural).toEqual(ART.wide)
      expectFitted(wide)
    })

    test('raw JSON opens in a drawer that leaves the image exactly as it was', async ({ page }) => {
      await serveArt(page)
      const packId = await scriptViewerPack(viewerImages(6))
      await page.goto(`/packs/${packId}/images/${id(2)}`)
      const dialog = page.getByRole('dialog')
      await expect(dialog).toHaveAccessibleName('Image #2')
      const toggle = dialog.getByRole('button', { name: 'Show raw JSON' })
      // On a phone the inspector is below the image: the dialog scrolls to reach the button.
      await toggle.scrollIntoViewIfNeeded()
      const closed = await stageImage(page)
      const scrollY = await page.evaluate(() => window.scrollY)

      await toggle.click()
      const drawer = dialog.getByRole('region', { name: 'Raw JSON' })
      await expect(drawer.locator('pre')).toContainText(`"id": "${id(2)}"`)
      await expect(drawer.getByRole('button', { name: 'Close raw JSON' })).toBeFocused()
      const open = await stageImage(page)
      sameBox(open.box, closed.box)
      sameBox(open.stage, closed.stage)
      // Laid over the inspector, not over the picture.
      const drawerBox = (await drawer.boundingBox())!
      const { box } = open
      const overlaps =
        drawerBox.x < box.left + box.width &&
        box.left < drawerBox.x + drawerBox.width &&
        drawerBox.y < box.top + box.height &&
        box.top < drawerBox.y + drawerBox.height
      expect(overlaps).toBe(false)

      // Stepping on keeps the drawer, now with the next image's JSON.
      await page.keyboard.press('ArrowRight')
      await expect(page.getByRole('dialog', { name: 'Image #3' })).toBeVisible()
      await expect(drawer.locator('pre')).toContainText(`"id": "${id(3)}"`)

      await drawer.getByRole('button', { name: 'Close raw JSON' }).click()
      await expect(drawer).toHaveCount(0)
      await expect(toggle).toBeFocused()
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollY)
    })

    test('Esc returns to the gallery at the same scroll position, focus on the tile', async ({
      page,
    }) => {
      const packId = await scriptViewerPack(viewerImages(80))
      await page.goto(`/packs/${packId}`)
      await expect(page.getByRole('heading', { level: 1, name: 'Viewer Pack' })).toBeVisible()
      await page.evaluate(() => window.scrollTo(0, 1600))
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1600)
      // The virtualizer mounts the rows for this position a frame or two after the scroll.
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll('article')].some(
              (article) => article.getBoundingClientRect().top >= 0,
            ),
          ),
        )
        .toBe(true)
      // The first tile below the fold line, brought wholly on screen as a reviewer would.
      const { name, scrollY } = await page.evaluate(() => {
        const card = [...document.querySelectorAll('article')].find(
          (article) => article.getBoundingClientRect().top >= 0,
        )!
        window.scrollBy(0, card.getBoundingClientRect().top - 200)
        return {
          name: card.querySelector('[data-card-link]')!.getAttribute('aria-label'),
          scrollY: window.scrollY,
        }
      })
      expect(name).toMatch(/^Open image #\d+$/)
      expect(scrollY).toBeGreaterThan(1000)
      await page.getByRole('link', { name: name!, exact: true }).click()
      const dialog = page.getByRole('dialog', { name: name!.replace('Open image', 'Image') })
      await expect(dialog).toBeVisible()

      // Wheeling over the viewer moves nothing underneath.
      await page.mouse.move(viewport.width / 3, viewport.height / 3)
      await page.mouse.wheel(0, 900)
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollY)

      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollY)).toBeLessThanOrEqual(3)
      const focused = page.locator(':focus')
      await expect(focused).toHaveAttribute('data-card-link', '')
      await expect(focused).toHaveAttribute('aria-label', name!)
    })
  })
}

test('the filmstrip shows the neighbours in the current view and opens them', async ({ page }) => {
  const packId = await scriptViewerPack(viewerImages(20))
  await page.goto(`/packs/${packId}/images/${id(10)}`)
  const dialog = page.getByRole('dialog', { name: 'Image #10' })
  await expect(dialog).toBeVisible()
  const strip = page.getByRole('dialog').getByRole('navigation', { name: 'Nearby images' })
  const links = strip.getByRole('link')
  // Five either side, the current one marked.
  await expect(links).toHaveCount(11)
  expect(
    await links.evaluateAll((all) => all.map((link) => link.getAttribute('aria-label'))),
  ).toEqual([
    'Image #5',
    'Image #6, Error',
    'Image #7',
    'Image #8',
    'Image #9, Error',
    'Image #10',
    'Image #11',
    'Image #12, Error',
    'Image #13',
    'Image #14',
    'Image #15, Error',
  ])
  await expect(strip.locator('[aria-current="true"]')).toHaveAttribute('aria-label', 'Image #10')
  // Thumbnails are contained in their box, never cropped.
  const thumb = links.first().locator('img')
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0)
  expect(await thumb.evaluate((img) => getComputedStyle(img).objectFit)).toBe('contain')

  await strip.getByRole('link', { name: 'Image #12, Error' }).click()
  await expect(page).toHaveURL(`/packs/${packId}/images/${id(12)}`)
  const next = page.getByRole('dialog', { name: 'Image #12' })
  await expect(next).toContainText('12 of 20 in this view')
  await expect(next).toContainText('Model timed out on image 12')
  await expect(strip.locator('[aria-current="true"]')).toHaveAttribute(
    'aria-label',
    'Image #12, Error',
  )
  await expect(links.first()).toHaveAttribute('aria-label', 'Image #7')

  // The strip follows the filters: only the failed images, in their order.
  await page.goto(`/packs/${packId}/images/${id(9)}?status=error`)
  await expect(page.getByRole('dialog', { name: 'Image #9' })).toContainText('3 of 6 in this view')
  expect(
    await links.evaluateAll((all) => all.map((link) => link.getAttribute('aria-label'))),
  ).toEqual([3, 6, 9, 12, 15, 18].map((n) => `Image #${n}, Error`))
  await strip.getByRole('link', { name: 'Image #18, Error' }).click()
  await expect(page).toHaveURL(`/packs/${packId}/images/${id(18)}?status=error`)
  await expect(page.getByRole('dialog', { name: 'Image #18' })).toContainText('6 of 6 in this view')
})

test('the inspector leads with what is wrong: an image that does not load', async ({ page }) => {
  const images = viewerImages(4)
  images[3] = { ...images[3]!, url: BROKEN_URL }
  const packId = await scriptViewerPack(images)
  await page.goto(`/packs/${packId}/images/${id(4)}`)
  const dialog = page.getByRole('dialog', { name: 'Image #4' })
  await expect(dialog.locator('[data-viewer-stage]')).toContainText('Image failed to load')
  const inspector = page.getByRole('dialog').getByRole('complementary', { name: 'Image details' })
  await expect(inspector).toContainText('Image does not load')
  expect(await inspector.textContent()).toMatch(/^Image does not load/)
  await expect(inspector.getByText('Completed', { exact: true })).toBeVisible()
  await expect(inspector.getByRole('list', { name: 'QA flags' })).toContainText('Broken image')
  await expect(dialog.getByRole('button', { name: 'Actual size' })).toBeDisabled()

  await page.keyboard.press('ArrowLeft')
  const failed = page.getByRole('dialog', { name: 'Image #3' })
  await expect(failed).toBeVisible()
  expect(await inspector.textContent()).toMatch(
    /^Metadata generation failedModel timed out on image 3/,
  )
})

test('an unknown image is a notice over the pack, which stays usable', async ({ page }) => {
  const packId = await scriptViewerPack(viewerImages(6))
  await page.goto(`/packs/${packId}/images/not-in-this-pack`)
  const notice = page.getByRole('alert').filter({ hasText: 'Image not found in this pack' })
  await expect(notice).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const box = (await notice.boundingBox())!
  expect(box.height).toBeLessThan(200)

  // Not modal: the gallery under it opens an image.
  await page.getByRole('link', { name: 'Open image #2', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'Image #2' })).toBeVisible()
  await expect(notice).toHaveCount(0)

  await page.goto(`/packs/${packId}/images/not-in-this-pack`)
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)
  await expect(page).toHaveURL(`/packs/${packId}`)

  await page.goto(`/packs/${packId}/images/not-in-this-pack?status=error`)
  await expect(notice).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(notice).toHaveCount(0)
  await expect(page).toHaveURL(`/packs/${packId}?status=error`)
})
