import type { Page } from '@playwright/test'

/** Where the app keeps the reviewer's name (REVIEWER_NAME_KEY in src/lib/reviewer-name.ts). */
const REVIEWER_NAME_KEY = 'pack-explorer:reviewer-name'

/** Gives the page's reviewer a name before any of its scripts run: no name dialog comes first. */
export async function nameReviewer(page: Page, name: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [REVIEWER_NAME_KEY, name],
  )
}
