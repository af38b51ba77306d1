import { expect, test, type Page } from '@playwright/test'
import { DEMO_PACK_IDS } from '../../server/demo/fixtures'
import { holdPackResponses } from '../support/hold'

/**
 * Presses Tab until `target` has focus (at most `limit` times), checking on every stop that
 * the focused element shows a focus indicator.
 */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return null
      const style = getComputedStyle(element)
      return {
        name: element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40),
        visible:
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none',
      }
    })
    // Null: focus left the document for the browser's own controls, as Tab does at the end.
    if (focus) expect(focus.visible, `focus indicator on ${focus.name}`).toBe(true)
  }
  throw new Error(`Tab never reached ${String(target)}`)
}

test('keyboard only: lookup, pack, filter, open an image, next, close', async ({ page }) => {
  await page.goto('/')
  await tabTo(page, page.getByLabel('Pack ID'))
  await page.keyboard.type(DEMO_PACK_IDS.mixed)
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Summer Launch Campaign' }),
  ).toBeVisible()

  const errorFilter = page.getByRole('button', { name: /^Error \(\d+\)$/ })
  await tabTo(page, errorFilter)
  await page.keyboard.press('Space')
  await expect(errorFilter).toHaveAttribute('aria-pressed', 'true')
  await expect(page).toHaveURL(/status=error/)

  const firstCard = page.locator('[data-card-link]').first()
  const firstName = await firstCard.getAttribute('aria-label')
  await tabTo(page, firstCard)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAccessibleName(firstName!.replace('Open image', 'Image'))
  // The dialog opens on its title, so an early Enter does not move to another image.
  await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused()

  await tabTo(page, dialog.getByRole('link', { name: 'Next image' }))
  await page.keyboard.press('Enter')
  await expect(dialog).not.toHaveAccessibleName(firstName!.replace('Open image', 'Image'))
  const shown = (await dialog.getAttribute('aria-labelledby'))!
  const shownName = await page.locator(`[id="${shown}"]`).textContent()

  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  // Focus returns to the card of the image the dialog showed last.
  await expect(page.locator(':focus')).toHaveAttribute(
    'aria-label',
    `Open ${shownName!.trim().replace(/^Image/, 'image')}`,
  )
})

test('with reduced motion requested, nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const release = await holdPackResponses(page)
  await page.goto(`/packs/${DEMO_PACK_IDS.generating}`)
  await expect(page.getByRole('status')).toHaveText('Loading pack…')
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)
  release()
  // The generating pack has a live indicator and a progress bar.
  await expect(page.locator('[data-image-id]').first()).toBeVisible()
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)

  // Without the preference, the same screens do animate: the check above can fail.
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0)
})
