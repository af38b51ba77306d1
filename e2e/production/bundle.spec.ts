import { gzipSync } from 'node:zlib'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_PACK_IDS } from '../../server/demo/fixtures'

/**
 * The pack page's JavaScript budget (entry plus every chunk it loads), gzip. 140 KB until the
 * review workbench (issue 14): every tile's decision, the outbox that never loses one, the
 * keys and the review controls are first-screen code, about 8 KB of it. 150 KB until the
 * pack edits (issue 16): the pack's Rename, Make public, Delete pack and Add images buttons,
 * every tile's Retry metadata and Remove from pack, the error groups' Retry these, the shell
 * of the writes' notices and the Activity section's heading are on the first screen, about
 * 3 KB with the name prompt they share (their writes, messages and dialogs come with the
 * first use).
 */
const PACK_ROUTE_BUDGET = 155 * 1024

/** Records every script the page loads, with its gzip size (zlib level 9). */
function recordScripts(page: Page) {
  const sizes: Promise<number>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return
    sizes.push(response.body().then((body) => gzipSync(body, { level: 9 }).length))
  })
  return {
    count: () => sizes.length,
    gzipTotal: async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0),
  }
}

test('the pack page loads at most 155 KB of gzipped JavaScript', async ({ page }) => {
  const scripts = recordScripts(page)
  await page.goto(`/packs/${DEMO_PACK_IDS.mixed}`)
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  await expect(page.getByText(/^Showing \d+ of \d+ images$/)).toBeVisible()
  await page.waitForLoadState('networkidle')

  const total = await scripts.gzipTotal()
  test.info().annotations.push({
    type: 'pack route JS',
    description: `${(total / 1024).toFixed(1)} KB gzip in ${scripts.count()} files`,
  })
  expect(total).toBeGreaterThan(50 * 1024) // The measurement saw the bundle at all.
  expect(total).toBeLessThanOrEqual(PACK_ROUTE_BUDGET)
})

test('each page loads its own code; export, dialogs and the list view load on first use', async ({
  page,
}) => {
  const scripts = recordScripts(page)
  await page.goto('/')
  await expect(page.getByLabel('Pack ID')).toBeVisible()
  await page.waitForLoadState('networkidle')
  const onHomePage = scripts.count()

  await page.getByLabel('Pack ID').fill(DEMO_PACK_IDS.mixed)
  await page.getByRole('button', { name: 'Open pack' }).click()
  // Off the gallery, which now lies where that button was.
  await page.mouse.move(0, 0)
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  // The pack page's code was not part of the home page's.
  expect(scripts.count()).toBeGreaterThan(onHomePage)

  // CSV export (papaparse) arrives with the first export, not before.
  const beforeExport = scripts.count()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  await download
  expect(scripts.count()).toBeGreaterThan(beforeExport)

  // The image dialog's code is fetched once the pointer reaches the gallery.
  const beforeHover = scripts.count()
  await page.locator('[data-image-id]').first().hover()
  await expect.poll(() => scripts.count()).toBeGreaterThan(beforeHover)
  await page.locator('[data-card-link]').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.waitForLoadState('networkidle')
  const beforeShortcuts = scripts.count()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  expect(scripts.count()).toBeGreaterThan(beforeShortcuts)

  // The list view is its own chunk, fetched when it is first asked for.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  const beforeList = scripts.count()
  await page.getByRole('button', { name: 'List', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Images' })).toBeVisible()
  expect(scripts.count()).toBeGreaterThan(beforeList)
})

test('the QA report is its own chunk: the pack page never loads it', async ({ page }) => {
  const urls: string[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') urls.push(response.url())
  })
  await page.goto(`/packs/${DEMO_PACK_IDS.mixed}`)
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(urls.filter((url) => /report/i.test(url))).toEqual([])

  const onPackPage = urls.length
  await page.getByRole('link', { name: 'QA report' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
  expect(urls.slice(onPackPage).some((url) => /report-route/.test(url))).toBe(true)
})
