import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { errorEnvelope, okEnvelope } from '../../contract/partner-api/envelope'
import { DOCUMENTED_ERRORS } from '../../contract/partner-api/errors'
import { receivedRequests, scriptList } from '../support/upstream'
import { PACKS_PATH } from '../../contract/partner-api/paths'

/** The List Packs requests the upstream received since `since`, as path and query. */
async function listRequests(since: number): Promise<string[]> {
  return (await receivedRequests(`${PACKS_PATH}?`))
    .filter((request) => request.at >= since)
    .map((request) => request.url)
}

/** A search term no other test uses, so its requests and scripts are this test's own. */
const term = () => `t${randomUUID().slice(0, 8)}`

test('the home page asks the upstream for exactly the URL’s page, search and toggle', async ({
  page,
}) => {
  const since = Date.now()
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 2, name: 'Browse packs' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No packs yet' })).toBeVisible()
  expect(await listRequests(since)).toContain(`${PACKS_PATH}?limit=24&offset=0`)

  const q = term()
  await page.goto(`/?q=${q}`)
  await expect(page.getByRole('heading', { name: `No packs match “${q}”.` })).toBeVisible()
  expect((await receivedRequests(q)).map((request) => request.url)).toEqual([
    `${PACKS_PATH}?search=${q}&limit=24&offset=0`,
  ])

  const hidden = term()
  await page.goto(`/?q=${hidden}&public=0`)
  await expect(page.getByRole('heading', { name: `No packs match “${hidden}”.` })).toBeVisible()
  expect((await receivedRequests(hidden)).map((request) => request.url)).toEqual([
    `${PACKS_PATH}?search=${hidden}&limit=24&offset=0&include_public=false`,
  ])

  const paged = Date.now()
  await page.goto('/?page=3')
  await expect(page.getByRole('heading', { name: 'No packs yet' })).toBeVisible()
  expect(await listRequests(paged)).toContain(`${PACKS_PATH}?limit=24&offset=48`)

  const publicOff = Date.now()
  await page.goto('/?public=0')
  await expect(page.getByRole('heading', { name: 'No packs of your own' })).toBeVisible()
  expect(await listRequests(publicOff)).toContain(
    `${PACKS_PATH}?limit=24&offset=0&include_public=false`,
  )
})

test('the upstream’s list is shown leniently: odd values render, an item without id is skipped', async ({
  page,
}) => {
  const q = term()
  await scriptList(q, [
    {
      status: 200,
      body: okEnvelope({
        packs: [
          {
            id: '00000000-0000-4000-8000-00000000a001',
            name: 'Upstream pack',
            image_count: 1,
            preview_image_url: 'javascript:alert(1)',
            is_public: true,
            created_at: '2026-01-01T00:00:00.000Z',
            future_field: { nested: true },
          },
          { name: 'No id at all', image_count: 3 },
          { id: '00000000-0000-4000-8000-00000000a002', name: null, is_public: 'sometimes' },
        ],
        total: 3,
        limit: 24,
        offset: 0,
      }),
    },
  ])
  await page.goto(`/?q=${q}`)
  const cards = page.getByRole('list', { name: 'Packs' }).getByRole('link')
  await expect(cards).toHaveCount(2)
  await expect(cards.nth(0)).toContainText('Upstream pack')
  await expect(cards.nth(0)).toContainText('1 image')
  await expect(cards.nth(0)).toContainText('Public')
  await expect(cards.nth(0).locator('img')).toHaveCount(0)
  await expect(cards.nth(1)).toContainText('Untitled pack')
  await expect(cards.nth(1)).toContainText('Visibility unknown')
  await expect(page.getByText('3 packs', { exact: true })).toBeVisible()
})

test('a 422 invalid_query gets its own message and a way back', async ({ page }) => {
  const q = term()
  await scriptList(q, [
    { status: 422, body: errorEnvelope(422, 'search is not allowed here', 'invalid_query') },
  ])
  await page.goto(`/?q=${q}&page=2`)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'That search could not be run' })).toBeVisible()
  await expect(alert).toContainText('search is not allowed here')
  await alert.getByRole('button', { name: 'Clear search and filters' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { name: 'No packs yet' })).toBeVisible()
  expect(await receivedRequests(q)).toHaveLength(1)
})

test('a 402 shows the pack page’s plan screen on the home page; the lookup form still works', async ({
  page,
}) => {
  const q = term()
  await scriptList(q, [{ status: 402, body: DOCUMENTED_ERRORS[402] }])
  await page.goto(`/?q=${q}`)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'Subscription required' })).toBeVisible()
  await expect(alert.getByRole('link', { name: /See Genviral plans/ })).toBeVisible()
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible()
  expect(await receivedRequests(q)).toHaveLength(1) // A 402 is not retried.

  await page.getByLabel('Pack ID').fill('not an id')
  await page.getByRole('button', { name: 'Open pack' }).click()
  await expect(page.getByText('No pack ID found')).toBeVisible()
})
