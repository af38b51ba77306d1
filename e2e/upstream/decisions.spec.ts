import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createImage,
  createMetadata,
  createPack,
  type WireImage,
} from '../../contract/partner-api/wire'
import { reviewPackPath } from '../../contract/review-api/paths'
import { scriptPack } from '../support/upstream'
import { nameReviewer } from '../support/reviewer'
import { sceneUrl } from '../support/workspace'

/**
 * Review decisions through the real dev server and its review store (PGlite): keys, buttons,
 * dialogs, auto-advance, undo, Outdated, two reviewers, offline. Every test has a pack of its
 * own (the store is shared by tests running side by side).
 */

type PackId = ReturnType<typeof randomUUID>

const AUTO_ADVANCE_KEY = 'pack-explorer:auto-advance'
const imageId = (n: number) => `0d000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function images(count = 5): WireImage[] {
  return Array.from({ length: count }, (_, index) =>
    createImage({
      id: imageId(index + 1),
      url: sceneUrl(index),
      metadata: createMetadata({ description: `Scene number ${index + 1}`, keywords: ['scene'] }),
    }),
  )
}

/** Scripts a pack of its own for the test (its ID is also the one in the payload). */
async function scriptReviewPack(list = images(), packId: PackId = randomUUID()): Promise<PackId> {
  const pack = createPack({
    id: packId,
    name: 'Decisions Pack',
    images: list,
    image_count: list.length,
  })
  await scriptPack([{ status: 200, body: okEnvelope(pack) }], packId)
  return packId
}

/** Opens a fresh pack; `name`: the reviewer this browser already knows (null: none yet). */
async function openPack(page: Page, { name = 'Dana Reyes' as string | null, query = '' } = {}) {
  if (name !== null) await nameReviewer(page, name)
  const packId = await scriptReviewPack()
  await page.goto(`/packs/${packId}${query}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions Pack' })).toBeVisible()
  await expect(page.getByText('Reviewed 0 of 5')).toBeVisible()
  return packId
}

const card = (page: Page, n: number) =>
  page.getByRole('article', { name: `Image #${n}`, exact: true })
const cardLink = (page: Page, n: number) =>
  page.getByRole('link', { name: `Open image #${n}`, exact: true })

/** The decisions the review API has for the pack, by image ID. */
async function stored(page: Page, packId: PackId) {
  const response = await page.request.get(reviewPackPath(packId))
  const body = (await response.json()) as {
    data: {
      images: {
        image_id: string
        decision: string
        reasons: string[]
        note: string | null
        reviewer: string
      }[]
    }
  }
  return Object.fromEntries(body.data.images.map((entry) => [entry.image_id, entry]))
}

