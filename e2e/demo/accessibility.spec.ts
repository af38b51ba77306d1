import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ERROR_IDS } from '../../server/demo/fixtures'
import { holdPackResponses } from '../support/hold'
import { approveAll } from '../support/review'
import { nameReviewer } from '../support/reviewer'

const MIXED = '/packs/5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e01'

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([])
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`${viewport.width}px`, () => {
    test.use({ viewport })

    test('lookup, with the demo banner', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByText('Demo data')).toBeVisible()
      await expectNoViolations(page)
    })

    test('browse: a page of packs, no matches, and a refused search', async ({ page }) => {
      await page.goto('/?page=2')
      await expect(page.getByRole('list', { name: 'Packs' }).getByRole('link')).toHaveCount(18)
      await expectNoViolations(page)
      await page.goto('/?q=nothing-matches-this')
      await expect(page.getByText('No packs match “nothing-matches-this”.')).toBeVisible()
      await expectNoViolations(page)
      await page.route('**/api/partner/v1/packs?*', (route) =>
        route.fulfill({
          status: 422,
          json: { ok: false, code: 422, message: 'Bad query', error_code: 'invalid_query' },
        }),
      )
      await page.goto('/?q=refused')
      await expect(page.getByText('That search could not be run')).toBeVisible()
      await expectNoViolations(page)
    })

    test('pack with mixed statuses, filtered', async ({ page }) => {
      await page.goto(`${MIXED}?status=error,pending,unknown`)
      await expect(page.getByText('Showing 6 of 16 images')).toBeVisible()
      await expectNoViolations(page)
    })

    test('gallery at every thumbnail size, and the filters rail or sheet', async ({ page }) => {
      await page.goto(MIXED)
      await expect(page.getByRole('article', { name: 'Image #1', exact: true })).toBeVisible()
      const size = page.getByRole('group', { name: 'Thumbnail size' })
      for (const name of ['Small', 'Large', 'Medium']) {
        await size.getByRole('button', { name }).click()
        await expectNoViolations(page)
      }
      if (viewport.width >= 1024) {
        await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible()
        await page.keyboard.press('[')
        await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0)
      } else {
        await page.getByRole('button', { name: 'Filters', exact: true }).click()
        await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible()
      }
      await expectNoViolations(page)
    })

    test('list view, and the list searched', async ({ page }) => {
      await page.goto(`${MIXED}?view=list`)
      const rows = page
        .getByRole('table', { name: 'Images' })
        .locator('[role="row"][data-image-id]')
      await expect(rows.first()).toBeVisible()
      await expectNoViolations(page)
      await page.goto(`${MIXED}?view=list&q=city&sort=status`)
      await expect(
        page.getByRole('table', { name: 'Images' }).locator('mark').first(),
      ).toBeVisible()
      await expectNoViolations(page)
    })

    test('filtered empty result', async ({ page }) => {
      await page.goto(`${MIXED}?q=nothing-matches-this`)
      await expect(page.getByText('No images match these filters')).toBeVisible()
      await expectNoViolations(page)
    })

    test('detail dialog and shortcuts dialog', async ({ page }) => {
      await page.goto(`${MIXED}/images/7a3f9c10-0000-4000-8000-000000000005`)
      const viewer = page.getByRole('dialog', { name: 'Image #5' })
      await expect(viewer).toBeVisible()
      await expect(viewer.getByRole('navigation', { name: 'Nearby images' })).toBeVisible()
      await expectNoViolations(page)
      await viewer.getByRole('button', { name: 'Actual size' }).click()
      await expect(viewer.getByRole('button', { name: 'Actual size' })).toHaveAttribute(
        'aria-pressed',
        'true',
      )
      await expectNoViolations(page)
      await viewer.getByRole('button', { name: 'Show raw JSON' }).click()
      await expect(viewer.getByRole('region', { name: 'Raw JSON' })).toBeVisible()
      await expectNoViolations(page)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
      await page.keyboard.press('?')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      await expectNoViolations(page)
    })

    test('review: badges, card buttons, the name and reject dialogs', async ({ page }) => {
      await page.goto(MIXED)
      // The demo pack starts with decisions.
      await expect(page.getByRole('article', { name: 'Image #1', exact: true })).toContainText(
        'Approved',
      )
      await expect(page.getByText(/^Reviewed \d+ of 16$/)).toBeVisible()
      await page.getByRole('article', { name: 'Image #3', exact: true }).hover()
      await expectNoViolations(page)
      // Nobody named yet: x asks for a name first, then goes on to the reject dialog.
      await page.getByRole('link', { name: 'Open image #3', exact: true }).focus()
      await page.keyboard.press('x')
      const naming = page.getByRole('dialog', { name: 'Who is reviewing?' })
      await expect(naming).toBeVisible()
      await expectNoViolations(page)
      await naming.getByRole('button', { name: 'Save' }).click()
      await expect(naming.getByRole('alert')).toBeVisible()
      await expectNoViolations(page)
      await page.keyboard.type('Axe Checker')
      await page.keyboard.press('Enter')
      const rejecting = page.getByRole('dialog', { name: 'Reject image #3' })
      await expect(rejecting).toBeVisible()
      await expectNoViolations(page)
      await page.keyboard.press('Enter')
      await expect(rejecting.getByRole('alert')).toBeVisible()
      await expectNoViolations(page)
      // Cancelled: the shared demo pack keeps its decisions as they were.
      await page.keyboard.press('Escape')
      await expect(rejecting).toHaveCount(0)
    })

    test('a selection: its toolbar and every bulk confirmation', async ({ page }) => {
      await nameReviewer(page, 'Axe')
      await page.goto(MIXED)
      await page.getByRole('article', { name: 'Image #3', exact: true }).hover()
      await page.getByRole('checkbox', { name: 'Select image #3', exact: true }).click()
      const toolbar = page.getByRole('toolbar', { name: 'Selection' })
      await expect(toolbar).toContainText('1 selected')
      await expectNoViolations(page)
      await page.getByRole('button', { name: 'Select all 16 shown' }).click()
      await expect(toolbar).toContainText('16 selected')
      await expectNoViolations(page)
      // Each one cancelled: the shared demo pack keeps its decisions as they were.
      for (const [button, dialog] of [
        ['Approve', /^Approve \d+ images\?$/],
        ['Reject…', 'Reject 16 images?'],
        ['Clear decisions', /^Clear \d+ decisions\?$/],
      ] as const) {
        await toolbar.getByRole('button', { name: button, exact: true }).click()
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible()
        await expectNoViolations(page)
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
        await expect(page.getByRole('dialog')).toHaveCount(0)
      }
      await page.goto(`${MIXED}?view=list`)
      await page.getByRole('button', { name: 'Select all 16 shown' }).click()
      await expect(toolbar).toContainText('16 selected')
      await expectNoViolations(page)
    })

    test('the viewer with a decision and its history', async ({ page }) => {
      await page.goto(`${MIXED}/images/7a3f9c10-0000-4000-8000-000000000001`)
      const viewer = page.getByRole('dialog', { name: 'Image #1' })
      await expect(viewer.getByText(/^Approved by Dana Reyes, /).first()).toBeVisible()
      await expect(viewer.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(
        2,
      )
      await expectNoViolations(page)
    })

    test('reviews unavailable, and a decision not saved', async ({ page }) => {
      await nameReviewer(page, 'Axe')
      // Writes fail (nothing is stored on the shared demo pack); reads say the store is down.
      await page.route('**/api/review/v1/**', (route) =>
        route.request().method() === 'PUT'
          ? route.abort('connectionrefused')
          : route.fulfill({
              status: 503,
              json: {
                ok: false,
                code: 503,
                message: 'The review store cannot be reached.',
                error_code: 'reviews_unavailable',
              },
            }),
      )
      await page.goto(MIXED)
      await expect(page.getByText('Reviews unavailable')).toBeVisible()
      await expectNoViolations(page)
      await page.unroute('**/api/review/v1/**')
      await page.route('**/api/review/v1/**', (route) =>
        route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.continue(),
      )
      await page.reload()
      await expect(page.getByText(/^Reviewed \d+ of 16$/)).toBeVisible()
      await page.getByRole('link', { name: 'Open image #3', exact: true }).focus()
      await page.keyboard.press('a')
      await expect(page.getByRole('article', { name: 'Image #3', exact: true })).toContainText(
        'Not saved',
      )
      await expectNoViolations(page)
    })

    test('an unknown image: the notice over the pack', async ({ page }) => {
      await page.goto(`${MIXED}/images/not-in-this-pack`)
      await expect(page.getByRole('alert')).toContainText('Image not found in this pack')
      await expectNoViolations(page)
    })

    test('loading', async ({ page }) => {
      const release = await holdPackResponses(page)
      await page.goto(MIXED)
      await expect(page.getByRole('status')).toHaveText('Loading pack…')
      await expectNoViolations(page)
      release()
    })

    test('every error screen, an invalid pack ID and an unknown address', async ({ page }) => {
      test.slow() // 429, 500 and 503 are tried three times before their screen shows.
      for (const [packId, { description }] of Object.entries(DEMO_ERROR_IDS)) {
        await page.goto(`/packs/${packId}`)
        await expect(page.getByRole('alert'), description).toBeVisible({ timeout: 15_000 })
        await expectNoViolations(page)
      }
      await page.goto('/packs/not-a-pack-id')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoViolations(page)
      await page.goto('/no/such/page')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoViolations(page)
    })

    test('count mismatch notice', async ({ page }) => {
      await page.goto('/packs/5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e03')
      await expect(page.getByRole('button', { name: 'Fetch again' })).toBeVisible()
      await expectNoViolations(page)
    })

    test('a retry counting down', async ({ page }) => {
      let tries = 0
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route(
        '**/api/partner/v1/packs/00000000-0000-4000-8000-000000000429',
        (route) =>
          ++tries === 1 ? route.continue() : held.then(() => route.continue()).catch(() => {}), // The page may be gone.
      )
      await page.goto('/packs/00000000-0000-4000-8000-000000000429')
      await expect(page.getByRole('status')).toContainText('Trying again')
      await expectNoViolations(page)
      release()
    })

    test('the broken-image check under way', async ({ page }) => {
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route('**/demo-images/**', (route) =>
        held.then(() => route.continue()).catch(() => {}),
      )
      await page.goto(`${MIXED}?flag=broken`)
      await expect(page.getByText('Checking images…')).toBeVisible()
      await expectNoViolations(page)
      release()
    })

    test('sign-off: disabled with its reason, signed off, changed since, and the QA report', async ({
      page,
      baseURL,
    }) => {
      await page.goto(MIXED)
      const signOff = page.getByRole('button', { name: 'Sign off pack' })
      await expect(signOff).toBeDisabled()
      await expect(page.getByText(/^\d+ images? needs? review$/)).toBeVisible()
      await expectNoViolations(page)

      // A generated pack of its own per screen size (tests run side by side), all approved.
      const packId = `5e7d1c2a-0000-4000-8000-00000000000${viewport.width === 1280 ? 3 : 4}`
      await approveAll(page.request, baseURL!, packId, { reviewer: 'Axe Checker', signOff: true })
      await nameReviewer(page, 'Axe')
      await page.goto(`/packs/${packId}`)
      await expect(page.getByText('Signed off by Axe Checker')).toBeVisible()
      await expectNoViolations(page)
      await page.getByRole('link', { name: 'Open image #1', exact: true }).focus()
      await page.keyboard.press('u')
      await expect(page.getByText('Changed since sign-off')).toBeVisible()
      await expectNoViolations(page)
      await page.getByRole('button', { name: 'Withdraw sign-off' }).click()
      await expect(signOff).toBeDisabled()

      await page.goto(`${MIXED}/report`)
      await expect(page.getByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
      await expect(page.getByRole('region', { name: 'Review progress' })).toBeVisible()
      await expectNoViolations(page)
    })

    test('pack edits: the edit bar, its dialogs, a refused change, and New pack', async ({
      page,
    }) => {
      await nameReviewer(page, 'Dana')
      await page.goto(MIXED)
      await expect(page.getByRole('button', { name: 'Rename' })).toBeVisible()
      // The demo's public packs belong to another workspace: the change is refused, put back.
      await page.getByRole('button', { name: 'Make private' }).click()
      await expect(page.getByRole('alert')).toContainText('did not work, so it was put back')
      await expectNoViolations(page)
      await page.getByRole('button', { name: 'Rename' }).click()
      await expect(page.getByRole('dialog', { name: 'Rename pack' })).toBeVisible()
      await expectNoViolations(page)
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Delete pack' }).click()
      const deleting = page.getByRole('dialog', { name: /^Delete / })
      await deleting.getByRole('button', { name: 'Delete pack' }).click()
      await expect(deleting.getByRole('alert')).toBeVisible()
      await expectNoViolations(page)
      await page.keyboard.press('Escape')
      await page.goto('/')
      await page.getByRole('button', { name: 'New pack' }).click()
      await expect(page.getByRole('dialog', { name: 'New pack' })).toBeVisible()
      await expectNoViolations(page)
    })

    test('image edits: a tile’s edit buttons, the confirmations, and a refused retry', async ({
      page,
    }) => {
      await nameReviewer(page, 'Dana')
      await page.goto(MIXED)
      const failedTile = page.locator('article', { hasText: 'Error' }).first()
      await failedTile.hover()
      await expect(failedTile.getByRole('button', { name: 'Retry metadata' })).toBeVisible()
      await expectNoViolations(page)
      await failedTile.getByRole('button', { name: 'Retry metadata' }).click()
      const confirm = page.getByRole('dialog', { name: 'Retry this image’s metadata?' })
      await expect(confirm).toBeVisible()
      await expectNoViolations(page)
      // The demo's public packs belong to another workspace: the retry is refused, per image.
      await confirm.getByRole('button', { name: 'Retry metadata' }).click()
      await expect(
        page.getByRole('region', { name: 'Metadata not retried for 1 image' }),
      ).toBeVisible()
      await expectNoViolations(page)
      await failedTile.hover()
      await failedTile.getByRole('button', { name: 'Remove from pack' }).click()
      await expect(page.getByRole('dialog', { name: /^Remove image #\d+ from / })).toBeVisible()
      await expectNoViolations(page)
    })

    test('empty pack', async ({ page }) => {
      await page.goto('/packs/5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e02')
      await expect(page.getByText('This pack has no images yet')).toBeVisible()
      await expectNoViolations(page)
    })
  })
}
