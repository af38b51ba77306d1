import { expect, test, type Page } from '@playwright/test'
import { DEMO_PACK_IDS, sizedPackId } from '../../server/demo/fixtures'

const MIXED = `/packs/${DEMO_PACK_IDS.mixed}`

const table = (page: Page) => page.getByRole('table', { name: 'Images' })
/** Body rows only: the header row has no image. */
const rows = (page: Page) => table(page).locator('[role="row"][data-image-id]')
const row = (page: Page, position: number) =>
  rows(page).filter({
    has: page.getByRole('link', { name: `Open image #${position}`, exact: true }),
  })
const rowLink = (page: Page, position: number) =>
  page.getByRole('link', { name: `Open image #${position}`, exact: true })
/** The status badge's text of the row that holds the focused link. */
const focusedRowStatus = (page: Page) =>
  page.evaluate(() =>
    document.activeElement
      ?.closest('[role="row"]')
      ?.querySelector('[role="cell"]:nth-child(3) > span')
      ?.textContent?.trim(),
  )

test('view=list shows every field of every image as a table; View switches and keeps the URL', async ({
  page,
}) => {
  await page.goto(`${MIXED}?view=list`)
  await expect(table(page)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Images' })).toHaveCount(0)
  await expect(
    page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(table(page)).toHaveAttribute('aria-rowcount', '17')
  for (const name of ['Image', 'Position', 'Status', 'Description', 'Keywords', 'Model and time'])
    await expect(table(page).getByRole('columnheader', { name, exact: true })).toHaveCount(1)

  const first = row(page, 1)
  await expect(first.getByRole('cell')).toHaveCount(6)
  await expect(first).toContainText('#1')
  await expect(first).toContainText('Completed')
  await expect(first).toContainText(
    'City skyline at night with lit windows reflecting on the river below a full moon.',
  )
  await expect(first.getByRole('list', { name: 'Keywords' }).getByRole('listitem')).toHaveText([
    'city',
    'skyline',
    'night',
    'urban',
    'architecture',
    'lights',
  ])
  await expect(first).toContainText('gpt-4.1-nano')
  await expect(first.locator('time')).toHaveAttribute('datetime', '2026-11-20T09:01:00.000Z')
  await expect(row(page, 5)).toContainText('Image could not be downloaded (HTTP 403 from storage).')

  // The whole image in a fixed square box: contained, never cropped.
  const image = first.locator('img')
  await expect(image).toHaveJSProperty('complete', true)
  await expect(image).toHaveCSS('object-fit', 'contain')
  const box = (await image.boundingBox())!
  expect(box.width).toBe(box.height)

  // Switching View writes the URL, and back again.
  await page.getByRole('button', { name: 'Grid', exact: true }).click()
  await expect(page).not.toHaveURL(/view=/)
  await expect(page.getByRole('list', { name: 'Images' })).toBeVisible()
  await expect(table(page)).toHaveCount(0)
  await page.getByRole('button', { name: 'List', exact: true }).click()
  await expect(page).toHaveURL(/[?&]view=list/)
  await expect(table(page)).toBeVisible()
})

test('the list follows the filters, the sort and the search, and Reset filters keeps it', async ({
  page,
}) => {
  await page.goto(`${MIXED}?view=list&flag=no-keywords`)
  await expect(rows(page)).toHaveCount(1)
  await expect(row(page, 13).getByRole('list', { name: 'QA flags' })).toHaveText('No keywords')

  await page.goto(`${MIXED}?view=list&status=error`)
  await expect(page.getByText('Showing 3 of 16 images')).toBeVisible()
  await expect(rows(page)).toHaveCount(3)
  for (const status of await rows(page)
    .locator('[role="cell"]:nth-child(3) > span')
    .allTextContents())
    expect(status).toBe('Error')

  await page.getByRole('button', { name: 'Reset filters' }).click()
  await expect(page.getByText('Showing 16 of 16 images')).toBeVisible()
  await expect(table(page)).toHaveAttribute('aria-rowcount', '17')
  await expect(page).toHaveURL(/[?&]view=list/)

  await page.getByLabel('Sort').selectOption('status')
  await expect(rows(page).first()).toContainText('Error')
  await expect(rows(page).first()).toContainText('#5')

  await page.getByRole('searchbox', { name: 'Search images' }).fill('lighthouse')
  await expect(page.getByText(/^Showing 1 of 16 images$/)).toBeVisible()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first().locator('mark').first()).toHaveText(/lighthouse/i)
  await expect(page).toHaveURL(/view=list/)
})

test('↑ ↓ Home End move between rows, Enter opens, Esc comes back to the row; one tab stop', async ({
  page,
}) => {
  await page.goto(`${MIXED}?view=list`)
  await expect(rowLink(page, 1)).toBeVisible()
  // Roving tabindex: one link in the list takes Tab.
  await expect(table(page).locator('[data-card-link][tabindex="0"]')).toHaveCount(1)
  await rowLink(page, 1).focus()

  await page.keyboard.press('ArrowDown')
  await expect(rowLink(page, 2)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(rowLink(page, 3)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(rowLink(page, 2)).toBeFocused()
  await page.keyboard.press('End')
  await expect(rowLink(page, 16)).toBeFocused()
  await page.keyboard.press('Home')
  await expect(rowLink(page, 1)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(table(page).locator('[data-card-link][tabindex="0"]')).toHaveAttribute(
    'aria-label',
    'Open image #2',
  )

  // Shift+Tab leaves the list from its one stop, and Tab comes back to the same row.
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByLabel('Search images')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(rowLink(page, 2)).toBeFocused()

  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Image #2' })
  await expect(dialog).toBeVisible()
  await expect(page).toHaveURL(/\/images\/.*view=list/)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(rowLink(page, 2)).toBeFocused()
  await expect(table(page)).toBeVisible()
})

test('n moves focus to a row that needs attention', async ({ page }) => {
  await page.goto(`${MIXED}?view=list`)
  await rowLink(page, 1).focus()
  await page.keyboard.press('n')
  await expect(page.locator(':focus')).toHaveAttribute('data-card-link', '')
  await expect(page.locator(':focus')).not.toHaveAttribute('aria-label', 'Open image #1')
  expect(await focusedRowStatus(page)).toMatch(/^(Error|Pending)$/)
})

test('on a phone each row stacks its text beside the image, with no sideways scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${MIXED}?view=list`)
  const first = row(page, 1)
  await expect(first).toBeVisible()
  const rowBox = (await first.boundingBox())!
  const image = (await first.locator('img').boundingBox())!
  const description = (await first.getByText(/^City skyline at night/).boundingBox())!
  // Image on the left, the description beside it, both inside the row and the screen.
  expect(description.x).toBeGreaterThan(image.x + image.width)
  expect(description.x + description.width).toBeLessThanOrEqual(rowBox.x + rowBox.width)
  expect(rowBox.x + rowBox.width).toBeLessThanOrEqual(390)
  await expect(first.getByRole('list', { name: 'Keywords' })).toBeVisible()
  await expect(first).toContainText('Generated')
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)
})

test('a 10,000-image pack in list view keeps the document small at the top, middle and end', async ({
  page,
}) => {
  test.slow()
  await page.goto(`/packs/${sizedPackId(10_000)}?view=list`)
  await expect(page.getByText('Showing 10,000 of 10,000 images')).toBeVisible({ timeout: 30_000 })
  await expect(table(page)).toHaveAttribute('aria-rowcount', '10001')

  for (const at of [0, 0.5, 1]) {
    await page.evaluate((fraction) => {
      window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * fraction)
    }, at)
    // Let the virtualizer render the rows for this position.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('[role="row"][data-image-id]')].some((row) => {
            const box = row.getBoundingClientRect()
            return box.bottom > 0 && box.top < window.innerHeight
          }),
        ),
      )
      .toBe(true)
    const counts = await page.evaluate(() => ({
      elements: document.getElementsByTagName('*').length,
      images: document.getElementsByTagName('img').length,
      rows: document.querySelectorAll('[role="row"][data-image-id]').length,
    }))
    expect(counts.elements, `elements at ${at * 100}%`).toBeLessThan(1500)
    expect(counts.images, `images at ${at * 100}%`).toBeLessThan(200)
    expect(counts.rows).toBeGreaterThan(0)
  }
  await expect(rowLink(page, 10_000)).toBeAttached()
  await expect(row(page, 10_000)).toBeInViewport()
})
