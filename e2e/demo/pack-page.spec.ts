import { expect, test } from '@playwright/test'

const MOTIVATION = '11111111-1111-1111-1111-111111111111'
const MIXED = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e01'
const EMPTY = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e02'
const LARGE = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e04'
const COUNT_MISMATCH = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e03'

test('a deep link shows the reference pack', async ({ page }) => {
  await page.goto(`/packs/${MOTIVATION}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  await expect(page.getByText('Private')).toBeVisible()
  await expect(page.getByText(/Created .*2026/)).toBeVisible()
  const cards = page.getByRole('list', { name: 'Images' }).locator('xpath=./li')
  await expect(cards).toHaveCount(2)
  await expect(cards.nth(0)).toContainText('#1')
  await expect(cards.nth(0)).toContainText(
    'Woman lifting dumbbells in a bright, minimal gym environment.',
  )
  await expect(cards.nth(0)).toContainText('Completed')
  await expect(cards.nth(1)).toContainText('Pending')
  // Keywords and model are in the rail's keyword filter, the list view and the image view.
  await page.getByText('Keywords (6)').click()
  await expect(
    page.getByRole('group', { name: 'Filter by keyword' }).getByRole('button'),
  ).toHaveText([
    'fitness (1)',
    'gym (1)',
    'healthy lifestyle (1)',
    'motivation (1)',
    'strength (1)',
    'workout (1)',
  ])
  await expect(page).toHaveTitle('Motivation Pack · Pack Explorer')
})

test('every badge, unknown statuses, missing metadata and broken images render', async ({
  page,
}) => {
  await page.goto(`/packs/${MIXED}`)
  const card = (n: number) => page.getByRole('article', { name: `Image #${n}`, exact: true })
  await expect(card(1)).toContainText('Completed')
  await expect(card(3)).toContainText('Pending')
  await expect(card(4)).toContainText('Processing')
  await expect(card(5)).toContainText('Error')
  await expect(card(5)).toContainText('Image could not be downloaded (HTTP 403 from storage).')
  // No metadata at all (older API revision).
  await expect(card(7).getByText('Unknown')).toHaveAttribute(
    'title',
    'The API sent no metadata for this image',
  )
  // A status the dashboard does not know keeps its raw value in the title.
  await expect(card(8).getByText('Unknown')).toHaveAttribute(
    'title',
    'Status reported by the API: queued_for_review',
  )
  // `status: "error"` is an Error too.
  await expect(card(11)).toContainText('Error')
  // The image URL 404s: once the lazy image is requested, the card keeps its layout and says so.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect(card(15)).toContainText('Image failed to load')
  await expect(card(15).locator('img')).toHaveCount(0)
  // Real images load.
  await expect(card(1).locator('img')).toHaveJSProperty('complete', true)
  expect(
    await card(1)
      .locator('img')
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0)

  const summary = page.getByRole('list', { name: 'Status counts' })
  await expect(summary).toContainText('Completed')
  await expect(
    page.getByRole('progressbar', { name: 'Images with completed metadata' }),
  ).toBeVisible()
})

test('thumbnails: first row eager and high priority, the rest lazy; async decoding; contained', async ({
  page,
}) => {
  await page.goto(`/packs/${MIXED}`)
  const first = page.getByRole('article', { name: 'Image #1', exact: true }).locator('img')
  await expect(first).toHaveAttribute('fetchpriority', 'high')
  await expect(first).toHaveAttribute('decoding', 'async')
  const later = page.getByRole('article', { name: 'Image #6', exact: true }).locator('img')
  await expect(later).toHaveAttribute('loading', 'lazy')
  await expect(later).toHaveAttribute('fetchpriority', 'auto')
  // The whole image, never cropped, in a square cell of the same size for every tile.
  await expect(first).toHaveCSS('object-fit', 'contain')
  const cell = await first.locator('xpath=..').boundingBox()
  expect(cell!.width).toBeCloseTo(cell!.height, 0)
})

test('an empty pack says so', async ({ page }) => {
  await page.goto(`/packs/${EMPTY}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Empty Draft Pack' })).toBeVisible()
  await expect(page.getByText('This pack has no images yet')).toBeVisible()
})

test('the image link shows the pack until the detail view exists', async ({ page }) => {
  await page.goto(`/packs/${MOTIVATION}/images/22222222-2222-2222-2222-222222222222`)
  await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
})

test('a 2,000-image pack keeps only the cards near the viewport in the document', async ({
  page,
}) => {
  await page.goto(`/packs/${LARGE}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Stock Library 2026' })).toBeVisible()
  await expect(page.getByText('2,000 images', { exact: true })).toBeVisible()
  const items = page.getByRole('list', { name: 'Images', exact: true }).locator('xpath=./li')
  await expect(items.first()).toHaveAttribute('aria-setsize', '2000')
  await expect(items.first()).toHaveAttribute('aria-posinset', '1')
  expect(await items.count()).toBeLessThan(60)

  // End of the list: the last card is there, numbered, and the first ones are gone.
  await page.getByRole('link', { name: 'Open image #1', exact: true }).focus()
  await page.keyboard.press('End')
  await expect(page.getByRole('link', { name: 'Open image #2000' })).toBeFocused()
  await expect(page.getByRole('article', { name: 'Image #1', exact: true })).toHaveCount(0)
  expect(await items.count()).toBeLessThan(60)
  await page.keyboard.press('Home')
  await expect(page.getByRole('link', { name: 'Open image #1', exact: true })).toBeFocused()
})

test('Refresh refetches and Copy link copies the share link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`/packs/${MOTIVATION}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  const refetch = page.waitForRequest(`**/api/partner/v1/packs/${MOTIVATION}`)
  await page.getByRole('button', { name: 'Refresh' }).click()
  await refetch
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
})

test('a count mismatch says what to do next, and fetches the pack again', async ({ page }) => {
  await page.goto(`/packs/${COUNT_MISMATCH}`)
  const notice = page.getByRole('note').filter({ hasText: 'This pack reports' })
  await expect(notice).toContainText(
    'This pack reports 12 images but the API returned 9. Fetch the pack again; if the numbers still differ, the API may still be adding images, or copy the details for support.',
  )
  const refetch = page.waitForRequest(`**/api/partner/v1/packs/${COUNT_MISMATCH}`)
  await notice.getByRole('button', { name: 'Fetch again' }).click()
  await refetch
  await expect(notice.getByRole('button', { name: 'Fetch again' })).toBeEnabled()
})

test('a shared ?flag=broken link checks every image in the background, 4 at a time', async ({
  page,
}) => {
  let loading = 0
  let most = 0
  const requested = new Set<string>()
  await page.route('**/demo-images/**', async (route) => {
    requested.add(route.request().url())
    loading++
    most = Math.max(most, loading)
    // Held a moment, so that checks overlap as they would on a slow network.
    await new Promise((resolve) => setTimeout(resolve, 250))
    const response = await route.fetch()
    loading--
    await route.fulfill({ response })
  })
  await page.goto(`/packs/${MIXED}?flag=broken`)
  await expect(page.getByRole('status').filter({ hasText: 'Checking images…' })).toContainText(
    /Checking images… \d+ of 16/,
  )
  // Image #15's URL does not exist; it is found without scrolling to it.
  await expect(page.getByRole('button', { name: 'Broken image (1)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const broken = page.getByRole('article', { name: 'Image #15', exact: true })
  await expect(broken).toBeInViewport()
  await expect(broken).toContainText('Image failed to load')
  await expect(page.getByText('Showing 1 of 16 images')).toBeVisible()
  await expect(page.getByText('Checking images…')).toHaveCount(0)
  expect(requested.size).toBe(16)
  expect(most).toBeGreaterThan(1)
  expect(most).toBeLessThanOrEqual(4)
})
