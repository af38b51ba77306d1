import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createImage,
  createMetadata,
  createPack,
  failedMetadata,
  pendingMetadata,
  type WireImage,
} from '../../contract/partner-api/wire'
import { UPSTREAM_APP_PORT } from '../support/ports'
import { receivedRequests, scriptPack } from '../support/upstream'

const id = (n: number) => `0e000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`

/** Served by the app itself, so thumbnails load; port 9 refuses, so that one breaks. */
const SCENES = [
  'gym-dumbbells',
  'dog-park',
  'latte-art-coffee',
  'beach-yoga',
  'reading-nook',
  'sunflower-field',
  'cat-windowsill',
  'hot-air-balloons',
]
const loads = (n: number) => `http://localhost:${UPSTREAM_APP_PORT}/demo-images/${SCENES[n]}.svg`
const BROKEN_URL = 'http://127.0.0.1:9/missing.jpg'

/** Eight images covering every filter: statuses, keywords, flags, dates. */
function reviewImages(): WireImage[] {
  return withUrls([
    createImage({
      id: id(1),
      metadata: createMetadata({
        description: 'Red bicycle against a yellow wall',
        keywords: ['bike', 'city'],
        generated_at: at(3),
      }),
    }),
    createImage({ id: id(2), metadata: pendingMetadata() }),
    createImage({ id: id(3), metadata: failedMetadata('Model timed out') }),
    createImage({
      id: id(4),
      metadata: createMetadata({
        description: 'Night skyline over the river',
        keywords: ['city', 'night'],
        generated_at: at(5),
      }),
    }),
    createImage({ id: id(5), metadata: failedMetadata('Model timed out') }),
    createImage({
      id: id(6),
      url: 'javascript:alert(1)',
      metadata: createMetadata({
        description: '=SUM(1,2) unsafe source',
        keywords: ['x'],
        generated_at: at(1),
      }),
    }),
    createImage({
      id: id(7),
      metadata: createMetadata({ description: null, keywords: [], generated_at: at(2) }),
    }),
    createImage({ id: id(8), metadata: pendingMetadata({ status: 'processing' }) }),
  ])
}

function withUrls(images: WireImage[]): WireImage[] {
  return images.map((image, index) =>
    image.url?.startsWith('javascript:')
      ? image
      : { ...image, url: index === 6 ? BROKEN_URL : loads(index) },
  )
}

