import { readdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ERROR_IDS, DEMO_PACK_IDS } from '../../server/demo/fixtures'
import { BUILD_CANARY_TOKEN, PRODUCTION_APP_PORT, PRODUCTION_DIST } from '../support/ports'

const MIXED = `/packs/${DEMO_PACK_IDS.mixed}`

/** Every CSP violation the page reports, from the event and from the console. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void })
        .reportViolation
      report(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

test('pages and assets carry the security headers', async ({ request }) => {
  const html = await request.get(MIXED)
  const asset = (/src="(\/assets\/[^"]+\.js)"/.exec(await html.text()) ?? [])[1]
  expect(asset).toBeDefined()
  for (const response of [await request.get('/'), html, await request.get(asset!)]) {
    const headers = response.headers()
    const csp = Object.fromEntries(
      headers['content-security-policy']!.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/)
        return [name, values.join(' ')]
      }),
    )
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'img-src': "'self' https:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    })
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['access-control-allow-origin']).toBeUndefined()
  }
})

test('the app runs under its CSP without a single violation', async ({ page }) => {
  const violations = await recordViolations(page)
  await page.goto('/')
  await page.getByLabel('Pack ID').fill(DEMO_PACK_IDS.mixed)
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  // Thumbnails (same-origin demo images) load, filters, dialogs and exports run.
  await expect
    .poll(() =>
      page
        .locator('img')
        .evaluateAll((imgs) => imgs.some((img) => (img as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true)
  await page.getByRole('button', { name: /^Error \(\d+\)$/ }).click()
  await page.locator('[data-card-link]').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /CSV/ }).click()
  await download
  await page.goto(`/packs/${Object.keys(DEMO_ERROR_IDS)[0]}`)
  await expect(page.getByRole('alert')).toBeVisible()
  expect(violations).toEqual([])
})

test('another site cannot embed the app in a frame', async ({ page }) => {
  const app = `http://127.0.0.1:${PRODUCTION_APP_PORT}${MIXED}`
  // Another origin on this machine, served for real (a page Playwright fulfils counts as
  // public, and public pages may not frame localhost at all).
  const embedder = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(`<iframe src="${app}"></iframe>`)
  })
  await new Promise<void>((resolve) => embedder.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = embedder.address() as AddressInfo
    const framed = page.waitForResponse(app)
    await page.goto(`http://127.0.0.1:${port}/`)
    expect((await framed).status()).toBe(200)
    // Give a loaded app every chance to render before checking that it did not.
    await page.waitForTimeout(1500)
    await expect(page.frameLocator('iframe').locator('#root')).toHaveCount(0)
  } finally {
    embedder.close()
  }
})

test('the build carries no server-side key, not even in source maps', async () => {
  const files = await readdir(PRODUCTION_DIST, { recursive: true, withFileTypes: true })
  const texts = await Promise.all(
    files
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  )
  expect(files.some((entry) => entry.name.endsWith('.js.map'))).toBe(true)
  expect(texts.length).toBeGreaterThan(10)
  for (const text of texts) expect(text.includes(BUILD_CANARY_TOKEN)).toBe(false)
})
