// A bounded loopback load test of the production server (`npm start`): the same Get Pack
// request sent with autocannon straight to a local test upstream, then through the
// production proxy in front of it, to see what the proxy adds. Part of `npm run bench`
// (results.load); `node --import tsx bench/load.mjs` in tools/ runs it alone and prints the
// result as JSON. The upstream, the server and the requests come from the server's test kit
// (server/test-kit), as in the server's tests and the e2e suite.
//
// Environment: BENCH_LOAD_SECONDS (per measured mode, default 15, at most 20, so the three
// modes stay within 60 s of load), BENCH_LOAD_CONNECTIONS (default 10).
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { packPath } from '../../contract/partner-api/paths.ts'
import { startFakeUpstream } from '../../server/test-kit/fake-upstream.ts'
import {
  compileProductionServer,
  startProductionServer,
} from '../../server/test-kit/production-server.ts'
import { rawRequest } from '../../server/test-kit/request.ts'

const MODES = /** @type {const} */ (['direct', 'proxy', 'proxyCompressed'])
/** Three modes × 20 s: the bound of 60 s of load. */
const MAX_SECONDS = 20
const IMAGES = 100
const WARM_UP_REQUESTS = 300
const PACK_ID = '7b3e9c4a-5d21-4f08-9a6c-0e1f2d3c4b5a'
const PACK_PATH = packPath(PACK_ID)
/** Looks like a key, is none; the upstream refuses anything else, so a 200 proves the proxy sent it. */
const BENCH_KEY = 'pub_load.sk_bench_LOAD-TEST-KEY-0000'
/**
 * Per client IP, per minute. Every request here comes from one address, so the default
 * (120) would turn the test into a test of the rate limiter; this is the largest allowed.
 */
const RATE_LIMIT_PER_MINUTE = 1_000_000
/** At most this many of the server's warn/error lines are kept, to show what went wrong. */
const KEPT_LINES = 5

/** @typedef {(typeof MODES)[number]} Mode */

const envInt = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}
const round = (/** @type {number} */ value, digits = 2) => Number(value.toFixed(digits))
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * @param {{ root: string, log: (message: string) => void }} options
 */
