import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPath } from '../../contract/partner-api/paths.ts'
import type { WirePack } from '../../contract/partner-api/wire.ts'
import { fingerprintOf } from '../../contract/review-api/fingerprint.ts'
import {
  reviewHistoryPath,
  reviewImagePath,
  reviewPackPath,
} from '../../contract/review-api/paths.ts'
import { DEMO_PACK_IDS } from '../demo/fixtures.ts'
import { createJsonLog } from '../json-log.ts'
import { createProductionApp } from '../production.ts'
import type { ProductionConfig } from '../production-config.ts'
import { API_SECURITY_HEADERS } from '../security-headers.ts'
import { startFakeUpstream, type FakeUpstream } from '../test-kit/fake-upstream.ts'
import { reviewDataDir } from '../test-kit/review-data.ts'
import { rawRequest, type RawAnswer } from '../test-kit/request.ts'

// The review API's wire contract, through `npm start`'s app (the same handler `vite` and
// `vite preview` mount: server/api.ts), on PGlite in a temporary folder.
const PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e09'
const IMAGE = '7a3f9c10-0000-4000-8000-000000000001'
const IMAGE_2 = '7a3f9c10-0000-4000-8000-000000000002'
const TOKEN = 'pub_1a2.sk_live_REVIEW-API-TEST-SECRET-9d'
const DB_PASSWORD = 'pw-REVIEW-DB-SECRET-77'

interface Running {
  url: string
  close: () => Promise<void>
}

let root: string
let distDir: string
let upstream: FakeUpstream
/** Review data (PGlite) shared by the apps, and one for an app that must not see its seed. */
let shared: string
let keyedData: string
const logLines: string[] = []
const running: Running[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pack-explorer-review-api-'))
  distDir = join(root, 'dist')
  await mkdir(distDir)
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>Pack Explorer</title>')
  upstream = await startFakeUpstream({ token: TOKEN })
  shared = await reviewDataDir(root)
  keyedData = await reviewDataDir(root)
})

afterAll(async () => {
  await Promise.all(running.map((app) => app.close()))
  await upstream?.close()
  if (root) await rm(root, { recursive: true, force: true })
  for (const line of logLines) expect(line).not.toContain(DB_PASSWORD)
})

async function start(overrides: Partial<ProductionConfig> = {}): Promise<Running> {
  const config: ProductionConfig = {
    host: '127.0.0.1',
    port: 0,
    distDir,
    api: { token: null, baseUrl: 'https://www.genviral.io', timeoutMs: 5_000 },
    basicAuth: null,
    trustProxyAuth: false,
    userHeader: null,
    trustProxy: false,
    rateLimitPerMinute: 1_000,
    maxConnections: 512,
    maxUpstreamAnswers: 16,
    allowedHosts: [],
    // One folder, shared by the apps of this process (one PGlite to start, not one per app).
    review: { dataDir: shared, databaseUrl: null },
    ...overrides,
  }
  const production = await createProductionApp(
    config,
    createJsonLog((line) => logLines.push(line)),
  )
  const server = createServer(production.app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const app = {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await production.close()
    },
  }
  running.push(app)
  return app
}

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' }

