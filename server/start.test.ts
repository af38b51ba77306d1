import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { Agent, get } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeUpstream, type FakeUpstream } from './test-kit/fake-upstream.ts'
import {
  compileProductionServer,
  spawnProductionServer,
  startProductionServer,
  type CompiledServer,
  type SpawnedServer,
} from './test-kit/production-server.ts'
import { ensurePgliteTemplate, reviewDataDirSync } from './test-kit/review-data.ts'
import { rawRequest } from './test-kit/request.ts'
import { packPath } from '../contract/partner-api/paths.ts'

// The real `npm start` entry, compiled the way `npm run build` compiles it and run by plain
// Node in a child process, so signals and exit codes are the real ones.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TOKEN = 'pub_5d1.sk_live_START-TEST-SECRET-a83e'
const SLOW_PACK = '22222222-2222-2222-2222-222222222222'
const SLOW_MS = 1_000

let compiled: CompiledServer
let distDir: string
let upstream: FakeUpstream
let upstreamUrl: string
const children: ChildProcess[] = []

beforeAll(async () => {
  compiled = await compileProductionServer(ROOT)

  distDir = await mkdtemp(join(tmpdir(), 'pack-explorer-start-test-'))
  await ensurePgliteTemplate()
  await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>\n')

  upstream = await startFakeUpstream({ token: TOKEN })
  upstream.scriptPack(
    [
      {
        status: 200,
        body: { ok: true, code: 200, message: 'Pack retrieved', data: {} },
        delayMs: SLOW_MS,
      },
    ],
    SLOW_PACK,
  )
  upstreamUrl = upstream.url
}, 120_000)

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  await upstream?.close()
  await compiled?.remove()
  if (distDir) await rm(distDir, { recursive: true, force: true })
})

/**
 * Each server's own review data (PGlite): not the folder beside the compiled server, which
 * other servers may hold meanwhile.
 */
const reviewData = () => ({ PACK_EXPLORER_DATA_DIR: reviewDataDirSync(distDir) })

/** Runs the compiled entry with only these variables (and PATH). */
const entry = () => ({
  entry: compiled.entry,
  distDir,
  cwd: ROOT,
  baseEnv: { PATH: process.env.PATH ?? '' },
})

function run(env: Record<string, string>): SpawnedServer {
  const started = spawnProductionServer({ ...entry(), env: { ...reviewData(), ...env } })
  children.push(started.child)
  return started
}

async function listen(env: Record<string, string>) {
  const started = await startProductionServer({ ...entry(), env: { ...reviewData(), ...env } })
  children.push(started.child)
  return { started, url: new URL(started.url) }
}

/** The lines it wrote to stdout so far. */
const stdoutLines = (started: SpawnedServer) => started.stdout().split('\n')

function getText(url: URL, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += String(chunk)))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    }).on('error', reject)
  })
}

