import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  expect,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import { reviewImagePath, reviewPackPath } from '../../contract/review-api/paths'
import { UPSTREAM_APP_PORT } from '../support/ports'
import { receivedRequests } from '../support/upstream'

// A page on another origin, served for real, tries to record a review decision on the dev
// server (what a page on the web could try against someone's `localhost:5173`): a form post,
// as text/plain (a body shaped like JSON) and urlencoded, and `no-cors` fetches. Chromium
// sends what it sends; server/same-origin-writes.ts must refuse all of it.

const APP = `http://localhost:${UPSTREAM_APP_PORT}`

async function otherPage(hostname: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>Another site</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, hostname, resolve))
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://${hostname}:${port}` }
}

/**
 * Every answer the browser got for `url`, as `METHOD status`, from Chromium's own network
 * log: Cross-Origin-Resource-Policy hides a no-cors answer from the page (and from
 * Playwright's response events), not from the DevTools protocol.
 */
async function recordAnswers(context: BrowserContext, page: Page, url: string) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  // The two events of a request may come in either order: joined when asked.
  const methods = new Map<string, string>()
  const statuses = new Map<string, number>()
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url === url) methods.set(event.requestId, event.request.method)
  })
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    statuses.set(event.requestId, event.statusCode)
  })
  return () =>
    [...methods].flatMap(([id, method]) =>
      statuses.has(id) ? [`${method} ${statuses.get(id)}`] : [],
    )
}

/** What the server knows of the pack's decisions, asked the way the app asks. */
async function decisions(request: APIRequestContext, packId: string): Promise<unknown[]> {
  const answer = await request.get(`${APP}${reviewPackPath(packId)}`)
  expect(answer.status()).toBe(200)
  return ((await answer.json()) as { data: { images: unknown[] } }).data.images
}

/** Submits a form from the page; the answer is the page it navigates to. */
async function postForm(page: Page, target: string, enctype: string) {
  const answer = page.waitForResponse((response) => response.url() === target)
  await page.evaluate(
    ({ action, type }) => {
      const form = document.createElement('form')
      form.method = 'POST'
      form.action = action
      form.enctype = type
      const field = document.createElement('input')
      field.type = 'hidden'
      // As text/plain this sends `{"decision":"approved",...,"pad":"="}`: JSON, if anyone read it.
      field.name = '{"decision":"approved","fingerprint":"forged","reviewer":"Mallory","pad":"'
      field.value = '"}'
      form.append(field)
      document.body.append(form)
      form.submit()
    },
    { action: target, type: enctype },
  )
  const response = await answer
  return { status: response.status(), body: (await response.json()) as { error_code?: string } }
}

/** `no-cors` fetches: a PUT (which Chromium will not even send) and the POSTs it will. */
function noCorsFetches(page: Page, target: string): Promise<string[]> {
  return page.evaluate(async (url) => {
    const body = JSON.stringify({
      decision: 'approved',
      fingerprint: 'forged',
      reviewer: 'Mallory',
    })
    const attempts: RequestInit[] = [
      { method: 'PUT', body, headers: { 'content-type': 'application/json' } },
      { method: 'POST', body, headers: { 'content-type': 'text/plain' } },
      { method: 'POST', body: new URLSearchParams({ decision: 'approved' }) },
    ]
    const results: string[] = []
    for (const init of attempts) {
      results.push(
        await fetch(url, { ...init, mode: 'no-cors', credentials: 'include' }).then(
          (response) => `${init.method} answered: ${response.type}`,
          (error: Error) => `${init.method} refused: ${error.name}`,
        ),
      )
    }
    return results
  }, target)
}

