// A bulk decision in the browser (issue 15): every image of a pack selected (`Select all <n>
// shown`) and approved through the confirmation `Approve <n> images?`. Timed from the
// confirming click to the frame that shows `Approved` on every mounted tile with the progress
// at `Reviewed <n> of <n>`, then to the frame with no `Saving…` left (the one POST
// acknowledged); the longest task from the click to that second frame.
import { reviewDecisionsPath } from '../../contract/review-api/paths.ts'
import { watchBulk } from './probes.mjs'

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (/** @type {number} */ value) => Number(value.toFixed(1))

/**
 * Clears every decision of the pack in one bulk write, so that each run starts unreviewed.
 * @param {{ origin: string, packId: string, imageIds: string[] }} options
 */
export async function clearPack({ origin, packId, imageIds }) {
  const items = imageIds.map((image_id) => ({
    image_id,
    decision: null,
    fingerprint: 'v1.reset',
  }))
  const response = await fetch(`${origin}${reviewDecisionsPath(packId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ items, reviewer: 'Bench' }),
  })
  if (!response.ok) throw new Error(`clearing pack ${packId}: HTTP ${response.status}`)
  await response.arrayBuffer()
}

/**
 * Selects every image of a loaded, unreviewed pack page and approves them; `page` has the probes.
 * @param {import('@playwright/test').Page} page
 * @param {{ total: number, packId: string }} options
 */
export async function measureBulkApprove(page, { total, packId }) {
  await page.waitForFunction(
    () =>
      document
        .querySelector('[role="progressbar"][aria-label="Images reviewed"]')
        ?.getAttribute('aria-valuenow') === '0',
    null,
    { polling: 50, timeout: 60_000 },
  )
  const n = total.toLocaleString('en-US')
  await page.getByRole('button', { name: `Select all ${n} shown` }).click()
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  await toolbar.getByText(`${n} selected`).waitFor()
  await toolbar.getByRole('button', { name: 'Approve', exact: true }).click()
  const confirm = page
    .getByRole('dialog', { name: `Approve ${n} images?` })
    .getByRole('button', { name: 'Approve', exact: true })
  await confirm.waitFor()
  await sleep(500)
  await page.evaluate(watchBulk, { total, label: 'Approved' })
  await confirm.click()
  await page.waitForFunction(
    () => /** @type {any} */ (window).__bench.bulk?.savedMark != null,
    null,
    { polling: 100, timeout: 60_000 },
  )
  await sleep(300) // for the frames' long-animation-frame entries
  return page
    .evaluate((decisionsPath) => {
      const b = /** @type {any} */ (window).__bench
      const click = b.inputs.filter((/** @type {any} */ i) => i.type === 'pointerdown').at(-1).t
      const painted = b.paintedAt(b.bulk.paintedMark)
      const saved = b.paintedAt(b.bulk.savedMark)
      const tasks = b.longtasks.filter(
        (/** @type {any} */ t) => t.start + t.duration > click && t.start < saved,
      )
      const post = /** @type {PerformanceResourceTiming[]} */ (
        performance.getEntriesByType('resource')
      ).filter((entry) => new URL(entry.name).pathname === decisionsPath)
      return {
        toPainted: painted - click,
        toSaved: saved - click,
        longestTask: Math.max(0, ...tasks.map((/** @type {any} */ t) => t.duration)),
        // From the click, so that the click's own task and the answer's can be told apart.
        longTasks: tasks.map((/** @type {any} */ t) => ({
          start: Number((t.start - click).toFixed(1)),
          duration: t.duration,
        })),
        posts: post.length,
        postMs: post[0] ? post[0].responseEnd - post[0].startTime : null,
      }
    }, reviewDecisionsPath(packId))
    .then((result) => ({
      ...result,
      toPainted: round(result.toPainted),
      toSaved: round(result.toSaved),
      longestTask: round(result.longestTask),
      postMs: result.postMs === null ? null : round(result.postMs),
    }))
}
