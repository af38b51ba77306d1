import { gzipSync } from 'node:zlib'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_PACK_IDS } from '../../server/demo/fixtures'

/** The pack page's JavaScript budget (entry plus every chunk it loads), gzip. */
const PACK_ROUTE_BUDGET = 130 * 1024

/** Records every script the page loads: its file name and gzip size (zlib level 9). */
function recordScripts(page: Page) {
  const scripts: { name: string; gzip: Promise<number> }[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return
    scripts.push({
      name: new URL(response.url()).pathname.split('/').pop()!,
      gzip: response.body().then((body) => gzipSync(body, { level: 9 }).length),
    })
  })
  return {
    names: () => scripts.map((script) => script.name),
    gzipTotal: async () =>
      (await Promise.all(scripts.map((script) => script.gzip))).reduce((a, b) => a + b, 0),
  }
}

test('the pack page loads at most 130 KB of gzipped JavaScript', async ({ page }) => {
  const scripts = recordScripts(page)
  await page.goto(`/packs/${DEMO_PACK_IDS.mixed}`)
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  await expect(page.getByText(/^Showing \d+ of \d+ images$/)).toBeVisible()
  await page.waitForLoadState('networkidle')

  const total = await scripts.gzipTotal()
  test.info().annotations.push({
    type: 'pack route JS',
    description: `${(total / 1024).toFixed(1)} KB gzip in ${scripts.names().length} files`,
  })
  expect(scripts.names()).toContainEqual(expect.stringMatching(/^pack-route-.*\.js$/))
  expect(total).toBeGreaterThan(50 * 1024) // The measurement saw the bundle at all.
  expect(total).toBeLessThanOrEqual(PACK_ROUTE_BUDGET)
})

test('each page loads its own code; export and dialogs load on first use', async ({ page }) => {
  const scripts = recordScripts(page)
  await page.goto('/')
  await expect(page.getByLabel('Pack ID')).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(scripts.names()).toContainEqual(expect.stringMatching(/^lookup-route-/))
  expect(scripts.names()).not.toContainEqual(expect.stringMatching(/^pack-route-/))

  await page.getByLabel('Pack ID').fill(DEMO_PACK_IDS.mixed)
  await page.getByRole('button', { name: 'Open pack' }).click()
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(scripts.names()).toContainEqual(expect.stringMatching(/^pack-route-/))
  for (const lazy of [/^export-images-/, /^image-detail-dialog-/, /^shortcuts-dialog-/]) {
    expect(scripts.names()).not.toContainEqual(expect.stringMatching(lazy))
  }

  // CSV export (papaparse) arrives with the first export, not before.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  await download
  expect(scripts.names()).toContainEqual(expect.stringMatching(/^export-images-/))

  // The image dialog's chunk is fetched once the pointer reaches the gallery.
  await page.locator('[data-image-id]').first().hover()
  await expect
    .poll(() => scripts.names())
    .toContainEqual(expect.stringMatching(/^image-detail-dialog-/))
  await page.locator('[data-card-link]').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  expect(scripts.names()).toContainEqual(expect.stringMatching(/^shortcuts-dialog-/))
})
