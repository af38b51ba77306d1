import { expect, test, type Page } from '@playwright/test'
import { createMetadata } from '../../contract/partner-api/wire'
import { reviewActivityPath } from '../../contract/review-api/paths'
import { addFaults, receivedRequests, setImageMetadata, workspaceState } from '../support/upstream'
import { demoImageUrl, workspaceImage, writablePack } from '../support/workspace'
import { nameReviewer } from '../support/reviewer'

/**
 * Retrying metadata and removing images, through the real dev server and proxy to the test
 * upstream's writable packs: what the upstream got, in which order, what the page shows, and
 * every partial failure with what to do. Each test has a pack of its own.
 */

const RETRY_CONFIRMED_KEY = 'pack-explorer:retry-confirmed'
const imageUrl = demoImageUrl

const failed = (name: string, error = 'Model timed out while generating metadata.') =>
  workspaceImage(imageUrl(name), {
    metadata: createMetadata({
      status: 'failed',
      description: null,
      keywords: [],
      generated_at: null,
      error,
    }),
  })
const completed = (name: string) => workspaceImage(imageUrl(name))

async function open(page: Page, path: string, { confirmed = false } = {}) {
  await nameReviewer(page, 'Dana')
  if (confirmed) {
    await page.addInitScript((key) => localStorage.setItem(key, 'yes'), RETRY_CONFIRMED_KEY)
  }
  await page.goto(path)
}

const card = (page: Page, n: number) => page.getByRole('article', { name: `Image #${n}` })
const imageIds = async (packId: string) =>
  ((await workspaceState(packId))?.images ?? []).map((image) => image.id)
const writesTo = async (packId: string) =>
  (await receivedRequests(packId))
    .filter((request) => request.method === 'POST' || request.method === 'DELETE')
    .map((request) => `${request.method} ${new URL(request.url, 'http://x').pathname}`)

test('Retry metadata on a card adds the URL again, then deletes the old image; the copy is polled to completion', async ({
  page,
  request,
}) => {
  const images = [completed('one.svg'), failed('sunset%20beach.svg'), completed('three.svg')]
  const packId = await writablePack(images)
  const old = images[1]!
  await open(page, `/packs/${packId}`)
  await card(page, 2).hover()
  await card(page, 2).getByRole('button', { name: 'Retry metadata' }).click()

  // The first retry says what it does to IDs and order.
  const confirm = page.getByRole('dialog', { name: 'Retry this image’s metadata?' })
  await expect(confirm).toContainText('with a new ID, at the end of the pack')
  await confirm.getByLabel("Don't ask again").check()
  await confirm.getByRole('button', { name: 'Retry metadata' }).click()

  await expect(page.getByRole('region', { name: 'Metadata retried for 1 image' })).toBeVisible()
  const ids = await imageIds(packId)
  expect(ids).toHaveLength(3)
  expect(ids.slice(0, 2)).toEqual([images[0]!.id, images[2]!.id])
  const copy = ids[2]!
  expect(copy).not.toBe(old.id)
  // Added first, with the URL's last segment as the file name; deleted only after that.
  const received = await receivedRequests(packId)
  const add = received.find((r) => r.method === 'POST')!
  expect(JSON.parse(add.body ?? '')).toEqual({ image_url: old.url, file_name: 'sunset beach.svg' })
  expect(await writesTo(packId)).toEqual([
    `POST /api/partner/v1/packs/${packId}/images`,
    `DELETE /api/partner/v1/packs/${packId}/images/${old.id}`,
  ])

  // The copy is the pack's last image, pending, and the page polls it to completion.
  await expect(card(page, 3)).toContainText('Pending')
  await expect(card(page, 2)).toHaveAttribute('data-image-id', images[2]!.id)
  await setImageMetadata(packId, copy, createMetadata({ description: 'A beach at sunset, again.' }))
  await expect(card(page, 3)).toContainText('A beach at sunset, again.', { timeout: 15_000 })
  await expect(card(page, 3)).toContainText('Completed')

  const activity = (await (await request.get(reviewActivityPath(packId))).json()).data.entries
  expect(activity).toEqual([
    expect.objectContaining({ action: 'delete_image', intent: 'retry', actor: 'Dana', ok: true }),
    expect.objectContaining({ action: 'add_image', intent: 'retry', actor: 'Dana', ok: true }),
  ])

  // Don't ask again was remembered: the next retry goes at once.
  await page.reload()
  await card(page, 1).getByRole('link').focus()
  await page.keyboard.press('x')
  const reject = page.getByRole('dialog', { name: 'Reject image #1' })
  await expect(reject).toBeVisible()
  await page.keyboard.press('1')
  await page.keyboard.press('Enter')
  await expect(reject).toBeHidden()
  await card(page, 1).hover()
  await card(page, 1).getByRole('button', { name: 'Retry metadata' }).click()
  await expect(page.getByRole('region', { name: 'Metadata retried for 1 image' })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await imageIds(packId)).not.toContain(images[0]!.id)
})

