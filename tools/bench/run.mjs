// `npm run bench`: builds the app, a naive reference page and a floor page, serves them with
// `vite preview` in demo mode, measures them in Chromium (Playwright) and Lighthouse, then
// the review workbench (review-keys.mjs, review-bulk.mjs) and the servers under load
// (load.mjs, review-load.mjs), and writes tools/bench/.out/results.json and BENCHMARKS.md. The pages are observed from outside
// (probes.mjs): the app's code has no benchmark hooks. Missed goals are reported, not fatal;
// only a harness error exits non-zero. It runs under tsx's loader (tools/package.json's bench
// script, `node --import tsx bench/run.mjs` in tools/): load.mjs imports the server's test kit,
// which is TypeScript.
//
// Environment: BENCH_RUNS (default 9), BENCH_NAIVE_10K_RUNS (default 1),
// BENCH_LIGHTHOUSE_RUNS (default 3), BENCH_SCROLL_STEP (viewport fraction, default 0.8),
// BENCH_SCROLL_FRAMES (most frames for a scroll to the end, default 100), BENCH_LOAD_SECONDS
// and BENCH_LOAD_CONNECTIONS (load.mjs), BENCH_REVIEW_SECONDS and BENCH_REVIEW_CONNECTIONS
// (review-load.mjs; TEST_DATABASE_URL adds PostgreSQL). BENCH_ONLY=load (or review) runs only
// the load test of the production server (or of the review API) and merges it into the
// existing tools/bench/.out/results.json; BENCH_ONLY=bulk runs only the bulk approve of the
// review workbench, on a fresh build, and merges it in the same way; BENCH_ONLY=keys the key
// presses of the review workbench, likewise.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import {
  CHROMIUM_ARGS,
  chromiumLaunchOptions,
  chromiumPath,
  chromiumVersion,
} from '../../e2e/support/chromium.mjs'
import { packPath } from '../../contract/partner-api/paths.ts'
import { gzipBytes } from '../size/route-bundle.mjs'
import { buildAppAndFloor } from './floor.mjs'
import { runLoadTest } from './load.mjs'
import {
  KEY_HOLD_MS,
  PRESSES,
  UNREVIEWED,
  measureDecisionsArriving,
  measureKeys,
  resetDecisions,
  seedDecisions,
} from './review-keys.mjs'
import { clearPack, measureBulkApprove } from './review-bulk.mjs'
import { runReviewLoadTest } from './review-load.mjs'
import { domCountsAt, installProbes, scrollToEnd, showingText, watchShowing } from './probes.mjs'
import { RESULTS, median, writeReport } from './report.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TOOLS = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'tools/bench/.out')
const NAIVE_CONFIG = join(ROOT, 'tools/bench/naive/vite.config.ts')
const APP_PORT = 5301
const NAIVE_PORT = 5302
const SIZES = [100, 1_000, 10_000]
const CLS_SIZES = [100, 10_000]
const REVIEW_SIZES = [100, 10_000]
const VIEWPORT = { width: 1280, height: 800 }
const SEARCH_TERM = 'sunset'
const FILTER_CLICKS = ['Completed', 'All', 'Error', 'All', 'Pending', 'All']
const IMAGE_DELAY_MS = 2_000

const envInt = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}
const RUNS = envInt('BENCH_RUNS', 9)
const NAIVE_10K_RUNS = envInt('BENCH_NAIVE_10K_RUNS', 1)
const LIGHTHOUSE_RUNS = envInt('BENCH_LIGHTHOUSE_RUNS', 3)
const SCROLL_STEP = Number(process.env.BENCH_SCROLL_STEP) || 0.8
const SCROLL_FRAMES = envInt('BENCH_SCROLL_FRAMES', 100)
const SCROLL_MAX_MS = 45_000

/** The demo API's generated pack of `size` images (server/demo/fixtures.ts, sizedPackId). */
const packId = (/** @type {number} */ size) =>
  `5e7d1c2a-0000-4000-8000-${String(size).padStart(12, '0')}`
const packPathOf = (/** @type {number} */ size) => packPath(packId(size))
const appUrl = (/** @type {number} */ size) => `http://127.0.0.1:${APP_PORT}/packs/${packId(size)}`
const naiveUrl = (/** @type {number} */ size) =>
  `http://127.0.0.1:${NAIVE_PORT}/?id=${packId(size)}`