function canConnect(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** A bare TCP connection to `url`, once connected. */
function openSocket(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) })
    socket.once('connect', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Everything the server sends on `socket` until it closes it, and how long that took. */
function untilClosed(socket: Socket, waitMs: number) {
  const started = Date.now()
  let received = ''
  socket.on('data', (chunk: Buffer) => (received += String(chunk)))
  // A reset is a close too.
  socket.on('error', () => {})
  return new Promise<{ closed: boolean; ms: number; received: string }>((resolve) => {
    const timer = setTimeout(
      () => resolve({ closed: false, ms: Date.now() - started, received }),
      waitMs,
    )
    socket.once('close', () => {
      clearTimeout(timer)
      resolve({ closed: true, ms: Date.now() - started, received })
    })
  })
}

describe('npm start', () => {
  it('finishes a request in flight after SIGTERM, refuses new connections, and exits 0', async () => {
    const { started, url } = await listen({
      PORT: '0',
      GENVIRAL_API_TOKEN: TOKEN,
      GENVIRAL_API_BASE_URL: upstreamUrl,
    })
    expect(
      JSON.parse(stdoutLines(started).find((line) => line.includes('listening'))!),
    ).toMatchObject({
      level: 'info',
      url: `http://127.0.0.1:${url.port}`,
      mode: 'proxy',
      upstream: upstreamUrl,
    })

    // A kept-alive connection: it must not hold the exit up once its answer is out.
    const agent = new Agent({ keepAlive: true })
    const slow = getText(new URL(packPath(SLOW_PACK), url), agent)
    while (!upstream.received.some((request) => request.url.includes(SLOW_PACK))) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const signalled = Date.now()
    started.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await canConnect(url)).toBe(false)

    const answer = await slow
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true })
    expect(await started.exited).toBe(0)
    // Well under the 5 s keep-alive timeout and the 10 s drain limit.
    expect(Date.now() - signalled).toBeLessThan(SLOW_MS + 2_000)
    agent.destroy()

    const lines = stdoutLines(started)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string })
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SIGTERM: not accepting new connections/),
        'stopped',
      ]),
    )
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', path: packPath(SLOW_PACK) }),
    )
    expect(started.stdout()).not.toContain(TOKEN)
    expect(started.stderr()).toBe('')
  }, 20_000)

  it('gives a page whose name was rebound to 127.0.0.1 nothing: 421, the upstream sees nothing', async () => {
    // The documented default: a key, loopback, no auth. DNS rebinding: the browser connects
    // to this port, but with the attacker's name as the Host.
    const { url } = await listen({
      PORT: '0',
      GENVIRAL_API_TOKEN: TOKEN,
      GENVIRAL_API_BASE_URL: upstreamUrl,
    })
    const pack = packPath('33333333-3333-3333-3333-333333333333')
    const before = upstream.received.length
    for (const host of [`evil.example:${url.port}`, 'attacker.test']) {
      for (const path of ['/', '/app-config.json', pack, `/api/partner/v1/packs?search=x`]) {
        const answer = await rawRequest(url.origin, path, { headers: { host } })
        expect(answer.status, `${host} ${path}`).toBe(421)
        expect(answer.text).not.toContain('<div id="root">')
      }
    }
    expect(upstream.received.slice(before)).toEqual([])
    // Load balancers probe by IP.
    const health = await rawRequest(url.origin, '/healthz', { headers: { host: 'attacker.test' } })
    expect(health.status).toBe(200)
    // Its own name still gets through to the upstream.
    expect((await rawRequest(url.origin, pack)).status).toBe(404)
    expect(upstream.received.slice(before).map((request) => request.url)).toEqual([pack])
  }, 20_000)

  it('stops on SIGINT in demo mode too', async () => {
    const { started, url } = await listen({ PORT: '0' })
    expect(started.stdout()).toContain('"mode":"demo"')
    const agent = new Agent({ keepAlive: true })
    const pack = await getText(
      new URL(packPath('11111111-1111-1111-1111-111111111111'), url),
      agent,
    )
    expect(pack.status).toBe(200)
    started.child.kill('SIGINT')
    expect(await started.exited).toBe(0)
    agent.destroy()
    expect(stdoutLines(started).filter(Boolean).at(-1)).toContain('"msg":"stopped"')
  }, 20_000)

  it('refuses to serve the key on 0.0.0.0 without access control', async () => {
    const started = run({ HOST: '0.0.0.0', PORT: '0', GENVIRAL_API_TOKEN: TOKEN })
    expect(await started.exited).toBe(1)
    expect(started.stderr()).toMatch(/^pack-explorer: Refusing to listen on 0\.0\.0\.0/)
    expect(started.stderr()).toContain('PACK_EXPLORER_BASIC_AUTH')
    expect(started.stderr()).toContain('PACK_EXPLORER_TRUST_PROXY_AUTH')
    expect(started.stderr()).not.toContain(TOKEN)
    expect(started.stdout()).toBe('')
  }, 20_000)

  it('warns that the password travels in clear with Basic auth beyond loopback and no TLS proxy', async () => {
    const auth = { PORT: '0', PACK_EXPLORER_BASIC_AUTH: 'alice:correct horse battery' }
    const beyond = { HOST: '0.0.0.0', PACK_EXPLORER_ALLOWED_HOSTS: 'packs.example.com' }
    const warnings = async (env: Record<string, string>) => {
      const { started } = await listen({ ...auth, ...env })
      const lines = stdoutLines(started)
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: string; msg: string })
      started.child.kill('SIGTERM')
      expect(await started.exited).toBe(0)
      return lines.filter((line) => line.level === 'warn').map((line) => line.msg)
    }
    expect(await warnings(beyond)).toEqual([
      expect.stringMatching(
        /^Basic auth over plain HTTP on 0\.0\.0\.0: the password travels in clear/,
      ),
    ])
    expect(await warnings({ ...beyond, PACK_EXPLORER_TRUST_PROXY: 'loopback' })).toEqual([])
    expect(await warnings({})).toEqual([])
  }, 30_000)

  it.each([
    [{ PACK_EXPLORER_BASIC_AUTH: 'alice' }, 'PACK_EXPLORER_BASIC_AUTH must be user:password'],
    [{ PACK_EXPLORER_DIST_DIR: '/nonexistent/dist' }, 'run npm run build first'],
    [{ PACK_EXPLORER_TRUST_PROXY: 'not an address' }, 'not an address'],
    [{ PACK_EXPLORER_TRUST_PROXY: 'true' }, 'PACK_EXPLORER_TRUST_PROXY=true'],
    [{ PACK_EXPLORER_TRUST_PROXY: '32' }, 'more than 5 hops'],
    [{ PACK_EXPLORER_TRUST_PROXY: '0.0.0.0/1' }, 'wider than /8'],
    [{ PACK_EXPLORER_TRUST_PROXY_AUTH: '1' }, 'PACK_EXPLORER_TRUST_PROXY_AUTH=1 needs'],
    [{ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: '5s' }, 'PACK_EXPLORER_UPSTREAM_TIMEOUT_MS must be'],
    [{ GENVIRAL_API_BASE_URL: 'http://api.example.com' }, 'GENVIRAL_API_BASE_URL must be https:'],
    [{ GENVIRAL_API_BASE_URL: 'https://api.example.com/v1' }, 'without a path'],
    [{ PACK_EXPLORER_MAX_CONNECTIONS: '-1' }, 'PACK_EXPLORER_MAX_CONNECTIONS'],
    [{ PACK_EXPLORER_BASIC_AUTH: 'alice:elevenchars' }, 'at least 12 characters'],
  ])(
    'refuses to start with %o, in one line',
    async (env, message) => {
      const started = run({ PORT: '0', ...env })
      expect(await started.exited).toBe(1)
      expect(started.stderr()).toContain(message)
      expect(started.stderr()).toMatch(/^pack-explorer: [^\n]+\n$/)
      expect(started.stdout()).toBe('')
    },
    20_000,
  )
})

