import { expect, test, type APIRequestContext } from '@playwright/test'
import { PACKS_PATH, packPath } from '../../contract/partner-api/paths'
import { DEMO_APP_PORT } from '../support/ports'
import { approveAll } from '../support/review'
import { nameReviewer } from '../support/reviewer'

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const

const SCREENS = [
  { name: 'lookup', path: '/', ready: 'Open an image pack' },
  {
    name: 'pack-mixed',
    path: '/packs/5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e01',
    ready: 'Summer Launch Campaign',
  },
  {
    name: 'error-402',
    path: '/packs/00000000-0000-4000-8000-000000000402',
    ready: 'Subscription required',
  },
  {
    name: 'error-403',
    path: '/packs/00000000-0000-4000-8000-000000000403',
    ready: 'Partner API not included in your plan',
  },
  {
    name: 'error-404',
    path: '/packs/00000000-0000-4000-8000-000000000404',
    ready: 'Pack not found',
  },
] as const

const MIXED = '/packs/5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e01'
const REVIEW_SCREENS = [
  {
    name: 'pack-filtered',
    path: `${MIXED}?status=pending,error&sort=status`,
    dialog: null,
    keys: null,
  },
  {
    name: 'image-detail',
    path: `${MIXED}/images/7a3f9c10-0000-4000-8000-000000000009?status=pending,error`,
    dialog: 'Image #9',
    keys: null,
  },
  { name: 'shortcuts', path: MIXED, dialog: 'Keyboard shortcuts', keys: '?' },
] as const

/** The demo's first image: its seeded decisions give it a History of two changes. */
const FIRST_IMAGE = '7a3f9c10-0000-4000-8000-000000000001'

/** A private pack of the demo's (writable), with images whose metadata has settled. */
async function writableDemoPack(request: APIRequestContext) {
  const origin = `http://localhost:${DEMO_APP_PORT}`
  const headers = {
    'Content-Type': 'application/json',
    Origin: origin,
    'X-Pack-Explorer-Reviewer': 'Priya Shah',
  }
  const created = await request.post(`${origin}${PACKS_PATH}`, {
    headers,
    data: { name: 'Holiday Campaign' },
  })
  const packId = (await created.json()).data.id as string
  const files = [
    'tropical-palm-beach.svg',
    'city-skyline-night.svg',
    'snowy-cabin-night.svg',
    'mountain-lake-sunset.svg',
    'desert-dunes-camel.svg',
    'lighthouse-ocean-waves.svg',
  ]
  for (const file of files) {
    await request.post(`${origin}${packPath(packId)}/images`, {
      headers,
      data: { image_url: `${origin}/demo-images/${file}` },
    })
  }
  return packId
}

