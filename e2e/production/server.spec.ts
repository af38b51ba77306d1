import { expect, test } from '@playwright/test'
import { DEMO_PACK_IDS } from '../../server/demo/fixtures'
import { SECURITY_HEADERS } from '../../server/security-headers'
import { okEnvelope } from '../../contract/partner-api/envelope'
import { createImage, createPack } from '../../contract/partner-api/wire'
import { TEST_API_TOKEN, TEST_UPSTREAM_URL } from '../support/ports'
import { spawnProductionServer, startProductionServer } from '../support/production-server'
import { receivedRequests, scriptPack } from '../support/upstream'

// `npm start` itself: the suite's production server (demo mode, no access control), and
// servers this file starts with a key pointed at the suite's test upstream.

const keyed = { GENVIRAL_API_TOKEN: TEST_API_TOKEN, GENVIRAL_API_BASE_URL: TEST_UPSTREAM_URL }
const upstreamPack = (name: string) =>
  okEnvelope(createPack({ name, images: [createImage(), createImage()] }))

test('serves client routes, caches hashed assets for good, compresses, answers /healthz', async ({
  request,
}) => {
  const page = await request.get(`/packs/${DEMO_PACK_IDS.mixed}/images/anything`)
  expect(page.status()).toBe(200)
  expect(page.headers()['cache-control']).toBe('no-cache')
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(page.headers()[name]).toBe(value)
  }
  const html = await page.text()
  expect(html).toContain('<div id="root"></div>')

  const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  expect(script).toBeDefined()
  const asset = await request.get(script!, { headers: { 'accept-encoding': 'br, gzip' } })
  expect(asset.status()).toBe(200)
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(asset.headers()['content-encoding']).toBe('br')
  expect(asset.headers()['content-security-policy']).toBe(
    SECURITY_HEADERS['content-security-policy'],
  )
  // An asset that is not there is not the app's page.
  expect((await request.get('/assets/gone-1234.js')).status()).toBe(404)

  const health = await request.get('/healthz')
  expect(health.status()).toBe(200)
  expect(await health.json()).toEqual({ ok: true })
})

test('the main journey: browse, open a pack and an image, and come back', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: /search packs/i }).fill('Summer')
  await expect(page).toHaveURL(/\?q=Summer/)
  await page
    .getByRole('link', { name: /Summer Launch Campaign/ })
    .last()
    .click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Summer Launch Campaign' }),
  ).toBeVisible()
  await page.locator('[data-card-link]').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // Back past the closed dialog, the dialog and the pack: the search is where it was.
  for (let step = 0; step < 3; step++) await page.goBack()
  await expect(page).toHaveURL(/\/\?q=Summer$/)
  await expect(page.getByRole('searchbox', { name: /search packs/i })).toHaveValue('Summer')
})

