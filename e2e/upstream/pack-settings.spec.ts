import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import { createImage, createMetadata, createPack } from '../../contract/partner-api/wire'
import { reviewActivityPath } from '../../contract/review-api/paths'
import {
  addFaults,
  receivedRequests,
  scriptPack,
  workspacePack,
  workspaceState,
} from '../support/upstream'
import { nameReviewer } from '../support/reviewer'
import { demoImageUrl } from '../support/workspace'

/**
 * Renaming, publishing, deleting and creating packs, through the real dev server and proxy
 * to the test upstream's writable packs (its workspace), and the activity log they leave.
 * Each test has packs of its own: tests run side by side against one upstream.
 */

const scene = demoImageUrl('dog-park.svg')

async function writablePack(name = 'Summer Shoot', isPublic = false) {
  const id = randomUUID()
  await workspacePack(
    createPack({
      id,
      name,
      is_public: isPublic,
      images: [createImage({ id: randomUUID(), url: scene, metadata: createMetadata() })],
    }),
  )
  return id
}

async function openAs(page: Page, path: string, name = 'Dana') {
  await nameReviewer(page, name)
  await page.goto(path)
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

test('Rename saves the new name, shows it at once and records who did it', async ({
  page,
  request,
}) => {
  const packId = await writablePack()
  await openAs(page, `/packs/${packId}`)
  await expect(heading(page)).toHaveText('Summer Shoot')
  await page.getByRole('button', { name: 'Rename' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename pack' })
  await expect(dialog.getByLabel('Pack name')).toBeFocused()
  await page.keyboard.type('  Autumn Shoot  ')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(heading(page)).toHaveText('Autumn Shoot')
  await expect.poll(async () => (await workspaceState(packId))?.name).toBe('Autumn Shoot')
  const patches = (await receivedRequests(packId)).filter((r) => r.method === 'PATCH')
  expect(patches.map((r) => r.body)).toEqual(['{"name":"Autumn Shoot"}'])
  await page.reload()
  await expect(heading(page)).toHaveText('Autumn Shoot')

  const activity = await request.get(reviewActivityPath(packId))
  expect((await activity.json()).data.entries).toEqual([
    expect.objectContaining({
      action: 'update_pack',
      intent: 'rename',
      actor: 'Dana',
      details: { name: 'Autumn Shoot' },
      ok: true,
    }),
  ])
})

test('a rename the API refuses is put back, with the reason', async ({ page }) => {
  const packId = await writablePack()
  await addFaults([
    {
      method: 'PATCH',
      pathIncludes: packId,
      answer: {
        status: 500,
        delayMs: 500,
        body: { ok: false, code: 500, message: 'Update failed', error_code: 'pack_update_failed' },
      },
    },
  ])
  await openAs(page, `/packs/${packId}`)
  await page.getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByRole('dialog').getByLabel('Pack name')).toBeFocused()
  await page.keyboard.type('Broken Name')
  await page.keyboard.press('Enter')
  // Optimistic: the new name at once, the old one back when the API says no.
  await expect(heading(page)).toHaveText('Broken Name')
  await expect(page.getByRole('alert')).toContainText(
    'Renaming the pack did not work, so it was put back',
  )
  await expect(heading(page)).toHaveText('Summer Shoot')
  expect((await workspaceState(packId))?.name).toBe('Summer Shoot')
})

test('Make public and Make private switch the visibility; a refusal is put back', async ({
  page,
}) => {
  const packId = await writablePack()
  await openAs(page, `/packs/${packId}`)
  const details = page.getByRole('list', { name: 'Pack details' })
  await expect(details).toContainText('Private')
  await page.getByRole('button', { name: 'Make public' }).click()
  await expect(details).toContainText('Public')
  await expect.poll(async () => (await workspaceState(packId))?.is_public).toBe(true)
  await expect(page.getByRole('button', { name: 'Make private' })).toBeVisible()

  await addFaults([
    {
      method: 'PATCH',
      pathIncludes: packId,
      answer: {
        status: 500,
        body: { ok: false, code: 500, message: 'Update failed', error_code: 'pack_update_failed' },
      },
    },
  ])
  await page.getByRole('button', { name: 'Make private' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Making the pack private did not work, so it was put back',
  )
  await expect(details).toContainText('Public')
  expect((await workspaceState(packId))?.is_public).toBe(true)
})

test('Delete pack waits for the name typed exactly, deletes, and says so at home', async ({
  page,
}) => {
  const packId = await writablePack('Old Campaign')
  await openAs(page, `/packs/${packId}`)
  await page.getByRole('button', { name: 'Delete pack' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete Old Campaign?' })
  const field = dialog.getByLabel('Type the pack name to confirm')
  await field.fill('old campaign')
  await dialog.getByRole('button', { name: 'Delete pack' }).click()
  await expect(dialog.getByRole('alert')).toContainText('exactly as shown')
  expect((await receivedRequests(packId)).filter((r) => r.method === 'DELETE')).toEqual([])

  await field.fill('Old Campaign')
  await dialog.getByRole('button', { name: 'Delete pack' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('status').filter({ hasText: 'Pack deleted' })).toBeVisible()
  expect(await workspaceState(packId)).toBeNull()
  // Opened a moment ago, but gone: not offered again among the recent packs.
  await expect(page.getByText('Old Campaign')).toHaveCount(0)
  // Said once: not again after a reload.
  await page.reload()
  await expect(page.getByLabel('Pack ID')).toBeVisible()
  await expect(page.getByText('Pack deleted')).toHaveCount(0)
})

test('a pack of another workspace cannot be changed: the API says 404, the app says why', async ({
  page,
}) => {
  // A pack the upstream only reads out (another workspace's public pack): writes answer 404.
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: 'Shared Pack', is_public: true })) },
  ])
  await openAs(page, `/packs/${packId}`)
  await page.getByRole('button', { name: 'Make private' }).click()
  await expect(page.getByRole('alert')).toContainText('belongs to another workspace')
})

test('New pack on the home page creates a pack and opens it, asking the name first', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'New pack' }).click()
  const dialog = page.getByRole('dialog', { name: 'New pack' })
  await dialog.getByLabel('Pack name').fill('Launch Day')
  await dialog.getByRole('checkbox', { name: /Public/ }).check()
  await dialog.getByRole('button', { name: 'Create' }).click()
  // Nobody is signed in and no name was given yet: asked once, then the pack is created.
  const naming = page.getByRole('dialog', { name: 'Who is reviewing?' })
  await naming.getByLabel('Your name').fill('Sam')
  await naming.getByRole('button', { name: 'Save' }).click()
  await expect(page).toHaveURL(/\/packs\/[0-9a-f-]{36}$/)
  await expect(heading(page)).toHaveText('Launch Day')
  const packId = page.url().split('/').at(-1)!
  expect(await workspaceState(packId)).toMatchObject({ name: 'Launch Day', is_public: true })
  await expect(page.getByRole('heading', { name: 'This pack has no images yet' })).toBeVisible()
})
