// Writes tools/bench/.out/results.json (every run's raw numbers, not committed) and
// BENCHMARKS.md at the repository root (medians, ratios and goals) from the results of
// tools/bench/run.mjs. `node tools/bench/report.mjs` rewrites BENCHMARKS.md from an existing
// results.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { clsText, fmt, kb, mb, median, ms, pass, ratio, table, times } from './report-format.mjs'
import {
  reviewKeysGoals,
  reviewKeysSection,
  reviewLoadGoal,
  reviewLoadSection,
} from './report-review.mjs'

export { median }

export const RESULTS = fileURLToPath(new URL('.out/results.json', import.meta.url))
const MARKDOWN = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url))
const SIZES = ['100', '1000', '10000']

/** @param {any} results */
export async function writeReport(results) {
  mkdirSync(dirname(RESULTS), { recursive: true })
  writeFileSync(RESULTS, await format(RESULTS, JSON.stringify(results)))
  writeFileSync(MARKDOWN, await format(MARKDOWN, render(results)))
}

async function format(/** @type {string} */ file, /** @type {string} */ text) {
  const options = await prettier.resolveConfig(file)
  return prettier.format(text, { ...options, filepath: file })
}

/**
 * What moved in the CLS runs: each shifted element once, with how often and when.
 * @param {Record<string, any[]>} cls
 */
function shiftNotes(cls) {
  /** @type {Map<string, { runs: Set<string>, starts: number[], move: string }>} */
  const seen = new Map()
  for (const [size, runs] of Object.entries(cls)) {
    runs.forEach((run, index) => {
      for (const shift of run.shifts.filter((/** @type {any} */ s) => !s.hadRecentInput)) {
        for (const source of shift.sources) {
          const entry = seen.get(source.node) ?? {
            runs: new Set(),
            starts: [],
            move: `from (${source.from.slice(0, 2).join(', ')}) to (${source.to.slice(0, 2).join(', ')})`,
          }
          entry.runs.add(`${size}/${index}`)
          entry.starts.push(shift.start)
          seen.set(source.node, entry)
        }
      }
    })
  }
  const total = Object.values(cls).reduce((sum, runs) => sum + runs.length, 0)
  if (seen.size === 0) return 'No layout shift was recorded.'
  return [
    'Elements that moved (layout-shift sources, x and y in CSS pixels):',
    '',
    ...[...seen].map(
      ([node, { runs, starts, move }]) =>
        `- \`${node}\` ${move}, in ${runs.size} of ${total} runs, at about ${fmt(median(starts))} ms.`,
    ),
  ].join('\n')
}

const LOAD_MODES = [
  { key: 'direct', label: 'Straight to the test upstream', short: 'direct' },
  { key: 'proxy', label: 'Through the proxy', short: 'through the proxy' },
  {
    key: 'proxyCompressed',
    label: 'Through the proxy, `accept-encoding: br, gzip`',
    short: 'with brotli',
  },
]
const loadMs = (/** @type {number | null} */ value) =>
  value === null ? '–' : `${fmt(value, 1)} ms`

/** tools/bench/load.mjs's part of "Method". @param {any} load */
function loadMethod(load) {
  const s = load.settings
  return `- **Production proxy under load** (tools/bench/load.mjs, after everything else): the production server (\`server/start.ts\` compiled with tsconfig.server.json and run by \`node\`, NODE_ENV=production) on 127.0.0.1 in front of a local test upstream (server/test-kit's fake upstream, in the benchmark's process) that answers Get Pack with one fixed pack of ${s.images} images (${kb(s.bodyBytes)} of JSON) and refuses any request without the server's key. autocannon ${s.autocannon}, ${s.connections} connections, no pipelining, ${s.secondsPerMode} s per mode after ${s.warmUpRequestsPerMode} unrecorded requests: straight to the upstream (the load generator sends the key), through the proxy (no key, no \`accept-encoding\`: the body is relayed as it is) and through the proxy as a browser asks (\`accept-encoding: br, gzip\`: the server's compression middleware, server/compression.ts, brotli-compresses each answer at quality 5; the proxy itself does not compress, it relays an upstream's br or gzip body as it came, and this upstream sends plain JSON). The per-address rate limit is raised to ${fmt(s.rateLimitPerMinute)} a minute (\`PACK_EXPLORER_RATE_LIMIT_PER_MINUTE\`): every request comes from one address, and the default would answer most of them with 429. Latency percentiles are exact (every 2xx response time is kept; autocannon's histogram has 1 ms steps). The upstream counts what it receives: through the proxy, that must lie between the requests answered and those sent (autocannon cuts the requests in flight when a run ends), and the server's access log must show no status but 200 and no error line.`
}