test.describe('with a key and Basic auth', () => {
  let server: Awaited<ReturnType<typeof startProductionServer>>
  test.beforeAll(async () => {
    server = await startProductionServer({
      ...keyed,
      PORT: '5183',
      PACK_EXPLORER_BASIC_AUTH: 'reviewer:correct horse battery',
    })
  })
  test.afterAll(async () => server?.stop())

  test('asks for credentials, and with them proxies to the API with the key', async ({
    browser,
    request,
  }) => {
    const packId = await scriptPack([{ status: 200, body: upstreamPack('Guarded Pack') }])
    const apiPath = `/api/partner/v1/packs/${packId}`
    for (const authorization of [undefined, `Basic ${btoa('reviewer:wrong')}`]) {
      const refused = await request.get(`${server.url}${apiPath}`, {
        headers: authorization ? { authorization } : {},
      })
      expect(refused.status()).toBe(401)
      expect(refused.headers()['www-authenticate']).toMatch(/^Basic realm="Pack Explorer"/)
    }
    expect(await receivedRequests(packId)).toEqual([])
    // Load balancers have no credentials.
    expect((await request.get(`${server.url}/healthz`)).status()).toBe(200)
    // Behind auth, hashed assets are for the browser's cache only, not a shared one.
    const credentials = { authorization: `Basic ${btoa('reviewer:correct horse battery')}` }
    const html = await (await request.get(`${server.url}/`, { headers: credentials })).text()
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    const asset = await request.get(`${server.url}${script}`, { headers: credentials })
    expect(asset.status()).toBe(200)
    expect(asset.headers()['cache-control']).toBe('private, max-age=31536000, immutable')

    const context = await browser.newContext({
      baseURL: server.url,
      httpCredentials: { username: 'reviewer', password: 'correct horse battery' },
    })
    const page = await context.newPage()
    await page.goto(`/packs/${packId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Guarded Pack' })).toBeVisible()
    await context.close()
    const received = await receivedRequests(packId)
    expect(received.length).toBeGreaterThan(0)
    // The key, never the reviewer's credentials.
    for (const { headers } of received)
      expect(headers.authorization).toBe(`Bearer ${TEST_API_TOKEN}`)
  })
})

test('SIGTERM: the request in flight is answered, then the server stops', async ({ browser }) => {
  const server = await startProductionServer({ ...keyed, PORT: '5184' })
  try {
    const packId = await scriptPack([
      { status: 200, delayMs: 2500, body: upstreamPack('Slow Pack') },
    ])
    const page = await browser.newPage({ baseURL: server.url })
    await page.goto(`/packs/${packId}`)
    // The page's code is loaded and the pack's request waits at the upstream.
    await expect(page.getByRole('status')).toHaveText(/Loading pack/)
    await expect.poll(() => receivedRequests(packId)).toHaveLength(1)
    server.child.kill('SIGTERM')
    await expect(page.getByRole('heading', { level: 1, name: 'Slow Pack' })).toBeVisible()
    expect(await server.exited).toBe(0)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
    expect(server.output()).toContain('SIGTERM')
    await page.close()
  } finally {
    await server.stop()
  }
})

test('refuses to listen beyond loopback with a key and no access control', async () => {
  const server = spawnProductionServer({ ...keyed, HOST: '0.0.0.0', PORT: '5185' })
  expect(await server.exited).toBe(1)
  expect(server.output()).toMatch(/PACK_EXPLORER_BASIC_AUTH/)
  expect(server.output()).toMatch(/PACK_EXPLORER_TRUST_PROXY_AUTH/)
  await expect(fetch('http://127.0.0.1:5185/healthz')).rejects.toThrow()
})

test('without PACK_EXPLORER_WRITE_ACCESS, the pack edits are disabled and say why', async ({
  browser,
}) => {
  const server = await startProductionServer({ ...keyed, PORT: '5186' })
  try {
    const packId = await scriptPack([{ status: 200, body: upstreamPack('Locked Pack') }])
    const page = await browser.newPage({ baseURL: server.url })
    await page.goto(`/packs/${packId}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Locked Pack' })).toBeVisible()
    const actions = page.getByRole('toolbar', { name: 'Pack actions' })
    for (const name of ['Add images', 'Rename', 'Make public', 'Delete pack']) {
      await expect(actions.getByRole('button', { name })).toBeDisabled()
      await expect(actions.getByRole('button', { name })).toHaveAttribute(
        'title',
        'Editing is turned off on this server',
      )
    }
    await expect(page.getByText('Editing is turned off on this server')).toBeVisible()
    // And on the images: a tile's edit buttons, and the Selection toolbar's.
    const tile = page.getByRole('article', { name: 'Image #1' })
    await tile.hover()
    const remove = tile.getByRole('button', { name: 'Remove from pack' })
    await expect(remove).toBeDisabled()
    await expect(remove).toHaveAttribute('title', 'Editing is turned off on this server')
    await page.getByRole('button', { name: 'Select all 2 shown' }).click()
    await expect(
      page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Remove 2' }),
    ).toBeDisabled()
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'New pack' })).toBeDisabled()
    await expect(page.getByText('Editing is turned off on this server')).toBeVisible()
    // And the server refuses a write that goes around the page.
    const refused = await page.evaluate(
      (id) =>
        fetch(`/api/partner/v1/packs/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-pack-explorer-reviewer': 'Dana' },
          body: JSON.stringify({ name: 'Forced' }),
        }).then(async (response) => [response.status, (await response.json()).error_code]),
      packId,
    )
    expect(refused).toEqual([403, 'writes_disabled'])
    expect((await receivedRequests(packId)).map((request) => request.method)).toEqual(['GET'])
    await page.close()
  } finally {
    await server.stop()
  }
})
