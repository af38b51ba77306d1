import { expect, test } from '@playwright/test'
import { DEMO_API_TOKEN } from '../../server/demo/demo-api'

const id = (suffix: string) => `00000000-0000-4000-8000-${suffix.padStart(12, '0')}`

const SCREENS = [
  {
    suffix: '400',
    title: 'Missing pack ID',
    status: '400',
    code: 'missing_pack_id',
    retry: false,
    plans: false,
  },
  {
    suffix: '401',
    title: 'API key not accepted',
    status: '401',
    code: 'invalid_token',
    retry: false,
    plans: false,
  },
  {
    suffix: '402',
    title: 'Subscription required',
    status: '402',
    code: 'subscription_required',
    retry: true,
    plans: true,
  },
  {
    suffix: '403',
    title: 'Partner API not included in your plan',
    status: '403',
    code: 'tier_not_allowed',
    retry: false,
    plans: true,
  },
  {
    suffix: '4030',
    title: 'Access denied',
    status: '403',
    code: 'forbidden',
    retry: false,
    plans: false,
    admin: true,
  },
  {
    suffix: '404',
    title: 'Pack not found',
    status: '404',
    code: 'not_found',
    retry: false,
    plans: false,
  },
  {
    suffix: '429',
    title: 'Too many requests',
    status: '429',
    code: 'rate_limited',
    retry: true,
    plans: false,
  },
  {
    suffix: '500',
    title: 'Pack could not be loaded',
    status: '500',
    code: 'pack_get_failed',
    retry: true,
    plans: false,
  },
  {
    suffix: '503',
    title: 'Genviral API unreachable',
    status: '503',
    code: 'The API sent no error code.',
    retry: true,
    plans: false,
  },
  {
    suffix: '299',
    title: 'Unexpected response from the API',
    status: '200',
    code: 'invalid_response',
    retry: true,
    plans: false,
  },
]

for (const screen of SCREENS) {
  const code = screen.code.includes(' ') ? 'without an error code' : screen.code
  test(`${screen.status} ${code}: "${screen.title}"`, async ({ page }) => {
    await page.goto(`/packs/${id(screen.suffix)}`)
    const alert = page.getByRole('alert')
    await expect(alert.getByRole('heading', { name: screen.title, exact: true })).toBeVisible({
      timeout: 15_000,
    })
    const details = alert.getByRole('definition')
    await expect(details.nth(1)).toHaveText(screen.code)
    await expect(details.nth(2)).toHaveText(screen.status)
    await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(screen.retry ? 1 : 0)
    await expect(alert.getByRole('link', { name: /See Genviral plans/ })).toHaveCount(
      screen.plans ? 1 : 0,
    )
    await expect(alert.getByRole('button', { name: 'Copy details for your admin' })).toHaveCount(
      'admin' in screen ? 1 : 0,
    )
    await expect(alert.getByRole('link', { name: 'Look up another pack' })).toHaveAttribute(
      'href',
      '/',
    )
  })
}

test('403 forbidden: the details for an admin are copied as plain text, without the key', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const packId = id('4030')
  await page.goto(`/packs/${packId}`)
  const alert = page.getByRole('alert')
  await alert.getByRole('button', { name: 'Copy details for your admin' }).click()
  await expect(alert.getByRole('button', { name: 'Copied' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(
    new RegExp(
      [
        '^Pack Explorer: Access denied',
        `Requested: pack ${packId}`,
        `Page: ${page.url().replaceAll('.', '\\.')}`,
        'HTTP status: 403',
        'Error code: forbidden',
        'API message: This key cannot read this pack',
        'Time: \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$',
      ].join('\n'),
    ),
  )
  expect(copied).not.toContain(DEMO_API_TOKEN)
  expect(copied).not.toContain(DEMO_API_TOKEN.split('.')[1])
})

test('the contract violation names the field', async ({ page }) => {
  await page.goto(`/packs/${id('299')}`)
  await expect(page.getByRole('alert')).toContainText('data.images.0.id')
})

test('a malformed ID in the URL is refused without a request', async ({ page }) => {
  const apiRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/partner/')) apiRequests.push(request.url())
  })
  await page.goto('/packs/not-a-real-id')
  await expect(
    page.getByRole('alert').getByRole('heading', { name: 'Invalid pack ID' }),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Look up another pack' }).click()
  await expect(page.getByLabel('Pack ID')).toBeVisible()
  expect(apiRequests).toEqual([])
})

test('429: each next try is counted down from Retry-After, then when Retry can help', async ({
  page,
}) => {
  test.slow() // Three tries a second apart, twice.
  const packId = id('429')
  let tries = 0
  let releaseSecond!: () => void
  const secondHeld = new Promise<void>((resolve) => (releaseSecond = resolve))
  await page.route(`**/api/partner/v1/packs/${packId}`, async (route) => {
    tries++
    // The second try waits here, so "now" stays on screen while it is under way.
    if (tries === 2) await secondHeld
    await route.continue()
  })
  await page.goto(`/packs/${packId}`)
  const loading = page.getByRole('status').filter({ hasText: 'Loading pack…' })
  await expect(loading).toContainText(
    'Loading pack… still trying (attempt 2 of 3). Trying again in 1 s…',
  )
  await expect(loading).toContainText('Trying again now…')
  expect(tries).toBe(2)
  releaseSecond()
  await expect(loading).toContainText('(attempt 3 of 3). Trying again in 1 s…')

  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'Too many requests' })).toBeVisible()
  expect(tries).toBe(3)
  // No automatic try is left: the screen says when a retry can get another answer.
  await expect(alert.getByRole('status')).toContainText('You can retry now.')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(loading).toContainText(
    'Loading pack… still trying (attempt 2 of 3). Trying again in 1 s…',
  )
  await expect(alert.getByRole('heading', { name: 'Too many requests' })).toBeVisible()
  expect(tries).toBe(6)
})