const started = Date.now()
// The machine may be shared: the 1-minute load average, sampled through the run, says how much.
const loadAtStart = os.loadavg()[0] ?? 0
/** @type {number[]} */
const loadSamples = []
setInterval(() => loadSamples.push(os.loadavg()[0] ?? 0), 10_000).unref()
const log = (/** @type {string} */ message) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`)
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (/** @type {number} */ value, digits = 1) => Number(value.toFixed(digits))

/**
 * A pause after each run: closing a page that scrolled through thousands of images leaves
 * its renderer's teardown to the browser, which would otherwise overlap the next run's load.
 */
const COOL_DOWN_MS = 1_500
const coolDown = () => sleep(COOL_DOWN_MS)

/** Everything to stop on exit, newest first. */
/** @type {{ name: string, close: () => Promise<unknown> }[]} */
const running = []
async function cleanup() {
  while (running.length > 0) {
    const { name, close } = /** @type {(typeof running)[number]} */ (running.pop())
    await close().catch((error) => console.error(`[bench] closing ${name} failed:`, error))
  }
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping servers and browsers`)
    void cleanup().finally(() => process.exit(130))
  })
}

async function main() {
  if (process.env.BENCH_ONLY === 'load') {
    // The rest of the results stay those of the last full run.
    const results = JSON.parse(readFileSync(RESULTS, 'utf8'))
    results.load = await runLoadTest({ root: ROOT, log })
    log('writing tools/bench/.out/results.json and BENCHMARKS.md')
    await writeReport(results)
    return
  }
  if (process.env.BENCH_ONLY === 'review') {
    const results = JSON.parse(readFileSync(RESULTS, 'utf8'))
    results.reviewLoad = await runReviewLoadTest({ root: ROOT, log })
    log('writing tools/bench/.out/results.json and BENCHMARKS.md')
    await writeReport(results)
    return
  }
  if (process.env.BENCH_ONLY === 'bulk') {
    const results = JSON.parse(readFileSync(RESULTS, 'utf8'))
    const browser = await startAppAlone()
    const size = /** @type {number} */ (REVIEW_SIZES.at(-1))
    const imageIds = await imageIdsOf(size)
    results.review.bulk = await measureBulk(browser, size, imageIds)
    log('writing tools/bench/.out/results.json and BENCHMARKS.md')
    await writeReport(results)
    return
  }
  if (process.env.BENCH_ONLY === 'keys') {
    // Without an earlier full run there is no report to merge into: the log shows each run.
    const results = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null
    const browser = await startAppAlone()
    /** @type {Record<string, object[]>} */
    const keys = {}
    const imageIds = await seedReviewPacks()
    for (let run = 1; run <= RUNS; run++) {
      for (const size of REVIEW_SIZES) {
        ;(keys[size] ??= []).push(await measureKeyRun(browser, size, imageIds[size] ?? [], run))
        await coolDown()
      }
    }
    if (!results) return
    results.review.keys = keys
    log('writing tools/bench/.out/results.json and BENCHMARKS.md')
    await writeReport(results)
    return
  }
  if (process.env.BENCH_ONLY) {
    throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: only "load", "review", "bulk" or "keys"`)
  }
  await useOwnReviewStore()
  log(`runs: ${RUNS} (naive 10,000: ${NAIVE_10K_RUNS}), Lighthouse runs: ${LIGHTHOUSE_RUNS}`)

  log('building the app, the naive page and the floor page')
  const appOut = join(OUT, 'app')
  const built = await buildAppAndFloor({
    root: ROOT,
    appOutDir: appOut,
    // Under the root's node_modules/.tmp, not tools/: the floor's imports must resolve to the
    // app's packages, and tools/node_modules holds other versions of some (Lighthouse's zod).
    floorDir: join(ROOT, 'node_modules/.tmp/bench-floor'),
  })
  await build({ configFile: NAIVE_CONFIG })

  const bundle = {
    floor: built.floor,
    appManifest: built.app,
    /** @type {{ files: { file: string, bytes: number }[], total: number } | null} */
    appLoaded: null,
  }
  log(
    `pack route JS (manifest): ${kb(bundle.appManifest.total)} KB gzip; floor: ${kb(bundle.floor.total)} KB`,
  )

  log(`serving on http://127.0.0.1:${APP_PORT} (app) and :${NAIVE_PORT} (naive)`)
  await serveApp(appOut)
  const naiveServer = await preview({ configFile: NAIVE_CONFIG })
  running.push({ name: 'naive preview', close: () => naiveServer.close() })

  // Each server's demo API generates a pack on its first request: do that before measuring.
  for (const port of [APP_PORT, NAIVE_PORT]) {
    for (const size of SIZES) {
      const response = await fetch(`http://127.0.0.1:${port}${packPathOf(size)}`)
      if (!response.ok)
        throw new Error(`warm-up of pack ${size} on :${port}: HTTP ${response.status}`)
      await response.arrayBuffer()
    }
  }

  const browser = await chromium.launch(chromiumLaunchOptions())
  running.push({ name: 'chromium', close: () => browser.close() })
  // Untimed loads warm the browser: this one, and loadedScripts' load of the app below.
  const warmUp = await newContext(browser, 100)
  const warmPage = await warmUp.newPage()
  await warmPage.goto(naiveUrl(100), { waitUntil: 'commit' })
  await waitForLoad(warmPage)
  await warmUp.close()

  bundle.appLoaded = await loadedScripts(browser, appUrl(100), 100)
  log(`pack route JS (loaded in the browser): ${kb(bundle.appLoaded.total)} KB gzip`)

  /** @type {Record<'app' | 'naive', Record<string, object[]>>} */
  const pages = { app: {}, naive: {} }
  // Round-robin over sizes and pages, so that the ratios compare runs made side by side
  // and a change in the machine's load during the run weighs on every figure alike.
  for (let run = 1; run <= RUNS; run++) {
    for (const size of SIZES) {
      for (const kind of /** @type {const} */ (['app', 'naive'])) {
        const runs = kind === 'naive' && size === 10_000 ? NAIVE_10K_RUNS : RUNS
        if (run > runs) continue
        const result = await measurePage(browser, kind, size)
        await coolDown()
        ;(pages[kind][size] ??= []).push(result)
        log(`${kind} ${size.toLocaleString('en-US')} run ${run}/${runs}: ${summary(result)}`)
      }
    }
  }

  /** @type {Record<string, object[]>} */
  const cls = {}
  for (let run = 1; run <= RUNS; run++) {
    for (const size of CLS_SIZES) {
      const result = await measureCls(browser, size)
      await coolDown()
      ;(cls[size] ??= []).push(result)
      log(`CLS ${size.toLocaleString('en-US')} run ${run}/${RUNS}: ${result.cls}`)
    }
  }

  // After the load runs, which the decisions would otherwise change.
  const review = await measureReview(browser)

  await browser.close()
  running.pop()

  const lighthouse = await runLighthouse([
    { name: 'Home (/)', url: `http://127.0.0.1:${APP_PORT}/` },
    { name: 'Pack, 100 images', url: appUrl(100) },
    { name: 'Pack, 10,000 images', url: appUrl(10_000) },
  ])
  // Last, so that its load cannot disturb the browser measurements.
  const load = await runLoadTest({ root: ROOT, log })
  const reviewLoad = await runReviewLoadTest({ root: ROOT, log })

  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: round(os.totalmem() / 1024 ** 3),
      loadAverage: {
        start: round(loadAtStart, 2),
        median: round(median(loadSamples) ?? loadAtStart, 2),
        max: round(Math.max(loadAtStart, ...loadSamples), 2),
      },
    },
    versions: versions(),
    config: {
      runs: RUNS,
      naive10kRuns: NAIVE_10K_RUNS,
      lighthouseRuns: LIGHTHOUSE_RUNS,
      viewport: VIEWPORT,
      scrollStep: SCROLL_STEP,
      scrollFrames: SCROLL_FRAMES,
      scrollMaxMs: SCROLL_MAX_MS,
      searchTerm: SEARCH_TERM,
      filterClicks: FILTER_CLICKS,
      imageDelayMs: IMAGE_DELAY_MS,
      review: {
        sizes: REVIEW_SIZES,
        unreviewed: UNREVIEWED,
        presses: PRESSES,
        holdMs: KEY_HOLD_MS,
      },
      packIds: Object.fromEntries(SIZES.map((size) => [size, packId(size)])),
    },
    bundle,
    pages,
    cls,
    review,
    lighthouse,
    load,
    reviewLoad,
  }
  log('writing tools/bench/.out/results.json and BENCHMARKS.md')
  await writeReport(results)
  log(`done in ${results.durationSeconds}s`)
}