export async function runLoadTest({ root, log }) {
  const seconds = Math.min(envInt('BENCH_LOAD_SECONDS', 15), MAX_SECONDS)
  const connections = envInt('BENCH_LOAD_CONNECTIONS', 10)
  const body = Buffer.from(JSON.stringify(packEnvelope()))
  // The machine may be shared; other work on its cores shows up here as noise.
  const loadBefore = round(loadavg()[0] ?? 0)
  /** @type {(() => Promise<unknown>)[]} */
  const cleanups = []
  try {
    // The kit's upstream refuses any request without the bench key (401) before the handler
    // sees it, so a 200 proves the proxy sent the key.
    const upstream = await startFakeUpstream({ token: BENCH_KEY })
    upstream.handleWith(packHandler(body))
    cleanups.push(upstream.close)
    const counts = upstreamCounts(upstream)

    log('load test: compiling the production server (tsconfig.server.json)')
    const compiled = await compileProductionServer(root)
    cleanups.push(compiled.remove)
    // Only /api is loaded; the server just refuses to start without an index.html.
    const distDir = await mkdtemp(join(tmpdir(), 'pack-explorer-load-'))
    cleanups.push(() => rm(distDir, { recursive: true, force: true }))
    await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>\n')

    const serverLog = countServerLog()
    const server = await startProductionServer({
      entry: compiled.entry,
      distDir,
      cwd: root,
      // Only these variables (and PATH).
      baseEnv: { PATH: process.env.PATH ?? '' },
      env: {
        // Any free port: the kit reads the URL from the server's "listening" line.
        PORT: '0',
        NODE_ENV: 'production',
        GENVIRAL_API_TOKEN: BENCH_KEY,
        GENVIRAL_API_BASE_URL: upstream.url,
        PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      },
      // Counted line by line, not kept: the access log has a line per request.
      keepStdout: false,
      onStdoutLine: serverLog.count,
    })
    const stop = stopGracefully(server)
    cleanups.push(stop)
    const serverUrl = server.url
    log(`load test: upstream ${upstream.url}, production server ${serverUrl}`)

    /** @type {Record<Mode, { url: string, headers: Record<string, string> }>} */
    const targets = {
      // The load generator plays the proxy's part: it sends the key itself.
      direct: { url: upstream.url + PACK_PATH, headers: { authorization: `Bearer ${BENCH_KEY}` } },
      // No key and no accept-encoding: the proxy adds the one and relays the body as it is.
      proxy: { url: serverUrl + PACK_PATH, headers: {} },
      // What a browser sends: the server's compression middleware (server/compression.ts,
      // brotli at quality 5) compresses the proxy's answer. The proxy itself compresses
      // nothing: it relays an upstream's br or gzip body as it came, and this one sends none.
      proxyCompressed: { url: serverUrl + PACK_PATH, headers: { 'accept-encoding': 'br, gzip' } },
    }

    // One request each way first: the same pack must come back, so the load is the real path.
    for (const mode of MODES) {
      const { url, headers } = targets[mode]
      const answer = await get(url, headers)
      if (answer.status !== 200 || !answer.body.equals(body)) {
        throw new Error(`${mode}: HTTP ${answer.status}, not the upstream's pack`)
      }
      if (mode === 'proxyCompressed' && answer.encoding !== 'br') {
        throw new Error(`${mode}: expected a brotli answer, got "${answer.encoding}"`)
      }
    }
    for (const mode of MODES) {
      // JIT, connection pools and the server's first requests: not recorded.
      await autocannon({ ...targets[mode], connections, amount: WARM_UP_REQUESTS, pipelining: 1 })
    }

    /** @type {Partial<Record<Mode, ReturnType<typeof summarize>>>} */
    const modes = {}
    for (const mode of MODES) {
      log(`load test: ${mode}, ${connections} connections for ${seconds} s`)
      const receivedBefore = counts.received()
      const requestsBefore = serverLog.stats().requests
      const measured = await measure(targets[mode], connections, seconds)
      // Requests cut at the end of the run may still be on their way to the upstream.
      await sleep(500)
      modes[mode] = summarize(measured, {
        upstreamReceived: counts.received() - receivedBefore,
        accessLogLines: mode === 'direct' ? null : serverLog.stats().requests - requestsBefore,
      })
      log(`load test: ${mode}: ${describe(/** @type {any} */ (modes[mode]))}`)
    }

    const exitCode = await stop()
    // The server's stderr is kept by the kit; a little of it is enough to show what went wrong.
    const stats = { ...serverLog.stats(), stderr: server.stderr().slice(0, 4_000) }
    const { direct, proxy, proxyCompressed } = /** @type {Record<Mode, any>} */ (modes)
    const adds = (/** @type {any} */ through) => ({
      p50: round(through.latencyMs.p50 - direct.latencyMs.p50),
      p99: round(through.latencyMs.p99 - direct.latencyMs.p99),
    })
    const clean = MODES.every((mode) => {
      const m = /** @type {any} */ (modes[mode])
      return m.errors === 0 && m.timeouts === 0 && m.non2xx === 0
    })
    // Every request that the proxy answered reached the upstream once, and none came from
    // anywhere else: no more than were sent, no fewer than were answered.
    const forwardedOnce = [proxy, proxyCompressed].every(
      (m) => m.upstreamReceived >= m.completed && m.upstreamReceived <= m.sent,
    )
    return {
      ok:
        clean &&
        forwardedOnce &&
        counts.refused() === 0 &&
        stats.errorLines === 0 &&
        stats.non200Requests === 0 &&
        exitCode === 0,
      date: new Date().toISOString(),
      loadAverage: { before: loadBefore, after: round(loadavg()[0] ?? 0) },
      settings: {
        connections,
        secondsPerMode: seconds,
        pipelining: 1,
        warmUpRequestsPerMode: WARM_UP_REQUESTS,
        images: IMAGES,
        bodyBytes: body.length,
        rateLimitPerMinute: RATE_LIMIT_PER_MINUTE,
        node: process.version,
        autocannon: autocannonVersion(),
      },
      modes,
      proxyAddsMs: adds(proxy),
      proxyCompressedAddsMs: adds(proxyCompressed),
      forwardedOnce,
      upstreamRefused: counts.refused(),
      server: { ...stats, exitCode },
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => log(`load test: cleanup failed: ${error}`))
    }
  }
}

