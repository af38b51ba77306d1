import { expect, test } from '@playwright/test'
import { errorEnvelope, okEnvelope } from '../../contract/partner-api/envelope'
import { createImage, createPack, pendingMetadata } from '../../contract/partner-api/wire'
import { TEST_API_TOKEN, UPSTREAM_APP_PORT } from '../support/ports'
import { receivedRequests, scriptPack } from '../support/upstream'

test('shows the upstream’s pack through the proxy, which adds the key and drops the cookie', async ({
  page,
  context,
}) => {
  await context.addCookies([
    { name: 'session', value: 'browser-cookie-value', domain: 'localhost', path: '/' },
  ])
  const packId = await scriptPack([
    {
      status: 200,
      body: okEnvelope(
        createPack({
          id: '00000000-0000-0000-0000-000000000000',
          name: 'Upstream Pack',
          images: [createImage(), createImage({ metadata: pendingMetadata() })],
        }),
      ),
      headers: { 'set-cookie': 'tracker=1; Path=/' },
    },
  ])
  await page.goto(`/packs/${packId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Upstream Pack' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Images' }).locator('xpath=./li')).toHaveCount(2)

  const [request, ...rest] = await receivedRequests(packId)
  expect(rest).toEqual([])
  expect(request?.method).toBe('GET')
  expect(request?.url).toBe(`/api/partner/v1/packs/${packId}`)
  expect(request?.headers.authorization).toBe(`Bearer ${TEST_API_TOKEN}`)
  expect(request?.headers.cookie).toBeUndefined()
  // Nothing of the name the browser used reaches a real upstream.
  expect(request?.headers['x-forwarded-host']).toBeUndefined()
  expect(JSON.stringify(request?.headers)).not.toContain('localhost')
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['session'])
})

test('the key never reaches the browser', async ({ page }) => {
  const bodies: string[] = []
  page.on('response', async (response) => {
    bodies.push(JSON.stringify(await response.allHeaders()))
    bodies.push(await response.text().catch(() => ''))
  })
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: 'Key check' })) },
  ])
  await page.goto(`/packs/${packId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Key check' })).toBeVisible()
  await page.goto('/packs/00000000-0000-4000-8000-00000000ffff')
  await expect(page.getByRole('heading', { name: 'Pack not found' })).toBeVisible()
  await page.goto('/')
  await expect(page.getByLabel('Pack ID')).toBeVisible()

  expect(bodies.length).toBeGreaterThan(10)
  const secret = TEST_API_TOKEN.split('.')[1]!
  for (const body of bodies) expect(body).not.toContain(secret)
})

test('paths and methods the proxy does not forward never reach the upstream', async ({
  request,
}) => {
  const packId = await scriptPack([{ status: 200, body: okEnvelope(createPack()) }])
  const ownPage = { 'sec-fetch-site': 'same-origin' }
  const refused = [
    await request.get('/api/partner/v1/accounts'),
    await request.get('/api/partner/v1/packs/not-a-uuid'),
    await request.get(`/api/partner/v1/packs/${packId}/images`),
    await request.get('/api'),
    // As the app's own page would send a write (a write from anywhere else is refused first:
    // e2e/upstream/cross-site-writes.spec.ts).
    await request.post(`/api/partner/v1/packs/${packId}`, { data: {}, headers: ownPage }),
    await request.put(`/api/partner/v1/packs/${packId}`, { data: {}, headers: ownPage }),
  ]
  expect(refused.map((response) => response.status())).toEqual([404, 400, 405, 404, 405, 405])
  for (const response of refused) {
    expect(await response.json()).toMatchObject({ ok: false, error_code: expect.any(String) })
    expect(response.headers()['cross-origin-resource-policy']).toBe('same-origin')
  }
  const seen = await receivedRequests()
  expect(seen.filter((r) => r.url.includes('accounts') || r.url.includes('not-a-uuid'))).toEqual([])
  expect(await receivedRequests(packId)).toEqual([])
})

test('a 404 is asked once; a 401 explains that the key lives on the server', async ({ page }) => {
  const missing = await scriptPack([
    { status: 404, body: errorEnvelope(404, 'Pack not found', 'not_found') },
  ])
  await page.goto(`/packs/${missing}`)
  await expect(page.getByRole('heading', { name: 'Pack not found' })).toBeVisible()
  expect(await receivedRequests(missing)).toHaveLength(1)

  const unauthorized = await scriptPack([
    { status: 401, body: errorEnvelope(401, 'API key revoked') },
  ])
  await page.goto(`/packs/${unauthorized}`)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'API key not accepted' })).toBeVisible()
  await expect(alert).toContainText('configured on the server')
  await expect(alert).toContainText('API key revoked')
  expect(await receivedRequests(unauthorized)).toHaveLength(1)
})