/** For a part run alone (BENCH_ONLY): the app built and served on its own store, and Chromium. */
async function startAppAlone() {
  await useOwnReviewStore()
  log('building the app')
  const appOut = join(OUT, 'app')
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: appOut },
  })
  await serveApp(appOut)
  const browser = await chromium.launch(chromiumLaunchOptions())
  running.push({ name: 'chromium', close: () => browser.close() })
  return browser
}

/** Demo mode (no key: the built-in demo API), with a PGlite review store of the run's own. */
async function useOwnReviewStore() {
  process.env.GENVIRAL_API_TOKEN = ''
  const dataDir = await mkdtemp(join(os.tmpdir(), 'pack-explorer-bench-data-'))
  running.push({ name: 'review data', close: () => rm(dataDir, { recursive: true, force: true }) })
  process.env.PACK_EXPLORER_DATA_DIR = dataDir
}

/** `vite preview` of the built app on APP_PORT. */
async function serveApp(/** @type {string} */ appOut) {
  const appServer = await preview({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: appOut },
    preview: { host: '127.0.0.1', port: APP_PORT, strictPort: true },
  })
  running.push({ name: 'app preview', close: () => appServer.close() })
}

/** The image IDs of the generated pack of `size` images, in order (generating it if need be). */
async function imageIdsOf(/** @type {number} */ size) {
  const response = await fetch(`http://127.0.0.1:${APP_PORT}${packPathOf(size)}`)
  if (!response.ok) throw new Error(`pack ${size}: HTTP ${response.status}`)
  return (await response.json()).data.images.map((/** @type {{ id: string }} */ image) => image.id)
}

