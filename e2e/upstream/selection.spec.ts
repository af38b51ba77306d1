import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test, type Download, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createImage,
  createMetadata,
  createPack,
  type WireImage,
} from '../../contract/partner-api/wire'
import { reviewDecisionsPath, reviewPackPath } from '../../contract/review-api/paths'
import { scriptPack } from '../support/upstream'
import { nameReviewer } from '../support/reviewer'
import { sceneUrl } from '../support/workspace'

/**
 * Selection and bulk decisions through the real dev server and its review store (PGlite):
 * checkboxes, Shift ranges, Space, Select all, the Selection toolbar, its confirmations, one
 * POST per bulk action, its undo, pruning on filter changes, the list view, the export.
 * Every test has a pack of its own (the store is shared by tests running side by side).
 */

type PackId = ReturnType<typeof randomUUID>

const imageId = (n: number) => `0e000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** Image n was generated n minutes before the first: newest first is 1, 2, 3…; oldest first 6, 5, 4… */
function images(count = 6): WireImage[] {
  return Array.from({ length: count }, (_, index) =>
    createImage({
      id: imageId(index + 1),
      url: sceneUrl(index),
      metadata: createMetadata({
        description: `Scene number ${index + 1}`,
        keywords: [index % 2 === 0 ? 'odd' : 'even'],
        generated_at: new Date(Date.UTC(2026, 1, 17, 12, 0) - index * 60_000).toISOString(),
      }),
    }),
  )
}

async function openPack(
  page: Page,
  { name = 'Dana Reyes' as string | null, query = '', count = 6 } = {},
): Promise<PackId> {
  if (name !== null) await nameReviewer(page, name)
  const packId = randomUUID()
  const list = images(count)
  const pack = createPack({ id: packId, name: 'Selection Pack', images: list, image_count: count })
  await scriptPack([{ status: 200, body: okEnvelope(pack) }], packId)
  await page.goto(`/packs/${packId}${query}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Selection Pack' })).toBeVisible()
  await expect(page.getByText(`Reviewed 0 of ${count.toLocaleString()}`)).toBeVisible()
  return packId
}

const card = (page: Page, n: number) =>
  page.getByRole('article', { name: `Image #${n}`, exact: true })
const checkbox = (page: Page, n: number) =>
  page.getByRole('checkbox', { name: `Select image #${n}`, exact: true })
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Selection' })

/** The decisions the review API has for the pack, by image ID. */
async function stored(page: Page, packId: PackId) {
  const response = await page.request.get(reviewPackPath(packId))
  const body = (await response.json()) as {
    data: { images: { image_id: string; decision: string; reasons: string[]; note: string }[] }
  }
  return Object.fromEntries(body.data.images.map((entry) => [entry.image_id, entry]))
}

/** Every bulk write the page sends, with its body. */
function recordBulkWrites(page: Page, packId: PackId) {
  const bodies: { items: { image_id: string; decision: string | null }[]; undo?: boolean }[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(reviewDecisionsPath(packId)))
      bodies.push(request.postDataJSON() as (typeof bodies)[number])
  })
  return bodies
}

async function selectedIn(page: Page, numbers: number[]) {
  for (const n of numbers) await expect(checkbox(page, n)).toBeChecked()
}