function put(app: Running, path: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(app.url, path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...SAME_ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const get = (app: Running, path: string, headers: Record<string, string> = {}) =>
  rawRequest(app.url, path, { headers })

const approval = { decision: 'approved', fingerprint: 'v1.abc', reviewer: 'Dana' }
const rejection = {
  decision: 'rejected',
  reasons: ['wrong-description', 'other'],
  note: 'Says beach; it is a pool.',
  fingerprint: 'v1.def',
  reviewer: '  Sam  ',
}

function data<T = Record<string, unknown>>(answer: RawAnswer): T {
  const envelope = JSON.parse(answer.text) as { ok: boolean; data: T }
  expect(envelope.ok).toBe(true)
  return envelope.data
}

function expectRefusal(answer: RawAnswer, status: number, errorCode: string) {
  expect({ status: answer.status, body: JSON.parse(answer.text) as unknown }).toEqual({
    status,
    body: { ok: false, code: status, message: expect.any(String), error_code: errorCode },
  })
  expect(answer.headers['cache-control']).toBe('no-store')
}

describe('the review API', () => {
  let app: Running
  beforeAll(async () => {
    app = await start()
  }, 60_000)

  /** Nothing stored in PACK: what every refusal must leave behind. */
  async function expectNothingStored() {
    const review = data<{ revision: number; images: unknown[] }>(
      await get(app, reviewPackPath(PACK)),
    )
    expect(review).toMatchObject({ revision: 0, images: [] })
  }

  it('answers a pack nobody reviewed: revision 0, no decisions, never cached', async () => {
    const answer = await get(app, reviewPackPath(PACK))
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text)).toEqual({
      ok: true,
      code: 200,
      message: expect.any(String),
      data: { pack_id: PACK, revision: 0, images: [], cleared: [] },
    })
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
      expect(answer.headers[name]).toBe(value)
    }
  })

  describe('refuses, storing nothing', () => {
    const image = reviewImagePath(PACK, IMAGE)
    it.each([
      ['not JSON', '{"decision":', 400, 'invalid_json'],
      [
        'a wrong shape',
        { decision: 'maybe', fingerprint: 'v1.a', reviewer: 'D' },
        422,
        'invalid_payload',
      ],
      ['an array', [approval], 422, 'invalid_payload'],
      ['an unknown field', { ...approval, score: 3 }, 422, 'invalid_payload'],
      ['an unknown reason', { ...rejection, reasons: ['ugly'] }, 422, 'invalid_payload'],
      ['a rejection without reasons', { ...rejection, reasons: [] }, 422, 'invalid_payload'],
      [
        'a rejection with no reasons field',
        { ...rejection, reasons: undefined },
        422,
        'invalid_payload',
      ],
      ['reasons on an approval', { ...approval, reasons: ['other'] }, 422, 'invalid_payload'],
      [
        'reasons on a clear',
        { ...approval, decision: null, reasons: ['other'] },
        422,
        'invalid_payload',
      ],
      ['no fingerprint', { decision: 'approved', reviewer: 'Dana' }, 422, 'invalid_payload'],
      ['an empty fingerprint', { ...approval, fingerprint: '' }, 422, 'invalid_payload'],
      [
        'a fingerprint over 128',
        { ...approval, fingerprint: 'f'.repeat(129) },
        422,
        'invalid_payload',
      ],
      ['a note over 2,000', { ...rejection, note: 'n'.repeat(2001) }, 422, 'invalid_payload'],
      ['a reviewer over 100', { ...approval, reviewer: 'r'.repeat(101) }, 422, 'invalid_payload'],
      ['no reviewer', { decision: 'approved', fingerprint: 'v1.a' }, 422, 'reviewer_required'],
      ['over 64 KB', { ...approval, pad: 'x'.repeat(70_000) }, 413, 'payload_too_large'],
    ])('a body with %s', async (_name, body, status, errorCode) => {
      expectRefusal(await put(app, image, body), status, errorCode)
      await expectNothingStored()
    })

    it('a body over 64 KB sent without a length (counted as it comes)', async () => {
      const answer = await put(
        app,
        image,
        { ...approval, pad: 'x'.repeat(70_000) },
        {
          'transfer-encoding': 'chunked',
        },
      )
      expectRefusal(answer, 413, 'payload_too_large')
      await expectNothingStored()
    })

    it.each([
      ['text/plain', 'text/plain'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['no type', ''],
    ])('a body sent as %s', async (_name, type) => {
      const answer = await rawRequest(app.url, image, {
        method: 'PUT',
        headers: { ...SAME_ORIGIN, ...(type ? { 'content-type': type } : {}) },
        body: JSON.stringify(approval),
      })
      expectRefusal(answer, 415, 'unsupported_media_type')
      await expectNothingStored()
    })

    it.each([
      ['a pack ID', reviewImagePath('not-a-uuid', IMAGE)],
      ['an image ID', reviewImagePath(PACK, '12345')],
      ['an encoded slash', `${reviewPackPath(PACK)}/images/${IMAGE.slice(0, 8)}%2F..`],
    ])('a write with %s that is not a UUID', async (_name, path) => {
      expectRefusal(await put(app, path, approval), 400, 'invalid_id')
      await expectNothingStored()
    })

    it.each([
      reviewPackPath('pack-1'),
      reviewHistoryPath(PACK, 'image-1'),
      reviewHistoryPath('pack-1', IMAGE),
    ])('a read of %s', async (path) => {
      expectRefusal(await get(app, path), 400, 'invalid_id')
    })

    it.each(['-1', 'abc', '1.5', '', '1e3', '0x10'])('?since=%s', async (since) => {
      expectRefusal(await get(app, `${reviewPackPath(PACK)}?since=${since}`), 400, 'invalid_query')
    })

    it('?since given twice', async () => {
      expectRefusal(await get(app, `${reviewPackPath(PACK)}?since=1&since=2`), 400, 'invalid_query')
    })

    it.each([
      ['POST', reviewPackPath(PACK), 'GET, HEAD'],
      ['PUT', reviewPackPath(PACK), 'GET, HEAD'],
      ['GET', reviewImagePath(PACK, IMAGE), 'PUT'],
      ['DELETE', reviewImagePath(PACK, IMAGE), 'PUT'],
      ['PATCH', reviewHistoryPath(PACK, IMAGE), 'GET, HEAD'],
    ])('%s %s with its Allow', async (method, path, allow) => {
      const answer = await rawRequest(app.url, path, {
        method,
        headers: { 'content-type': 'application/json', ...SAME_ORIGIN },
        body: JSON.stringify(approval),
      })
      expectRefusal(answer, 405, 'method_not_allowed')
      expect(answer.headers.allow).toBe(allow)
      await expectNothingStored()
    })

    it.each([
      '/api/review',
      '/api/review/v1',
      '/api/review/v1/packs',
      `/api/review/v2/packs/${PACK}`,
      `${reviewPackPath(PACK)}/images`,
      `${reviewHistoryPath(PACK, IMAGE)}/more`,
    ])('an unknown path %s (never forwarded)', async (path) => {
      expectRefusal(await get(app, path), 404, 'not_found')
    })
  })

  it('records a decision, answers it, and lists it in the pack and the history', async () => {
    const pack = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e10'
    const first = await put(app, reviewImagePath(pack, IMAGE), rejection)
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('no-store')
    const written = data<{ image_id: string; revision: number; current: Record<string, unknown> }>(
      first,
    )
    expect(written).toEqual({
      image_id: IMAGE,
      revision: 1,
      current: {
        image_id: IMAGE,
        decision: 'rejected',
        reasons: ['wrong-description', 'other'],
        note: 'Says beach; it is a pool.',
        reviewer: 'Sam',
        decided_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        fingerprint: 'v1.def',
        revision: 1,
      },
    })
    data(await put(app, reviewImagePath(pack, IMAGE_2), approval))
    const cleared = data<{ revision: number; current: null }>(
      await put(app, reviewImagePath(pack, IMAGE), { ...approval, decision: null, undo: true }),
    )
    expect(cleared).toEqual({ image_id: IMAGE, revision: 3, current: null })

    const full = data<{ revision: number; images: { image_id: string }[]; cleared: unknown[] }>(
      await get(app, reviewPackPath(pack)),
    )
    expect(full.revision).toBe(3)
    expect(full.images.map((d) => d.image_id)).toEqual([IMAGE_2])
    expect(full.cleared).toEqual([])
    const delta = data(await get(app, `${reviewPackPath(pack)}?since=2`))
    expect(delta).toEqual({
      pack_id: pack,
      revision: 3,
      images: [],
      cleared: [{ image_id: IMAGE, revision: 3 }],
    })

    const history = data<{ image_id: string; entries: Record<string, unknown>[] }>(
      await get(app, reviewHistoryPath(pack, IMAGE)),
    )
    expect(history.image_id).toBe(IMAGE)
    expect(history.entries.map((e) => [e.revision, e.decision, e.reviewer, e.undo])).toEqual([
      [3, null, 'Dana', true],
      [1, 'rejected', 'Sam', false],
    ])
  })

  it('answers HEAD on reads without a body', async () => {
    const answer = await rawRequest(app.url, reviewPackPath(PACK), { method: 'HEAD' })
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
  })
})