/**
 * The scripts the browser actually fetched to open a pack page, gzipped in Node.
 * @param {import('@playwright/test').Browser} browser
 */
async function loadedScripts(browser, /** @type {string} */ url, /** @type {number} */ total) {
  const context = await newContext(browser, total)
  try {
    const page = await context.newPage()
    /** @type {Promise<{ file: string, bytes: number }>[]} */
    const bodies = []
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return
      const file = new URL(response.url()).pathname
      bodies.push(response.body().then((body) => ({ file, bytes: gzipBytes(body) })))
    })
    await page.goto(url, { waitUntil: 'commit' })
    await waitForLoad(page)
    await sleep(1_000) // anything fetched on idle after the first render
    const files = (await Promise.all(bodies)).sort((a, b) => a.file.localeCompare(b.file))
    return { files, total: files.reduce((sum, { bytes }) => sum + bytes, 0) }
  } finally {
    await context.close()
  }
}

/**
 * A fresh context whose pages get the probes.
 * @param {import('@playwright/test').Browser} browser
 */
async function newContext(browser, /** @type {number} */ total) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  await context.addInitScript(installProbes, { total, packPath: packPathOf(total) })
  return context
}

/** Waits until the first card and the header counts are painted. */
async function waitForLoad(/** @type {import('@playwright/test').Page} */ page) {
  await page.waitForFunction(
    () => {
      const b = /** @type {any} */ (window).__bench
      return b?.firstCardMark != null && b?.countsMark != null
    },
    null,
    { polling: 50, timeout: 180_000 },
  )
}

/**
 * One run on a fresh context: load, DOM size, heap, a scroll to the end, and (app only) the
 * filter and search interactions.
 * @param {import('@playwright/test').Browser} browser
 * @param {'app' | 'naive'} kind
 * @param {number} size
 */