for (const [where, hostname] of [
  ['another site (127.0.0.1)', '127.0.0.1'],
  ['another port of localhost (same site)', 'localhost'],
] as const) {
  test(`a page on ${where} cannot record a decision`, async ({ context, page, request }) => {
    const packId = randomUUID()
    const imageId = randomUUID()
    const target = `${APP}${reviewImagePath(packId, imageId)}`
    const answers = await recordAnswers(context, page, target)
    const other = await otherPage(hostname)
    try {
      for (const enctype of ['text/plain', 'application/x-www-form-urlencoded']) {
        await page.goto(other.origin)
        const answer = await postForm(page, target, enctype)
        expect(answer, enctype).toEqual({
          status: 403,
          body: expect.objectContaining({ error_code: 'cross_site_request' }),
        })
      }
      await page.goto(other.origin)
      // Cross-Origin-Resource-Policy keeps even an opaque answer from the page.
      expect(await noCorsFetches(page, target)).toEqual([
        'PUT refused: TypeError',
        'POST refused: TypeError',
        'POST refused: TypeError',
      ])
      // Two forms and two fetches reached the server, each refused; the PUT was never sent.
      await expect.poll(answers).toEqual(['POST 403', 'POST 403', 'POST 403', 'POST 403'])
      expect(await decisions(request, packId)).toEqual([])
    } finally {
      other.server.close()
    }
  })
}

test('the app’s own page records a decision, which no other page can then change', async ({
  page,
  request,
}) => {
  const packId = randomUUID()
  const imageId = randomUUID()
  const target = `${APP}${reviewImagePath(packId, imageId)}`
  await page.goto(APP)
  const status = await page.evaluate(
    (url) =>
      fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ decision: 'approved', fingerprint: 'seen', reviewer: 'Dana' }),
      }).then((response) => response.status),
    target,
  )
  expect(status).toBe(200)
  const other = await otherPage('localhost')
  try {
    await page.goto(other.origin)
    expect((await postForm(page, target, 'text/plain')).status).toBe(403)
    await page.goto(other.origin)
    await noCorsFetches(page, target)
  } finally {
    other.server.close()
  }
  expect(await decisions(request, packId)).toEqual([
    expect.objectContaining({ image_id: imageId, decision: 'approved', reviewer: 'Dana' }),
  ])
})

// The same for every Partner API write the proxy forwards, and the upload relay: none may be
// made from another page. Forms and `no-cors` fetches can only POST; PATCH and DELETE need a
// CORS preflight, which the server never grants, so Chromium does not send them at all.
for (const [where, hostname] of [
  ['another site (127.0.0.1)', '127.0.0.1'],
  ['another port of localhost (same site)', 'localhost'],
] as const) {
  test(`a page on ${where} cannot change a pack through the proxy`, async ({ context, page }) => {
    const packId = randomUUID()
    const imageId = randomUUID()
    const pack = `${APP}/api/partner/v1/packs/${packId}`
    const posts = [
      `${APP}/api/partner/v1/packs`,
      `${pack}/images`,
      `${APP}/api/partner/v1/files`,
      `${APP}/api/uploads/${packId}`,
    ]
    const answers = await Promise.all(posts.map((url) => recordAnswers(context, page, url)))
    const other = await otherPage(hostname)
    try {
      for (const target of posts) {
        for (const enctype of ['text/plain', 'application/x-www-form-urlencoded']) {
          await page.goto(other.origin)
          expect(await postForm(page, target, enctype), `${target} ${enctype}`).toEqual({
            status: 403,
            body: expect.objectContaining({ error_code: 'cross_site_request' }),
          })
        }
        await page.goto(other.origin)
        expect(await noCorsFetches(page, target)).toEqual([
          'PUT refused: TypeError',
          'POST refused: TypeError',
          'POST refused: TypeError',
        ])
      }
      const preflighted = await page.evaluate(
        async (urls) =>
          Promise.all(
            urls.map(([method, url]) =>
              fetch(url!, {
                method,
                headers: { 'content-type': 'application/json' },
                body: method === 'PATCH' ? '{"name":"Hijacked"}' : undefined,
                credentials: 'include',
              }).then(
                (response) => `${method} answered ${response.status}`,
                (error: Error) => `${method} refused: ${error.name}`,
              ),
            ),
          ),
        [
          ['PATCH', pack],
          ['DELETE', pack],
          ['DELETE', `${pack}/images/${imageId}`],
        ],
      )
      expect(preflighted).toEqual([
        'PATCH refused: TypeError',
        'DELETE refused: TypeError',
        'DELETE refused: TypeError',
      ])
      // Each target: two forms and two fetches reached the server, and each was refused.
      for (const answered of answers) {
        await expect.poll(answered).toEqual(['POST 403', 'POST 403', 'POST 403', 'POST 403'])
      }
      expect(await receivedRequests(packId)).toEqual([])
    } finally {
      other.server.close()
    }
  })
}
