// The review API's writes under load through `npm start` (issue 14): single PUTs from
// BENCH_REVIEW_CONNECTIONS clients (default 10) for BENCH_REVIEW_SECONDS (default 15, at
// most 30), at 300 a second and then flat out, on PGlite in a fresh data folder, and on
// PostgreSQL too when TEST_DATABASE_URL is set (a database of its own, dropped after). Then
// the GET of the pack's 10,000 decisions. Goals: at least 300 writes/s with p99 under 50 ms
// on PGlite, zero errors; the GET under 300 ms; PostgreSQL takes more flat out.
// `node --import tsx bench/review-load.mjs` in tools/ runs it alone (JSON out);
// BENCH_ONLY=review in `npm run bench` too.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { reviewImagePath, reviewPackPath } from '../../contract/review-api/paths.ts'
import {
  compileProductionServer,
  startProductionServer,
} from '../../server/test-kit/production-server.ts'
import { createTestPostgresDatabase } from '../../server/test-kit/review-databases.ts'
import { rawRequest } from '../../server/test-kit/request.ts'

const MAX_SECONDS = 30
const IMAGES = 10_000
const PACK_ID = '7b3e9c4a-5d21-4f08-9a6c-0e1f2d3c4b5a'
const GET_RUNS = 20
const GOALS = { writesPerSecond: 300, writeP99Ms: 50, getMs: 300 }

const envInt = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}
const round = (/** @type {number} */ value, digits = 2) => Number(value.toFixed(digits))
const imageId = (/** @type {number} */ n) =>
  `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`

/**
 * @param {{ root: string, log: (message: string) => void }} options
 */
export async function runReviewLoadTest({ root, log }) {
  const seconds = Math.min(envInt('BENCH_REVIEW_SECONDS', 15), MAX_SECONDS)
  const connections = envInt('BENCH_REVIEW_CONNECTIONS', 10)
  /** @type {(() => Promise<unknown>)[]} */
  const cleanups = []
  try {
    log('review load: compiling the production server (tsconfig.server.json)')
    const compiled = await compileProductionServer(root)
    cleanups.push(compiled.remove)
    const folder = await mkdtemp(join(tmpdir(), 'pack-explorer-review-load-'))
    cleanups.push(() => rm(folder, { recursive: true, force: true }))
    await writeFile(join(folder, 'index.html'), '<!doctype html><div id="root"></div>\n')

    /** @type {Record<string, unknown>} */
    const stores = {}
    stores.pglite = await runOn(
      'PGlite',
      { PACK_EXPLORER_DATA_DIR: join(folder, 'data') },
      { compiled, folder, root, seconds, connections, log },
    )
    if (process.env.TEST_DATABASE_URL) {
      const database = await createTestPostgresDatabase()
      try {
        stores.postgres = await runOn(
          'PostgreSQL',
          { DATABASE_URL: database.url },
          { compiled, folder, root, seconds, connections, log },
        )
      } finally {
        await database.drop()
      }
    } else {
      stores.postgres = { skipped: 'TEST_DATABASE_URL is not set' }
    }
    const pglite = /** @type {any} */ (stores.pglite)
    const postgres = /** @type {any} */ (stores.postgres)
    return {
      // PostgreSQL, when measured: no errors either, and more writes a second flat out.
      postgresOk: postgres.skipped
        ? null
        : postgres.writes.errors +
            postgres.writes.non2xx +
            postgres.flatOut.errors +
            postgres.flatOut.non2xx ===
            0 && postgres.flatOut.writesPerSecond > pglite.flatOut.writesPerSecond,
      ok:
        pglite.writes.errors + pglite.writes.non2xx === 0 &&
        pglite.flatOut.errors + pglite.flatOut.non2xx === 0 &&
        pglite.writes.writesPerSecond >= GOALS.writesPerSecond &&
        pglite.writes.latencyMs.p99 < GOALS.writeP99Ms &&
        pglite.read.maxMs < GOALS.getMs,
      date: new Date().toISOString(),
      goals: GOALS,
      settings: { connections, seconds, images: IMAGES, node: process.version },
      loadAverage: round(loadavg()[0] ?? 0),
      stores,
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => log(`review load: cleanup failed: ${error}`))
    }
  }
}

/**
 * @param {string} name
 * @param {Record<string, string>} storeEnv
 * @param {{ compiled: { entry: string }, folder: string, root: string, seconds: number, connections: number, log: (message: string) => void }} context
 */