async function measurePage(browser, kind, size) {
  const context = await newContext(browser, size)
  try {
    const page = await context.newPage()
    await page.goto(kind === 'app' ? appUrl(size) : naiveUrl(size), {
      waitUntil: 'commit',
      timeout: 60_000,
    })
    await waitForLoad(page)
    await sleep(500)
    const load = await page.evaluate(() => {
      const b = /** @type {any} */ (window).__bench
      const counts = b.paintedAt(b.countsMark)
      return {
        firstCardDom: b.firstCardDom,
        firstCard: b.paintedAt(b.firstCardMark),
        countsDom: b.countsDom,
        counts,
        packRequest: b.packRequests[0] ?? null,
        longtasks: b.longtasks.filter((/** @type {any} */ t) => t.start < counts),
        frames: b.frames.filter((/** @type {any} */ f) => f.start < counts && f.blocking > 0),
      }
    })

    /** @type {{ start: number, responseEnd: number } | null} */
    const fetched = load.packRequest
    const dom = { top: await page.evaluate(domCountsAt, { where: 'top', settleMs: 300 }) }

    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    await cdp.detach()

    const scroll = await page.evaluate(scrollToEnd, {
      stepFraction: SCROLL_STEP,
      maxFrames: SCROLL_FRAMES,
      maxMs: SCROLL_MAX_MS,
    })
    const refetches = await page.evaluate(
      ({ start, end }) =>
        /** @type {any} */ (window).__bench.packRequests.filter(
          (/** @type {{ start: number }} */ r) => r.start >= start && r.start < end,
        ).length,
      { start: scroll.start, end: scroll.end },
    )

    const middle = await page.evaluate(domCountsAt, { where: 'middle', settleMs: 300 })
    const bottom = await page.evaluate(domCountsAt, { where: 'bottom', settleMs: 300 })
    Object.assign(dom, { middle, bottom })

    const interactions = kind === 'app' ? await measureInteractions(page) : null
    return {
      loadAverage: round(os.loadavg()[0] ?? 0, 2),
      firstCard: round(load.firstCard),
      firstCardDom: round(load.firstCardDom),
      counts: round(load.counts),
      countsDom: round(load.countsDom),
      // The pack request of the first load (Resource Timing), start to last byte.
      packRequest: fetched ? round(fetched.responseEnd - fetched.start) : null,
      // The first card, counted from the last byte of the pack response.
      firstCardAfterResponse: fetched ? round(load.firstCard - fetched.responseEnd) : null,
      loadLongestTask: round(
        Math.max(0, ...load.longtasks.map((/** @type {any} */ t) => t.duration)),
      ),
      loadLongTasks: load.longtasks,
      loadFrames: topFrames(load.frames),
      heapBytes: usedSize,
      dom,
      scroll: {
        steps: scroll.steps,
        stepPx: scroll.step,
        reachedEnd: scroll.reachedEnd,
        ms: round(scroll.end - scroll.start),
        scrollHeight: scroll.scrollHeight,
        longTasks: scroll.longtasks.length,
        longTaskTotal: round(sumOf(scroll.longtasks)),
        longTaskMax: round(
          Math.max(0, ...scroll.longtasks.map((/** @type {any} */ t) => t.duration)),
        ),
        pollRefetches: refetches,
        frames: topFrames(scroll.frames),
      },
      interactions,
    }
  } finally {
    await context.close()
  }
}

/** The three worst long animation frames and their main scripts, for attribution. */
function topFrames(/** @type {any[]} */ frames) {
  return [...frames]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map((frame) => ({
      ...frame,
      scripts: frame.scripts
        .filter((/** @type {any} */ s) => s.duration >= 5)
        .sort((/** @type {any} */ a, /** @type {any} */ b) => b.duration - a.duration)
        .slice(0, 3),
    }))
}

const sumOf = (/** @type {{ duration: number }[]} */ entries) =>
  entries.reduce((sum, entry) => sum + entry.duration, 0)

/**
 * Status filter clicks and a typed search, on the app's pack page scrolled to the top.
 * @param {import('@playwright/test').Page} page
 */