test('Retry metadata for <n> in the selection toolbar retries the failed, rejected or outdated ones only', async ({
  page,
}) => {
  const images = [failed('a.svg'), completed('b.svg'), failed('c.svg'), failed('d.svg')]
  const packId = await writablePack(images)
  await open(page, `/packs/${packId}`)
  await page.getByRole('button', { name: 'Select all 4 shown' }).click()
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  await toolbar.getByRole('button', { name: 'Retry metadata for 3' }).click()
  const confirm = page.getByRole('dialog', { name: 'Retry the metadata of 3 images?' })
  await confirm.getByRole('button', { name: 'Retry metadata for 3' }).click()
  await expect(page.getByRole('region', { name: 'Metadata retried for 3 images' })).toBeVisible()

  const after = (await workspaceState(packId))!.images
  expect(after.map((image) => image.url)).toEqual([
    imageUrl('b.svg'),
    imageUrl('a.svg'),
    imageUrl('c.svg'),
    imageUrl('d.svg'),
  ])
  expect(after[0]!.id).toBe(images[1]!.id)
  expect(after.slice(1).every((image) => image.metadata?.status === 'pending')).toBe(true)
  await expect(page.getByText('Showing 4 of 4 images')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Pending (3)' })).toBeVisible()
})

test('Retry these <n> on an error group retries that group only', async ({ page }) => {
  const images = [
    failed('a.svg', 'Image could not be downloaded.'),
    failed('b.svg', 'Model timed out.'),
    failed('c.svg', 'Image could not be downloaded.'),
  ]
  const packId = await writablePack(images)
  await open(page, `/packs/${packId}`, { confirmed: true })
  const groups = page.getByRole('region', { name: 'Errors by message' })
  await expect(groups).toBeVisible()
  await groups.getByRole('button', { name: 'Retry these 2' }).click()
  await expect(page.getByRole('region', { name: 'Metadata retried for 2 images' })).toBeVisible()
  const after = (await workspaceState(packId))!.images
  expect(after.map((image) => image.url)).toEqual([
    imageUrl('b.svg'),
    imageUrl('a.svg'),
    imageUrl('c.svg'),
  ])
  expect(after[0]!.id).toBe(images[1]!.id)
  await expect(groups.getByRole('button', { name: 'Retry these 1' })).toBeVisible()
})

test('a retry that fails halfway says so per image, with what to do, and loses nothing', async ({
  page,
}) => {
  const images = [failed('not-added.svg'), failed('not-removed.svg'), failed('fine.svg')]
  const packId = await writablePack(images)
  await addFaults([
    {
      method: 'POST',
      pathIncludes: `${packId}/images`,
      bodyIncludes: 'not-added.svg',
      answer: {
        status: 500,
        body: { ok: false, code: 500, message: 'Add failed', error_code: 'image_add_failed' },
      },
    },
    {
      method: 'DELETE',
      pathIncludes: images[1]!.id,
      answer: {
        status: 500,
        body: { ok: false, code: 500, message: 'Delete failed', error_code: 'image_delete_failed' },
      },
    },
  ])
  await open(page, `/packs/${packId}`, { confirmed: true })
  await page.getByRole('button', { name: 'Select all 3 shown' }).click()
  await page.getByRole('button', { name: 'Retry metadata for 3' }).click()

  const notice = page.getByRole('region', { name: 'Metadata retried for 1 of 3 images' })
  await expect(notice).toContainText('Not retried: nothing changed, so trying again is safe.')
  await expect(notice).toContainText('Image #1')
  await expect(notice).toContainText('the old image is still in the pack, so it is there twice')
  await expect(notice).toContainText('Image #2')
  // Image #1 is untouched; #2 is there twice (old and copy); #3 was replaced by its copy.
  const urls = (await workspaceState(packId))!.images.map((image) => image.url)
  expect(urls).toEqual([
    imageUrl('not-added.svg'),
    imageUrl('not-removed.svg'),
    imageUrl('not-removed.svg'),
    imageUrl('fine.svg'),
  ])

  // The faults are used up: each way forward now works.
  await notice.getByRole('button', { name: 'Remove old copy' }).click()
  await expect(
    page.getByRole('region', { name: 'Removed old copies from Summer Shoot' }),
  ).toBeVisible()
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('region', { name: 'Metadata retried for 1 image' })).toBeVisible()
  expect((await workspaceState(packId))!.images.map((image) => image.url)).toEqual([
    imageUrl('not-removed.svg'),
    imageUrl('fine.svg'),
    imageUrl('not-added.svg'),
  ])
})

