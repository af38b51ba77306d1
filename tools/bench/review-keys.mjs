// The review workbench in the browser (issue 14): a key press deciding an image, and the
// decisions of a pack arriving. Every image of the pack but the first UNREVIEWED is approved
// through the review API beforehand, so the page loads a pack's worth of decisions. Then:
// - keys: the first tile is focused and `a` pressed PRESSES times (Auto-advance is on), each
//   press timed from its keydown to the frame that shows the tile's `Approved` badge with the
//   focus on the next tile, and the worst Event Timing interaction of the presses;
// - decisions: the review API's first answer is held until the pack is painted, then let go;
//   from its last byte to the painted `Reviewed x of y`, the long tasks (the merge).
import { reviewImagePath, reviewPackPath } from '../../contract/review-api/paths.ts'
import { fingerprintOf } from '../../contract/review-api/fingerprint.ts'
import { packPath } from '../../contract/partner-api/paths.ts'
import { paintedDecision, watchDecision, watchReviewed } from './probes.mjs'

export const UNREVIEWED = 10
export const PRESSES = 5
export const KEY_HOLD_MS = 80
const SEED_CONCURRENCY = 10

/** @typedef {{ name: string, id: number, start: number, duration: number, processingStart: number, processingEnd: number }} KeyEvent */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (/** @type {number} */ value) => Number(value.toFixed(1))

/**
 * Approves every image of the pack but the first UNREVIEWED, on the metadata it has now.
 * Returns the pack's image IDs in order.
 * @param {{ origin: string, packId: string }} options
 */
export async function seedDecisions({ origin, packId }) {
  const response = await fetch(`${origin}${packPath(packId)}`)
  if (!response.ok) throw new Error(`seeding decisions: pack HTTP ${response.status}`)
  /** @type {{ id: string }[]} */
  const images = (await response.json()).data.images
  const decided = images.slice(UNREVIEWED)
  let next = 0
  const worker = async () => {
    while (next < decided.length) {
      const image = /** @type {any} */ (decided[next++])
      await writeDecision(origin, packId, image.id, {
        decision: 'approved',
        fingerprint: fingerprintOf(image),
        reviewer: 'Bench',
      })
    }
  }
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker))
  return images.map((image) => image.id)
}

/**
 * Clears the decisions of the first UNREVIEWED images, which a run's key presses made.
 * @param {{ origin: string, packId: string, imageIds: string[] }} options
 */
export async function resetDecisions({ origin, packId, imageIds }) {
  for (const id of imageIds.slice(0, UNREVIEWED)) {
    await writeDecision(origin, packId, id, {
      decision: null,
      fingerprint: 'v1.reset',
      reviewer: 'Bench',
    })
  }
}