async function measureInteractions(page) {
  await page.evaluate(domCountsAt, { where: 'top', settleMs: 300 })
  const now = () => page.evaluate(() => performance.now())
  const lastInput = (/** @type {string} */ type) =>
    page.evaluate(
      (type) =>
        /** @type {any} */ (window).__bench.inputs
          .filter((/** @type {any} */ input) => input.type === type)
          .at(-1)?.t ?? null,
      type,
    )
  const arm = async () => page.evaluate(watchShowing, await page.evaluate(showingText))
  /** Waits for the watched line to change and be painted. */
  const changed = async () => {
    await page.waitForFunction(
      () => /** @type {any} */ (window).__bench.watch?.mark != null,
      null,
      {
        polling: 50,
        timeout: 30_000,
      },
    )
    await sleep(100) // for the frame's long-animation-frame entry
    return page.evaluate(() => {
      const b = /** @type {any} */ (window).__bench
      return {
        dom: /** @type {number} */ (b.watch.dom),
        painted: /** @type {number} */ (b.paintedAt(b.watch.mark)),
        text: /** @type {string} */ (b.watch.text),
      }
    })
  }

  const clicksFrom = await now()
  const group = page.getByRole('group', { name: 'Filter by status' })
  const clicks = []
  for (const label of FILTER_CLICKS) {
    await arm()
    await group.getByRole('button', { name: new RegExp(`^${label} \\(`) }).click()
    const shown = await changed()
    const pressed = await lastInput('pointerdown')
    clicks.push({ label, text: shown.text, toPainted: round(shown.painted - (pressed ?? NaN)) })
    await sleep(250)
  }
  const clicksTo = await now()

  const search = page.getByRole('searchbox', { name: 'Search images' })
  await search.click()
  await sleep(250)
  const typingFrom = await now()
  await arm()
  await page.keyboard.type(SEARCH_TERM, { delay: 50 })
  const found = await changed()
  const typed = {
    text: found.text,
    toPainted: round(found.painted - ((await lastInput('keydown')) ?? NaN)),
  }
  await sleep(250)
  await arm()
  for (let i = 0; i < SEARCH_TERM.length; i++) {
    await page.keyboard.press('Backspace')
    await sleep(50)
  }
  const cleared = await changed()
  const clear = {
    text: cleared.text,
    toPainted: round(cleared.painted - ((await lastInput('keydown')) ?? NaN)),
  }
  await sleep(300)
  const typingTo = await now()

  /** @type {{ name: string, id: number, start: number, duration: number }[]} */
  const events = await page.evaluate(() => /** @type {any} */ (window).__bench.events)
  /** Worst Event Timing duration per interaction, of one kind, in a time window. */
  const interactionsIn = (
    /** @type {number} */ from,
    /** @type {number} */ to,
    keyboard = false,
  ) => {
    /** @type {Map<number, number>} */
    const byId = new Map()
    for (const event of events) {
      if (event.start < from || event.start >= to) continue
      if (event.name.startsWith('key') !== keyboard) continue
      byId.set(event.id, Math.max(byId.get(event.id) ?? 0, event.duration))
    }
    return [...byId.values()]
  }
  const clickDurations = interactionsIn(clicksFrom, clicksTo)
  const keyDurations = interactionsIn(typingFrom, typingTo, true)
  return {
    // Event Timing only reports interactions of 16 ms or more; none means all were shorter.
    filterWorst: Math.max(0, ...clickDurations),
    filterInteractions: clickDurations,
    searchKeyWorst: Math.max(0, ...keyDurations),
    searchKeyInteractions: keyDurations,
    filterToPaintedWorst: Math.max(...clicks.map((click) => click.toPainted)),
    clicks,
    searchToPainted: typed.toPainted,
    clearToPainted: clear.toPainted,
    typed,
    clear,
  }
}

/**
 * The review workbench (review-keys.mjs): every image but the first few of each pack
 * approved, then round-robin runs of key presses at each size, and at the largest size the
 * decisions arriving after the pack is painted.
 * @param {import('@playwright/test').Browser} browser
 */
async function measureReview(browser) {
  const origin = `http://127.0.0.1:${APP_PORT}`
  const imageIds = await seedReviewPacks()
  const largest = /** @type {number} */ (REVIEW_SIZES.at(-1))
  /** @type {Record<string, object[]>} */
  const keys = {}
  /** @type {object[]} */
  const arriving = []
  for (let run = 1; run <= RUNS; run++) {
    for (const size of REVIEW_SIZES) {
      ;(keys[size] ??= []).push(await measureKeyRun(browser, size, imageIds[size] ?? [], run))
      await coolDown()
    }
    const ids = /** @type {string[]} */ (imageIds[largest])
    await resetDecisions({ origin, packId: packId(largest), imageIds: ids })
    const context = await newContext(browser, largest)
    try {
      const result = await measureDecisionsArriving(context, {
        url: appUrl(largest),
        packId: packId(largest),
        reviewed: largest - UNREVIEWED,
        waitForLoad,
      })
      arriving.push(result)
      log(
        `review decisions arriving run ${run}/${RUNS}: painted ${result.toPainted} ms after the answer, longest task ${result.longestTask} ms`,
      )
    } finally {
      await context.close()
    }
    await coolDown()
  }
  return { keys, arriving, bulk: await measureBulk(browser, largest, imageIds[largest] ?? []) }
}

