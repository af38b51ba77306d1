import { expect, test, type Page } from '@playwright/test'
import { DEMO_ASPECT_SAMPLES, DEMO_PACK_IDS } from '../../server/demo/fixtures'
import { holdPackResponses } from '../support/hold'

const MIXED = `/packs/${DEMO_PACK_IDS.mixed}`
const LARGE = `/packs/${DEMO_PACK_IDS.large}`

const tiles = (page: Page) =>
  page.getByRole('list', { name: 'Images', exact: true }).locator('xpath=./li')

/** How many tiles lie wholly inside the window, and how many columns the first row has. */
function measureGallery(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('ul[aria-label="Images"] > li')].map((li) =>
      li.getBoundingClientRect(),
    )
    const whole = boxes.filter(
      (box) =>
        box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
    )
    const firstTop = Math.min(...boxes.map((box) => box.top))
    return {
      whole: whole.length,
      columns: boxes.filter((box) => Math.abs(box.top - firstTop) < 1).length,
    }
  })
}

test.describe('at 1280x800', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  for (const [name, path] of [
    ['the mixed pack', MIXED],
    ['a 2,000-image pack', LARGE],
  ] as const) {
    test(`${name}: at least 8 whole tiles are visible without scrolling`, async ({ page }) => {
      await page.goto(path)
      await expect(tiles(page).first()).toBeVisible()
      await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible()
      expect((await measureGallery(page)).whole).toBeGreaterThanOrEqual(8)
    })
  }

  for (const [shape, sample] of Object.entries(DEMO_ASPECT_SAMPLES)) {
    test(`a ${sample.width}x${sample.height} (${shape}) image shows whole in its tile`, async ({
      page,
    }) => {
      await page.goto(MIXED)
      const img = page
        .getByRole('article', { name: `Image #${sample.position}`, exact: true })
        .locator('img')
      await expect(img).toHaveJSProperty('complete', true)
      const shown = await img.evaluate((element: HTMLImageElement) => {
        const box = element.getBoundingClientRect()
        const cell = element.parentElement!.getBoundingClientRect()
        const fit = getComputedStyle(element).objectFit
        // What object-fit does with the picture inside the element's box.
        const scale = (fit === 'cover' ? Math.max : Math.min)(
          box.width / element.naturalWidth,
          box.height / element.naturalHeight,
        )
        return {
          natural: element.naturalWidth / element.naturalHeight,
          width: element.naturalWidth * scale,
          height: element.naturalHeight * scale,
          box: { width: box.width, height: box.height },
          cell: { width: cell.width, height: cell.height },
        }
      })
      expect(shown.natural).toBeCloseTo(sample.width / sample.height, 2)
      // Its own shape, all of it inside the tile's cell: nothing cut off.
      expect(shown.width / shown.height).toBeCloseTo(shown.natural, 2)
      expect(shown.width).toBeLessThanOrEqual(shown.cell.width + 0.5)
      expect(shown.height).toBeLessThanOrEqual(shown.cell.height + 0.5)
      expect(
        Math.max(shown.width / shown.cell.width, shown.height / shown.cell.height),
      ).toBeCloseTo(1, 2)
    })
  }

  test('the gallery is one tab stop, reached in at most 6 presses from the top', async ({
    page,
  }) => {
    await page.goto(MIXED)
    await expect(tiles(page).first()).toBeVisible()
    let presses = 0
    while (presses < 6) {
      await page.keyboard.press('Tab')
      presses++
      if (await page.evaluate(() => document.activeElement?.hasAttribute('data-card-link'))) break
    }
    await expect(page.getByRole('link', { name: 'Open image #1', exact: true })).toBeFocused()
    expect(presses).toBeLessThanOrEqual(6)
    // One stop: the next Tab leaves the gallery instead of walking its tiles.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-card-link'))).toBe(
      false,
    )
    // Back in, it returns to the tile that had focus.
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    await expect(page.getByRole('link', { name: 'Open image #2', exact: true })).toBeFocused()
  })

  test('the focused tile has a ring around it that the image does not cover', async ({ page }) => {
    await page.goto(MIXED)
    const link = page.getByRole('link', { name: 'Open image #6', exact: true })
    await link.focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowRight')
    await expect(link).toBeFocused()
    const ring = await link.evaluate((element) => {
      const style = getComputedStyle(element)
      const box = element.getBoundingClientRect()
      const width = parseFloat(style.outlineWidth)
      const reach = parseFloat(style.outlineOffset) + width / 2
      // A point in the middle of the ring on each side: nothing of the tile may be on top.
      const points = [
        [box.left - reach, box.top + box.height / 2],
        [box.right + reach, box.top + box.height / 2],
        [box.left + box.width / 2, box.top - reach],
        [box.left + box.width / 2, box.bottom + reach],
      ]
      const covered = points.filter(([x, y]) => {
        const hit = document.elementFromPoint(x!, y!)
        return hit !== null && (hit.tagName === 'IMG' || element.contains(hit))
      })
      // Colours come as oklch(); a canvas turns any CSS colour into sRGB bytes.
      const rgb = (color: string) => {
        const context = document.createElement('canvas').getContext('2d')!
        context.fillStyle = color
        context.fillRect(0, 0, 1, 1)
        return [...context.getImageData(0, 0, 1, 1).data].slice(0, 3)
      }
      let behind: Element | null = element.closest('li')
      while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') {
        behind = behind.parentElement
      }
      return {
        style: style.outlineStyle,
        width,
        covered: covered.length,
        ring: rgb(style.outlineColor),
        page: rgb(behind ? getComputedStyle(behind).backgroundColor : 'white'),
      }
    })
    expect(ring.style).toBe('solid')
    expect(ring.width).toBeGreaterThanOrEqual(2)
    expect(ring.covered).toBe(0)
    expect(contrast(ring.ring, ring.page)).toBeGreaterThanOrEqual(3)
  })

  test('Thumbnail size and - / = change the columns, and the choice is remembered', async ({
    page,
  }) => {
    await page.goto(LARGE)
    await expect(tiles(page).first()).toBeVisible()
    const size = page.getByRole('group', { name: 'Thumbnail size' })
    await expect(size.getByRole('button', { name: 'Medium' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    const medium = (await measureGallery(page)).columns
    await page.keyboard.press('=')
    await expect(size.getByRole('button', { name: 'Large' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect.poll(async () => (await measureGallery(page)).columns).toBeLessThan(medium)
    await page.keyboard.press('-')
    await page.keyboard.press('-')
    await expect(size.getByRole('button', { name: 'Small' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect.poll(async () => (await measureGallery(page)).columns).toBeGreaterThan(medium)
    const small = (await measureGallery(page)).columns

    await page.reload()
    await expect(size.getByRole('button', { name: 'Small' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect((await measureGallery(page)).columns).toBe(small)
    await size.getByRole('button', { name: 'Medium' }).click()
    await expect.poll(async () => (await measureGallery(page)).columns).toBe(medium)
  })

  test('[ hides and shows the filters rail; the gallery takes the room', async ({ page }) => {
    await page.goto(LARGE)
    const rail = page.getByRole('complementary', { name: 'Filters' })
    await expect(rail).toBeVisible()
    const withRail = (await measureGallery(page)).columns
    await page.keyboard.press('[')
    await expect(rail).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Filters', exact: true })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
    await expect.poll(async () => (await measureGallery(page)).columns).toBeGreaterThan(withRail)
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    await expect(rail).toBeVisible()
  })

  test('facet counts follow the other active filters', async ({ page }) => {
    await page.goto(MIXED)
    const rail = page.getByRole('complementary', { name: 'Filters' })
    await expect(rail.getByRole('button', { name: 'All (16)' })).toBeVisible()
    await page.getByLabel('Search images').fill('could not be downloaded')
    await expect(page.getByText('Showing 2 of 16 images')).toBeVisible()
    await expect(rail.getByRole('button', { name: 'All (2)' })).toBeVisible()
    await expect(rail.getByRole('button', { name: 'Error (2)' })).toBeVisible()
    await expect(rail.getByRole('button', { name: 'Completed (0)' })).toBeVisible()
    // A status filter does not change the status counts it chooses between.
    await rail.getByRole('button', { name: 'Error (2)' }).click()
    await expect(rail.getByRole('button', { name: 'All (2)' })).toBeVisible()
  })

  test('n and Shift+N step through the problems and say where they are', async ({ page }) => {
    await page.goto(MIXED)
    await expect(tiles(page).first()).toBeVisible()
    const message = page.getByRole('status').filter({ hasText: /^Problem / })
    await page.keyboard.press('n')
    // #1 and #2 are completed with nothing flagged; #3 is pending.
    await expect(page.getByRole('link', { name: 'Open image #3', exact: true })).toBeFocused()
    await expect(message).toHaveText(/^Problem 1 of \d+$/)
    await page.keyboard.press('n')
    await expect(page.getByRole('link', { name: 'Open image #4', exact: true })).toBeFocused()
    // (The count can grow by one while it runs: #15's thumbnail fails once it is requested.)
    await expect(message).toHaveText(/^Problem 2 of \d+$/)
    await page.keyboard.press('Shift+N')
    await expect(message).toHaveText(/^Problem 1 of \d+$/)
    await page.keyboard.press('Shift+N')
    await expect(message).toHaveText(/^Problem (\d+) of \1$/)
    // In the image view, n moves the view.
    await page.keyboard.press('n')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: 'Image #3' })).toBeVisible()
    await page.keyboard.press('n')
    await expect(page.getByRole('dialog', { name: 'Image #4' })).toBeVisible()
  })

  test('Reset filters after an error group clears its search for good', async ({ page }) => {
    await page.goto(MIXED)
    await page
      .getByRole('region', { name: 'Errors by message' })
      .getByRole('button', { name: /Content policy/ })
      .click()
    const search = page.getByLabel('Search images')
    await expect(search).toHaveValue(/Content policy/)
    await expect(page.getByText('Showing 1 of 16 images')).toBeVisible()
    await page.getByRole('button', { name: 'Reset filters' }).first().click()
    await expect(search).toHaveValue('')
    await expect(page).toHaveURL(MIXED)
    // Past the search's debounce: the old text does not come back.
    await page.waitForTimeout(600)
    await expect(search).toHaveValue('')
    await expect(page).toHaveURL(MIXED)
  })
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

  test('the filters open from a Filters button as a sheet', async ({ page }) => {
    await page.goto(MIXED)
    await expect(tiles(page).first()).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden()
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    const sheet = page.getByRole('dialog', { name: 'Filters' })
    await expect(sheet).toBeVisible()
    await sheet.getByRole('button', { name: /^Error \(\d+\)$/ }).click()
    await expect(page).toHaveURL(/status=error/)
    await sheet.getByRole('button', { name: /^Show 3 images$/ }).click()
    await expect(sheet).toHaveCount(0)
    await expect(page.getByText('Showing 3 of 16 images')).toBeVisible()
    await expect(page.getByRole('button', { name: /^Filters 1 active$/ })).toBeVisible()
    // No page-wide horizontal scroll on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })

  test('the shortcuts button is not offered on a touch screen', async ({ page }) => {
    await page.goto(MIXED)
    await expect(tiles(page).first()).toBeVisible()
    await expect(page.getByRole('button', { name: 'Shortcuts' })).toBeHidden()
  })
})

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((c) => {
      const v = c / 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the loading skeleton has the page's shape (${viewport.width}px)`, async ({ page }) => {
    await page.setViewportSize(viewport)
    const release = await holdPackResponses(page)
    await page.goto(MIXED)
    await expect(page.getByRole('status')).toHaveText('Loading pack…')
    const box = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const { top, left, width } = element.getBoundingClientRect()
          return { top, left, width }
        })
    const skeleton = await box('[data-skeleton-tile]')
    release()
    await expect(tiles(page).first()).toBeVisible()
    const tile = await box('ul[aria-label="Images"] > li')
    // The first tile appears where its placeholder was, at about its size.
    expect(Math.abs(tile.top - skeleton.top)).toBeLessThanOrEqual(24)
    expect(Math.abs(tile.left - skeleton.left)).toBeLessThanOrEqual(2)
    expect(Math.abs(tile.width - skeleton.width) / tile.width).toBeLessThanOrEqual(0.1)
  })
}

test('the demo gives every image of a generated pack its own URL', async ({ page }) => {
  await page.goto(LARGE)
  const rail = page.getByRole('complementary', { name: 'Filters' })
  await expect(rail.getByRole('button', { name: /^All \(2,000\)$/ })).toBeVisible()
  await expect(rail.getByRole('button', { name: /^Duplicate URL/ })).toHaveCount(0)
})
