import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPath } from '../../contract/partner-api/paths.ts'
import { okEnvelope } from '../../contract/partner-api/envelope.ts'
import { packImageSchema } from '../../contract/partner-api/pack.ts'
import {
  createImage,
  createPack,
  type WireImage,
  type WirePack,
} from '../../contract/partner-api/wire.ts'
import { fingerprintOf } from '../../contract/review-api/fingerprint.ts'
import {
  bulkDecisionWriteSchema,
  MAX_BULK_BODY_BYTES,
  MAX_BULK_ITEMS,
} from '../../contract/review-api/bulk.ts'
import {
  reviewActivityPath,
  reviewDecisionsPath,
  reviewHistoryPath,
  reviewImagePath,
  reviewPackHistoryPath,
  reviewPackPath,
  reviewSignOffPath,
} from '../../contract/review-api/paths.ts'
import { DEMO_PACK_IDS, sizedPackId } from '../demo/fixtures.ts'
import { createJsonLog } from '../json-log.ts'
import { createProductionApp } from '../production.ts'
import type { ProductionConfig } from '../production-config.ts'
import { API_SECURITY_HEADERS } from '../security-headers.ts'
import { startFakeUpstream, type FakeUpstream } from '../test-kit/fake-upstream.ts'
import { reviewDataDir } from '../test-kit/review-data.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { rawRequest, type RawAnswer } from '../test-kit/request.ts'
import { packHistorySchema, signOffSchema } from '../../contract/review-api/sign-off.ts'
import { activityPageSchema, MAX_ACTIVITY_LIMIT } from '../../contract/review-api/activity.ts'
import { recordActivity, type ActivityEntry } from './activity-store.ts'

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
    writeAccess: 'none',
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