const BROWSE_SCREENS = [
  { name: 'browse', path: '/' },
  { name: 'browse-search', path: '/?q=launch' },
] as const

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const screen of BROWSE_SCREENS) {
    test(`${screen.name} (${device})`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto(`http://localhost:${DEMO_APP_PORT}${screen.path}`)
      const heading = page.getByRole('heading', { level: 2, name: 'Browse packs' })
      await expect(page.getByText(/^\d+ packs?$/)).toBeVisible()
      await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: `docs/screenshots/${screen.name}-${device}.png` })
    })
  }

  for (const screen of REVIEW_SCREENS) {
    test(`${screen.name} (${device})`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto(`http://localhost:${DEMO_APP_PORT}${screen.path}`)
      await expect(
        page.getByRole('heading', { level: 1, name: 'Summer Launch Campaign' }),
      ).toBeVisible()
      await page.waitForLoadState('networkidle')
      if (screen.keys) await page.keyboard.press(screen.keys)
      if (screen.dialog)
        await expect(page.getByRole('dialog', { name: screen.dialog })).toBeVisible()
      await page.screenshot({ path: `docs/screenshots/${screen.name}-${device}.png` })
    })
  }

  test(`pack-list (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}?view=list`)
    const list = page.getByRole('table', { name: 'Images' })
    await expect(list.locator('[role="row"][data-image-id]').first()).toBeVisible()
    // The rows are what this screenshot is for, not the filters above them.
    await list.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/pack-list-${device}.png` })
  })

  test(`review-reject (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    // A reviewer who gave their name before: the reject dialog opens straight away.
    await nameReviewer(page, 'Priya Shah')
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}`)
    const tile = page.locator('[data-image-id] [data-card-link]').nth(2)
    await expect(tile).toBeVisible()
    await page.waitForLoadState('networkidle')
    await tile.focus()
    await page.keyboard.press('x')
    const dialog = page.getByRole('dialog', { name: 'Reject image #3' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('checkbox', { name: 'Wrong description' }).check()
    await dialog.getByRole('checkbox', { name: 'Wrong or missing keywords' }).check()
    await dialog
      .getByRole('textbox', { name: /^Note/ })
      .fill('The path is in a park, not a forest; keywords miss "autumn".')
    await page.screenshot({ path: `docs/screenshots/review-reject-${device}.png` })
  })

  test(`pack-selection (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}`)
    await page.getByRole('article', { name: 'Image #2', exact: true }).hover()
    await page.getByRole('checkbox', { name: 'Select image #2', exact: true }).click()
    await page
      .getByRole('checkbox', { name: 'Select image #6', exact: true })
      .click({ modifiers: ['Shift'] })
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('5 selected')
    await page.mouse.move(0, 0)
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/pack-selection-${device}.png` })
  })

  test(`review-bulk (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await nameReviewer(page, 'Priya Shah')
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}`)
    await page.getByRole('button', { name: 'Select all 16 shown' }).click()
    await page
      .getByRole('toolbar', { name: 'Selection' })
      .getByRole('button', { name: 'Approve' })
      .click()
    // Not confirmed: the demo pack keeps its decisions.
    await expect(page.getByRole('dialog', { name: /^Approve \d+ images\?$/ })).toBeVisible()
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/review-bulk-${device}.png` })
  })

  test(`image-edits (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    const packId = await writableDemoPack(page.request)
    await nameReviewer(page, 'Priya Shah')
    await page.goto(`http://localhost:${DEMO_APP_PORT}/packs/${packId}`)
    // The demo makes metadata in a few seconds; the page polls until it is done.
    await expect(page.locator('article', { hasText: 'Completed' })).toHaveCount(6, {
      timeout: 20_000,
    })
    // Review found image #3's description wrong: it can be retried.
    await page.getByRole('article', { name: 'Image #3' }).getByRole('link').focus()
    await page.keyboard.press('x')
    const reject = page.getByRole('dialog', { name: 'Reject image #3' })
    await expect(reject).toBeVisible()
    await page.keyboard.press('1')
    await page.keyboard.press('Enter')
    await expect(reject).toBeHidden()
    const second = page.getByRole('article', { name: 'Image #2' })
    await second.hover()
    await second.getByRole('button', { name: 'Remove from pack' }).click()
    await page.getByRole('button', { name: 'Remove', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible()
    // Image #3 is #2 now.
    const rejected = page.getByRole('article', { name: 'Image #2' })
    await rejected.hover()
    await expect(rejected.getByRole('button', { name: 'Retry metadata' })).toBeVisible()
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/image-edits-${device}.png` })

    await page.mouse.move(0, 0)
    await page.getByRole('button', { name: 'Add images' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add images to Holiday Campaign' })
    await dialog
      .getByLabel('Image URLs')
      .fill(
        [
          'https://cdn.example.com/holiday/tree-lights.jpg',
          'https://cdn.example.com/holiday/gift-boxes.png',
          'cdn.example.com/holiday/no-scheme.jpg',
          'ftp://files.example.com/holiday/snowman.gif',
        ].join('\n'),
      )
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/add-images-${device}.png` })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Dismiss' }).click()

    await page.getByRole('heading', { name: 'Activity', exact: true }).scrollIntoViewIfNeeded()
    const activity = page.getByRole('region', { name: 'Activity' })
    await expect(activity.getByRole('button', { name: 'Add back' })).toBeVisible()
    await activity.scrollIntoViewIfNeeded()
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/activity-${device}.png` })
  })

  test(`review-history (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}/images/${FIRST_IMAGE}`)
    const dialog = page.getByRole('dialog', { name: 'Image #1' })
    const history = dialog.getByRole('list', { name: 'History' })
    await expect(history.getByRole('listitem')).toHaveCount(2)
    await history.evaluate((element) => element.scrollIntoView({ block: 'end' }))
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/review-history-${device}.png` })
  })

  test(`pack-filters (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    // The keyword filter opens the rail's keyword list; on a phone, the Filters sheet.
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}?keyword=ocean`)
    await expect(page.locator('[data-image-id]').first()).toBeVisible()
    if (device === 'phone') {
      await page.getByRole('button', { name: /^Filters/ }).click()
      await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible()
    }
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/pack-filters-${device}.png` })
  })

  test(`pack-signed-off (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    // A generated pack of 12, every image approved and the pack signed off.
    const packId = '5e7d1c2a-0000-4000-8000-000000000012'
    await approveAll(page.request, `http://localhost:${DEMO_APP_PORT}`, packId, {
      reviewer: 'Dana Reyes',
      signOff: true,
    })
    await nameReviewer(page, 'Dana Reyes')
    await page.goto(`http://localhost:${DEMO_APP_PORT}/packs/${packId}`)
    await expect(page.getByText('Signed off by Dana Reyes')).toBeVisible()
    await expect(page.locator('[data-image-id]').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/pack-signed-off-${device}.png` })
  })

  test(`report (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto(`http://localhost:${DEMO_APP_PORT}${MIXED}/report`)
    await expect(page.getByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
    await expect(page.getByText('Not signed off')).toBeVisible()
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `docs/screenshots/report-${device}.png` })
    if (device !== 'desktop') return
    // Printed: A4 as a PDF, and the print styles on screen, to look at without a PDF viewer.
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: 'docs/screenshots/report-print.png', fullPage: true })
    await page.pdf({
      path: 'docs/screenshots/report.pdf',
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
    })
  })

  for (const screen of SCREENS) {
    test(`${screen.name} (${device})`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto(`http://localhost:${DEMO_APP_PORT}${screen.path}`)
      await expect(page.getByRole('heading', { level: 1, name: screen.ready })).toBeVisible()
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: `docs/screenshots/${screen.name}-${device}.png` })
    })
  }
}
