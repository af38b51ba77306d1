import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  reviewDecisionsPath,
  reviewHistoryPath,
  reviewImagePath,
  reviewPackPath,
} from '../../contract/review-api/paths.ts'
import {
  compileProductionServer,
  startProductionServer,
  type CompiledServer,
  type ProductionServer,
} from '../test-kit/production-server.ts'
import {
  createTestPostgresDatabase,
  POSTGRES_SKIP_REASON,
  TEST_DATABASE_URL,
} from '../test-kit/review-databases.ts'
import { reviewDataDir } from '../test-kit/review-data.ts'
import { rawRequest } from '../test-kit/request.ts'

// `npm start`'s real entry, compiled as `npm run build` does, killed with SIGKILL right
// after its last acknowledged write: every acknowledged write must be there after a restart,
// the WRITES single ones and the BULK decisions of the bulk write that follows them.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e0d'
const WRITES = 40
const BULK = 1_000
const image = (n: number) => `7a3f9c10-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

let compiled: CompiledServer
let root: string
const servers: ProductionServer[] = []

beforeAll(async () => {
  compiled = await compileProductionServer(ROOT)
  root = await mkdtemp(join(tmpdir(), 'pack-explorer-durability-'))
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>\n')
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  await compiled?.remove()
  if (root) await rm(root, { recursive: true, force: true })
})

async function serve(env: Record<string, string>): Promise<ProductionServer> {
  const server = await startProductionServer({
    entry: compiled.entry,
    distDir: root,
    cwd: ROOT,
    baseEnv: { PATH: process.env.PATH ?? '' },
    env: { PORT: '0', ...env },
  })
  servers.push(server)
  return server
}

function put(server: ProductionServer, n: number, body: Record<string, unknown>) {
  return rawRequest(server.url, reviewImagePath(PACK, image(n)), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ fingerprint: `v1.fp-${n}`, reviewer: 'Dana', ...body }),
  })
}

async function read<T>(server: ProductionServer, path: string): Promise<T> {
  const answer = await rawRequest(server.url, path)
  expect(answer.status, answer.text).toBe(200)
  return (JSON.parse(answer.text) as { data: T }).data
}

interface PackData {
  revision: number
  images: { image_id: string; decision: string; reviewer: string }[]
}

/** Writes, ten at a time, and kills the server as soon as the last one is acknowledged. */
async function writeThenKill(server: ProductionServer): Promise<Map<string, string>> {
  const acknowledged = new Map<string, string>()
  for (let start = 1; start <= WRITES; start += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, offset) => {
        const n = start + offset
        const decision = n % 3 === 0 ? 'rejected' : 'approved'
        const body = decision === 'rejected' ? { decision, reasons: ['other'] } : { decision }
        const answer = await put(server, n, body)
        expect(answer.status, answer.text).toBe(200)
        acknowledged.set(image(n), decision)
      }),
    )
  }
  const items = Array.from({ length: BULK }, (_, i) => ({
    image_id: image(WRITES + 1 + i),
    decision: 'approved',
    fingerprint: `v1.fp-${WRITES + 1 + i}`,
  }))
  const bulk = await rawRequest(server.url, reviewDecisionsPath(PACK), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ items, reviewer: 'Sam' }),
  })
  expect(bulk.status, bulk.text.slice(0, 300)).toBe(200)
  for (const item of items) acknowledged.set(item.image_id, item.decision)
  server.child.kill('SIGKILL')
  await server.exited
  return acknowledged
}

async function expectEveryWrite(server: ProductionServer, acknowledged: Map<string, string>) {
  const pack = await read<PackData>(server, reviewPackPath(PACK))
  expect(pack.revision).toBe(WRITES + BULK)
  expect(new Map(pack.images.map((d) => [d.image_id, d.decision]))).toEqual(acknowledged)
}

describe('acknowledged writes survive SIGKILL', () => {
  it('on PGlite in PACK_EXPLORER_DATA_DIR', async () => {
    const env = { PACK_EXPLORER_DATA_DIR: await reviewDataDir(root) }
    const acknowledged = await writeThenKill(await serve(env))
    await expectEveryWrite(await serve(env), acknowledged)
  }, 120_000)

  describe.skipIf(!TEST_DATABASE_URL)(
    `on PostgreSQL (${TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : POSTGRES_SKIP_REASON})`,
    () => {
      it('with DATABASE_URL', async () => {
        const database = await createTestPostgresDatabase()
        try {
          const env = { DATABASE_URL: database.url }
          const acknowledged = await writeThenKill(await serve(env))
          await expectEveryWrite(await serve(env), acknowledged)
        } finally {
          await Promise.all(servers.map((server) => server.stop()))
          await database.drop()
        }
      }, 120_000)
    },
  )
})

describe.skipIf(!TEST_DATABASE_URL)(
  `several instances on one PostgreSQL (${TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : POSTGRES_SKIP_REASON})`,
  () => {
    it('migrate at once and agree: a write through one is read through the other', async () => {
      const database = await createTestPostgresDatabase()
      try {
        const env = { DATABASE_URL: database.url }
        // Started at once on an empty database: both apply (or wait for) the migrations.
        const [a, b] = await Promise.all([serve(env), serve(env)])
        expect((await put(a!, 1, { decision: 'approved', reviewer: 'Dana' })).status).toBe(200)
        expect((await read<PackData>(b!, reviewPackPath(PACK))).images).toMatchObject([
          { image_id: image(1), decision: 'approved', reviewer: 'Dana' },
        ])
        const later = { decision: 'rejected', reasons: ['unsafe'], reviewer: 'Sam' }
        expect((await put(b!, 1, later)).status).toBe(200)
        const pack = await read<PackData>(a!, reviewPackPath(PACK))
        expect(pack.revision).toBe(2)
        expect(pack.images).toMatchObject([{ decision: 'rejected', reviewer: 'Sam' }])
        const history = await read<{ entries: { reviewer: string }[] }>(
          a!,
          reviewHistoryPath(PACK, image(1)),
        )
        expect(history.entries.map((entry) => entry.reviewer)).toEqual(['Sam', 'Dana'])
      } finally {
        await Promise.all(servers.map((server) => server.stop()))
        await database.drop()
      }
    }, 120_000)
  },
)

describe('PGlite takes one process per data directory', () => {
  it('a second server on the same folder says so, and the first keeps working', async () => {
    const env = { PACK_EXPLORER_DATA_DIR: await reviewDataDir(root) }
    const first = await serve(env)
    const second = await serve(env)
    const refused = await rawRequest(second.url, reviewPackPath(PACK))
    expect(refused.status).toBe(503)
    expect(refused.text).toContain(`in use by another process (PID ${first.child.pid})`)
    expect((await put(first, 1, { decision: 'approved' })).status).toBe(200)
  }, 120_000)
})
