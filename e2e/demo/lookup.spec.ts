import { expect, test } from '@playwright/test'

const MOTIVATION = '11111111-1111-1111-1111-111111111111'

test.describe('lookup', () => {
  test('rejects text without a pack ID inline, without a request', async ({ page }) => {
    const apiRequests: string[] = []
    page.on('request', (request) => {
      // Pack requests only: the home page's browse list asks for the list of packs.
      if (request.url().includes('/api/partner/v1/packs/')) apiRequests.push(request.url())
    })
    await page.goto('/')
    const field = page.getByLabel('Pack ID')
    await field.fill('motivation pack please')
    await page.getByRole('button', { name: 'Open pack' }).click()
    await expect(page.getByRole('alert')).toContainText('No pack ID found')
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(page).toHaveURL('/')

    await field.fill('')
    await field.press('Enter')
    await expect(page.getByRole('alert')).toContainText('Enter a pack ID')
    expect(apiRequests).toEqual([])
  })

  test('opens a pack from a pasted link', async ({ page }) => {
    await page.goto('/')
    await page
      .getByLabel('Pack ID')
      .fill(`Look at https://www.genviral.io/packs/${MOTIVATION.toUpperCase()} !`)
    await page.getByRole('button', { name: 'Open pack' }).click()
    await expect(page).toHaveURL(`/packs/${MOTIVATION}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  })

  test('opens a pack from a bare ID with the keyboard', async ({ page }) => {
    await page.goto('/')
    await page.getByLabel('Pack ID').fill(MOTIVATION)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  })

  test('shows the demo banner on every page', async ({ page }) => {
    for (const path of ['/', `/packs/${MOTIVATION}`, '/no/such/page']) {
      await page.goto(path)
      await expect(page.getByText('Demo data', { exact: false })).toBeVisible()
    }
  })

  test('answers unknown addresses with a not-found page and a way home', async ({ page }) => {
    await page.goto('/no/such/page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Go to pack lookup' }).click()
    await expect(page.getByLabel('Pack ID')).toBeVisible()
  })
})
