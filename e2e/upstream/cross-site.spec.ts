import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import { packPath } from '../../contract/partner-api/paths'
import { createPack } from '../../contract/partner-api/wire'
import { UPSTREAM_APP_PORT } from '../support/ports'
import { receivedRequests, scriptPack } from '../support/upstream'

// Another web page on this machine, served for real on a second origin, tries to read what
// the dev server's proxy answers with the key. `127.0.0.1:<port>` is another site than
// `localhost:5181`; `localhost:<port>` is the same site on another origin.

const APP = `http://localhost:${UPSTREAM_APP_PORT}`
const SECRET_NAME = 'Pack only the key can read'

async function otherPage(hostname: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>Another site</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, hostname, resolve))
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://${hostname}:${port}` }
}

interface Attempts {
  cors: string
  noCors: string
  img: string
  script: string
}

/** What a page can learn of `url` by fetch (both modes), `<img>` and `<script>`. */
function tryToRead(page: Page, url: string): Promise<Attempts> {
  return page.evaluate(async (target) => {
    const load = (tag: 'img' | 'script') =>
      new Promise<string>((resolve) => {
        const element = document.createElement(tag)
        element.onload = () => resolve('loaded')
        element.onerror = () => resolve('error')
        element.setAttribute('src', `${target}?as=${tag}`)
        document.body.append(element)
      })
    const cors = await fetch(target, { mode: 'cors' }).then(
      async (response) => `read ${response.status}: ${await response.text()}`,
      (error: Error) => `refused: ${error.name}`,
    )
    const noCors = await fetch(target, { mode: 'no-cors' }).then(
      async (response) => `${response.type} ${response.status}: ${await response.text()}`,
      (error: Error) => `refused: ${error.name}`,
    )
    return { cors, noCors, img: await load('img'), script: await load('script') }
  }, url)
}

test('a page on another site reads nothing of the proxy, and the proxy never asks the API', async ({
  page,
}) => {
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: SECRET_NAME })) },
  ])
  const other = await otherPage('127.0.0.1')
  try {
    await page.goto(other.origin)
    const attempts = await tryToRead(page, `${APP}${packPath(packId)}`)
    // Cross-Origin-Resource-Policy: same-origin: not even an opaque answer reaches the page.
    expect(attempts).toEqual({
      cors: 'refused: TypeError',
      noCors: 'refused: TypeError',
      img: 'error',
      script: 'error',
    })
    // Refused by the Fetch Metadata policy before the proxy: the key was never used. (The
    // refusals themselves are not visible here: CORP keeps them from the page, and from
    // Playwright's response events; server/dev-server.test.ts checks their status.)
    expect(await receivedRequests(packId)).toEqual([])

    // Vite's own endpoints too: an <img> cannot make it open an editor.
    // (A file that does not exist: without the policy, it would otherwise really open.)
    const editor = await tryToRead(page, `${APP}/__open-in-editor?file=no-such-file.ts`)
    expect(editor.cors).toBe('refused: TypeError')
  } finally {
    other.server.close()
  }
})

test('a page on another port of localhost cannot read the proxy’s answers (no CORS)', async ({
  page,
}) => {
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: SECRET_NAME })) },
  ])
  const other = await otherPage('localhost')
  try {
    await page.goto(other.origin)
    const attempts = await tryToRead(page, `${APP}${packPath(packId)}`)
    expect(attempts.cors).toBe('refused: TypeError')
    // Same site, so Fetch Metadata lets it through; CORP keeps even the opaque answer away.
    expect(attempts.noCors).toBe('refused: TypeError')
    expect(JSON.stringify(attempts)).not.toContain(SECRET_NAME)
  } finally {
    other.server.close()
  }
})

test('a link from another site still opens the app', async ({ page }) => {
  const packId = await scriptPack([
    { status: 200, body: okEnvelope(createPack({ name: SECRET_NAME })) },
  ])
  const other = await otherPage('127.0.0.1')
  try {
    await page.goto(other.origin)
    await page.evaluate((href) => {
      const link = document.createElement('a')
      link.href = href
      link.textContent = 'Open the pack'
      document.body.append(link)
    }, `${APP}/packs/${packId}`)
    await page.getByRole('link', { name: 'Open the pack' }).click()
    await expect(page.getByRole('heading', { level: 1, name: SECRET_NAME })).toBeVisible()
  } finally {
    other.server.close()
  }
})