/** @param {string} origin @param {string} packId @param {string} imageId @param {object} body */
async function writeDecision(origin, packId, imageId, body) {
  const response = await fetch(`${origin}${reviewImagePath(packId, imageId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`decision on ${imageId}: HTTP ${response.status}`)
  await response.arrayBuffer()
}

/**
 * PRESSES presses of `a` from the first tile of a loaded pack page; `page` has the probes.
 * @param {import('@playwright/test').Page} page
 * @param {{ imageIds: string[], total: number, packId: string }} options
 */
export async function measureKeys(page, { imageIds, total, packId }) {
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('[role="progressbar"][aria-label="Images reviewed"]')
        ?.getAttribute('aria-valuenow') === String(expected),
    total - UNREVIEWED,
    { polling: 50, timeout: 60_000 },
  )
  const loaded = await page.evaluate(
    ({ reviewPath }) => {
      const request = /** @type {PerformanceResourceTiming[]} */ (
        performance.getEntriesByType('resource')
      ).find((entry) => new URL(entry.name).pathname === reviewPath)
      return request
        ? { request: request.responseEnd - request.startTime, responseEnd: request.responseEnd }
        : null
    },
    { reviewPath: reviewPackPath(packId) },
  )
  await page.locator('[data-image-id] [data-card-link]').first().focus()
  await sleep(300)
  const from = await page.evaluate(() => performance.now())
  /** @type {number[]} */
  const toPainted = []
  for (let press = 0; press < PRESSES; press++) {
    await page.evaluate(watchDecision, {
      imageId: /** @type {string} */ (imageIds[press]),
      nextImageId: /** @type {string} */ (imageIds[press + 1]),
      label: 'Approved',
    })
    // Held as long as a typist holds a key, so the keyup is its own event after the keydown's paint.
    await page.keyboard.press('a', { delay: KEY_HOLD_MS })
    await page.waitForFunction(
      () => /** @type {any} */ (window).__bench.decision?.mark != null,
      null,
      {
        polling: 50,
        timeout: 10_000,
      },
    )
    await sleep(100) // for the frame's long-animation-frame entry
    toPainted.push(round(await page.evaluate(paintedDecision)))
    await sleep(250)
  }
  const to = await page.evaluate(() => performance.now())
  /** @type {KeyEvent[]} */
  const events = await page.evaluate(() => /** @type {any} */ (window).__bench.events)
  /** @type {Map<number, KeyEvent>} The longest entry of each interaction. */
  const byId = new Map()
  for (const event of events) {
    if (event.start < from || event.start >= to || !event.name.startsWith('key')) continue
    const longest = byId.get(event.id)
    if (!longest || event.duration > longest.duration) byId.set(event.id, event)
  }
  const interactions = [...byId.values()].map((event) => event.duration)
  const worst = [...byId.values()].sort((a, b) => b.duration - a.duration)[0]
  return {
    // Event Timing only reports interactions of 16 ms or more; none means all were shorter.
    keyWorst: Math.max(0, ...interactions),
    interactions,
    // Where the worst one's time went: waiting for the main thread, its event handlers (and
    // the render they ran), then from the handlers' end to the frame presented.
    worstParts: {
      name: worst?.name ?? null,
      inputDelay: worst ? round(worst.processingStart - worst.start) : 0,
      processing: worst ? round(worst.processingEnd - worst.processingStart) : 0,
      presentation: worst ? round(worst.start + worst.duration - worst.processingEnd) : 0,
    },
    toPaintedWorst: Math.max(...toPainted),
    toPainted,
    reviewRequest: loaded ? round(loaded.request) : null,
  }
}

/**
 * The first review answer held until the pack is painted, then let go: from its last byte to
 * the painted `Reviewed x of y`, the long tasks and the time.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ url: string, packId: string, reviewed: number, waitForLoad: (page: import('@playwright/test').Page) => Promise<void> }} options
 */
export async function measureDecisionsArriving(context, { url, packId, reviewed, waitForLoad }) {
  const reviewPath = reviewPackPath(packId)
  /** @type {() => void} */
  let release = () => {}
  const released = new Promise((resolve) => (release = () => resolve(undefined)))
  let held = false
  await context.route(
    (target) => target.pathname === reviewPath && !target.searchParams.has('since'),
    async (route) => {
      if (held) return route.continue()
      held = true
      await released
      await route.continue().catch(() => {}) // the context may be gone by then
    },
  )
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 })
  await waitForLoad(page)
  await sleep(1_000)
  await page.evaluate(watchReviewed, reviewed)
  release()
  await page.waitForFunction(
    () => /** @type {any} */ (window).__bench.reviewed?.mark != null,
    null,
    {
      polling: 50,
      timeout: 60_000,
    },
  )
  await sleep(300)
  return page.evaluate((reviewPath) => {
    const b = /** @type {any} */ (window).__bench
    const request = /** @type {PerformanceResourceTiming[]} */ (
      performance.getEntriesByType('resource')
    ).find((entry) => new URL(entry.name).pathname === reviewPath)
    const arrived = request?.responseEnd ?? NaN
    const painted = b.paintedAt(b.reviewed.mark)
    const tasks = b.longtasks.filter(
      (/** @type {any} */ t) => t.start + t.duration > arrived && t.start < painted,
    )
    return {
      toPainted: Number((painted - arrived).toFixed(1)),
      longestTask: Math.max(0, ...tasks.map((/** @type {any} */ t) => t.duration)),
      longTasks: tasks,
      bytes: request?.encodedBodySize ?? null,
    }
  }, reviewPath)
}
