import { expect, test } from '@playwright/test'

test('recently opened packs are listed on the home page and can be cleared', async ({ page }) => {
  await page.goto('/packs/11111111-1111-1111-1111-111111111111')
  await expect(page.getByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
  await page.goto('/packs/5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e02')
  await expect(page.getByRole('heading', { level: 1, name: 'Empty Draft Pack' })).toBeVisible()
  await page.goto('/')
  const recent = page.getByRole('region', { name: 'Recent packs' })
  await expect(recent.getByRole('link')).toHaveText([/Empty Draft Pack/, /Motivation Pack/])
  await recent.getByRole('link', { name: /Motivation Pack/ }).click()
  await expect(page).toHaveURL('/packs/11111111-1111-1111-1111-111111111111')
  await page.goto('/')
  await page.getByRole('button', { name: 'Clear recent packs' }).click()
  await expect(page.getByRole('region', { name: 'Recent packs' })).toHaveCount(0)
  await expect(page.getByLabel('Pack ID')).toBeFocused()
})