/**
 * Approves all but the first UNREVIEWED images of each review pack (seedDecisions); their
 * image IDs in order, by size.
 */
async function seedReviewPacks() {
  const origin = `http://127.0.0.1:${APP_PORT}`
  /** @type {Record<number, string[]>} */
  const imageIds = {}
  for (const size of REVIEW_SIZES) {
    log(`review: approving ${(size - UNREVIEWED).toLocaleString('en-US')} images of pack ${size}`)
    imageIds[size] = await seedDecisions({ origin, packId: packId(size) })
  }
  return imageIds
}

/**
 * One run of key presses on the pack of `size` images, from its first UNREVIEWED images
 * undecided (the rest approved by seedDecisions).
 * @param {import('@playwright/test').Browser} browser
 * @param {number} size
 * @param {string[]} imageIds
 * @param {number} run
 */
async function measureKeyRun(browser, size, imageIds, run) {
  const origin = `http://127.0.0.1:${APP_PORT}`
  await resetDecisions({ origin, packId: packId(size), imageIds })
  const context = await newContext(browser, size)
  try {
    const page = await openAsReviewer(context, size)
    const result = await measureKeys(page, { imageIds, total: size, packId: packId(size) })
    const { inputDelay, processing, presentation } = result.worstParts
    log(
      `review keys ${size.toLocaleString('en-US')} run ${run}/${RUNS}: worst ${result.keyWorst} ms (input delay ${inputDelay}, processing ${processing}, presentation ${presentation}), frame ${result.toPaintedWorst} ms, decisions GET ${result.reviewRequest} ms`,
    )
    return result
  } finally {
    await context.close()
  }
}

/**
 * The app's page of the pack of `size` images, loaded, for a reviewer who gave a name
 * already (so no name dialog comes first).
 * @param {import('@playwright/test').BrowserContext} context
 * @param {number} size
 */
async function openAsReviewer(context, size) {
  await context.addInitScript(() => localStorage.setItem('pack-explorer:reviewer-name', 'Bench'))
  const page = await context.newPage()
  await page.goto(appUrl(size), { waitUntil: 'commit', timeout: 60_000 })
  await waitForLoad(page)
  return page
}

/**
 * Select all and approve on the pack of `size` images, RUNS times, each from no decisions.
 * @param {import('@playwright/test').Browser} browser
 * @param {number} size
 * @param {string[]} imageIds
 */
async function measureBulk(browser, size, imageIds) {
  const origin = `http://127.0.0.1:${APP_PORT}`
  /** @type {object[]} */
  const runs = []
  for (let run = 1; run <= RUNS; run++) {
    await clearPack({ origin, packId: packId(size), imageIds })
    const context = await newContext(browser, size)
    try {
      const page = await openAsReviewer(context, size)
      const result = await measureBulkApprove(page, { total: size, packId: packId(size) })
      runs.push(result)
      log(
        `review bulk approve ${size.toLocaleString('en-US')} run ${run}/${RUNS}: painted ${result.toPainted} ms, acknowledged ${result.toSaved} ms, longest task ${result.longestTask} ms, ${result.posts} request(s)`,
      )
    } finally {
      await context.close()
    }
    await coolDown()
  }
  return runs
}

/**
 * CLS of the app's pack page while every thumbnail arrives IMAGE_DELAY_MS late.
 * @param {import('@playwright/test').Browser} browser
 */