/** @param {any} load @param {number} cores */
function loadSection(load, cores) {
  const rows = LOAD_MODES.filter(({ key }) => load.modes[key]).map(({ key, label }) => {
    const m = load.modes[key]
    return [
      label,
      fmt(m.requestsPerSecond),
      loadMs(m.latencyMs.p50),
      loadMs(m.latencyMs.p90),
      loadMs(m.latencyMs.p99),
      loadMs(m.latencyMs.max),
      fmt(m.completed),
      kb(m.bytesPerResponse ?? 0),
      `${m.errors} / ${m.timeouts} / ${m.non2xx}`,
    ]
  })
  const received = LOAD_MODES.filter(({ key }) => key !== 'direct' && load.modes[key])
    .map(({ key, short }) => {
      const m = load.modes[key]
      return `${short}, ${fmt(m.upstreamReceived)} for ${fmt(m.completed)} answered and ${fmt(m.sent)} sent`
    })
    .join('; ')
  const adds = (/** @type {{ p50: number, p99: number }} */ a) =>
    `${loadMs(a.p50)} at the median and ${loadMs(a.p99)} at p99`
  return `### Production proxy under load

Run on ${load.date.slice(0, 10)} (${load.date}), ${load.settings.connections} connections for ${load.settings.secondsPerMode} s per mode, pack of ${load.settings.images} images (${kb(load.settings.bodyBytes)}); Node ${load.settings.node}.${load.loadAverage ? ` The machine's 1-minute load average was ${load.loadAverage.before} before and ${load.loadAverage.after} after.` : ''}

${table(['Mode', 'Requests/s', 'p50', 'p90', 'p99', 'Max', 'Answered', 'Per answer', 'Errors / timeouts / non-2xx'], rows)}

The proxy adds ${adds(load.proxyAddsMs)} over calling the upstream directly (${adds(load.proxyCompressedAddsMs)} when the server compresses its answers with brotli). Requests the upstream received: ${received}. The server's access log had ${fmt(load.server.non200Requests)} answers other than 200, ${fmt(load.server.errorLines)} error lines, and the server exited with code ${load.server.exitCode} on SIGTERM. "Per answer" is what the client read, headers included.

The load generator, the test upstream and the server share the ${cores} cores, and with a fixed number of connections each waiting for its answer, latency is about connections ÷ requests per second: these latencies are those of a saturated proxy, mostly its throughput cost, not the time one request spends in an idle one.`
}

/** @param {any} load */
function loadGoal(load) {
  const modes = Object.values(load.modes)
  const sum = (/** @type {(m: any) => number} */ pick) =>
    modes.reduce((total, m) => total + pick(m), 0)
  return [
    'Load test through the production proxy: no errors',
    `${fmt(sum((m) => m.errors))} errors, ${fmt(sum((m) => m.timeouts))} timeouts, ${fmt(sum((m) => m.non2xx))} non-2xx in ${fmt(sum((m) => m.completed))} answers`,
    pass(load.ok),
  ]
}

/** @param {any} r */
function render(r) {
  /** Median of a metric over the runs of one page and size. */
  const m = (
    /** @type {'app' | 'naive'} */ kind,
    /** @type {string} */ size,
    /** @type {(run: any) => number | null} */ pick,
  ) => median((r.pages[kind][size] ?? []).map(pick))
  const runsOf = (/** @type {'app' | 'naive'} */ kind, /** @type {string} */ size) =>
    (r.pages[kind][size] ?? []).length

  const columns = SIZES.flatMap((size) => [
    { kind: /** @type {const} */ ('app'), size },
    { kind: /** @type {const} */ ('naive'), size },
  ])
  const head = [
    'Median',
    ...columns.map(({ kind, size }) => `${kind} ${Number(size).toLocaleString('en-US')}`),
  ]
  /** @param {string} label @param {(run: any) => number | null} pick @param {(v: number | null) => string} show @param {boolean} [appOnly] */
  const row = (label, pick, show, appOnly = false) => [
    label,
    ...columns.map(({ kind, size }) =>
      appOnly && kind === 'naive' ? '' : show(m(kind, size, pick)),
    ),
  ]
  const where = /** @type {const} */ (['top', 'middle', 'bottom'])
  const triple =
    (/** @type {'elements' | 'images'} */ what) =>
    (/** @type {'app' | 'naive'} */ kind, /** @type {string} */ size) =>
      where.map((w) => fmt(m(kind, size, (run) => run.dom[w][what]))).join(' / ')

  const mainRows = [
    ['Runs', ...columns.map(({ kind, size }) => String(runsOf(kind, size)))],
    row('First image card painted', (x) => x.firstCard, ms),
    row('… counted from the pack response', (x) => x.firstCardAfterResponse ?? null, ms),
    row('Header counts painted', (x) => x.counts, ms),
    row('Pack request, start to last byte (Resource Timing)', (x) => x.packRequest ?? null, ms),
    row('Longest long task during load', (x) => x.loadLongestTask, ms),
    row('JS heap after load (after GC)', (x) => x.heapBytes, mb),
    [
      'Elements top / middle / end',
      ...columns.map(({ kind, size }) => triple('elements')(kind, size)),
    ],
    [
      '`<img>` top / middle / end',
      ...columns.map(({ kind, size }) => triple('images')(kind, size)),
    ],
    row(
      'Scroll to end: animation frames',
      (x) => x.scroll.steps,
      (v) => fmt(v),
    ),
    row(
      'Scroll to end: step per frame',
      (x) => x.scroll.stepPx,
      (v) => (v === null ? '–' : `${fmt(v)} px`),
    ),
    [
      'Scroll to end: runs that reached the end',
      ...columns.map(({ kind, size }) => {
        const runs = /** @type {any[]} */ (r.pages[kind][size] ?? [])
        return `${runs.filter((run) => run.scroll.reachedEnd).length} of ${runs.length}`
      }),
    ],
    row('Scroll to end: duration', (x) => x.scroll.ms, ms),
    row(
      'Scroll to end: long tasks',
      (x) => x.scroll.longTasks,
      (v) => fmt(v),
    ),
    row('Scroll to end: long task total', (x) => x.scroll.longTaskTotal, ms),
    row('Scroll to end: longest task', (x) => x.scroll.longTaskMax, ms),
    row(
      'Scroll to end: pack refetches (live polling)',
      (x) => x.scroll.pollRefetches,
      (v) => fmt(v),
    ),
    row(
      'Filter click, worst interaction (Event Timing)',
      (x) => x.interactions?.filterWorst ?? null,
      ms,
      true,
    ),
    row(
      'Filter click → list painted, worst',
      (x) => x.interactions?.filterToPaintedWorst ?? null,
      ms,
      true,
    ),
    row(
      'Search keystroke, worst interaction (Event Timing)',
      (x) => x.interactions?.searchKeyWorst ?? null,
      ms,
      true,
    ),
    row(
      'Last keystroke → search result painted',
      (x) => x.interactions?.searchToPainted ?? null,
      ms,
      true,
    ),
    row(
      'Last Backspace → full list painted',
      (x) => x.interactions?.clearToPainted ?? null,
      ms,
      true,
    ),
  ]

  const app = (/** @type {string} */ size, /** @type {(run: any) => number | null} */ pick) =>
    m('app', size, pick)
  const naive = (/** @type {string} */ size, /** @type {(run: any) => number | null} */ pick) =>
    m('naive', size, pick)
  /** @type {[string, (run: any) => number | null][]} */
  const compared = [
    ['First image card painted', (x) => x.firstCard],
    ['Header counts painted', (x) => x.counts],
    ['Elements (top)', (x) => x.dom.top.elements],
    ['Elements (end)', (x) => x.dom.bottom.elements],
    ['JS heap after load', (x) => x.heapBytes],
    ['Scroll long task total', (x) => x.scroll.longTaskTotal],
  ]
  // The scroll is not the same test at 100 and 10,000 images (steps differ), so it is only
  // compared with the naive page.
  const scaleRows = compared
    .slice(0, -1)
    .map(([label, pick]) => [label, times(ratio(app('10000', pick), app('100', pick)))])
  const naiveRows = compared.map(([label, pick]) => [
    label,
    ...SIZES.map((size) => times(ratio(app(size, pick), naive(size, pick)))),
  ])

  const { floor, appManifest, appLoaded } = r.bundle
  const routeJs = Math.max(appManifest.total, appLoaded?.total ?? 0)
  const bundleRows = [
    ['Floor page (entry and pack route counterpart)', kb(floor.total), '1.00×'],
    [
      'Pack route JS, from the build manifest',
      kb(appManifest.total),
      times(ratio(appManifest.total, floor.total)),
    ],
  ]
  if (appLoaded) {
    bundleRows.push([
      'Pack route JS, loaded in the browser',
      kb(appLoaded.total),
      times(ratio(appLoaded.total, floor.total)),
    ])
  }
  const fileList = (/** @type {{ file: string, bytes: number }[]} */ files) =>
    files.map((f) => `\`${f.file}\` ${kb(f.bytes)}`).join(', ')

  const clsRows = Object.entries(r.cls).map(([size, runs]) => {
    const values = /** @type {any[]} */ (runs).map((run) => run.cls)
    return [
      Number(size).toLocaleString('en-US'),
      String(values.length),
      clsText(median(values)),
      clsText(Math.max(...values)),
      values.map(clsText).join(', '),
    ]
  })

  const lighthouseRows = Object.entries(r.lighthouse).map(([name, runs]) => {
    const list = /** @type {any[]} */ (runs)
    const med = (/** @type {string} */ key) => median(list.map((run) => run[key]))
    return [
      name,
      String(list.length),
      fmt(med('score')),
      list.map((run) => run.score ?? '–').join(', '),
      ms(med('fcp')),
      ms(med('lcp')),
      ms(med('tbt')),
      clsText(med('cls')),
      list.map((run) => run.loadAverage ?? '–').join(', '),
    ]
  })

  // Goals.
  const ttfc = ratio(
    app('10000', (x) => x.firstCard),
    app('100', (x) => x.firstCard),
  )
  const filterWorst = app('10000', (x) => x.interactions?.filterWorst ?? null)
  const keyWorst = app('10000', (x) => x.interactions?.searchKeyWorst ?? null)
  const clsWorst = Object.fromEntries(
    Object.entries(r.cls).map(([size, runs]) => [
      size,
      Math.max(.../** @type {any[]} */ (runs).map((run) => run.cls)),
    ]),
  )
  const lhScore = (/** @type {string} */ name) =>
    median((r.lighthouse[name] ?? []).map((/** @type {any} */ run) => run.score))
  const homeScore = lhScore('Home (/)')
  const packScore = lhScore('Pack, 10,000 images')
  const pack100Score = lhScore('Pack, 100 images')
  const under = (/** @type {number | null} */ value, /** @type {number} */ limit) =>
    value === null ? null : value < limit
  const goals = [
    [
      'Time to first card, 10,000 images ≤ 1.5× 100 images',
      `${times(ttfc)} (${ms(app('100', (x) => x.firstCard))} → ${ms(app('10000', (x) => x.firstCard))})`,
      pass(ttfc === null ? null : ttfc <= 1.5),
    ],
    [
      'Filter click latency at 10,000 images < 100 ms (worst Event Timing interaction, median of runs)',
      ms(filterWorst),
      pass(under(filterWorst, 100)),
    ],
    [
      'Search keystroke latency at 10,000 images < 100 ms (worst Event Timing interaction, median of runs)',
      ms(keyWorst),
      pass(under(keyWorst, 100)),
    ],
    ...Object.entries(clsWorst).map(([size, value]) => [
      `CLS 0 with thumbnails delayed ${r.config.imageDelayMs / 1000} s, ${Number(size).toLocaleString('en-US')} images (worst run)`,
      clsText(value),
      pass(value < 0.001),
    ]),
    [
      'Lighthouse desktop performance ≥ 95, home (/)',
      fmt(homeScore),
      pass(homeScore === null ? null : homeScore >= 95),
    ],
    [
      'Lighthouse desktop performance ≥ 95, pack of 10,000 images',
      fmt(packScore),
      pass(packScore === null ? null : packScore >= 95),
    ],
    [
      'Lighthouse desktop performance ≥ 95, pack of 100 images',
      fmt(pack100Score),
      pass(pack100Score === null ? null : pack100Score >= 95),
    ],
    [
      // The budget e2e/production/bundle.spec.ts checks; the floor ratio is only reported.
      'Pack route JS ≤ 155 KB gzip (larger of manifest and loaded)',
      kb(routeJs),
      pass(routeJs <= 155 * 1024),
    ],
    ['Pack route JS vs floor (reported, no goal)', times(ratio(routeJs, floor.total), 3), '—'],
  ]
  if (r.load) goals.push(loadGoal(r.load))
  if (r.review) goals.push(...reviewKeysGoals(r.review))
  if (r.reviewLoad) goals.push(...reviewLoadGoal(r.reviewLoad))

  const v = r.versions
  const c = r.config
  const naive10k = runsOf('naive', '10000')
  return `# Benchmarks

Generated by \`npm run bench\` (tools/bench/run.mjs) on ${r.date.slice(0, 10)} (${r.date}); the run took ${Math.round(r.durationSeconds / 60)} minutes. Raw per-run numbers go to tools/bench/.out/results.json, which is not committed.

## Machine and versions

- Machine: ${r.machine.os}; ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB RAM. ${r.machine.loadAverage ? `1-minute load average ${r.machine.loadAverage.start} before the run and at most ${r.machine.loadAverage.max} during it (the benchmark itself keeps both cores busy; anything else running on the machine shows up as noise, most in Lighthouse's TBT).` : ''}
- Node ${v.node}; ${v.chromium}; Playwright ${v.playwright}; Lighthouse ${v.lighthouse}.
- Vite ${v.vite}, React ${v.react}, React Router ${v['react-router']}, TanStack Virtual ${v['@tanstack/react-virtual']}, TanStack Query ${v['@tanstack/react-query']}, zod ${v.zod}.

## Method

Three builds are measured: the app (\`vite build\` with the project's config), the **naive** reference page (tools/bench/naive: the same pack fetched and validated with the app's client, then every image rendered as the app's \`ImageCard\` in a plain \`<ul>\` grid, no virtualization, no filters, no polling) and the **floor** page (tools/bench/floor.mjs: generated from the app's module graph, it imports the app's runtime libraries exactly as the app does, with no app code: one module for the entry and one for each \`import()\` of the app, each importing the same names from the same packages as the app's source files in that part of the graph, and the entry loading the others with \`import()\`). The app and the naive page are served by \`vite preview\` on 127.0.0.1 in demo mode (no API key, so the built-in demo Partner API answers through the production proxy path). Packs are the demo's generated packs of 100, 1,000 and 10,000 images (\`${c.packIds['10000']}\` for 10,000). Chromium runs headless through Playwright with a ${c.viewport.width}×${c.viewport.height} viewport, a fresh browser context (empty cache) per run, and the values in the tables are medians of ${c.runs} runs (${naive10k} for the naive page at 10,000 images, which is slow). The runs go round-robin (run 1 of every size and page, then run 2, …), so the ratios compare runs made side by side, with a 1.5 s pause after each run so that one page's teardown does not overlap the next one's load. All times are \`performance.now()\` in the page, so 0 is navigation start.

- **First image card / header counts painted**: a \`MutationObserver\` installed before any page script (\`page.addInitScript\`) notes when the first \`[data-image-id]\` card is in the document with a box, and when both the \`role="status"\` summary says "… of N images have metadata" and the line "Showing N of N images" is present with the pack's total. The time reported is when the frame that shows it finished rendering: the end of that frame's \`long-animation-frame\` entry, or, for a frame shorter than 50 ms, the first task after it (at most 50 ms after its \`requestAnimationFrame\`). "Counted from the pack response" subtracts the pack request's \`responseEnd\` (below).
- **Pack request**: observed from outside the page's code, with Resource Timing (a \`PerformanceObserver\` of type \`resource\` installed with the probes): the first request for the pack's path, from its \`startTime\` to its \`responseEnd\` (the last byte received). Parsing and validating the body are not separated from rendering: the page's code is not instrumented.
- **Longest long task during load**: the longest \`longtask\` entry (buffered observer) that started before the header counts were painted.
- **JS heap**: after the load settled (500 ms), CDP \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage\` (used size).
- **Elements / \`<img>\`**: \`document.getElementsByTagName('*').length\` and the \`<img>\` count with the window scrolled to 0, to half the scroll height and to the bottom, each after two animation frames and a 300 ms settle.
- **Scroll to end**: from the top, one \`window.scrollBy\` per animation frame until the bottom: ${c.scrollStep} × the viewport height per step, or longer steps where that would take more than ${c.scrollFrames} frames (so 1,000 and 10,000 images are scrolled in ${c.scrollFrames} frames: at 10,000 images every frame jumps about 13 viewports and renders all-new rows, a fast fling rather than a gentle scroll), stopping after ${c.scrollMaxMs / 1000} s; \`longtask\` entries that started meanwhile (count, sum, longest). "Pack refetches" counts requests for the pack's path (Resource Timing) that started in that window: the app polls a pack whose metadata is still generating (every 5 s, backing off), and the generated packs have pending images.
- **Filter click** (app only): the status filter buttons are clicked in turn (${c.filterClicks.join(' → ')}), each after the previous result was painted. The Event Timing API (\`PerformanceObserver\` type \`event\`, \`durationThreshold: 16\`, entries with \`interactionId > 0\`) gives each interaction's duration (input to next paint, 8 ms granularity; under 16 ms is not reported and counts as 0); the table shows the worst of the clicks. "Filter click → list painted" is measured separately: from the \`pointerdown\` event's timestamp to the painted change of "Showing X of N images" (painted as above). It is larger when the update is rendered after the interaction's first paint.
- **Search** (app only): the search field is clicked, then "${c.searchTerm}" is typed with 50 ms between keys, then erased with Backspace (50 ms apart). The worst keyboard interaction over all those keys is the Event Timing figure: it covers the input handling and the next paint only. The search is debounced (200 ms), so a second figure is reported: from the last keystroke's \`keydown\` timestamp to the painted "Showing X of N images" with the result, which includes the 200 ms debounce plus filtering and rendering. The same after the last Backspace, back to the full list.
- **CLS with delayed images** (app only): every \`/demo-images/\` response is held for ${c.imageDelayMs / 1000} s (\`context.route\`); the page is loaded, then after the counts are painted the run waits ${c.imageDelayMs / 1000 + 1} s and until every thumbnail in the viewport is complete, and sums the \`layout-shift\` entries (buffered) without recent input.
- **JS size**: gzip (zlib level 9) of each file, summed. "From the build manifest" is the chunk of \`index.html\` plus the chunk of \`src/app/routes/pack-route.tsx\` plus their static imports, recursively (tools/size/route-bundle.mjs, shared with \`npm run size\`); "loaded in the browser" is every response of resource type \`script\` while opening the 100-image pack page and for one second after. The floor is measured the same way: its entry chunk, the chunk standing for the pack route and their static imports. KB = 1,024 bytes.
- **Lighthouse**: the home page, the 100-image and the 10,000-image pack pages, with the Node API and its desktop preset (\`lighthouse/core/config/desktop-config.js\`, simulated throttling), performance category only, a fresh headless Chromium (the same executable) per run, ${c.lighthouseRuns} runs per page; the medians of each metric are taken separately.${r.load ? `\n${loadMethod(r.load)}` : ''}

Caveats:

- Chromium runs with \`--disable-gpu\` on ${r.machine.cores} cores, so rasterization is software and competes with the main thread; absolute times are those of a slow machine.
- The demo thumbnails are SVGs, which Chromium parses on the main thread as each one arrives; JPEG, PNG or WebP thumbnails decode off the main thread, so scrolling and loading here include work real packs would not cause.
- The demo API and the proxy run inside the benchmark's own Node process, so the pack request includes the server's work on the same machine: the demo API keeps serialized packs (3.8 MB of JSON for 10,000 images) and the server's compression middleware (server/compression.ts) compresses the answers with brotli at quality 5 (about 45 KB).
- The app is built from the working tree as it is when the run starts.

## Results

${table(head, mainRows)}

Elements and \`<img>\` counts are of the whole document at the top, the middle and the end of the scroll. A blank cell is not measured on the naive page (it has no filters or search).

### Ratios

App at 10,000 images against the app at 100 images:

${table(['Metric', 'app 10,000 / app 100'], scaleRows)}

App against the naive page (below 1 is better for the app):

${table(['Metric', ...SIZES.map((s) => `${Number(s).toLocaleString('en-US')} images`)], naiveRows)}

### JavaScript (gzip)

${table(['Page', 'gzip', 'vs floor'], bundleRows)}

- Floor: ${fileList(floor.files)}.
- Pack route, manifest: ${fileList(appManifest.files)}.${appLoaded ? `\n- Pack route, loaded: ${fileList(appLoaded.files)}.` : ''}

### CLS with thumbnails delayed ${c.imageDelayMs / 1000} s

${table(['Pack size', 'Runs', 'Median CLS', 'Worst CLS', 'Each run'], clsRows)}

${shiftNotes(r.cls)}

### Lighthouse (desktop, performance)

${table(['Page', 'Runs', 'Score (median)', 'Scores', 'FCP', 'LCP', 'TBT', 'CLS', 'Load average'], lighthouseRows)}

"Load average" is the machine's 1-minute load average at the end of each run: Lighthouse's TBT and score move with it when other work shares the ${r.machine.cores} cores.
${r.review ? `\n${reviewKeysSection(r.review, r.config)}\n` : ''}${r.load ? `\n${loadSection(r.load, r.machine.cores)}\n` : ''}${r.reviewLoad ? `\n${reviewLoadSection(r.reviewLoad)}\n` : ''}
## Goals

${table(['Goal', 'Measured', 'Result'], goals)}
`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8'))
  writeFileSync(MARKDOWN, await format(MARKDOWN, render(results)))
  console.log(`wrote BENCHMARKS.md from ${RESULTS}`)
}
