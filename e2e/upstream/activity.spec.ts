import { randomUUID } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { workspaceState } from '../support/upstream'
import { demoImageUrl, workspaceImage, writablePack } from '../support/workspace'
import { nameReviewer } from '../support/reviewer'

/**
 * The pack page's Activity section, through the real dev server and proxy to the test
 * upstream's writable packs: writes made in the page and through the proxy are listed newest
 * first, and Add back puts a removed image back. Each test has a pack of its own.
 */

const demoImage = demoImageUrl
const KEPT = demoImage('dog-park.svg')
const REMOVED = demoImage('cat-windowsill.svg')

async function summerShoot() {
  const removed = workspaceImage(REMOVED)
  const id = await writablePack([workspaceImage(KEPT), removed])
  return { id, removedId: removed.id }
}

/** Deletes an image through the proxy from the page, as the app does (same origin, JSON). */
function removeThroughProxy(page: Page, packId: string, imageId: string) {
  return page.evaluate(
    ([pack, image]) =>
      fetch(`/api/partner/v1/packs/${pack}/images/${image}`, {
        method: 'DELETE',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'X-Pack-Explorer-Intent': 'remove',
          'X-Pack-Explorer-Reviewer': encodeURIComponent('Dana'),
        },
      }).then((response) => response.status),
    [packId, imageId],
  )
}

const activity = (page: Page) => page.getByRole('region', { name: 'Activity' })
/** The entries' sentences, newest first. */
const sentences = (page: Page) =>
  activity(page)
    .locator('ol > li > div > p:first-child')
    .evaluateAll((lines) => lines.map((line) => line.textContent))

test('Activity lists the writes newest first, and Add back puts a removed image back', async ({
  page,
}) => {
  const { id: packId, removedId } = await summerShoot()
  await nameReviewer(page, 'Dana')
  await page.goto(`/packs/${packId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Summer Shoot')

  // A removal through the proxy, then a rename and Make public in the page.
  expect(await removeThroughProxy(page, packId, removedId)).toBe(200)
  await page.getByRole('button', { name: 'Rename' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename pack' })
  await expect(dialog.getByLabel('Pack name')).toBeFocused()
  await page.keyboard.type('Autumn Shoot')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autumn Shoot')
  await page.getByRole('button', { name: 'Make public' }).click()
  await expect(page.getByRole('button', { name: 'Make private' })).toBeVisible()
  await expect.poll(async () => (await workspaceState(packId))?.is_public).toBe(true)
  // The page read the pack again after the rename: the removed image is gone from it.
  await expect(page.getByText('Showing 1 of 1 images')).toBeVisible()

  await page.getByRole('heading', { name: 'Activity', exact: true }).scrollIntoViewIfNeeded()
  const short = `${removedId.slice(0, 8)}…`
  await expect
    .poll(() => sentences(page))
    .toEqual([
      'Dana made the pack public',
      'Dana renamed the pack to “Autumn Shoot”',
      `Dana removed image ${short}`,
    ])
  const entries = activity(page).locator('ol > li')
  for (const entry of await entries.all()) await expect(entry).toContainText('Done')
  // Found by its image: entries move down as new ones come in at the top.
  const removal = entries.filter({ hasText: removedId })
  await expect(removal).toContainText(removedId)
  await expect(removal.getByRole('link', { name: REMOVED })).toHaveAttribute('href', REMOVED)
  await expect(removal.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
  // Only the removal can be added back.
  await expect(activity(page).getByRole('button', { name: 'Add back' })).toHaveCount(1)

  const axe = await new AxeBuilder({ page })
    .include('section[aria-labelledby]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  await removal.getByRole('button', { name: 'Add back' }).click()
  await expect(removal.getByText('Added back')).toBeVisible()
  // In the upstream again (a new image, with a new ID, at the end), and in the gallery.
  const images = (await workspaceState(packId))!.images
  expect(images.map((image) => image.url)).toEqual([KEPT, REMOVED])
  expect(images[1]!.id).not.toBe(removedId)
  await expect(page.getByText('Showing 2 of 2 images')).toBeVisible()
  await expect(page.getByRole('article', { name: 'Image #2', exact: true })).toBeVisible()
  // And at the top of the activity, as an add back; the removal offers it no more.
  await expect
    .poll(() => sentences(page))
    .toEqual([
      `Dana added back cat-windowsill.svg as image ${images[1]!.id.slice(0, 8)}…`,
      'Dana made the pack public',
      'Dana renamed the pack to “Autumn Shoot”',
      `Dana removed image ${short}`,
    ])
  await expect(activity(page).getByRole('button', { name: 'Add back' })).toHaveCount(0)
  await page.reload()
  await page.getByRole('heading', { name: 'Activity', exact: true }).scrollIntoViewIfNeeded()
  await expect(removal).toContainText('Added back')
})

test('Activity says when nothing was changed through Pack Explorer, and a failed write', async ({
  page,
}) => {
  const { id: packId } = await summerShoot()
  await page.goto(`/packs/${packId}`)
  await page.getByRole('heading', { name: 'Activity', exact: true }).scrollIntoViewIfNeeded()
  await expect(activity(page)).toContainText('No changes made through Pack Explorer yet')
  // A removal of an image that is not in the pack: the upstream refuses it, the log keeps it.
  expect(await removeThroughProxy(page, packId, randomUUID())).toBe(404)
  await page.reload()
  await page.getByRole('heading', { name: 'Activity', exact: true }).scrollIntoViewIfNeeded()
  const entry = activity(page).locator('ol > li')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('Dana tried to remove image')
  await expect(entry).toContainText(/Failed: .*\(HTTP 404/)
  await expect(entry.getByRole('button', { name: 'Add back' })).toHaveCount(0)
})