function post(app: Running, path: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(app.url, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...SAME_ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A DELETE, with a JSON body unless it is null. */
function sendDelete(app: Running, path: string, body: unknown) {
  const text = body === null ? undefined : JSON.stringify(body)
  return rawRequest(app.url, path, {
    method: 'DELETE',
    // node:http sends a DELETE's body without a length unless told (browsers give one).
    headers: {
      'content-type': 'application/json',
      ...SAME_ORIGIN,
      ...(text === undefined ? {} : { 'content-length': String(Buffer.byteLength(text)) }),
    },
    body: text,
  })
}

const get = (app: Running, path: string, headers: Record<string, string> = {}) =>
  rawRequest(app.url, path, { headers })

/** The n-th image ID of a bulk write. */
const bulkImage = (n: number) => `7a3f9c10-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

/** A bulk body approving images 1..count, each with its own fingerprint. */
function bulkApproval(count: number, extra: Record<string, unknown> = {}) {
  return {
    items: Array.from({ length: count }, (_, i) => ({
      image_id: bulkImage(i + 1),
      decision: 'approved',
      fingerprint: `v1.fp-${i + 1}`,
      ...extra,
    })),
    reviewer: 'Dana',
  }
}

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
      data: { pack_id: PACK, revision: 0, images: [], cleared: [], sign_off: null },
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

  describe('bulk decisions (POST …/decisions)', () => {
    const decisions = reviewDecisionsPath(PACK)

    it('records every item in one write, in order, each in its history', async () => {
      const pack = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e13'
      data(await put(app, reviewImagePath(pack, bulkImage(3)), approval))
      const answer = await post(app, reviewDecisionsPath(pack), {
        items: [
          { image_id: bulkImage(1), decision: 'approved', fingerprint: 'v1.a' },
          {
            image_id: bulkImage(2),
            decision: 'rejected',
            reasons: ['unsafe'],
            note: '  Off-brand.  ',
            fingerprint: 'v1.b',
          },
          { image_id: bulkImage(3), decision: null, fingerprint: 'v1.c' },
        ],
        reviewer: ' Sam ',
        undo: true,
      })
      expect(answer.status, answer.text).toBe(200)
      const written = bulkDecisionWriteSchema.parse(data(answer))
      expect(written.pack_id).toBe(pack)
      expect(written.revision).toBe(4)
      expect(written.items.map((item) => [item.image_id, item.revision])).toEqual([
        [bulkImage(1), 2],
        [bulkImage(2), 3],
        [bulkImage(3), 4],
      ])
      expect(written.items[1]!.current).toEqual({
        image_id: bulkImage(2),
        decision: 'rejected',
        reasons: ['unsafe'],
        note: 'Off-brand.',
        reviewer: 'Sam',
        decided_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        fingerprint: 'v1.b',
        revision: 3,
      })
      expect(written.items[2]!.current).toBeNull()

      const review = data<{ revision: number; images: { image_id: string }[] }>(
        await get(app, reviewPackPath(pack)),
      )
      expect(review.revision).toBe(4)
      expect(review.images.map((d) => d.image_id)).toEqual([bulkImage(1), bulkImage(2)])
      const history = data<{ entries: Record<string, unknown>[] }>(
        await get(app, reviewHistoryPath(pack, bulkImage(3))),
      )
      expect(history.entries.map((e) => [e.revision, e.decision, e.reviewer, e.undo])).toEqual([
        [4, null, 'Sam', true],
        [1, 'approved', 'Dana', false],
      ])
    })

    it(`stores ${MAX_BULK_ITEMS.toLocaleString('en-US')} decisions in one request, up to 4 MiB`, async () => {
      const pack = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e14'
      // Notes make the body nearly 4 MiB: far beyond the single write's 64 KB.
      const body = bulkApproval(MAX_BULK_ITEMS, { note: 'n'.repeat(300) })
      const text = JSON.stringify(body)
      expect(text.length).toBeGreaterThan(3.9 * 1024 * 1024)
      expect(text.length).toBeLessThanOrEqual(MAX_BULK_BODY_BYTES)
      const answer = await post(app, reviewDecisionsPath(pack), text)
      expect(answer.status, answer.text.slice(0, 300)).toBe(200)
      const written = bulkDecisionWriteSchema.parse(data(answer))
      expect(written.revision).toBe(MAX_BULK_ITEMS)
      expect(written.items).toHaveLength(MAX_BULK_ITEMS)
      expect(written.items.map((item) => item.revision)).toEqual(
        Array.from({ length: MAX_BULK_ITEMS }, (_, i) => i + 1),
      )
      const review = data<{ images: { image_id: string; revision: number }[] }>(
        await get(app, reviewPackPath(pack)),
      )
      expect(review.images).toHaveLength(MAX_BULK_ITEMS)
      expect(review.images[MAX_BULK_ITEMS - 1]).toMatchObject({
        image_id: bulkImage(MAX_BULK_ITEMS),
        revision: MAX_BULK_ITEMS,
      })
    }, 30_000)

    describe('refuses, storing nothing', () => {
      const item = { image_id: bulkImage(1), decision: 'approved', fingerprint: 'v1.a' }
      const valid = bulkApproval(2)
      it.each([
        ['not JSON', '{"items":[', 400, 'invalid_json'],
        ['no items', { items: [], reviewer: 'Dana' }, 422, 'invalid_payload'],
        ['items that are not a list', { items: item, reviewer: 'Dana' }, 422, 'invalid_payload'],
        [
          `${(MAX_BULK_ITEMS + 1).toLocaleString('en-US')} items`,
          bulkApproval(MAX_BULK_ITEMS + 1),
          422,
          'invalid_payload',
        ],
        [
          'an image twice',
          { items: [item, { ...item, decision: null }], reviewer: 'Dana' },
          422,
          'invalid_payload',
        ],
        [
          'one item of a wrong shape',
          {
            ...valid,
            items: [...valid.items, { ...item, image_id: bulkImage(3), decision: 'maybe' }],
          },
          422,
          'invalid_payload',
        ],
        [
          'one item with an image ID that is not a UUID',
          { ...valid, items: [...valid.items, { ...item, image_id: 'image-3' }] },
          422,
          'invalid_payload',
        ],
        [
          'a rejection without reasons',
          {
            ...valid,
            items: [...valid.items, { ...item, image_id: bulkImage(3), decision: 'rejected' }],
          },
          422,
          'invalid_payload',
        ],
        [
          'an item with an unknown field',
          { ...valid, items: [...valid.items, { ...item, image_id: bulkImage(3), score: 1 }] },
          422,
          'invalid_payload',
        ],
        ['an unknown field', { ...valid, force: true }, 422, 'invalid_payload'],
        ['no reviewer', { items: valid.items }, 422, 'reviewer_required'],
        [
          'over 4 MiB',
          { ...valid, pad: 'x'.repeat(MAX_BULK_BODY_BYTES) },
          413,
          'payload_too_large',
        ],
      ])('a body with %s', async (_name, body, status, errorCode) => {
        expectRefusal(await post(app, decisions, body), status, errorCode)
        await expectNothingStored()
      })

      it('a body over 4 MiB sent without a length (counted as it comes)', async () => {
        const body = { ...valid, pad: 'x'.repeat(MAX_BULK_BODY_BYTES) }
        const answer = await post(app, decisions, body, { 'transfer-encoding': 'chunked' })
        expectRefusal(answer, 413, 'payload_too_large')
        await expectNothingStored()
      })

      it('a body sent as text/plain', async () => {
        const answer = await rawRequest(app.url, decisions, {
          method: 'POST',
          headers: { ...SAME_ORIGIN, 'content-type': 'text/plain' },
          body: JSON.stringify(valid),
        })
        expectRefusal(answer, 415, 'unsupported_media_type')
        await expectNothingStored()
      })

      it('a pack ID that is not a UUID', async () => {
        expectRefusal(await post(app, reviewDecisionsPath('pack-1'), valid), 400, 'invalid_id')
      })

      it('a write another site sends', async () => {
        const answer = await post(app, decisions, valid, { 'sec-fetch-site': 'cross-site' })
        expectRefusal(answer, 403, 'cross_site_request')
        await expectNothingStored()
      })

      it.each(['GET', 'PUT', 'DELETE'])('%s, with its Allow', async (method) => {
        const answer = await rawRequest(app.url, decisions, {
          method,
          headers: { 'content-type': 'application/json', ...SAME_ORIGIN },
          body: JSON.stringify(valid),
        })
        expectRefusal(answer, 405, 'method_not_allowed')
        expect(answer.headers.allow).toBe('POST')
        await expectNothingStored()
      })
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
      sign_off: null,
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

  it('answers the 10,000 decisions of a pack in one request', async () => {
    const pack = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e12'
    // The app's own database: PGlite instances are shared per folder within a process.
    const db = await openPgliteDatabase(shared)
    try {
      await db.query(
        `INSERT INTO review_decisions
           (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision)
         SELECT $1, 'img-' || n, 'rejected', '{other}', 'Note ' || n, 'Dana', now(), 'v1.x', n
         FROM generate_series(1, 10000) AS n`,
        [pack],
      )
      await db.query('INSERT INTO review_packs VALUES ($1, 10000)', [pack])
    } finally {
      await db.close()
    }
    const review = data<{ revision: number; images: Record<string, unknown>[] }>(
      await get(app, reviewPackPath(pack)),
    )
    expect(review.revision).toBe(10_000)
    expect(review.images).toHaveLength(10_000)
    expect(review.images[9_999]).toEqual({
      image_id: 'img-10000',
      decision: 'rejected',
      reasons: ['other'],
      note: 'Note 10000',
      reviewer: 'Dana',
      decided_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      fingerprint: 'v1.x',
      revision: 10_000,
    })
  })

  it('answers HEAD on reads without a body', async () => {
    const answer = await rawRequest(app.url, reviewPackPath(PACK), { method: 'HEAD' })
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
  })
})

describe('the activity log (GET …/activity)', () => {
  const ACTIVITY_PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e0a'
  const activity = reviewActivityPath(ACTIVITY_PACK)
  let app: Running
  beforeAll(async () => {
    app = await start()
    // Recorded as the proxy will: into the store the app has open (one PGlite per folder).
    const db = await openPgliteDatabase(shared)
    const entry = (n: number, extra: Partial<ActivityEntry> = {}): ActivityEntry => ({
      packId: ACTIVITY_PACK,
      action: 'add_image',
      intent: 'add',
      actor: 'Dana',
      imageIds: [bulkImage(n)],
      urls: [`https://cdn.example.com/${n}.png`],
      details: {},
      status: 200,
      ok: true,
      errorCode: null,
      ...extra,
    })
    try {
      for (let n = 1; n <= 4; n++) await recordActivity(db, entry(n))
      await recordActivity(db, entry(9, { packId: PACK }))
      await recordActivity(
        db,
        entry(5, {
          packId: ACTIVITY_PACK.toUpperCase(),
          action: 'update_pack',
          intent: 'rename',
          actor: 'Sam',
          imageIds: [],
          urls: [],
          details: { name: 'Summer launch', is_public: false },
          status: 409,
          ok: false,
          errorCode: 'pack_conflict',
        }),
      )
    } finally {
      await db.close()
    }
  }, 60_000)

  const page = async (path: string) => activityPageSchema.parse(data(await get(app, path)))

  it("answers a pack's writes newest first in the envelope, never cached", async () => {
    const answer = await get(app, activity)
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    const body = JSON.parse(answer.text) as { data: unknown }
    expect(body).toEqual({ ok: true, code: 200, message: expect.any(String), data: body.data })
    const { entries, next_before, pack_id } = activityPageSchema.parse(body.data)
    expect([pack_id, next_before]).toEqual([ACTIVITY_PACK, null])
    expect(entries.map((e) => e.image_ids[0] ?? e.action)).toEqual([
      'update_pack',
      bulkImage(4),
      bulkImage(3),
      bulkImage(2),
      bulkImage(1),
    ])
    expect(entries[0]).toEqual({
      id: expect.stringMatching(/^[1-9]\d*$/),
      pack_id: ACTIVITY_PACK,
      action: 'update_pack',
      intent: 'rename',
      actor: 'Sam',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      image_ids: [],
      urls: [],
      details: { name: 'Summer launch', is_public: false },
      status: 409,
      ok: false,
      error_code: 'pack_conflict',
    })
    expect(entries[1]).toMatchObject({ urls: ['https://cdn.example.com/4.png'], ok: true })
  })

  it('pages with ?limit and ?before=next_before, the pack ID in any case', async () => {
    const first = await page(`${activity}?limit=2`)
    expect(first.entries.map((e) => e.actor)).toEqual(['Sam', 'Dana'])
    expect(first.next_before).toBe(first.entries[1]!.id)
    const upper = reviewActivityPath(ACTIVITY_PACK.toUpperCase())
    const second = await page(`${upper}?limit=2&before=${first.next_before}`)
    expect(second.pack_id).toBe(ACTIVITY_PACK)
    expect(second.entries.map((e) => e.image_ids[0])).toEqual([bulkImage(3), bulkImage(2)])
    const last = await page(`${activity}?before=${second.next_before}&limit=${MAX_ACTIVITY_LIMIT}`)
    expect(last.entries.map((e) => e.image_ids[0])).toEqual([bulkImage(1)])
    expect(last.next_before).toBeNull()
  })

  it('answers a pack without writes with no entries', async () => {
    const other = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1eff'
    expect(await page(reviewActivityPath(other))).toEqual({
      pack_id: other,
      entries: [],
      next_before: null,
    })
  })

  it('answers HEAD without a body', async () => {
    const answer = await rawRequest(app.url, activity, { method: 'HEAD' })
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
  })

  describe('refuses', () => {
    it.each(['pack-1', '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e0', '%E0%A4%A'])(
      'a pack ID %s that is not a UUID: 400 invalid_id',
      async (packId) => {
        const path = `/api/review/v1/packs/${packId}/activity`
        expectRefusal(await get(app, path), 400, 'invalid_id')
      },
    )

    it.each([
      'limit=0',
      `limit=${MAX_ACTIVITY_LIMIT + 1}`,
      'limit=-1',
      'limit=1.5',
      'limit=abc',
      'limit=',
      'limit=1e2',
      'limit=2&limit=3',
      'before=0',
      'before=-1',
      'before=abc',
      'before=',
      'before=01',
      'before=9223372036854775808',
      'before=1&before=2',
    ])('?%s: 422 invalid_query', async (query) => {
      expectRefusal(await get(app, `${activity}?${query}`), 422, 'invalid_query')
    })

    it.each(['POST', 'PUT', 'DELETE'])('%s, with its Allow', async (method) => {
      const answer = await rawRequest(app.url, activity, {
        method,
        headers: { 'content-type': 'application/json', ...SAME_ORIGIN },
        body: '{}',
      })
      expectRefusal(answer, 405, 'method_not_allowed')
      expect(answer.headers.allow).toBe('GET, HEAD')
    })

    it('an unknown path below it (never forwarded)', async () => {
      expectRefusal(await get(app, `${activity}/1`), 404, 'not_found')
    })
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
    expectRefusal(
      await post(app, reviewDecisionsPath(PACK), bulkApproval(2)),
      403,
      'reviewer_unknown',
    )
    expectRefusal(await put(app, reviewSignOffPath(PACK), {}), 403, 'reviewer_unknown')
    expectRefusal(await sendDelete(app, reviewSignOffPath(PACK), null), 403, 'reviewer_unknown')
    expect(data(await get(app, reviewPackPath(PACK)))).toMatchObject({
      revision: 0,
      sign_off: null,
    })
    expect(data(await get(app, reviewPackHistoryPath(PACK)))).toMatchObject({ entries: [] })
  })

  it('records bulk decisions, a sign-off and a withdrawal without a body as the proxy user', async () => {
    const app = await start({
      trustProxyAuth: true,
      trustProxy: 'loopback',
      userHeader: 'x-forwarded-email',
    })
    const user = { 'x-forwarded-email': 'lee@example.com' }
    const packId = sizedPackId(3)
    const pack = data<WirePack>(await get(app, packPath(packId), user))
    const items = pack.images.map((image) => ({
      image_id: image.id,
      decision: 'approved',
      fingerprint: fingerprintOf(packImageSchema.parse(image)),
    }))
    const body = { items, reviewer: 'Somebody Else' }
    const written = bulkDecisionWriteSchema.parse(
      data(await post(app, reviewDecisionsPath(packId), body, user)),
    )
    expect(written.items.map((item) => item.current?.reviewer)).toEqual(
      Array(3).fill('lee@example.com'),
    )
    const signed = await put(app, reviewSignOffPath(packId), { reviewer: 'Somebody Else' }, user)
    expect(data<{ sign_off: unknown }>(signed).sign_off).toMatchObject({
      reviewer: 'lee@example.com',
    })
    const withdrawn = await rawRequest(app.url, reviewSignOffPath(packId), {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', ...SAME_ORIGIN, ...user },
    })
    expect(data(withdrawn)).toEqual({ sign_off: null })
    const history = packHistorySchema.parse(data(await get(app, reviewPackHistoryPath(packId))))
    expect(history.entries.map((entry) => [entry.action, entry.reviewer])).toEqual([
      ['withdrawn', 'lee@example.com'],
      ['signed_off', 'lee@example.com'],
    ])
  })
})