test('a click toggles, Shift+click adds the range in the order shown, Space toggles the focused card, Esc clears', async ({
  page,
}) => {
  await openPack(page, { query: '?sort=generated-asc' })
  // Oldest first: 6, 5, 4, 3, 2, 1.
  const box = checkbox(page, 5)
  await expect(box.locator('..')).toHaveCSS('opacity', '0')
  await card(page, 5).hover()
  await expect(box.locator('..')).toHaveCSS('opacity', '1')
  await box.click()
  await expect(toolbar(page)).toBeVisible()
  await expect(toolbar(page)).toContainText('1 selected')
  // While anything is selected, every checkbox shows.
  await page.mouse.move(0, 0)
  await expect(checkbox(page, 1).locator('..')).toHaveCSS('opacity', '1')

  await checkbox(page, 2).click({ modifiers: ['Shift'] })
  await expect(toolbar(page)).toContainText('4 selected')
  await selectedIn(page, [5, 4, 3, 2])
  await expect(checkbox(page, 6)).not.toBeChecked()
  await expect(checkbox(page, 1)).not.toBeChecked()
  // A click takes one off again.
  await checkbox(page, 4).click()
  await expect(toolbar(page)).toContainText('3 selected')

  // Space on the focused tile: toggled, and the page does not scroll.
  const link = page.getByRole('link', { name: 'Open image #1', exact: true })
  await link.focus()
  const scrolled = await page.evaluate(() => window.scrollY)
  await page.keyboard.press(' ')
  await expect(checkbox(page, 1)).toBeChecked()
  await expect(toolbar(page)).toContainText('4 selected')
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
  await expect(link).toBeFocused()
  await page.keyboard.press(' ')
  await expect(checkbox(page, 1)).not.toBeChecked()

  await page.keyboard.press('Escape')
  await expect(toolbar(page)).toHaveCount(0)
  await expect(checkbox(page, 5)).not.toBeChecked()
})

