import type { ChildProcess } from 'node:child_process'
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { Agent, get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeUpstream, type FakeUpstream } from './test-kit/fake-upstream.ts'
import {
  compileProductionServer,
  startProductionServer,
  type CompiledServer,
} from './test-kit/production-server.ts'
import { reviewDataDir } from './test-kit/review-data.ts'
import { packPath } from '../contract/partner-api/paths.ts'

// Many people opening one big pack at once: the proxy holds at most 16 upstream answers in
// memory (server/proxy/upstream-gate.ts), so the server's memory stays bounded and it keeps
// answering. Through `npm start`'s compiled entry in a child process, whose RSS is read from
// /proc.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TOKEN = 'pub_5d1.sk_live_MEMORY-TEST-SECRET-77c1'
const PACK = '66666666-6666-4666-8666-666666666666'
const REQUESTS = 120
/** The upstream answers after this long: the requests overlap. */
const UPSTREAM_DELAY_MS = 200
/**
 * 16 held answers of 6 MB, each with its decoded/checked copies and the copy being written
 * to the client, plus the heap's slack: well under this. 120 held at once is far above it.
 */
const MAX_GROWTH_MB = 400

/** A Get Pack envelope of about 6 MB, built once. */
function bigPackBody(): Buffer {
  const images = Array.from({ length: 15_000 }, (_, i) => ({
    id: `9d0e1f20-0000-4000-8000-${String(i).padStart(12, '0')}`,
    url: `https://cdn.example.com/packs/${PACK}/images/${i}.jpg`,
    metadata: { status: 'completed', description: 'x'.repeat(260) },
  }))
  return Buffer.from(
    JSON.stringify({
      ok: true,
      code: 200,
      message: 'Pack retrieved',
      data: { id: PACK, name: 'Big Pack', images },
    }),
  )
}

let compiled: CompiledServer
let distDir: string
let reviewDir: string
let upstream: FakeUpstream
let body: Buffer
const children: ChildProcess[] = []

beforeAll(async () => {
  compiled = await compileProductionServer(ROOT)
  distDir = await mkdtemp(join(tmpdir(), 'pack-explorer-memory-test-'))
  // Its own review data: other test files' servers may hold the default folder meanwhile.
  reviewDir = await reviewDataDir(distDir)
  await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>\n')
  body = bigPackBody()
  upstream = await startFakeUpstream({ token: TOKEN })
  upstream.handleWith((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(body.length),
      })
      res.end(body)
    }, UPSTREAM_DELAY_MS)
  })
}, 120_000)

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  await upstream?.close()
  await compiled?.remove()
  if (distDir) await rm(distDir, { recursive: true, force: true })
})

/** The child's resident memory in MB, from /proc (Linux). */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1])
  return kb / 1024
}

/** GETs `url`, reads and discards the body; the status and the error code of a refusal. */
function fetchDiscarding(url: URL, agent: Agent): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      const status = res.statusCode ?? 0
      let text = ''
      res.on('data', (chunk: Buffer) => {
        // Only small refusals are kept, to read their code.
        if (status !== 200) text += String(chunk)
      })
      res.on('end', () => {
        const code =
          status === 200 ? undefined : (JSON.parse(text) as { error_code?: string }).error_code
        resolve({ status, code })
      })
      res.on('error', reject)
    }).on('error', reject)
  })
}

/** Runs the burst against a server started with `env`; its RSS growth at peak, in MB. */
async function burst(env: Record<string, string>) {
  const started = await startProductionServer({
    entry: compiled.entry,
    distDir,
    cwd: ROOT,
    baseEnv: { PATH: process.env.PATH ?? '' },
    keepStdout: false,
    env: {
      GENVIRAL_API_TOKEN: TOKEN,
      GENVIRAL_API_BASE_URL: upstream.url,
      PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: '30000',
      // The limiter must not be what answers.
      PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: '100000',
      PACK_EXPLORER_DATA_DIR: reviewDir,
      ...env,
    },
  })
  children.push(started.child)
  const pid = started.child.pid as number
  const base = new URL(started.url)
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
  try {
    const before = await rssMb(pid)
    let peak = before
    const poll = setInterval(() => {
      rssMb(pid).then(
        (mb) => (peak = Math.max(peak, mb)),
        () => {},
      )
    }, 50)
    const answers = Promise.all(
      Array.from({ length: REQUESTS }, () => fetchDiscarding(new URL(packPath(PACK), base), agent)),
    )
    // While the burst runs, the health check still answers, promptly.
    await new Promise((resolve) => setTimeout(resolve, UPSTREAM_DELAY_MS + 300))
    const healthStarted = Date.now()
    const health = await fetchDiscarding(new URL('/healthz', base), agent)
    const healthMs = Date.now() - healthStarted
    const results = await answers
    clearInterval(poll)
    return { before, growth: peak - before, health, healthMs, results }
  } finally {
    agent.destroy()
    await started.stop()
  }
}

describe('npm start under a burst for a big pack', () => {
  it('keeps its memory bounded and /healthz answering while 120 ask for a 6 MB pack at once', async () => {
    expect(body.length).toBeGreaterThan(5_500_000)
    const { growth, health, healthMs, results } = await burst({})
    console.log(`memory-bound: RSS grew ${growth.toFixed(0)} MB; /healthz in ${healthMs} ms`)
    expect(health.status).toBe(200)
    // Generous for a slow shared machine; without the gate it took about twice as long.
    expect(healthMs).toBeLessThan(5_000)
    for (const result of results) {
      if (result.status !== 200) expect(result).toEqual({ status: 503, code: 'proxy_busy' })
    }
    expect(results.some((result) => result.status === 200)).toBe(true)
    expect(growth).toBeLessThan(MAX_GROWTH_MB)
  }, 90_000)
})