/**
 * A Get Pack answer of IMAGES images as the Partner API sends it: mixed statuses, varied
 * text, so that compression has realistic work to do.
 */
function packEnvelope() {
  const scenes = [
    ['A sunlit mountain lake at dusk with pine trees along the shore.', 'mountain', 'lake'],
    ['A runner on an empty city bridge at sunrise, mist over the river.', 'running', 'city'],
    ['Close-up of a coffee cup on a wooden desk beside an open notebook.', 'coffee', 'desk'],
    ['Waves breaking on black volcanic rocks under a stormy grey sky.', 'ocean', 'storm'],
    ['A hand-written to-do list pinned to a cork board, half crossed out.', 'notes', 'work'],
  ]
  const images = Array.from({ length: IMAGES }, (_, i) => {
    const [description, ...keywords] = /** @type {string[]} */ (scenes[i % scenes.length])
    const id = `a1b2c3d4-0000-4000-8000-${String(i + 1).padStart(12, '0')}`
    const status = i % 10 === 9 ? 'pending' : i % 25 === 24 ? 'failed' : 'completed'
    const done = status === 'completed'
    return {
      id,
      url: `https://cdn.genviral.io/packs/${PACK_ID}/${id}.jpg?w=1080&v=${1_700_000_000 + i * 37}`,
      metadata: {
        status,
        description: done ? `${description} Variation ${i + 1}.` : null,
        keywords: done ? [...keywords, `set-${i % 7}`, 'motivation'] : [],
        model: 'gpt-4.1-nano',
        generated_at: done ? new Date(Date.UTC(2026, 1, 17, 11, 2, i)).toISOString() : null,
        error: status === 'failed' ? 'The image could not be downloaded.' : null,
      },
    }
  })
  return {
    ok: true,
    code: 200,
    message: 'Pack retrieved successfully',
    data: {
      id: PACK_ID,
      name: 'Morning Motivation',
      image_count: IMAGES,
      is_public: false,
      created_at: '2026-02-17T10:58:00.000Z',
      images,
    },
  }
}

/**
 * The pack for the bench key (the kit's upstream refuses the rest), else 404. The body is
 * serialized once, and sent with a Content-Length, like most real APIs.
 * @param {Buffer} body
 * @returns {import('../../server/test-kit/fake-upstream.ts').UpstreamHandler}
 */
function packHandler(body) {
  return (req, res) => {
    if (req.url !== PACK_PATH) {
      res.writeHead(404, { 'content-type': 'application/json' })
      return void res.end('{"ok":false,"code":404,"message":"Pack not found"}')
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
    res.end(body)
  }
}

/**
 * How many requests the upstream received, and how many of them it refused for want of the
 * bench key. The kit's upstream keeps a record of each request; under load that is too many
 * to keep, so each count takes the records out.
 * @param {import('../../server/test-kit/fake-upstream.ts').FakeUpstream} upstream
 */
function upstreamCounts(upstream) {
  let received = 0
  let refused = 0
  const take = () => {
    const taken = upstream.received.splice(0)
    received += taken.length
    refused += taken.filter((r) => r.headers.authorization !== `Bearer ${BENCH_KEY}`).length
  }
  return {
    received: () => (take(), received),
    refused: () => (take(), refused),
  }
}

/** Counts the server's stdout lines by kind, and keeps its first few warn/error lines. */
function countServerLog() {
  const stats = {
    lines: 0,
    requests: 0,
    /** Access log lines with another status than 200. */
    non200Requests: 0,
    /**
     * Requests whose client hung up before the answer: autocannon cuts the ones in flight
     * when a run ends (at most one per connection per run), so these are expected.
     */
    abortedRequests: 0,
    warnLines: 0,
    errorLines: 0,
    /** @type {string[]} */
    kept: [],
  }
  /** @param {string} line */
  const count = (line) => {
    stats.lines++
    // Substring tests, not JSON.parse: this process is also the load generator.
    if (line.includes('"msg":"request"')) {
      stats.requests++
      if (line.includes('"aborted":true')) stats.abortedRequests++
      else if (!line.includes('"status":200,')) stats.non200Requests++
      return
    }
    const level = line.includes('"level":"error"')
      ? 'error'
      : line.includes('"level":"warn"')
        ? 'warn'
        : 'info'
    if (level === 'error') stats.errorLines++
    if (level === 'warn') stats.warnLines++
    if (level !== 'info' && stats.kept.length < KEPT_LINES) stats.kept.push(line)
  }
  return { count, stats: () => ({ ...stats, kept: [...stats.kept] }) }
}

/**
 * SIGTERM, as a process manager would stop it (SIGKILL after 15 s); the exit code says if
 * it drained cleanly. Once: later calls get the same exit code.
 * @param {import('../../server/test-kit/production-server.ts').ProductionServer} server
 */
function stopGracefully({ child, exited }) {
  /** @type {Promise<number | null> | undefined} */
  let stopping
  return () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      const code = await exited
      clearTimeout(timer)
      return code
    })())
}