describe('the review API among the other routes', () => {
  it('is never forwarded to the Partner API, with a key set', async () => {
    const app = await start({ api: { token: TOKEN, baseUrl: upstream.url, timeoutMs: 5_000 } })
    upstream.reset()
    const pack = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e11'
    expect((await put(app, reviewImagePath(pack, IMAGE), approval)).status).toBe(200)
    expect((await get(app, reviewPackPath(pack))).status).toBe(200)
    expect((await get(app, '/api/review/v1/unknown')).status).toBe(404)
    expect(upstream.received).toEqual([])
  })

  it('does not count against the proxy rate limit', async () => {
    const app = await start({ rateLimitPerMinute: 2 })
    for (let i = 0; i < 5; i++) expect((await get(app, reviewPackPath(PACK))).status).toBe(200)
    const partner = packPath(DEMO_PACK_IDS.motivation)
    expect((await get(app, partner)).status).toBe(200)
    expect((await get(app, partner)).status).toBe(200)
    expect((await get(app, partner)).status).toBe(429)
    expect((await get(app, reviewPackPath(PACK))).status).toBe(200)
  })

  it('refuses a write without the proxy user behind an authenticating proxy', async () => {
    const app = await start({ trustProxyAuth: true, trustProxy: 'loopback' })
    expectRefusal(await put(app, reviewImagePath(PACK, IMAGE), approval), 403, 'reviewer_unknown')
    expect(data(await get(app, reviewPackPath(PACK)))).toMatchObject({ revision: 0 })
  })
})

