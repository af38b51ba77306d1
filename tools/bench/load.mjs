// A bounded loopback load test of the production server (`npm start`): the same Get Pack
// request sent with autocannon straight to a local test upstream, then through the
// production proxy in front of it, to see what the proxy adds. Part of `npm run bench`
// (results.load); `node tools/bench/load.mjs` runs it alone and prints the result as JSON.
//
// Environment: BENCH_LOAD_SECONDS (per measured mode, default 15, at most 20, so the three
// modes stay within 60 s of load), BENCH_LOAD_CONNECTIONS (default 10).
import { execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, request } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import autocannon from 'autocannon'

const MODES = /** @type {const} */ (['direct', 'proxy', 'proxyCompressed'])
/** Three modes × 20 s: the bound of 60 s of load. */
const MAX_SECONDS = 20
const IMAGES = 100
const WARM_UP_REQUESTS = 300
const PACK_ID = '7b3e9c4a-5d21-4f08-9a6c-0e1f2d3c4b5a'
const PACK_PATH = `/api/partner/v1/packs/${PACK_ID}`
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
    const upstream = await startUpstream(body)
    cleanups.push(upstream.close)

    log('load test: compiling the production server (tsconfig.server.json)')
    // Inside the project, so the compiled files resolve express & co. from its node_modules
    // (the same approach as server/start.test.ts).
    await mkdir(join(root, 'node_modules/.tmp'), { recursive: true })
    const outDir = await mkdtemp(join(root, 'node_modules/.tmp/load-bench-'))
    cleanups.push(() => rm(outDir, { recursive: true, force: true }))
    await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.server.json',
        '--outDir',
        outDir,
      ],
      { cwd: root },
    )
    // Under node_modules/ the project's package.json does not count: say the files are ESM.
    await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n')
    // Only /api is loaded; the server just refuses to start without an index.html.
    const distDir = await mkdtemp(join(tmpdir(), 'pack-explorer-load-'))
    cleanups.push(() => rm(distDir, { recursive: true, force: true }))
    await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>\n')

    const server = startServer(join(outDir, 'server/start.js'), root, {
      HOST: '127.0.0.1',
      // Any free port: the URL is read from the server's "listening" line.
      PORT: '0',
      NODE_ENV: 'production',
      GENVIRAL_API_TOKEN: BENCH_KEY,
      GENVIRAL_API_BASE_URL: upstream.url,
      PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      PACK_EXPLORER_DIST_DIR: distDir,
    })
    cleanups.push(server.stop)
    const serverUrl = await server.listening
    log(`load test: upstream ${upstream.url}, production server ${serverUrl}`)

    /** @type {Record<Mode, { url: string, headers: Record<string, string> }>} */
    const targets = {
      // The load generator plays the proxy's part: it sends the key itself.
      direct: { url: upstream.url + PACK_PATH, headers: { authorization: `Bearer ${BENCH_KEY}` } },
      // No key and no accept-encoding: the proxy adds the one and relays the body as it is.
      proxy: { url: serverUrl + PACK_PATH, headers: {} },
      // What a browser sends: the proxy brotli-compresses every answer over 1 KB.
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
      const receivedBefore = upstream.received()
      const requestsBefore = server.stats().requests
      const measured = await measure(targets[mode], connections, seconds)
      // Requests cut at the end of the run may still be on their way to the upstream.
      await sleep(500)
      modes[mode] = summarize(measured, {
        upstreamReceived: upstream.received() - receivedBefore,
        accessLogLines: mode === 'direct' ? null : server.stats().requests - requestsBefore,
      })
      log(`load test: ${mode}: ${describe(/** @type {any} */ (modes[mode]))}`)
    }

    const exitCode = await server.stop()
    const stats = server.stats()
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
        upstream.refused() === 0 &&
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
      upstreamRefused: upstream.refused(),
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

/** The stand-in for the Partner API: one pack, for the bench key only. */
async function startUpstream(/** @type {Buffer} */ body) {
  const unauthorized = Buffer.from(
    JSON.stringify({
      ok: false,
      code: 401,
      message: 'Invalid API key',
      error_code: 'unauthorized',
    }),
  )
  let received = 0
  let refused = 0
  const server = createServer((req, res) => {
    received++
    if (req.headers.authorization !== `Bearer ${BENCH_KEY}`) {
      refused++
      res.writeHead(401, { 'content-type': 'application/json' })
      return void res.end(unauthorized)
    }
    if (req.url !== PACK_PATH) {
      res.writeHead(404, { 'content-type': 'application/json' })
      return void res.end('{"ok":false,"code":404,"message":"Pack not found"}')
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
    res.end(body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${address.port}`,
    received: () => received,
    refused: () => refused,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/**
 * Runs the compiled `npm start` entry with only these variables (and PATH). Its output is
 * counted line by line, not kept: the access log has a line per request.
 * @param {string} entry
 * @param {string} cwd
 * @param {Record<string, string>} env
 */
function startServer(entry, cwd, env) {
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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
    stderr: '',
  }
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  /** @type {(url: string) => void} */
  let onListening = () => {}
  /** @type {Promise<string>} */
  const listening = new Promise((resolve, reject) => {
    onListening = resolve
    void exited.then((code) =>
      reject(new Error(`the production server exited (${code}): ${stats.stderr.trim()}`)),
    )
    setTimeout(() => reject(new Error('the production server did not start in 30 s')), 30_000)
  })
  listening.catch(() => {}) // handled by whoever awaits it; this keeps a later exit quiet

  createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) }).on(
    'line',
    (line) => {
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
      if (line.includes('"msg":"listening"')) onListening(JSON.parse(line).url)
    },
  )
  child.stderr?.on('data', (chunk) => {
    if (stats.stderr.length < 4_000) stats.stderr += String(chunk)
  })

  let stopping = /** @type {Promise<number | null> | null} */ (null)
  /** SIGTERM, as a process manager would stop it; the exit code says if it drained cleanly. */
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      const code = await exited
      clearTimeout(timer)
      return code
    })()
    return stopping
  }
  return { listening, stop, stats: () => ({ ...stats, kept: [...stats.kept] }) }
}

/**
 * One GET with node:http, the body decompressed if it came compressed.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @returns {Promise<{ status: number, encoding: string, body: Buffer }>}
 */
function get(url, headers) {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      /** @type {Buffer[]} */
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const encoding = res.headers['content-encoding'] ?? ''
        const body =
          encoding === 'br'
            ? brotliDecompressSync(raw)
            : encoding === 'gzip'
              ? gunzipSync(raw)
              : raw
        resolve({ status: res.statusCode ?? 0, encoding, body })
      })
    })
      .on('error', reject)
      .end()
  })
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
