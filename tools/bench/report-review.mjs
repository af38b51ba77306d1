// BENCHMARKS.md's review parts: the workbench in the browser (review-keys.mjs, run.mjs's
// measureReview) and the review API under load (review-load.mjs).
import { fmt, median, ms, pass, table } from './report-format.mjs'

const SIZES = ['100', '10000']
const KEY_GOAL_MS = 50
const MERGE_TASK_GOAL_MS = 50
const BULK_PAINT_GOAL_MS = 2_000
const BULK_TASK_GOAL_MS = 200

const size = (/** @type {string} */ value) => Number(value).toLocaleString('en-US')

/**
 * @param {any} review results.review
 * @param {any} config results.config
 */
export function reviewKeysSection(review, config) {
  const c = config.review
  /** Median over runs, or the worst run, of one figure of the key runs at one size. */
  const of = (
    /** @type {string} */ at,
    /** @type {(run: any) => number | null} */ pick,
    worst = false,
  ) => {
    const values = (review.keys[at] ?? []).map(pick)
    return worst ? Math.max(...values) : median(values)
  }
  const row = (
    /** @type {string} */ label,
    /** @type {(run: any) => number | null} */ pick,
    worst = false,
  ) => [label, ...SIZES.map((at) => ms(of(at, pick, worst)))]
  const keyRows = [
    ['Runs', ...SIZES.map((at) => fmt(review.keys[at]?.length ?? 0))],
    row('Key press, worst interaction (Event Timing), median of runs', (r) => r.keyWorst),
    row('Key press, worst interaction of all runs', (r) => r.keyWorst, true),
    row(
      'Key press → frame with the badge and the focus moved, worst, median',
      (r) => r.toPaintedWorst,
    ),
    row('Decisions request, start to last byte (Resource Timing), median', (r) => r.reviewRequest),
  ]
  const arriving = review.arriving
  const mergeRows = [
    ['Runs', fmt(arriving.length)],
    [
      'Last byte → `Reviewed x of y` painted, median',
      ms(median(arriving.map((/** @type {any} */ a) => a.toPainted))),
    ],
    [
      'Longest task meanwhile, worst run (0: none of 50 ms or more)',
      ms(Math.max(0, ...arriving.map((/** @type {any} */ a) => a.longestTask))),
    ],
    [
      'Answer size (encoded body)',
      `${fmt((median(arriving.map((/** @type {any} */ a) => a.bytes)) ?? 0) / 1024, 1)} KB`,
    ],
  ]
  return `### Review workbench

Measured after the runs above, on the same app server, whose review store is a PGlite folder of the run's own: every image of the generated packs of ${SIZES.map(size).join(' and ')} images but the first ${c.unreviewed} is approved through the review API, on the metadata it has. In each run (a fresh context, the reviewer's name already given) the pack page is loaded until it shows \`Reviewed\` with those decisions, the first tile is focused and \`a\` is pressed ${c.presses} times, each held ${c.holdMs} ms like a typist's key and 250 ms after the previous one was painted; Auto-advance is on, so each press approves a tile and moves the focus to the next. The runs alternate sizes (round-robin, like the runs above). The 10,000-image pack has images still generating, so the page polls it every 5 s (backing off) and a refetch sometimes lands during a press: that is part of what is measured.

- **Key press, Event Timing**: the longest \`event\` entry (keydown or keyup) of each press, from the key's timestamp to the next frame presented with its changes; the worst of the ${c.presses} presses per run, then the median over runs (8 ms granularity; under 16 ms is not reported and counts as 0).
- **Frame with the badge and the focus**: from the keydown's timestamp to the frame, found in its \`requestAnimationFrame\` callback, in which the tile shows \`Approved\` and the focus is on the next tile (its paint time as for the load figures above): the main thread's part, before rasterization and display.
- **Decisions request**: the page's first request for the pack's decisions (\`GET\` of the review API, 10,000 decisions at the larger size), start to last byte, while the pack itself is loading from the same server.

${table(['Median', ...SIZES.map((at) => `${size(at)} images`)], keyRows)}

**Decisions arriving** (${size(SIZES.at(-1) ?? '')} images): the page's first request for the decisions is held (Playwright's \`route\`) until the pack is painted and a second has passed, then let go, so that their parsing, merging and the badges they paint are measured alone: from the answer's last byte to the frame showing \`Reviewed ${size(String(Number(SIZES.at(-1)) - c.unreviewed))} of ${size(SIZES.at(-1) ?? '')}\`, and the \`longtask\` entries in between.

${table(['Decisions of the whole pack arriving', 'Measured'], mergeRows)}
${review.bulk ? `\n${reviewBulkSection(review.bulk)}\n` : ''}`
}

/** @param {any} review results.review */
export function reviewKeysGoals(review) {
  /** @type {string[][]} */
  const goals = []
  const medians = SIZES.map((at) =>
    median((review.keys[at] ?? []).map((/** @type {any} */ r) => r.keyWorst)),
  )
  goals.push([
    `Key press → badge and next image painted < ${KEY_GOAL_MS} ms at 100 and at 10,000 images (worst Event Timing interaction, median of runs)`,
    SIZES.map((at, index) => `${size(at)}: ${ms(medians[index] ?? null)}`).join(', '),
    pass(
      medians.some((value) => value === null)
        ? null
        : medians.every((value) => value !== null && value < KEY_GOAL_MS),
    ),
  ])
  const longest = Math.max(0, ...review.arriving.map((/** @type {any} */ a) => a.longestTask))
  goals.push([
    `Decisions of 10,000 images merged with no task over ${MERGE_TASK_GOAL_MS} ms (worst run)`,
    longest === 0 ? 'no task of 50 ms or more' : ms(longest),
    pass(longest <= MERGE_TASK_GOAL_MS),
  ])
  if (!review.bulk) return goals
  const painted = median(review.bulk.map((/** @type {any} */ r) => r.toPainted))
  goals.push([
    `Bulk approve of 10,000 images: confirming click → every badge painted < ${fmt(BULK_PAINT_GOAL_MS)} ms (median of runs)`,
    ms(painted),
    pass(painted === null ? null : painted < BULK_PAINT_GOAL_MS),
  ])
  const task = median(review.bulk.map((/** @type {any} */ r) => r.longestTask))
  goals.push([
    `Bulk approve of 10,000 images: longest task < ${BULK_TASK_GOAL_MS} ms (median of runs)`,
    ms(task),
    pass(task === null ? null : task < BULK_TASK_GOAL_MS),
  ])
  return goals
}

