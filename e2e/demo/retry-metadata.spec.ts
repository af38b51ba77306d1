import { expect, test } from '@playwright/test'
import { PACKS_PATH, packPath } from '../../contract/partner-api/paths'
import { DEMO_APP_PORT } from '../support/ports'
import { nameReviewer } from '../support/reviewer'

/**
 * The demo API makes metadata as the real one does, over a few seconds: a retried image is
 * seen going from pending to completed on the page, without a reload. On a pack of its own
 * (the demo's data is shared by every test of this server).
 */

const origin = `http://localhost:${DEMO_APP_PORT}`
const json = {
  'Content-Type': 'application/json',
  Origin: origin,
  'X-Pack-Explorer-Reviewer': 'Dana',
}

test('a retried image goes pending -> completed on the page without a reload', async ({
  page,
  request,
}) => {
  test.slow()
  const created = await request.post(PACKS_PATH, {
    headers: json,
    data: { name: 'Retry in the demo' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const packId = (await created.json()).data.id as string
  const added = await request.post(`${packPath(packId)}/images`, {
    headers: json,
    data: { image_url: `${origin}/demo-images/gym-dumbbells.svg` },
  })
  expect(added.status(), await added.text()).toBe(201)

  await page.addInitScript(() => localStorage.setItem('pack-explorer:retry-confirmed', 'yes'))
  await nameReviewer(page, 'Dana')
  await page.goto(`/packs/${packId}`)
  const card = page.getByRole('article', { name: 'Image #1' })
  // The page polls while metadata is being made.
  await expect(card).toContainText('Completed', { timeout: 20_000 })
  const oldId = await card.getAttribute('data-image-id')

  // Review finds it wrong: reject, then retry.
  await card.getByRole('link').focus()
  await page.keyboard.press('x')
  const reject = page.getByRole('dialog', { name: 'Reject image #1' })
  await expect(reject).toBeVisible()
  await page.keyboard.press('1')
  await page.keyboard.press('Enter')
  await expect(card).toContainText('Rejected')
  await card.hover()
  await card.getByRole('button', { name: 'Retry metadata' }).click()

  await expect(page.getByRole('region', { name: 'Metadata retried for 1 image' })).toBeVisible()
  await expect(card).not.toHaveAttribute('data-image-id', oldId!)
  await expect(card).toContainText(/Pending|Processing/)
  await expect(card).toContainText('Completed', { timeout: 20_000 })
  await expect(card).not.toContainText('Rejected')
})
