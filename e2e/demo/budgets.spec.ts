import { expect, test } from '@playwright/test'
import { sizedPackId } from '../../server/demo/fixtures'

// Budgets that do not vary between machines: how much of a huge pack is in the document.
test('a 10,000-image pack keeps the document small at the top, middle and end', async ({
  page,
}) => {
  test.slow()
  await page.goto(`/packs/${sizedPackId(10_000)}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Generated Pack (10,000 images)',
    {
      timeout: 30_000,
    },
  )
  await expect(page.getByText('Showing 10,000 of 10,000 images')).toBeVisible()

  for (const at of [0, 0.5, 1]) {
    await page.evaluate((fraction) => {
      window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * fraction)
    }, at)
    // Let the virtualizer render the rows for this position.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const items = [...document.querySelectorAll('ul[aria-label="Images"] > li')]
          return items.some((li) => {
            const box = li.getBoundingClientRect()
            return box.bottom > 0 && box.top < window.innerHeight
          })
        }),
      )
      .toBe(true)
    const counts = await page.evaluate(() => ({
      elements: document.getElementsByTagName('*').length,
      images: document.getElementsByTagName('img').length,
      cards: document.querySelectorAll('ul[aria-label="Images"] > li').length,
    }))
    expect(counts.elements, `elements at ${at * 100}%`).toBeLessThan(1500)
    expect(counts.images, `images at ${at * 100}%`).toBeLessThan(200)
    expect(counts.cards).toBeGreaterThan(0)
  }
  await expect(page.getByRole('article', { name: 'Image #10000' })).toBeVisible()
})