test('429 is retried after Retry-After, three tries in all, then explained', async ({ page }) => {
  const packId = await scriptPack([
    {
      status: 429,
      body: errorEnvelope(429, 'Slow down', 'rate_limited'),
      headers: { 'retry-after': '1' },
    },
  ])
  await page.goto(`/packs/${packId}`)
  await expect(page.getByRole('heading', { name: 'Too many requests' })).toBeVisible({
    timeout: 10_000,
  })
  expect(await receivedRequests(packId)).toHaveLength(3)
})

test('a 5xx without an envelope is retried, then shown as unreachable; Retry recovers', async ({
  page,
}) => {
  const packId = await scriptPack([
    { status: 502, raw: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } },
    { status: 502, raw: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } },
    { status: 502, raw: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } },
    { status: 200, body: okEnvelope(createPack({ name: 'Back again' })) },
  ])
  await page.goto(`/packs/${packId}`)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'Genviral API unreachable' })).toBeVisible({
    timeout: 10_000,
  })
  await expect(alert).not.toContainText('bad gateway')
  expect(await receivedRequests(packId)).toHaveLength(3)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Back again' })).toBeVisible()
})

test('a slow upstream times out at the proxy with a 504 and the unreachable screen', async ({
  page,
}) => {
  test.slow()
  const packId = await scriptPack([{ status: 200, body: okEnvelope(createPack()), delayMs: 5_000 }])
  const first = page.waitForResponse(`**/api/partner/v1/packs/${packId}`)
  await page.goto(`/packs/${packId}`)
  expect((await first).status()).toBe(504)
  // The page's own request reads its body straight into a Blob, which DevTools does not
  // keep; the envelope is checked on a request of the test's own.
  const again = await page.request.get(`/api/partner/v1/packs/${packId}`)
  expect(await again.json()).toMatchObject({ error_code: 'upstream_timeout' })
  await expect(page.getByRole('heading', { name: 'Genviral API unreachable' })).toBeVisible({
    timeout: 20_000,
  })
})

test('a 200 that is not JSON is never relayed: 502 upstream_not_json, the unreachable screen', async ({
  page,
}) => {
  const packId = await scriptPack([
    { status: 200, raw: '<html>Sign in</html>', headers: { 'content-type': 'text/html' } },
  ])
  const first = page.waitForResponse(`**/api/partner/v1/packs/${packId}`)
  await page.goto(`/packs/${packId}`)
  expect((await first).status()).toBe(502)
  // The page's own request reads its body straight into a Blob; the envelope is checked on a
  // request of the test's own.
  const again = await page.request.get(`/api/partner/v1/packs/${packId}`)
  expect(await again.json()).toMatchObject({ error_code: 'upstream_not_json' })
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'Genviral API unreachable' })).toBeVisible({
    timeout: 10_000,
  })
  await expect(page.locator('body')).not.toContainText('Sign in')
})

test('the dev server answers on its configured port only through the proxy', async ({
  request,
}) => {
  const response = await request.get(`http://localhost:${UPSTREAM_APP_PORT}/app-config.json`)
  expect(await response.json()).toMatchObject({ demo: false, examples: [] })
})
