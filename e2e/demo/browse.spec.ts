import { expect, test, type Page } from '@playwright/test'
import { DEMO_PACK_IDS } from '../../server/demo/fixtures'

/** The demo lists 42 packs: 36 catalog packs and 6 named ones; generated packs are not listed. */
const DEMO_TOTAL = 42

const packList = (page: Page) => page.getByRole('list', { name: 'Packs' })
const cards = (page: Page) => packList(page).getByRole('link')

/** Every request for one pack's API path, from now on. */
function countPackRequests(page: Page, packId: string) {
  const seen: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/partner/v1/packs/${packId}`) {
      seen.push(request.url())
    }
  })
  return seen
}

test('lists the demo packs 24 a page; Next and Back page through them', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 2, name: 'Browse packs' })).toBeVisible()
  await expect(page.getByText(`${DEMO_TOTAL} packs`, { exact: true })).toBeVisible()
  await expect(cards(page)).toHaveCount(24)
  await expect(page.getByText('Page 1 of 2')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled()

  const firstPage = await cards(page).allTextContents()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page).toHaveURL('/?page=2')
  await expect(page.getByText('Page 2 of 2')).toBeVisible()
  await expect(cards(page)).toHaveCount(DEMO_TOTAL - 24)
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()
  const secondPage = await cards(page).allTextContents()
  expect(secondPage.filter((text) => firstPage.includes(text))).toEqual([])

  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(cards(page)).toHaveCount(24)
  await expect(page.getByText('Page 1 of 2')).toBeVisible()
})

test('search narrows the list after a pause and says when nothing matches', async ({ page }) => {
  await page.goto('/?page=2')
  await expect(cards(page)).toHaveCount(DEMO_TOTAL - 24)
  const search = page.getByRole('searchbox', { name: 'Search packs' })
  await search.fill('party')
  await expect(page).toHaveURL('/?q=party')
  await expect(page.getByText('3 packs', { exact: true })).toBeVisible()
  await expect(cards(page)).toHaveText([/Garden Party 3/, /Garden Party 2/, /Garden Party 1/])
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0)

  await search.fill('qwertyuiop')
  await expect(page).toHaveURL('/?q=qwertyuiop')
  await expect(page.getByRole('heading', { name: 'No packs match “qwertyuiop”.' })).toBeVisible()
  await expect(page.getByText('0 packs', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect(page).toHaveURL('/')
  await expect(search).toHaveValue('')
  await expect(page.getByText(`${DEMO_TOTAL} packs`, { exact: true })).toBeVisible()
})

test('public packs can be left out', async ({ page }) => {
  await page.goto('/?page=2')
  await expect(cards(page)).toHaveCount(DEMO_TOTAL - 24)
  const toggle = page.getByRole('checkbox', { name: 'Include public packs' })
  await expect(toggle).toBeChecked()
  // A click, not uncheck(): the box follows the URL, which changes just after the click.
  await toggle.click()
  await expect(page).toHaveURL('/?public=0')
  // 12 of the 36 catalog packs are public, and Summer Launch and Stock Library.
  await expect(page.getByText(`${DEMO_TOTAL - 14} packs`, { exact: true })).toBeVisible()
  await expect(cards(page).filter({ hasText: 'Public' })).toHaveCount(0)
  await toggle.click()
  await expect(page).toHaveURL('/')
  await expect(page.getByText(`${DEMO_TOTAL} packs`, { exact: true })).toBeVisible()
})

test('a hovered pack opens without asking for it again', async ({ page }) => {
  await page.goto('/?q=motivation')
  const card = cards(page).filter({ hasText: 'Motivation Pack' })
  await expect(card).toHaveCount(1)
  const requests = countPackRequests(page, DEMO_PACK_IDS.motivation)
  const answered = page.waitForResponse(`**/api/partner/v1/packs/${DEMO_PACK_IDS.motivation}`)
  await card.hover()
  await answered
  expect(requests).toHaveLength(1)

  await card.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(requests).toHaveLength(1)
})

test('focusing a card with the keyboard prefetches it too', async ({ page }) => {
  await page.goto('/?q=spring')
  await expect(cards(page)).toHaveCount(1)
  const requests = countPackRequests(page, DEMO_PACK_IDS.countMismatch)
  const answered = page.waitForResponse(`**/api/partner/v1/packs/${DEMO_PACK_IDS.countMismatch}`)
  await page.getByLabel('Include public packs').focus()
  await page.keyboard.press('Tab')
  await expect(cards(page).first()).toBeFocused()
  await answered
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Spring Lookbook' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(requests).toHaveLength(1)
})

test('an invalid page shows page 1, and a page past the end has a way back', async ({ page }) => {
  for (const value of ['0', '-1', 'abc']) {
    await page.goto(`/?page=${value}`)
    await expect(page.getByText('Page 1 of 2')).toBeVisible()
    await expect(cards(page)).toHaveCount(24)
  }
  await page.goto('/?page=5')
  await expect(page.getByRole('heading', { name: 'There is no page 5' })).toBeVisible()
  await page.getByRole('button', { name: 'Go to page 1' }).click()
  await expect(page).toHaveURL('/')
  await expect(cards(page)).toHaveCount(24)
})