async function openReviewPack(page: Page, query = '', images = reviewImages()) {
  const packId = await scriptPack([
    {
      status: 200,
      body: okEnvelope(
        createPack({ id: 'ignored', name: 'Review Pack', images, image_count: images.length }),
      ),
    },
  ])
  await page.goto(`/packs/${packId}${query}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Review Pack' })).toBeVisible()
  return packId
}

/** The cards on screen, in order, by their accessible names. */
const cardNumbers = (page: Page) =>
  page
    .getByRole('list', { name: 'Images', exact: true })
    .getByRole('article')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')))

test('status, search, keyword, flag and sort live in the URL; reload and back/forward keep them', async ({
  page,
}) => {
  const packId = await openReviewPack(page)
  await expect(page.getByText('Showing 8 of 8 images')).toBeVisible()
  await expect(page.getByRole('button', { name: 'All (8)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  await page.getByRole('button', { name: 'Error (2)' }).click()
  await expect(page).toHaveURL(`/packs/${packId}?status=error`)
  await expect(page.getByRole('button', { name: 'Error (2)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByText('Showing 2 of 8 images')).toBeVisible()
  await expect.poll(() => cardNumbers(page)).toEqual(['Image #3', 'Image #5'])

  await page.getByRole('button', { name: 'Pending (1)' }).click()
  await expect(page).toHaveURL(`/packs/${packId}?status=pending%2Cerror`)
  await expect.poll(() => cardNumbers(page)).toEqual(['Image #2', 'Image #3', 'Image #5'])

  await page.reload()
  await expect(page.getByText('Showing 3 of 8 images')).toBeVisible()

  await page.goBack()
  await expect(page).toHaveURL(`/packs/${packId}?status=error`)
  await expect(page.getByText('Showing 2 of 8 images')).toBeVisible()
  await page.goForward()
  await expect(page.getByText('Showing 3 of 8 images')).toBeVisible()

  await page.getByRole('button', { name: 'Reset filters' }).first().click()
  await expect(page).toHaveURL(`/packs/${packId}`)

  await page.getByLabel('Search images').fill('RIVER')
  await expect(page).toHaveURL(`/packs/${packId}?q=RIVER`)
  await expect.poll(() => cardNumbers(page)).toEqual(['Image #4'])
  await expect(page.locator('mark')).toHaveText(['river'])
  await page.getByLabel('Search images').fill('')

  await page.getByText('Keywords (4)').click()
  await page
    .getByRole('group', { name: 'Filter by keyword' })
    .getByRole('button', { name: 'city (2)' })
    .click()
  await expect(page).toHaveURL(`/packs/${packId}?keyword=city`)
  await expect.poll(() => cardNumbers(page)).toEqual(['Image #1', 'Image #4'])
  await page
    .getByRole('group', { name: 'Filter by keyword' })
    .getByRole('button', { name: 'city (2)' })
    .click()

  await page.getByRole('button', { name: 'Unsafe URL (1)' }).click()
  await expect(page).toHaveURL(`/packs/${packId}?flag=unsafe`)
  await expect.poll(() => cardNumbers(page)).toEqual(['Image #6'])
  await page.getByRole('button', { name: 'Unsafe URL (1)' }).click()

  await page.getByLabel('Sort').selectOption('generated-desc')
  await expect(page).toHaveURL(`/packs/${packId}?sort=generated-desc`)
  await expect
    .poll(async () => (await cardNumbers(page)).slice(0, 4))
    .toEqual(['Image #4', 'Image #1', 'Image #7', 'Image #6'])
})

test('an empty result explains itself and resets', async ({ page }) => {
  const packId = await openReviewPack(page, '?status=completed&q=no-such-thing')
  await expect(page.getByRole('heading', { name: 'No images match these filters' })).toBeVisible()
  await page.getByRole('button', { name: 'Reset filters' }).last().click()
  await expect(page).toHaveURL(`/packs/${packId}`)
  await expect(page.getByText('Showing 8 of 8 images')).toBeVisible()
})

test('QA flags show as one marker per tile and unsafe URLs are never used', async ({ page }) => {
  await openReviewPack(page)
  const unsafe = page.getByRole('article', { name: 'Image #6', exact: true })
  await expect(unsafe.getByRole('img', { name: 'QA flags: Unsafe URL' })).toBeVisible()
  await expect(unsafe.locator('img')).toHaveCount(0)
  await expect(page.locator('[src^="javascript"], [href^="javascript"]')).toHaveCount(0)
  const bare = page.getByRole('article', { name: 'Image #7', exact: true })
  await expect(
    bare.getByRole('img', { name: 'QA flags: Broken image, No description, No keywords' }),
  ).toBeVisible()
  await expect(bare.getByText('Image failed to load')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Broken image (1)' })).toBeVisible()
  await expect(
    page
      .getByRole('article', { name: 'Image #1', exact: true })
      .getByRole('img', { name: /^QA flags/ }),
  ).toHaveCount(0)
})

test('duplicate URLs, count mismatch and error groups', async ({ page }) => {
  const url = 'https://cdn.example.com/same.jpg'
  const images = [
    createImage({ url }),
    createImage({ url }),
    createImage({ metadata: failedMetadata('Quota exceeded') }),
  ]
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: 'Odd Pack', images, image_count: 5 })) },
  ])
  await page.goto(`/packs/${packId}`)
  await expect(page.getByText('This pack reports 5 images but the API returned 3.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Duplicate URL (2)' })).toBeVisible()
  await page
    .getByRole('region', { name: 'Errors by message' })
    .getByRole('button', { name: /Quota exceeded/ })
    .click()
  await expect(page).toHaveURL(`/packs/${packId}?status=error&q=Quota+exceeded`)
  await expect(page.getByText('Showing 1 of 3 images')).toBeVisible()
})

test('the detail dialog follows the filtered order, closes with Esc and returns focus', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const packId = await openReviewPack(page, '?status=completed&sort=generated-desc')
  const first = page.getByRole('link', { name: 'Open image #4' })
  await first.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(
    `/packs/${packId}/images/${id(4)}?status=completed&sort=generated-desc`,
  )
  const dialog = page.getByRole('dialog', { name: 'Image #4' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Night skyline over the river')
  await expect(dialog).toContainText('1 of 4 in this view')

  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('dialog', { name: 'Image #1' })).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('dialog', { name: 'Image #7' })).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('dialog', { name: 'Image #1' })).toBeVisible()

  await page.getByRole('button', { name: 'Copy image ID' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id(1))
  await page.getByRole('button', { name: 'Show raw JSON' }).click()
  await expect(page.getByRole('dialog').locator('pre')).toContainText(`"id": "${id(1)}"`)

  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page).toHaveURL(`/packs/${packId}?status=completed&sort=generated-desc`)
  await expect(page.getByRole('link', { name: 'Open image #1' })).toBeFocused()
})

test('a deep link opens the dialog; an unknown image says so', async ({ page }) => {
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: 'Deep Pack', images: reviewImages() })) },
  ])
  await page.goto(`/packs/${packId}/images/${id(3)}`)
  await expect(page.getByRole('dialog', { name: 'Image #3' })).toContainText('Model timed out')
  await expect(
    page.getByRole('dialog').getByRole('link', { name: /Open original/ }),
  ).toHaveAttribute('href', loads(2))

  await page.goto(`/packs/${packId}/images/${id(6)}`)
  await expect(page.getByRole('dialog').getByRole('link', { name: /Open original/ })).toHaveCount(0)
  await expect(page.getByRole('dialog')).toContainText('Unsafe URL')

  await page.goto(`/packs/${packId}/images/not-in-this-pack`)
  const notice = page.getByRole('alert').filter({ hasText: 'Image not found in this pack' })
  await expect(notice).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await notice.getByRole('link', { name: 'Back to the pack' }).click()
  await expect(page).toHaveURL(`/packs/${packId}`)
  await expect(notice).toHaveCount(0)
})

test('keyboard review: arrows, n, / and ?', async ({ page }) => {
  await openReviewPack(page)
  await page.getByRole('link', { name: 'Open image #1' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('link', { name: 'Open image #2' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.getByRole('link', { name: 'Open image #8' })).toBeFocused()

  // n: the next problem after the focused one, wrapping around (#8 is Processing, #4 fine).
  await page.keyboard.press('n')
  await expect(page.getByRole('link', { name: 'Open image #2' })).toBeFocused()
  await page.keyboard.press('n')
  await expect(page.getByRole('link', { name: 'Open image #3' })).toBeFocused()
  await page.keyboard.press('n')
  await expect(page.getByRole('link', { name: 'Open image #5' })).toBeFocused()

  await page.keyboard.press('/')
  await expect(page.getByLabel('Search images')).toBeFocused()
  await page.keyboard.type('n/')
  await expect(page.getByLabel('Search images')).toHaveValue('n/')
  await page.getByLabel('Search images').blur()

  await page.keyboard.press('?')
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(shortcuts).toBeVisible()
  await expect(shortcuts).toContainText(
    'Next problem: Error, Pending, Processing, Unknown or a QA flag',
  )
  await page.keyboard.press('Escape')
  await expect(shortcuts).toHaveCount(0)
})

test('exports exactly the filtered, sorted images as CSV and JSON', async ({ page }) => {
  await openReviewPack(page, '?status=error,completed&sort=generated-asc')
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(csvDownload.suggestedFilename()).toMatch(/^review-pack-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = (await readFile(await csvDownload.path())).toString('utf8').replace(/^\uFEFF/, '')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe(
    'id,position,url,status,description,keywords,model,generated_at,error,flags,review,review_reasons,review_note,reviewed_by,reviewed_at',
  )
  expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['6', '7', '1', '4', '3', '5'])
  expect(csv).toContain('bike; city')
  expect(csv).toContain(`"'=SUM(1,2) unsafe source"`)
  expect(csv).toContain('javascript:alert(1)')

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  expect(jsonDownload.suggestedFilename()).toMatch(/^review-pack-\d{4}-\d{2}-\d{2}\.json$/)
  const json = JSON.parse((await readFile(await jsonDownload.path())).toString('utf8')) as {
    count: number
    images: { position: number; flags: string[] }[]
  }
  expect(json.count).toBe(6)
  expect(json.images.map((image) => image.position)).toEqual([6, 7, 1, 4, 3, 5])
  expect(json.images[0]?.flags).toContain('unsafe')
})

test('a pending image completes in place while filters and the open dialog stay', async ({
  page,
}) => {
  test.slow()
  const pending = [
    createImage({ id: id(1), metadata: pendingMetadata() }),
    createImage({ id: id(2) }),
  ]
  const completed = [
    createImage({
      id: id(1),
      metadata: createMetadata({ description: 'Freshly described image' }),
    }),
    createImage({ id: id(2) }),
  ]
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: 'Live Pack', images: pending })) },
    { status: 200, body: okEnvelope(createPack({ name: 'Live Pack', images: completed })) },
  ])
  await page.goto(`/packs/${packId}/images/${id(1)}?q=image`)
  const dialog = page.getByRole('dialog', { name: 'Image #1' })
  await expect(dialog.getByText('Pending', { exact: true })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'have metadata' })).toContainText(
    '1 of 2 images have metadata',
  )

  // The first poll comes 5 s later and brings the completed image.
  await expect(dialog).toContainText('Freshly described image', { timeout: 15_000 })
  await expect(page.getByRole('status').filter({ hasText: 'have metadata' })).toContainText(
    '2 of 2 images have metadata',
  )
  await expect(page).toHaveURL(`/packs/${packId}/images/${id(1)}?q=image`)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('article', { name: 'Image #1', exact: true })).toContainText(
    'Freshly described image',
  )
  expect((await receivedRequests(packId)).length).toBe(2)
})