describe('npm start bounds its connections', () => {
  it('cuts a client that sends half a header block after about 10 s', async () => {
    const { url } = await listen({ PORT: '0' })
    const socket = await openSocket(url)
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${url.host}\r\nX-Slow: `)
    const { closed, ms, received } = await untilClosed(socket, 15_000)
    expect(closed).toBe(true)
    expect(received).toMatch(/^HTTP\/1\.1 408 /)
    expect(ms).toBeGreaterThan(8_000)
    expect(ms).toBeLessThan(12_500)
  }, 30_000)

  it('drops connections beyond PACK_EXPLORER_MAX_CONNECTIONS, and takes new ones as others close', async () => {
    const { started, url } = await listen({ PORT: '0', PACK_EXPLORER_MAX_CONNECTIONS: '2' })
    expect(started.stdout()).toContain('"max_connections":2')
    const first = await openSocket(url)
    const second = await openSocket(url)
    // Past the limit: accepted by the kernel, closed by the server without a word.
    const extra = await openSocket(url)
    extra.write(`GET /healthz HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`)
    const dropped = await untilClosed(extra, 5_000)
    expect(dropped).toMatchObject({ closed: true, received: '' })
    // The two it holds still answer.
    const answered = untilClosed(first, 5_000)
    first.write(`GET /healthz HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`)
    expect((await answered).received).toMatch(/^HTTP\/1\.1 200 /)
    // One closed, so a new one gets in.
    let health = { status: 0, body: '' }
    for (let attempt = 0; attempt < 50 && health.status !== 200; attempt++) {
      const agent = new Agent({ keepAlive: false })
      health = await getText(new URL('/healthz', url), agent).catch(() => ({ status: 0, body: '' }))
      agent.destroy()
      if (health.status !== 200) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(health.status).toBe(200)
    second.destroy()
  }, 20_000)

  it('closes the connection of a request refused before its body was read', async () => {
    const { url } = await listen({ PORT: '0' })
    const socket = await openSocket(url)
    const answer = untilClosed(socket, 5_000)
    // A 405 on the pack path, with 1 MB of body announced and a few bytes sent (from the
    // app's own page: any other write is refused before, server/same-origin-writes.ts).
    socket.write(
      `POST ${packPath(SLOW_PACK)} HTTP/1.1\r\nHost: ${url.host}\r\nSec-Fetch-Site: same-origin\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"a":',
    )
    const { closed, received } = await answer
    expect(received).toMatch(/^HTTP\/1\.1 405 /)
    expect(received.toLowerCase()).toContain('\r\nconnection: close\r\n')
    expect(closed).toBe(true)

    // A refusal without a body keeps its connection, as before.
    const kept = await openSocket(url)
    const keptAnswer = untilClosed(kept, 1_000)
    kept.write(`GET /api/partner/v1/nothing-here HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`)
    const idle = await keptAnswer
    expect(idle.received).toMatch(/^HTTP\/1\.1 404 /)
    expect(idle.received.toLowerCase()).toContain('\r\nconnection: keep-alive\r\n')
    expect(idle.closed).toBe(false)
    kept.destroy()
  }, 20_000)
})