test('a, x and u on the focused card, after the name dialog; auto-advance moves focus on', async ({
  page,
}) => {
  const packId = await openPack(page, { name: null })
  await cardLink(page, 1).focus()
  await page.keyboard.press('a')

  const naming = page.getByRole('dialog', { name: 'Who is reviewing?' })
  await expect(naming).toBeVisible()
  await expect(naming.getByRole('textbox', { name: 'Your name' })).toBeFocused()
  await page.keyboard.type('Dana Reyes')
  await naming.getByRole('button', { name: 'Save' }).click()
  await expect(naming).toHaveCount(0)

  await expect(card(page, 1)).toContainText('Approved')
  await expect(page.getByText('Reviewing as Dana Reyes')).toBeVisible()
  await expect(cardLink(page, 2)).toBeFocused()
  await expect(page.getByText('Reviewed 1 of 5')).toBeVisible()
  await expect
    .poll(async () => (await stored(page, packId))[imageId(1)]?.reviewer)
    .toBe('Dana Reyes')

  await page.keyboard.press('x')
  const rejecting = page.getByRole('dialog', { name: 'Reject image #2' })
  await expect(rejecting).toBeVisible()
  await expect(rejecting.getByRole('checkbox', { name: 'Wrong description' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(rejecting.getByRole('alert')).toHaveText(
    'Choose at least one reason to reject this image.',
  )
  await page.keyboard.press('1')
  await page.keyboard.press('3')
  await rejecting.getByRole('textbox', { name: /Note/ }).fill('The dog is a cat')
  await page.keyboard.press('Control+Enter')
  await expect(rejecting).toHaveCount(0)
  await expect(card(page, 2)).toContainText('Rejected')
  await expect(cardLink(page, 3)).toBeFocused()
  await expect
    .poll(async () => (await stored(page, packId))[imageId(2)])
    .toMatchObject({
      decision: 'rejected',
      reasons: ['wrong-description', 'bad-keywords'],
      note: 'The dog is a cat',
      reviewer: 'Dana Reyes',
    })

  // The name is asked once: the next decision goes straight on.
  await cardLink(page, 1).focus()
  await page.keyboard.press('u')
  await expect(card(page, 1)).not.toContainText('Approved')
  await expect(page.getByText('Reviewed 1 of 5')).toBeVisible()
  await expect.poll(async () => (await stored(page, packId))[imageId(1)]).toBeUndefined()

  await page.reload()
  await expect(card(page, 2)).toContainText('Rejected')
  await expect(card(page, 1)).not.toContainText('Approved')
})

test('the card buttons show on hover and focus, and each does what its key does', async ({
  page,
}) => {
  const packId = await openPack(page)
  const buttons = card(page, 3).getByRole('group', { name: 'Review image #3' })
  await expect(buttons).toHaveCSS('opacity', '0')
  await card(page, 3).hover()
  await expect(buttons).toHaveCSS('opacity', '1')
  await buttons.getByRole('button', { name: 'Approve' }).click()
  await expect(card(page, 3)).toContainText('Approved')

  await page.mouse.move(0, 0)
  await cardLink(page, 5).focus()
  const fifth = card(page, 5).getByRole('group', { name: 'Review image #5' })
  await expect(fifth).toHaveCSS('opacity', '1')
  // Tab goes from the tile to its buttons (siblings of its link), then out of the gallery.
  await page.keyboard.press('Tab')
  await expect(fifth.getByRole('button', { name: 'Approve' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const rejecting = page.getByRole('dialog', { name: 'Reject image #5' })
  await expect(rejecting).toBeVisible()
  await page.keyboard.press('5')
  await page.keyboard.press('Enter')
  await expect(rejecting).toHaveCount(0)
  await expect(card(page, 5)).toContainText('Rejected')

  await card(page, 3).hover()
  await buttons.getByRole('button', { name: 'Clear decision' }).click()
  await expect(card(page, 3)).not.toContainText('Approved')
  await expect.poll(async () => Object.keys(await stored(page, packId))).toEqual([imageId(5)])
})

test('Esc cancels the reject dialog, and focus goes back to the card', async ({ page }) => {
  const packId = await openPack(page)
  await cardLink(page, 2).focus()
  await page.keyboard.press('x')
  await expect(page.getByRole('dialog', { name: 'Reject image #2' })).toBeVisible()
  await page.keyboard.press('2')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(cardLink(page, 2)).toBeFocused()
  await expect(card(page, 2)).not.toContainText('Rejected')
  expect(await stored(page, packId)).toEqual({})
})

test('with Auto-advance off, focus stays; the choice is remembered', async ({ page }) => {
  await openPack(page)
  const toggle = page.getByRole('switch', { name: 'Auto-advance' })
  await expect(toggle).toHaveAttribute('aria-checked', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', 'false')
  await cardLink(page, 1).focus()
  await page.keyboard.press('a')
  await expect(card(page, 1)).toContainText('Approved')
  await expect(cardLink(page, 1)).toBeFocused()
  await page.reload()
  await expect(page.getByRole('switch', { name: 'Auto-advance' })).toHaveAttribute(
    'aria-checked',
    'false',
  )
  expect(await page.evaluate((key) => localStorage.getItem(key), AUTO_ADVANCE_KEY)).toBe('off')
})

test('r goes to the next image that needs review, in the current order', async ({ page }) => {
  await openPack(page)
  await page.getByRole('switch', { name: 'Auto-advance' }).click()
  for (const n of [1, 2, 4]) {
    await cardLink(page, n).focus()
    await page.keyboard.press('a')
    await expect(card(page, n)).toContainText('Approved')
  }
  await cardLink(page, 1).focus()
  await page.keyboard.press('r')
  await expect(cardLink(page, 3)).toBeFocused()
  await page.keyboard.press('r')
  await expect(cardLink(page, 5)).toBeFocused()
  // Around the end, back to the first that needs review.
  await page.keyboard.press('r')
  await expect(cardLink(page, 3)).toBeFocused()
})

test('in the image dialog: keys and buttons decide, auto-advance moves the dialog, Ctrl+Z undoes, History lists it all', async ({
  page,
}) => {
  const packId = await openPack(page)
  await page.goto(`/packs/${packId}/images/${imageId(1)}`)
  const viewer = page.getByRole('dialog', { name: 'Image #1' })
  await expect(viewer).toBeVisible()
  await expect(viewer.getByText('Unreviewed')).toBeVisible()

  await page.keyboard.press('a')
  await expect(page).toHaveURL(new RegExp(`/images/${imageId(2)}`))
  const second = page.getByRole('dialog', { name: 'Image #2' })
  await second.getByRole('button', { name: 'Reject' }).click()
  const rejecting = page.getByRole('dialog', { name: 'Reject image #2' })
  await rejecting.getByRole('checkbox', { name: 'Image problem' }).check()
  await rejecting.getByRole('textbox', { name: /Note/ }).fill('Cut off at the top')
  await rejecting.getByRole('button', { name: 'Reject' }).click()
  await expect(page).toHaveURL(new RegExp(`/images/${imageId(3)}`))

  // Undo the rejection: the dialog goes back to image #2, which needs review again.
  await page.keyboard.press('Control+z')
  await expect(page).toHaveURL(new RegExp(`/images/${imageId(2)}`))
  await expect(page.getByRole('dialog', { name: 'Image #2' }).getByText('Unreviewed')).toBeVisible()
  // And the one before: image #1's approval.
  await page.keyboard.press('Control+z')
  const first = page.getByRole('dialog', { name: 'Image #1' })
  await expect(first).toBeVisible()
  await expect(first.getByText('Unreviewed')).toBeVisible()
  await expect.poll(async () => stored(page, packId)).toEqual({})

  await page.keyboard.press('x')
  // Reasons are typed once the dialog is up (its code comes with the first visit).
  await expect(page.getByRole('dialog', { name: /^Reject image #/ })).toBeVisible()
  await page.keyboard.press('6')
  await page.keyboard.press('Enter')
  await page.goto(`/packs/${packId}/images/${imageId(1)}`)
  const reopened = page.getByRole('dialog', { name: 'Image #1' })
  // The decision first, then the same words as the newest entry of its history.
  await expect(reopened.getByText(/^Rejected by Dana Reyes, /).first()).toBeVisible()
  const history = reopened.getByRole('list', { name: 'History' }).getByRole('listitem')
  await expect(history).toHaveCount(3)
  await expect(history.nth(0)).toContainText('Rejected by Dana Reyes')
  await expect(history.nth(0)).toContainText('Other')
  await expect(history.nth(1)).toContainText('Cleared (undo) by Dana Reyes')
  await expect(history.nth(2)).toContainText('Approved by Dana Reyes')

  await reopened.getByRole('button', { name: 'Clear decision' }).click()
  await expect(reopened.getByText('Unreviewed')).toBeVisible()
  await expect(history).toHaveCount(4)
})

test('a decision goes Outdated when the metadata changes under it', async ({ page }) => {
  const packId = await openPack(page)
  await cardLink(page, 1).focus()
  await page.keyboard.press('a')
  await expect(card(page, 1)).toContainText('Approved')
  await expect.poll(async () => (await stored(page, packId))[imageId(1)]?.decision).toBe('approved')

  const changed = images()
  changed[0] = {
    ...changed[0]!,
    metadata: createMetadata({ description: 'A new description', keywords: ['scene'] }),
  }
  await scriptReviewPack(changed, packId)
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(card(page, 1)).toContainText('Outdated')
  await expect(page.getByText('Reviewed 0 of 5')).toBeVisible()
  await page.getByRole('button', { name: 'Outdated (1)' }).click()
  await expect(page).toHaveURL(/review=outdated/)
  await expect(page.getByText('Showing 1 of 5 images')).toBeVisible()
  // Approving it again brings it up to date.
  await cardLink(page, 1).focus()
  await page.keyboard.press('a')
  await expect(page.getByText('Reviewed 1 of 5')).toBeVisible()
})

async function openInContext(browser: Browser, packId: PackId, name: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await nameReviewer(page, name)
  await page.goto(`/packs/${packId}`)
  await expect(page.getByText('Reviewed 0 of 5')).toBeVisible()
  return { context, page }
}

test("two browsers on one pack see each other's decisions within 10 s", async ({ browser }) => {
  const packId = await scriptReviewPack()
  const dana = await openInContext(browser, packId, 'Dana Reyes')
  const sam = await openInContext(browser, packId, 'Sam Okafor')
  await cardLink(dana.page, 1).focus()
  await dana.page.keyboard.press('a')
  await cardLink(sam.page, 4).focus()
  await sam.page.keyboard.press('x')
  // Reasons are typed once the dialog is up (its code comes with the first visit).
  await expect(sam.page.getByRole('dialog', { name: /^Reject image #/ })).toBeVisible()
  await sam.page.keyboard.press('4')
  await sam.page.keyboard.press('Enter')
  await expect(card(sam.page, 1)).toContainText('Approved', { timeout: 10_000 })
  await expect(card(dana.page, 4)).toContainText('Rejected', { timeout: 10_000 })
  await expect(dana.page.getByText('Reviewed 2 of 5')).toBeVisible()
  await dana.context.close()
  await sam.context.close()
})

test('offline: the decision stays painted as Not saved, and is saved once back online', async ({
  page,
  context,
}) => {
  const packId = await openPack(page)
  await context.setOffline(true)
  await cardLink(page, 2).focus()
  await page.keyboard.press('a')
  await expect(card(page, 2)).toContainText('Approved')
  await expect(card(page, 2)).toContainText('Not saved')
  await expect(card(page, 2).getByRole('button', { name: 'Retry' })).toBeVisible()
  await context.setOffline(false)
  await expect(card(page, 2)).not.toContainText('Not saved')
  await expect(card(page, 2)).toContainText('Approved')
  await expect.poll(async () => (await stored(page, packId))[imageId(2)]?.decision).toBe('approved')
})

test('Retry sends a decision that was not saved', async ({ page }) => {
  const packId = await openPack(page)
  let refuse = true
  await page.route(`**${reviewPackPath(packId)}/images/**`, (route) =>
    refuse && route.request().method() === 'PUT'
      ? route.abort('connectionreset')
      : route.continue(),
  )
  await cardLink(page, 3).focus()
  await page.keyboard.press('a')
  await expect(card(page, 3)).toContainText('Not saved')
  refuse = false
  await card(page, 3).getByRole('button', { name: 'Retry' }).click()
  await expect(card(page, 3)).not.toContainText('Not saved')
  await expect.poll(async () => (await stored(page, packId))[imageId(3)]?.decision).toBe('approved')
})

test('the list view takes the same keys on the focused row', async ({ page }) => {
  const packId = await openPack(page, { query: '?view=list' })
  const row = (n: number) => page.locator(`[role="row"][data-image-id="${imageId(n)}"]`)
  await row(1).locator('[data-card-link]').focus()
  await page.keyboard.press('a')
  await expect(row(1)).toContainText('Approved')
  await expect(row(2).locator('[data-card-link]')).toBeFocused()
  await page.keyboard.press('x')
  // Reasons are typed once the dialog is up (its code comes with the first visit).
  await expect(page.getByRole('dialog', { name: /^Reject image #/ })).toBeVisible()
  await page.keyboard.press('2')
  await page.keyboard.press('Enter')
  await expect(row(2)).toContainText('Rejected')
  await row(2).hover()
  await row(2).getByRole('button', { name: 'Clear decision' }).click()
  await expect(row(2)).not.toContainText('Rejected')
  await expect.poll(async () => Object.keys(await stored(page, packId))).toEqual([imageId(1)])
})

test('the review filters and the export carry the decisions', async ({ page }) => {
  await openPack(page)
  await page.getByRole('switch', { name: 'Auto-advance' }).click()
  await cardLink(page, 1).focus()
  await page.keyboard.press('a')
  await cardLink(page, 2).focus()
  await page.keyboard.press('x')
  // Reasons are typed once the dialog is up (its code comes with the first visit).
  await expect(page.getByRole('dialog', { name: /^Reject image #/ })).toBeVisible()
  await page.keyboard.press('1')
  await page.getByRole('textbox', { name: /Note/ }).fill('=HYPERLINK("x")')
  await page.keyboard.press('Control+Enter')
  await expect(card(page, 2)).toContainText('Rejected')

  const rail = page.getByRole('complementary', { name: 'Filters' })
  await expect(rail.getByRole('button', { name: 'Approved (1)' })).toBeVisible()
  await expect(rail.getByRole('button', { name: 'Unreviewed (3)' })).toBeVisible()
  await rail.getByRole('button', { name: 'Wrong description (1)' }).click()
  await expect(page).toHaveURL(/reason=wrong-description/)
  await expect(page.getByText('Showing 1 of 5 images')).toBeVisible()
  await rail.getByRole('button', { name: 'Wrong description (1)' }).click()
  await rail.getByRole('button', { name: 'Approved (1)' }).click()
  await rail.getByRole('button', { name: 'Rejected (1)' }).click()
  await expect(page).toHaveURL(/review=approved%2Crejected/)
  await expect(page.getByText('Showing 2 of 5 images')).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '')
  const [header, ...rows] = csv.trimEnd().split('\r\n')
  expect(header).toMatch(/,review,review_reasons,review_note,reviewed_by,reviewed_at$/)
  expect(rows).toHaveLength(2)
  expect(rows[0]).toMatch(/,approved,,,Dana Reyes,\d{4}-\d{2}-\d{2}T/)
  expect(rows[1]).toContain(`,rejected,wrong-description,"'=HYPERLINK(""x"")",Dana Reyes,`)
})