async function runOn(name, storeEnv, { compiled, folder, root, seconds, connections, log }) {
  let errorLines = 0
  const server = await startProductionServer({
    entry: compiled.entry,
    distDir: folder,
    cwd: root,
    baseEnv: { PATH: process.env.PATH ?? '' },
    env: { PORT: '0', NODE_ENV: 'production', ...storeEnv },
    keepStdout: false,
    onStdoutLine: (line) => {
      if (line.includes('"level":"error"')) errorLines++
    },
  })
  try {
    let next = 0
    const put = () => {
      const n = (next++ % IMAGES) + 1
      const approved = n % 4 !== 0
      return {
        method: /** @type {const} */ ('PUT'),
        path: reviewImagePath(PACK_ID, imageId(n)),
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify(
          approved
            ? { decision: 'approved', fingerprint: `v1.bench-${n}`, reviewer: 'Bench' }
            : {
                decision: 'rejected',
                reasons: ['bad-keywords'],
                note: 'Keywords miss the product.',
                fingerprint: `v1.bench-${n}`,
                reviewer: 'Bench',
              },
        ),
      }
    }
    const target = {
      url: server.url,
      connections,
      pipelining: 1,
      requests: [{ setupRequest: (/** @type {any} */ request) => ({ ...request, ...put() }) }],
    }
    // Unrecorded: every image of the pack decided once (so the read below has all 10,000),
    // which also warms up the JIT and the tables.
    await autocannon({ ...target, amount: IMAGES })
    log(`review load: ${name}, ${connections} clients writing for ${seconds} s`)
    // At the goal's rate (300 a second from 10 clients), not flat out: p99 at that load.
    const writes = await measureWrites({
      ...target,
      duration: seconds,
      overallRate: GOALS.writesPerSecond,
    })
    log(
      `review load: ${name}: ${writes.writesPerSecond} writes/s, p50 ${writes.latencyMs.p50} ms, p99 ${writes.latencyMs.p99} ms, ${writes.errors} errors, ${writes.non2xx} non-2xx`,
    )
    // Then flat out: as many as the store takes, which is where PostgreSQL should be ahead.
    const flatOut = await measureWrites({ ...target, duration: seconds })
    log(
      `review load: ${name} flat out: ${flatOut.writesPerSecond} writes/s, p50 ${flatOut.latencyMs.p50} ms, p99 ${flatOut.latencyMs.p99} ms, ${flatOut.errors} errors, ${flatOut.non2xx} non-2xx`,
    )

    /** @type {number[]} */
    const reads = []
    let decisions = 0
    for (let run = 0; run < GET_RUNS; run++) {
      const started = performance.now()
      const answer = await rawRequest(server.url, reviewPackPath(PACK_ID))
      reads.push(performance.now() - started)
      if (answer.status !== 200) throw new Error(`GET pack reviews: HTTP ${answer.status}`)
      decisions = JSON.parse(answer.text).data.images.length
    }
    reads.sort((a, b) => a - b)
    const read = {
      decisions,
      bytes: 0,
      p50Ms: round(reads[Math.floor(reads.length / 2)] ?? NaN),
      maxMs: round(reads.at(-1) ?? NaN),
    }
    read.bytes = (await rawRequest(server.url, reviewPackPath(PACK_ID))).body.length
    log(
      `review load: ${name}: GET of ${decisions} decisions p50 ${read.p50Ms} ms, max ${read.maxMs} ms (${read.bytes} bytes)`,
    )
    return { writes, flatOut, read, serverErrorLines: errorLines }
  } finally {
    await server.stop()
  }
}

/**
 * One autocannon run; every 2xx answer's time is kept, so the percentiles are exact.
 * @param {import('autocannon').Options} options
 */
async function measureWrites(options) {
  /** @type {number[]} */
  const times = []
  const instance = autocannon(options)
  instance.on(
    'response',
    (
      /** @type {unknown} */ _c,
      /** @type {number} */ status,
      /** @type {number} */ _b,
      /** @type {number} */ ms,
    ) => {
      if (status >= 200 && status < 300) times.push(ms)
    },
  )
  const result = await instance
  const sorted = Float64Array.from(times).sort()
  const at = (/** @type {number} */ p) =>
    sorted.length === 0
      ? NaN
      : (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN)
  return {
    writesPerSecond: round(result.requests.average, 0),
    latencyMs: {
      p50: round(at(50)),
      p90: round(at(90)),
      p99: round(at(99)),
      max: round(sorted.at(-1) ?? NaN),
    },
    completed: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const result = await runReviewLoadTest({ root, log: (message) => console.error(message) })
  console.log(JSON.stringify(result, null, 2))
  if (!result.ok) process.exitCode = 1
}