describe('sign-off (PUT and DELETE …/sign-off, GET …/history)', () => {
  let app: Running
  beforeAll(async () => {
    app = await start({
      api: { token: TOKEN, baseUrl: upstream.url, timeoutMs: 5_000 },
      review: { dataDir: keyedData, databaseUrl: null },
    })
  }, 60_000)

  const images = [createImage(), createImage(), createImage()]

  /** A pack the test upstream answers with `packImages`; its ID. */
  function scripted(packImages: WireImage[] = images): string {
    const id = randomUUID()
    const body = okEnvelope(createPack({ id, images: packImages }))
    return upstream.scriptPack([{ status: 200, body }], id)
  }

  /** Decides each image in one bulk write, on its current fingerprint unless one is given. */
  async function decide(pack: string, list: [WireImage, 'approved' | 'rejected', string?][]) {
    const items = list.map(([image, decision, fingerprint]) => ({
      image_id: image.id,
      decision,
      ...(decision === 'rejected' ? { reasons: ['other'] } : {}),
      fingerprint: fingerprint ?? fingerprintOf(packImageSchema.parse(image)),
    }))
    expect((await post(app, reviewDecisionsPath(pack), { items, reviewer: 'Dana' })).status).toBe(
      200,
    )
  }

  const signOff = (pack: string, body: unknown = { reviewer: 'Sam' }) =>
    put(app, reviewSignOffPath(pack), body)
  const withdraw = (pack: string, body: unknown = { reviewer: 'Lee' }) =>
    sendDelete(app, reviewSignOffPath(pack), body)
  const packHistory = async (pack: string) =>
    packHistorySchema.parse(data(await get(app, reviewPackHistoryPath(pack)))).entries
  const currentSignOff = async (pack: string, query = '') =>
    data<{ sign_off: unknown }>(await get(app, reviewPackPath(pack) + query)).sign_off

  function expectNeedReview(answer: RawAnswer, message: string) {
    expectRefusal(answer, 409, 'not_fully_reviewed')
    expect((JSON.parse(answer.text) as { message: string }).message).toBe(message)
  }

  it('refuses while images need review, then records who, when and the counts', async () => {
    const pack = scripted()
    expectNeedReview(await signOff(pack), '3 images need review')
    // Two decided; the third on metadata the image no longer has (Outdated).
    await decide(pack, [
      [images[0]!, 'approved'],
      [images[1]!, 'rejected'],
      [images[2]!, 'approved', 'v1.earlier-metadata'],
    ])
    expectNeedReview(await signOff(pack), '1 image needs review')
    expect(await currentSignOff(pack)).toBeNull()

    await decide(pack, [[images[2]!, 'approved']])
    const before = Date.now()
    const answer = await signOff(pack)
    expect(answer.status, answer.text).toBe(200)
    const { sign_off: signed } = data<{ sign_off: unknown }>(answer)
    expect(signOffSchema.parse(signed)).toEqual({
      reviewer: 'Sam',
      signed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      revision: 4,
      counts: { total: 3, approved: 2, rejected: 1 },
    })
    expect(Date.parse((signed as { signed_at: string }).signed_at)).toBeGreaterThanOrEqual(
      before - 1000,
    )
    // In the pack's answer, with and without ?since.
    expect(await currentSignOff(pack)).toEqual(signed)
    expect(await currentSignOff(pack, '?since=4')).toEqual(signed)
    expect(await packHistory(pack)).toEqual([
      {
        action: 'signed_off',
        reviewer: 'Sam',
        at: (signed as { signed_at: string }).signed_at,
        counts: { total: 3, approved: 2, rejected: 1 },
      },
    ])
    // Asked the Partner API with the server's key, for this pack only.
    const asked = upstream.received.filter((request) => request.url === packPath(pack))
    expect(asked.length).toBeGreaterThan(0)
    for (const request of asked) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('replaces a sign-off with a later one, withdraws it, and keeps all in the history', async () => {
    const pack = scripted(images.slice(0, 2))
    await decide(pack, [
      [images[0]!, 'approved'],
      [images[1]!, 'approved'],
    ])
    expect((await signOff(pack, { reviewer: 'Dana' })).status).toBe(200)
    expect((await signOff(pack, { reviewer: 'Sam' })).status).toBe(200)
    expect(await currentSignOff(pack)).toMatchObject({ reviewer: 'Sam' })

    const withdrawn = await withdraw(pack)
    expect(withdrawn.status, withdrawn.text).toBe(200)
    expect(data(withdrawn)).toEqual({ sign_off: null })
    expect(await currentSignOff(pack)).toBeNull()
    // Nothing left to withdraw: answered the same, and not in the history.
    expect(data(await withdraw(pack))).toEqual({ sign_off: null })
    const counts = { total: 2, approved: 2, rejected: 0 }
    expect(await packHistory(pack)).toEqual([
      { action: 'withdrawn', reviewer: 'Lee', at: expect.any(String), counts },
      { action: 'signed_off', reviewer: 'Sam', at: expect.any(String), counts },
      { action: 'signed_off', reviewer: 'Dana', at: expect.any(String), counts },
    ])
  })

  describe('refuses, storing nothing', () => {
    /** Neither a sign-off nor a history entry for `pack`. */
    async function expectNoSignOff(pack: string) {
      expect(await currentSignOff(pack)).toBeNull()
      expect(await packHistory(pack)).toEqual([])
    }

    it('a pack the Partner API does not have: 404 pack_not_found', async () => {
      const pack = randomUUID()
      expectRefusal(await signOff(pack), 404, 'pack_not_found')
      await expectNoSignOff(pack)
    })

    it.each([
      ['an error', { status: 500, body: { ok: false, code: 500, message: 'Failed' } }],
      ['a closed connection', { status: 200, reset: true }],
      ['something other than JSON', { status: 200, raw: '<html>Sign in</html>' }],
      ['something other than a pack', { status: 200, body: okEnvelope({ images: 'none' }) }],
      [
        'an image without an ID',
        { status: 200, body: okEnvelope(createPack({ images: [{ url: null } as WireImage] })) },
      ],
    ])('a Partner API that answers %s: 502 upstream_unavailable', async (_name, answer) => {
      const pack = upstream.scriptPack([answer])
      expectRefusal(await signOff(pack), 502, 'upstream_unavailable')
      await expectNoSignOff(pack)
    })

    it('a Partner API that does not answer in time: 502 upstream_unavailable', async () => {
      const impatient = await start({
        api: { token: TOKEN, baseUrl: upstream.url, timeoutMs: 200 },
        review: { dataDir: keyedData, databaseUrl: null },
      })
      const pack = upstream.scriptPack([
        { status: 200, body: okEnvelope(createPack()), delayMs: 1_500 },
      ])
      expectRefusal(
        await put(impatient, reviewSignOffPath(pack), { reviewer: 'Sam' }),
        502,
        'upstream_unavailable',
      )
      await expectNoSignOff(pack)
    })

    it.each([
      ['not JSON', '{"reviewer":', 400, 'invalid_json'],
      ['an unknown field', { reviewer: 'Sam', force: true }, 422, 'invalid_payload'],
      ['a reviewer over 100', { reviewer: 'r'.repeat(101) }, 422, 'invalid_payload'],
      ['no reviewer', {}, 422, 'reviewer_required'],
      ['over 64 KB', { reviewer: 'Sam', pad: 'x'.repeat(70_000) }, 413, 'payload_too_large'],
    ])('a sign-off with %s, before asking the Partner API', async (_name, body, status, code) => {
      const pack = scripted()
      await decide(
        pack,
        images.map((image) => [image, 'approved'] as [WireImage, 'approved']),
      )
      expectRefusal(await signOff(pack, body), status, code)
      expect(upstream.received.filter((request) => request.url === packPath(pack))).toEqual([])
      await expectNoSignOff(pack)
    })

    it('a withdrawal without a body when nobody is signed in: 422 reviewer_required', async () => {
      const pack = scripted(images.slice(0, 1))
      await decide(pack, [[images[0]!, 'approved']])
      expect((await signOff(pack)).status).toBe(200)
      expectRefusal(await withdraw(pack, null), 422, 'reviewer_required')
      expect(await currentSignOff(pack)).toMatchObject({ reviewer: 'Sam' })
      expect(await packHistory(pack)).toHaveLength(1)
    })

    it.each([
      ['a sign-off', () => signOff('pack-1')],
      ['a withdrawal', () => withdraw('pack-1')],
      ['a pack history', () => get(app, reviewPackHistoryPath('pack-1'))],
    ])('%s with a pack ID that is not a UUID: 400 invalid_id', async (_name, send) => {
      expectRefusal(await send(), 400, 'invalid_id')
    })

    it.each([
      ['POST', reviewSignOffPath(PACK), 'PUT, DELETE'],
      ['GET', reviewSignOffPath(PACK), 'PUT, DELETE'],
      ['POST', reviewPackHistoryPath(PACK), 'GET, HEAD'],
      ['DELETE', reviewPackHistoryPath(PACK), 'GET, HEAD'],
    ])('%s %s, with its Allow', async (method, path, allow) => {
      const answer = await rawRequest(app.url, path, {
        method,
        headers: { 'content-type': 'application/json', ...SAME_ORIGIN },
        body: JSON.stringify({ reviewer: 'Sam' }),
      })
      expectRefusal(answer, 405, 'method_not_allowed')
      expect(answer.headers.allow).toBe(allow)
      await expectNoSignOff(PACK)
    })

    it('a sign-off another site sends', async () => {
      const pack = scripted(images.slice(0, 1))
      await decide(pack, [[images[0]!, 'approved']])
      const crossSite = { 'sec-fetch-site': 'cross-site' }
      expectRefusal(
        await put(app, reviewSignOffPath(pack), { reviewer: 'Sam' }, crossSite),
        403,
        'cross_site_request',
      )
      await expectNoSignOff(pack)
    })
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

  it('signs off a pack decided on what the page was shown (image URLs on its origin)', async () => {
    const app = await start()
    const packId = sizedPackId(5)
    const pack = data<WirePack>(await get(app, packPath(packId)))
    expect(pack.images[0]!.url).toMatch(new RegExp(`^${app.url}/`))
    const items = pack.images.map((image) => ({
      image_id: image.id,
      decision: 'approved',
      fingerprint: fingerprintOf(packImageSchema.parse(image)),
    }))
    expect((await post(app, reviewDecisionsPath(packId), { items, reviewer: 'Dana' })).status).toBe(
      200,
    )
    const answer = await put(app, reviewSignOffPath(packId), { reviewer: 'Dana' })
    expect(answer.status, answer.text).toBe(200)
    expect(data<{ sign_off: unknown }>(answer).sign_off).toMatchObject({
      reviewer: 'Dana',
      counts: { total: 5, approved: 5, rejected: 0 },
    })
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
      await post(app, reviewDecisionsPath(PACK), bulkApproval(2)),
      await put(app, reviewSignOffPath(PACK), { reviewer: 'Sam' }),
      await sendDelete(app, reviewSignOffPath(PACK), { reviewer: 'Sam' }),
      await get(app, reviewPackHistoryPath(PACK)),
      await get(app, reviewActivityPath(PACK)),
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