async function measureCls(browser, /** @type {number} */ size) {
  const context = await newContext(browser, size)
  try {
    await context.route('**/demo-images/**', async (route) => {
      await sleep(IMAGE_DELAY_MS)
      await route.continue().catch(() => {}) // the context may be gone by then
    })
    const page = await context.newPage()
    await page.goto(appUrl(size), { waitUntil: 'commit' })
    await waitForLoad(page)
    await sleep(IMAGE_DELAY_MS + 1_000)
    await page.waitForFunction(
      () =>
        [...document.images]
          .filter((image) => {
            const box = image.getBoundingClientRect()
            return box.bottom > 0 && box.top < window.innerHeight
          })
          .every((image) => image.complete),
      null,
      { polling: 100, timeout: 30_000 },
    )
    await sleep(500)
    return page.evaluate(() => {
      const b = /** @type {any} */ (window).__bench
      const shifts = b.shifts.filter((/** @type {any} */ s) => !s.hadRecentInput)
      const loaded = [...document.images].filter((i) => i.complete && i.naturalWidth > 0).length
      return {
        cls: Number(
          shifts
            .reduce((/** @type {number} */ sum, /** @type {any} */ s) => sum + s.value, 0)
            .toFixed(4),
        ),
        shifts,
        imagesLoaded: loaded,
        images: document.images.length,
      }
    })
  } finally {
    await context.close()
  }
}

/**
 * Lighthouse 12, desktop preset, performance only; a fresh Chromium per run.
 * @param {{ name: string, url: string }[]} targets
 */
async function runLighthouse(targets) {
  const { default: lighthouse } = await import('lighthouse')
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js')
  const chromeLauncher = await import('chrome-launcher')
  const config = {
    ...desktopConfig,
    settings: { ...desktopConfig.settings, onlyCategories: ['performance'] },
  }
  /** @type {Record<string, object[]>} */
  const results = {}
  for (const { name, url } of targets) {
    results[name] = []
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath(),
        chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
      })
      const entry = { name: 'lighthouse chromium', close: async () => chrome.kill() }
      running.push(entry)
      try {
        const result = await lighthouse(url, { port: chrome.port, logLevel: 'error' }, config)
        const lhr = result?.lhr
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`)
        const audit = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? null
        const score = lhr.categories.performance?.score
        const row = {
          url,
          loadAverage: round(os.loadavg()[0] ?? 0, 2),
          score: score == null ? null : Math.round(score * 100),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          fcp: audit('first-contentful-paint'),
          speedIndex: audit('speed-index'),
          runtimeError: lhr.runtimeError?.message ?? null,
          warnings: lhr.runWarnings,
        }
        results[name].push(row)
        log(
          `Lighthouse ${name} run ${run}/${LIGHTHOUSE_RUNS}: score ${row.score}, LCP ${Math.round(row.lcp ?? NaN)} ms, TBT ${Math.round(row.tbt ?? NaN)} ms, CLS ${row.cls?.toFixed(3)}`,
        )
      } finally {
        running.splice(running.indexOf(entry), 1)
        chrome.kill()
        await sleep(1_000) // let it exit before the next run starts
      }
    }
  }
  return results
}

function versions() {
  // The app's packages are in the root's node_modules, the bench's own in tools/node_modules.
  const pkg = (/** @type {string} */ name, root = ROOT) =>
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
  return {
    node: process.version,
    chromium: chromiumVersion(),
    playwright: pkg('@playwright/test'),
    lighthouse: pkg('lighthouse', TOOLS),
    vite: pkg('vite'),
    react: pkg('react'),
    'react-router': pkg('react-router'),
    '@tanstack/react-virtual': pkg('@tanstack/react-virtual'),
    '@tanstack/react-query': pkg('@tanstack/react-query'),
    zod: pkg('zod'),
  }
}

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1)

function summary(/** @type {any} */ r) {
  const parts = [
    `first card ${Math.round(r.firstCard)} ms`,
    `counts ${Math.round(r.counts)} ms`,
    `heap ${(r.heapBytes / 1024 ** 2).toFixed(1)} MB`,
    `elements ${r.dom.top.elements}/${r.dom.middle.elements}/${r.dom.bottom.elements}`,
    `scroll ${r.scroll.steps} steps ${Math.round(r.scroll.ms)} ms, long tasks ${r.scroll.longTasks} (max ${Math.round(r.scroll.longTaskMax)} ms)`,
  ]
  if (r.interactions) {
    parts.push(
      `filter ${r.interactions.filterWorst} ms (to paint ${Math.round(r.interactions.filterToPaintedWorst)})`,
      `key ${r.interactions.searchKeyWorst} ms, search to paint ${Math.round(r.interactions.searchToPainted)} ms`,
    )
  }
  return parts.join(', ')
}

try {
  await main()
} catch (error) {
  console.error('[bench] harness error:', error)
  process.exitCode = 1
} finally {
  await cleanup()
}
