import { expect, test } from '@playwright/test'
import { errorEnvelope, okEnvelope } from '../../contract/partner-api/envelope'
import { createPack } from '../../contract/partner-api/wire'
import { receivedRequests, scriptPack } from '../support/upstream'

const ok = (name: string) => ({ status: 200, body: okEnvelope(createPack({ name })) })
/** Milliseconds between the requests the upstream received for `packId`. */
const gaps = async (packId: string) =>
  (await receivedRequests(packId)).map((r, i, all) => r.at - (all[i - 1]?.at ?? r.at)).slice(1)

test('a truncated JSON body gets the unexpected-response screen after one request', async ({
  page,
}) => {
  const full = JSON.stringify(okEnvelope(createPack({ name: 'Cut off' })))
  const packId = await scriptPack([
    {
      status: 200,
      raw: full.slice(0, full.length / 2),
      headers: { 'content-type': 'application/json' },
    },
  ])
  await page.goto(`/packs/${packId}`)
  await expect(
    page.getByRole('alert').getByRole('heading', { name: 'Unexpected response from the API' }),
  ).toBeVisible()
  expect(await receivedRequests(packId)).toHaveLength(1)
})

test('500, 503 and 502 are tried three times in all, with growing gaps', async ({ page }) => {
  test.slow()
  const packId = await scriptPack([
    { status: 500, body: errorEnvelope(500, 'Internal error') },
    { status: 503, raw: 'Service Unavailable', headers: { 'content-type': 'text/plain' } },
    { status: 502, raw: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } },
  ])
  // Opened from the lookup form: a page opened on the pack link sends its first request
  // before the app has loaded, which would blur the first gap.
  await page.goto('/')
  await page.getByLabel('Pack ID').fill(packId)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Genviral API unreachable' })).toBeVisible({
    timeout: 15_000,
  })
  await page.waitForTimeout(1_500) // No fourth try comes later either.
  const [first, second, ...more] = await gaps(packId)
  expect(more).toEqual([])
  expect(first).toBeGreaterThanOrEqual(900)
  expect(second).toBeGreaterThan(first! + 500)
})

for (const form of ['delta-seconds', 'HTTP-date'] as const) {
  test(`429 with Retry-After as ${form}: the next try waits for it`, async ({ page }) => {
    // An HTTP-date has whole seconds: 3 s ahead is 2 to 3 s ahead, counted from now.
    const until = new Date(Date.now() + 3_000).toUTCString()
    const packId = await scriptPack([
      {
        status: 429,
        body: errorEnvelope(429, 'Slow down', 'rate_limited'),
        headers: { 'retry-after': form === 'HTTP-date' ? until : '2' },
      },
      ok('After the wait'),
    ])
    await page.goto(`/packs/${packId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'After the wait' })).toBeVisible({
      timeout: 10_000,
    })
    const [first, second, ...more] = await receivedRequests(packId)
    expect(more).toEqual([])
    if (form === 'delta-seconds') expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_900)
    // Not before the date it named, however long the page took to ask the first time.
    else expect(second!.at).toBeGreaterThanOrEqual(Date.parse(until) - 100)
  })
}

test('every other 4xx is asked exactly once', async ({ page }) => {
  test.slow()
  for (const status of [400, 402, 403, 404, 405, 409, 410, 413, 418, 422, 451]) {
    const packId = await scriptPack([{ status, body: errorEnvelope(status, `Refused ${status}`) }])
    await page.goto(`/packs/${packId}`)
    await expect(page.getByRole('alert')).toBeVisible()
    // Longer than the first retry's gap (1 s): a retry would have been sent by now.
    await page.waitForTimeout(1_300)
    expect(await receivedRequests(packId), `HTTP ${status}`).toHaveLength(1)
  }
})

test('a dropped connection gets the unreachable screen; Retry works once it is back', async ({
  page,
}) => {
  test.slow()
  const packId = await scriptPack([ok('Reconnected')])
  await page.route('**/api/partner/v1/packs/**', (route) => route.abort('connectionreset'))
  await page.goto(`/packs/${packId}`)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'Genviral API unreachable' })).toBeVisible({
    timeout: 15_000,
  })
  await page.unroute('**/api/partner/v1/packs/**')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reconnected' })).toBeVisible()
  expect(await receivedRequests(packId)).toHaveLength(1)
})

test('switching packs quickly never shows the previous pack under the new URL', async ({
  page,
}) => {
  // Under the suite's 2 s proxy timeout.
  const slow = await scriptPack([{ ...ok('Slow pack'), delayMs: 1_500 }])
  const fast = await scriptPack([ok('Fast pack')])
  await page.goto('/')
  await page.getByLabel('Pack ID').fill(slow)
  await page.keyboard.press('Enter')
  await expect(page.getByText('Loading pack…')).toBeVisible()
  await page.getByRole('link', { name: 'Pack Explorer' }).first().click()
  await page.getByLabel('Pack ID').fill(fast)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Fast pack' })).toBeVisible()
  // The slow answer arrives meanwhile and must change nothing.
  expect(await receivedRequests(slow)).toHaveLength(1)
  await page.waitForTimeout(2_000)
  await expect(page).toHaveURL(new RegExp(`/packs/${fast}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fast pack')
  await expect(page.getByText('Slow pack')).toHaveCount(0)
  // Back shows the slow pack under its own URL.
  await page.goBack()
  await page.goBack()
  await expect(page.getByText('Loading pack…')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/packs/${slow}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Slow pack')
})