/** @param {any[]} bulk results.review.bulk: one entry a run */
function reviewBulkSection(bulk) {
  const of = (/** @type {(run: any) => number | null} */ pick) => median(bulk.map(pick))
  const worst = (/** @type {(run: any) => number} */ pick) => Math.max(0, ...bulk.map(pick))
  const rows = [
    ['Runs', fmt(bulk.length)],
    ['Confirming click → every badge painted, median', ms(of((r) => r.toPainted))],
    ['Confirming click → every badge painted, worst run', ms(worst((r) => r.toPainted))],
    ['Confirming click → acknowledged (no `Saving…` painted), median', ms(of((r) => r.toSaved))],
    ['Longest task until acknowledged, median', ms(of((r) => r.longestTask))],
    ['Longest task until acknowledged, worst run', ms(worst((r) => r.longestTask))],
    ['Requests (`POST …/decisions`) per bulk action, most', fmt(worst((r) => r.posts))],
    ['That request, start to last byte, median', ms(of((r) => r.postMs))],
  ]
  return `**Bulk approve** (10,000 images): before each run, one bulk write clears the pack's decisions. The page is loaded until it shows \`Reviewed 0 of 10,000\`, then \`Select all 10,000 shown\`, the \`Selection\` toolbar's \`Approve\` and the confirmation \`Approve 10,000 images?\` are reached; the time runs from the confirming click's pointerdown to the frame (found in its \`requestAnimationFrame\` callback) in which the progress bar says 10,000 and every mounted tile shows \`Approved\`, then on to the first frame with no \`Saving…\` left, once the one request is answered; the \`longtask\` entries over the whole of it.

${table(['Bulk approve of 10,000 images', 'Measured'], rows)}`
}

/** @param {any} review results.reviewLoad */
export function reviewLoadSection(review) {
  const rows = Object.entries(review.stores).map(([store, result]) => {
    const name = store === 'pglite' ? 'PGlite' : 'PostgreSQL'
    const x = /** @type {any} */ (result)
    if (x.skipped) return [name, `skipped: ${x.skipped}`, '', '', '', '', '']
    const w = x.writes
    const f = x.flatOut
    return [
      name,
      fmt(w.writesPerSecond),
      ms(w.latencyMs.p50),
      ms(w.latencyMs.p99),
      `${fmt(f.writesPerSecond)} (p50 ${ms(f.latencyMs.p50)}, p99 ${ms(f.latencyMs.p99)})`,
      `${fmt(w.errors + f.errors)} / ${fmt(w.non2xx + f.non2xx)}`,
      `${ms(x.read.p50Ms)} (max ${ms(x.read.maxMs)}, ${fmt(x.read.decisions)} decisions)`,
    ]
  })
  return `### Review API under load

Run on ${review.date.slice(0, 10)}: \`npm start\`'s compiled server, ${review.settings.connections} clients sending single \`PUT\`s (approvals and rejections over ${fmt(review.settings.images)} images of one pack) for ${review.settings.seconds} s at ${fmt(review.goals.writesPerSecond)} a second, then ${review.settings.seconds} s flat out (as fast as answers come), after one unrecorded write to each image; then 20 \`GET\`s of the pack's ${fmt(review.settings.images)} decisions; 1-minute load average ${review.loadAverage} at the end (tools/bench/review-load.mjs). The load generator and the server share the machine's cores, and PostgreSQL (a throwaway cluster on loopback) runs beside them.

${table(['Store', `Writes/s at ${fmt(review.goals.writesPerSecond)}/s`, 'p50', 'p99', 'Flat out: writes/s', 'Errors / non-2xx', 'GET of the pack (p50)'], rows)}`
}

/** @param {any} review results.reviewLoad */
export function reviewLoadGoal(review) {
  const w = review.stores.pglite.writes
  const goals = [
    [
      `Review API on PGlite: ≥ ${review.goals.writesPerSecond} writes/s, p99 < ${review.goals.writeP99Ms} ms, no errors; GET of ${fmt(review.settings.images)} decisions < ${review.goals.getMs} ms`,
      `${fmt(w.writesPerSecond)}/s, p99 ${ms(w.latencyMs.p99)}, ${fmt(w.errors + w.non2xx)} errors; GET max ${ms(review.stores.pglite.read.maxMs)}`,
      pass(review.ok),
    ],
  ]
  const postgres = review.stores.postgres
  goals.push([
    'Review API on PostgreSQL: more writes/s than PGlite flat out, no errors',
    postgres.skipped
      ? `not measured: ${postgres.skipped}`
      : `${fmt(postgres.flatOut.writesPerSecond)}/s against ${fmt(review.stores.pglite.flatOut.writesPerSecond)}/s`,
    pass(review.postgresOk ?? null),
  ])
  return goals
}
