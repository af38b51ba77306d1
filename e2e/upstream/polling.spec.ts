import { expect, test, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import { createImage, createPack, pendingMetadata } from '../../contract/partner-api/wire'
import { receivedRequests, scriptPack } from '../support/upstream'

/**
 * What the browser does when the tab goes to the background or comes back. Headless
 * Chromium keeps every page visible, so the state and its event are set by hand.
 */
async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true })
    Object.defineProperty(document, 'hidden', { value: value === 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }, state)
}

test('polling pauses while the tab is hidden and resumes when it is shown', async ({ page }) => {
  test.slow()
  const pack = createPack({
    name: 'Still generating',
    images: [createImage({ metadata: pendingMetadata() })],
  })
  const packId = await scriptPack([{ status: 200, body: okEnvelope(pack) }])
  const requests = async () => (await receivedRequests(packId)).length

  await page.goto(`/packs/${packId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Still generating' })).toBeVisible()
  // Visible: the first poll comes 5 s after the load.
  await expect.poll(requests, { timeout: 8_000 }).toBe(2)

  await setVisibility(page, 'hidden')
  // Hidden: the next poll (due 7.5 s later) is never sent.
  await page.waitForTimeout(9_000)
  expect(await requests()).toBe(2)

  await setVisibility(page, 'visible')
  await expect.poll(requests, { timeout: 10_000 }).toBe(3)
})