test('Select all shown takes the whole view; changing filters keeps only what is still shown', async ({
  page,
}) => {
  await openPack(page, { query: '?keyword=odd' })
  await expect(page.getByText('Showing 3 of 6 images')).toBeVisible()
  await page.getByRole('button', { name: 'Select all 3 shown' }).click()
  await expect(toolbar(page)).toContainText('3 selected')
  await selectedIn(page, [1, 3, 5])

  await page.getByRole('searchbox', { name: 'Search images' }).fill('Scene number 3')
  await expect(page.getByText('Showing 1 of 6 images')).toBeVisible()
  await expect(toolbar(page)).toContainText('1 selected')
  await page.getByRole('searchbox', { name: 'Search images' }).fill('')
  await expect(page.getByText('Showing 3 of 6 images')).toBeVisible()
  // The images that left the view left the selection for good.
  await expect(toolbar(page)).toContainText('1 selected')
  await expect(checkbox(page, 3)).toBeChecked()
  await expect(checkbox(page, 1)).not.toBeChecked()

  await page.getByRole('button', { name: 'Select all 3 shown' }).click()
  // Wider again: what was selected stays selected.
  await page
    .getByRole('complementary', { name: 'Filters' })
    .getByRole('button', { name: /^odd \(/ })
    .click()
  await expect(page.getByText('Showing 6 of 6 images')).toBeVisible()
  await expect(toolbar(page)).toContainText('3 selected')
  await toolbar(page).getByRole('button', { name: 'Clear selection' }).click()
  await expect(toolbar(page)).toHaveCount(0)
})

test('Approve for many: the name first, then Approve <n> images?, one POST, every decision stored; Ctrl+Z undoes it all in one POST', async ({
  page,
}) => {
  const packId = await openPack(page, { name: null })
  const writes = recordBulkWrites(page, packId)
  await card(page, 2).hover()
  await checkbox(page, 2).click()
  await checkbox(page, 4).click({ modifiers: ['Shift'] })
  await toolbar(page).getByRole('button', { name: 'Approve' }).click()

  const naming = page.getByRole('dialog', { name: 'Who is reviewing?' })
  await expect(naming).toBeVisible()
  await page.keyboard.type('Dana Reyes')
  await naming.getByRole('button', { name: 'Save' }).click()

  const confirming = page.getByRole('dialog', { name: 'Approve 3 images?' })
  await expect(confirming).toBeVisible()
  await confirming.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirming).toHaveCount(0)
  await expect(toolbar(page).getByRole('button', { name: 'Approve' })).toBeFocused()
  expect(writes).toHaveLength(0)

  await toolbar(page).getByRole('button', { name: 'Approve' }).click()
  await expect(confirming).toBeVisible()
  await expect(confirming.getByRole('button', { name: 'Approve' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(confirming).toHaveCount(0)
  for (const n of [2, 3, 4]) await expect(card(page, n)).toContainText('Approved')
  await expect(page.getByText('Reviewed 3 of 6')).toBeVisible()
  // The selection stays, for an export or another action.
  await expect(toolbar(page)).toContainText('3 selected')
  await expect
    .poll(async () => Object.keys(await stored(page, packId)).sort())
    .toEqual([imageId(2), imageId(3), imageId(4)])
  expect(writes).toHaveLength(1)
  expect(writes[0]!.items.map((item) => item.image_id)).toEqual([2, 3, 4].map(imageId))

  await page.keyboard.press('Control+z')
  await expect(page.getByText('Reviewed 0 of 6')).toBeVisible()
  for (const n of [2, 3, 4]) await expect(card(page, n)).not.toContainText('Approved')
  await expect.poll(async () => stored(page, packId)).toEqual({})
  expect(writes).toHaveLength(2)
  expect(writes[1]!.undo).toBe(true)
})

test('Reject <n> images? takes the reasons (keys 1-6) and the note for all of them', async ({
  page,
}) => {
  const packId = await openPack(page)
  const writes = recordBulkWrites(page, packId)
  await page.getByRole('button', { name: 'Select all 6 shown' }).click()
  await checkbox(page, 6).click()
  await toolbar(page).getByRole('button', { name: 'Reject…' }).click()
  const rejecting = page.getByRole('dialog', { name: 'Reject 5 images?' })
  await expect(rejecting).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(rejecting.getByRole('alert')).toHaveText(
    'Choose at least one reason to reject these images.',
  )
  await page.keyboard.press('2')
  await page.keyboard.press('4')
  await rejecting.getByRole('textbox', { name: /Note/ }).fill('Whole batch is off-brand')
  await rejecting.getByRole('button', { name: 'Reject' }).click()
  await expect(rejecting).toHaveCount(0)
  for (const n of [1, 2, 3, 4, 5]) await expect(card(page, n)).toContainText('Rejected')
  await expect(card(page, 6)).not.toContainText('Rejected')
  await expect.poll(async () => Object.values(await stored(page, packId)).length).toBe(5)
  const decisions = await stored(page, packId)
  expect(decisions[imageId(3)]).toMatchObject({
    decision: 'rejected',
    reasons: ['missing-detail', 'unsafe'],
    note: 'Whole batch is off-brand',
  })
  expect(writes).toHaveLength(1)
})

test('Clear <n> decisions? counts the images that have one; Esc cancels it', async ({ page }) => {
  const packId = await openPack(page)
  await page.getByRole('button', { name: 'Select all 6 shown' }).click()
  await checkbox(page, 1).click()
  await checkbox(page, 2).click()
  await toolbar(page).getByRole('button', { name: 'Approve' }).click()
  await page
    .getByRole('dialog', { name: 'Approve 4 images?' })
    .getByRole('button', { name: 'Approve' })
    .click()
  await expect(page.getByText('Reviewed 4 of 6')).toBeVisible()

  await page.getByRole('button', { name: 'Select all 6 shown' }).click()
  await expect(toolbar(page)).toContainText('6 selected')
  await toolbar(page).getByRole('button', { name: 'Clear decisions' }).click()
  const clearing = page.getByRole('dialog', { name: 'Clear 4 decisions?' })
  await expect(clearing).toBeVisible()
  await expect(clearing).toContainText('2 of the 6 selected have no decision.')
  await page.keyboard.press('Escape')
  await expect(clearing).toHaveCount(0)
  await expect(toolbar(page)).toContainText('6 selected')
  await expect(page.getByText('Reviewed 4 of 6')).toBeVisible()

  await toolbar(page).getByRole('button', { name: 'Clear decisions' }).click()
  await clearing.getByRole('button', { name: 'Clear decisions' }).click()
  await expect(page.getByText('Reviewed 0 of 6')).toBeVisible()
  await expect.poll(async () => stored(page, packId)).toEqual({})
})

test('with one image selected, Approve acts at once and Reject… opens its own reject dialog', async ({
  page,
}) => {
  const packId = await openPack(page)
  await page.getByRole('switch', { name: 'Auto-advance' }).click()
  await card(page, 3).hover()
  await checkbox(page, 3).click()
  await toolbar(page).getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(card(page, 3)).toContainText('Approved')
  await expect.poll(async () => (await stored(page, packId))[imageId(3)]?.decision).toBe('approved')

  await toolbar(page).getByRole('button', { name: 'Reject…' }).click()
  const rejecting = page.getByRole('dialog', { name: 'Reject image #3' })
  await expect(rejecting).toBeVisible()
  await page.keyboard.press('1')
  await page.keyboard.press('Enter')
  await expect(card(page, 3)).toContainText('Rejected')
})

test('the list view: checkboxes, Shift ranges, Space on a row, and a bulk approve', async ({
  page,
}) => {
  const packId = await openPack(page, { query: '?view=list' })
  const writes = recordBulkWrites(page, packId)
  const row = (n: number) => page.locator(`[role="row"][data-image-id="${imageId(n)}"]`)
  await row(2).hover()
  await checkbox(page, 2).click()
  await checkbox(page, 5).click({ modifiers: ['Shift'] })
  await expect(toolbar(page)).toContainText('4 selected')
  await row(1).locator('[data-card-link]').focus()
  await page.keyboard.press(' ')
  await expect(checkbox(page, 1)).toBeChecked()
  await expect(toolbar(page)).toContainText('5 selected')
  await toolbar(page).getByRole('button', { name: 'Approve' }).click()
  await page
    .getByRole('dialog', { name: 'Approve 5 images?' })
    .getByRole('button', { name: 'Approve' })
    .click()
  for (const n of [1, 2, 3, 4, 5]) await expect(row(n)).toContainText('Approved')
  await expect(row(6)).not.toContainText('Approved')
  await expect.poll(async () => Object.keys(await stored(page, packId)).length).toBe(5)
  expect(writes).toHaveLength(1)
  // The selection carries over to the grid.
  await page.getByRole('button', { name: 'Grid', exact: true }).click()
  await expect(toolbar(page)).toContainText('5 selected')
  await expect(checkbox(page, 5)).toBeChecked()
})

async function text(download: Download) {
  return (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '')
}

test('Export selection: the export columns, for the selected images in the order shown', async ({
  page,
}) => {
  await openPack(page, { query: '?sort=generated-asc' })
  await card(page, 4).hover()
  await checkbox(page, 4).click()
  await checkbox(page, 2).click()
  const exporting = toolbar(page).getByRole('group', { name: 'Export selection' })
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    exporting.getByRole('button', { name: 'Export selection CSV' }).click(),
  ])
  const [header, ...rows] = (await text(csv)).trimEnd().split('\r\n')
  expect(header).toBe(
    'id,position,url,status,description,keywords,model,generated_at,error,flags,review,review_reasons,review_note,reviewed_by,reviewed_at',
  )
  // Oldest first: #4 before #2.
  expect(rows.map((row) => row.split(',')[0])).toEqual([imageId(4), imageId(2)])

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    exporting.getByRole('button', { name: 'Export selection JSON' }).click(),
  ])
  const parsed = JSON.parse(await text(json)) as { images: { id: string }[] }
  expect(parsed.images.map((image) => image.id)).toEqual([imageId(4), imageId(2)])
})

test('10,000 images: select all, approve, every decision stored, in one request', async ({
  page,
}) => {
  test.slow()
  const packId = await openPack(page, { count: 10_000 })
  const writes = recordBulkWrites(page, packId)
  await page.getByRole('button', { name: 'Select all 10,000 shown' }).click()
  await expect(toolbar(page)).toContainText('10,000 selected')
  await toolbar(page).getByRole('button', { name: 'Approve' }).click()
  const confirming = page.getByRole('dialog', { name: 'Approve 10,000 images?' })
  await confirming.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText('Reviewed 10,000 of 10,000')).toBeVisible()
  await expect(card(page, 1)).toContainText('Approved')
  await expect(card(page, 1)).not.toContainText('Saving')
  await expect
    .poll(async () => Object.values(await stored(page, packId)).length, { timeout: 20_000 })
    .toBe(10_000)
  const decisions = Object.values(await stored(page, packId))
  expect(decisions.every((entry) => entry.decision === 'approved')).toBe(true)
  expect(writes).toHaveLength(1)
  expect(writes[0]!.items).toHaveLength(10_000)
})