test('Retry metadata in the viewer shows the copy once it is in the pack', async ({ page }) => {
  const images = [completed('a.svg'), failed('b.svg')]
  const packId = await writablePack(images)
  await open(page, `/packs/${packId}/images/${images[1]!.id}`, { confirmed: true })
  const viewer = page.getByRole('dialog', { name: /Image #2/ })
  await viewer.getByRole('button', { name: 'Retry metadata' }).click()
  await expect.poll(() => imageIds(packId)).not.toContain(images[1]!.id)
  const copy = (await imageIds(packId))[1]!
  await expect(page).toHaveURL(new RegExp(`/images/${copy}$`))
  await expect(page.getByRole('dialog', { name: /Image #2/ })).toContainText('Pending')
})

test('Remove from pack asks, naming the image and pack, then Undo adds it back at the end', async ({
  page,
  request,
}) => {
  const images = [completed('a.svg'), completed('b.svg'), completed('c.svg')]
  const packId = await writablePack(images)
  await open(page, `/packs/${packId}`)
  await card(page, 2).hover()
  await card(page, 2).getByRole('button', { name: 'Remove from pack' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove image #2 from Summer Shoot?' })
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click()

  const notice = page.getByRole('region', { name: 'Removed 1 image from Summer Shoot' })
  await expect(notice).toContainText('Undo adds it back, with a new ID, at the end of the pack')
  expect(await imageIds(packId)).toEqual([images[0]!.id, images[2]!.id])
  await expect(page.getByText('Showing 2 of 2 images')).toBeVisible()

  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('region', { name: 'Put back 1 image' })).toBeVisible()
  const after = (await workspaceState(packId))!.images
  expect(after.map((image) => image.url)).toEqual([
    imageUrl('a.svg'),
    imageUrl('c.svg'),
    imageUrl('b.svg'),
  ])
  expect(after[2]!.id).not.toBe(images[1]!.id)
  await expect(page.getByText('Showing 3 of 3 images')).toBeVisible()
  const activity = (await (await request.get(reviewActivityPath(packId))).json()).data.entries
  expect(activity.map((entry: { intent: string }) => entry.intent)).toEqual(['undo', 'remove'])
})

test('Remove <n> in the selection toolbar removes them; one that fails stays, with Try again', async ({
  page,
}) => {
  const images = [completed('a.svg'), completed('b.svg'), completed('c.svg')]
  const packId = await writablePack(images)
  await addFaults([
    {
      method: 'DELETE',
      pathIncludes: images[2]!.id,
      answer: {
        status: 500,
        body: { ok: false, code: 500, message: 'Delete failed', error_code: 'image_delete_failed' },
      },
    },
  ])
  await open(page, `/packs/${packId}`)
  await page.getByRole('button', { name: 'Select all 3 shown' }).click()
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Remove 3' })
    .click()
  await page
    .getByRole('dialog', { name: 'Remove 3 images from Summer Shoot?' })
    .getByRole('button', { name: 'Remove', exact: true })
    .click()

  const notice = page.getByRole('region', { name: 'Removed 2 of 3 images from Summer Shoot' })
  await expect(notice).toContainText('Image #3')
  expect(await imageIds(packId)).toEqual([images[2]!.id])
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(
    page.getByRole('region', { name: 'Removed 1 image from Summer Shoot' }),
  ).toBeVisible()
  expect(await imageIds(packId)).toEqual([])
})

test('a list row has the same edit buttons as a tile', async ({ page }) => {
  const images = [completed('a.svg'), failed('b.svg')]
  const packId = await writablePack(images)
  await open(page, `/packs/${packId}?view=list`, { confirmed: true })
  const row = page.locator(`[role="row"][data-image-id="${images[1]!.id}"]`)
  await row.hover()
  const change = row.getByRole('group', { name: 'Change image #2' })
  await change.getByRole('button', { name: 'Retry metadata' }).click()
  await expect(page.getByRole('region', { name: 'Metadata retried for 1 image' })).toBeVisible()
  expect((await workspaceState(packId))!.images.map((image) => image.url)).toEqual([
    imageUrl('a.svg'),
    imageUrl('b.svg'),
  ])
  const first = page.locator(`[role="row"][data-image-id="${images[0]!.id}"]`)
  await first.hover()
  await first.getByRole('button', { name: 'Remove from pack' }).click()
  await expect(
    page.getByRole('dialog', { name: 'Remove image #1 from Summer Shoot?' }),
  ).toBeVisible()
})
