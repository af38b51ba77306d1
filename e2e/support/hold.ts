import type { Page } from '@playwright/test'
import { PACKS_PATH } from '../../contract/partner-api/paths'

/**
 * Holds every pack answer until the returned function is called, so that the loading state
 * stays on screen for as long as a test needs it.
 */
export async function holdPackResponses(page: Page): Promise<() => void> {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**${PACKS_PATH}/**`, async (route) => {
    await held
    await route.continue().catch(() => {}) // The page may be gone by then.
  })
  return release
}