/**
 * One GET with the kit's raw request (no agent, only these headers), the body decompressed
 * if it came compressed.
 * @param {string} url
 * @param {Record<string, string>} headers
 */
async function get(url, headers) {
  const { origin, pathname } = new URL(url)
  const answer = await rawRequest(origin, pathname, { headers })
  const encoding = String(answer.headers['content-encoding'] ?? '')
  const body =
    encoding === 'br'
      ? brotliDecompressSync(answer.body)
      : encoding === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body
  return { status: answer.status, encoding, body }
}

/**
 * One measured run. autocannon's latency histogram has 1 ms resolution, too coarse for a
 * proxy on loopback, so every 2xx response time is also kept (a few MB at most) for exact
 * percentiles.
 * @param {{ url: string, headers: Record<string, string> }} target
 * @param {number} connections
 * @param {number} seconds
 */
async function measure(target, connections, seconds) {
  /** @type {number[]} */
  const times = []
  const instance = autocannon({ ...target, connections, duration: seconds, pipelining: 1 })
  instance.on(
    'response',
    (
      /** @type {unknown} */ _client,
      /** @type {number} */ status,
      /** @type {number} */ _bytes,
      /** @type {number} */ ms,
    ) => {
      if (status >= 200 && status < 300) times.push(ms)
    },
  )
  const result = await instance
  return { result, times }
}

/**
 * @param {{ result: import('autocannon').Result, times: number[] }} measured
 * @param {{ upstreamReceived: number, accessLogLines: number | null }} counts
 */
function summarize({ result, times }, counts) {
  const sorted = Float64Array.from(times).sort()
  // Nearest rank.
  const at = (/** @type {number} */ p) =>
    sorted.length === 0
      ? NaN
      : (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN)
  const completed = result.requests.total
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyMs: {
      mean: round(sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(1, sorted.length)),
      p50: round(at(50)),
      p90: round(at(90)),
      p99: round(at(99)),
      max: round(sorted.at(-1) ?? NaN),
    },
    completed,
    sent: result.requests.sent,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
    ),
    bytesPerSecond: Math.round(result.throughput.average),
    // Headers included: what autocannon read off the socket.
    bytesPerResponse: completed > 0 ? Math.round(result.throughput.total / completed) : null,
    durationSeconds: round(result.duration, 1),
    ...counts,
  }
}

function describe(/** @type {ReturnType<typeof summarize>} */ m) {
  return [
    `${m.requestsPerSecond} req/s`,
    `p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, max ${m.latencyMs.max} ms`,
    `${m.completed} answered, ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx`,
    `upstream received ${m.upstreamReceived}`,
  ].join('; ')
}

/** autocannon is the bench's own dependency, in tools/node_modules. */
function autocannonVersion() {
  const file = fileURLToPath(new URL('../node_modules/autocannon/package.json', import.meta.url))
  return /** @type {string} */ (JSON.parse(readFileSync(file, 'utf8')).version)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const result = await runLoadTest({ root, log: (message) => console.error(message) })
  console.log(JSON.stringify(result, null, 2))
  if (!result.ok) process.exitCode = 1
}