describe('the demo', () => {
  it('starts the Summer Launch pack with decisions by two reviewers, one Outdated', async () => {
    const app = await start()
    const pack = data<WirePack>(await get(app, packPath(DEMO_PACK_IDS.mixed)))
    const review = data<{
      images: { image_id: string; reviewer: string; decision: string; fingerprint: string }[]
    }>(await get(app, reviewPackPath(DEMO_PACK_IDS.mixed)))
    const reviewers = new Set(review.images.map((d) => d.reviewer))
    expect(reviewers).toEqual(new Set(['Dana Reyes', 'Sam Okafor']))
    const decisions = review.images.map((d) => d.decision)
    expect(decisions.filter((d) => d === 'approved').length).toBeGreaterThanOrEqual(3)
    expect(decisions.filter((d) => d === 'rejected').length).toBeGreaterThanOrEqual(2)
    // Made on the metadata the page shows, but one.
    const images = new Map(pack.images.map((image) => [image.id, image]))
    const outdated = review.images.filter(
      (d) => fingerprintOf(images.get(d.image_id)!) !== d.fingerprint,
    )
    expect(outdated).toHaveLength(1)
    // Seeded once: a second read finds the same decisions.
    expect(data(await get(app, reviewPackPath(DEMO_PACK_IDS.mixed)))).toEqual(
      expect.objectContaining({ images: review.images }),
    )
  })

  it('seeds nothing into other packs, nor with a key set', async () => {
    const demo = await start()
    expect(data(await get(demo, reviewPackPath(DEMO_PACK_IDS.motivation)))).toMatchObject({
      revision: 0,
    })
    const keyed = await start({
      api: { token: TOKEN, baseUrl: upstream.url, timeoutMs: 5_000 },
      // Its own folder: the demo apps above have seeded the shared one.
      review: { dataDir: keyedData, databaseUrl: null },
    })
    expect(data(await get(keyed, reviewPackPath(DEMO_PACK_IDS.mixed)))).toMatchObject({
      revision: 0,
    })
  })
})

describe('when the store cannot be reached', () => {
  let holder: ChildProcess | undefined
  afterAll(() => {
    holder?.kill('SIGKILL')
  })

  it('answers 503 reviews_unavailable without the password, and packs still display', async () => {
    const app = await start({
      review: {
        dataDir: join(root, 'unused'),
        databaseUrl: `postgres://reviewer:${DB_PASSWORD}@127.0.0.1:1/reviews`,
      },
    })
    for (const answer of [
      await get(app, reviewPackPath(PACK)),
      await put(app, reviewImagePath(PACK, IMAGE), approval),
      await get(app, reviewHistoryPath(PACK, IMAGE)),
    ]) {
      expectRefusal(answer, 503, 'reviews_unavailable')
      expect(answer.text).toContain('could not be opened')
      expect(answer.text).not.toContain(DB_PASSWORD)
    }
    expect((await get(app, packPath(DEMO_PACK_IDS.motivation))).status).toBe(200)
    expect(logLines.join('\n')).toContain('could not be opened')
  }, 30_000)

  it('recovers in the background once it can, without a restart', async () => {
    // Another live process holds the data directory, as a second server would.
    holder = spawn('sleep', ['60'], { stdio: 'ignore' })
    const dataDir = await reviewDataDir(root)
    await writeFile(join(dataDir, 'pack-explorer.pid'), `${holder.pid}\n`)
    const app = await start({ review: { dataDir, databaseUrl: null } })
    const refused = await get(app, reviewPackPath(PACK))
    expectRefusal(refused, 503, 'reviews_unavailable')
    expect(refused.text).toContain(`in use by another process (PID ${holder.pid})`)

    holder.kill('SIGKILL')
    let answer = refused
    const deadline = Date.now() + 20_000
    while (answer.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      answer = await get(app, reviewPackPath(PACK))
    }
    expect(answer.status).toBe(200)
  }, 30_000)
})
