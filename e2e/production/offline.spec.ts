import { expect, test } from '@playwright/test'
import { DEMO_PACK_IDS } from '../../server/demo/fixtures'

// On the production build: the dev server's live-reload client would reload the page when
// the connection comes back, which is exactly what must not be needed.
test('offline, the page waits and says so; back online, it loads without a reload', async ({
  page,
  context,
}) => {
  const requests: string[] = []
  // The pack's requests (its review decisions are read beside it, from our own API).
  page.on('request', (request) => {
    if (request.url().includes('/api/partner/')) requests.push(request.url())
  })
  // A reviewer had a pack open (its page's code is loaded), went back, and lost the network.
  await page.goto(`/packs/${DEMO_PACK_IDS.motivation}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  await page.getByRole('link', { name: 'Pack Explorer' }).click()
  await expect(page.getByLabel('Pack ID')).toBeVisible()
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))
  requests.length = 0
  await context.setOffline(true)
  await page.getByLabel('Pack ID').fill(DEMO_PACK_IDS.mixed)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText(/You are offline/)
  expect(requests).toEqual([])
  await context.setOffline(false)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Summer Launch Campaign' }),
  ).toBeVisible()
  expect(requests).toHaveLength(1)
  // The same document: nothing reloaded it.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)
})

test('offline before a page was ever loaded, it says what failed and reloads once online', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await expect(page.getByLabel('Pack ID')).toBeVisible()
  // The pack page's code has not been needed yet, so it was never downloaded.
  await context.setOffline(true)
  await page.getByLabel('Pack ID').fill(DEMO_PACK_IDS.mixed)
  await page.keyboard.press('Enter')
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible()
  await expect(alert).toContainText('Check your connection, then reload')
  await context.setOffline(false)
  await alert.getByRole('button', { name: 'Reload page' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Summer Launch Campaign' }),
  ).toBeVisible()
})
