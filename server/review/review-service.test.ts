import { rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { activityPageSchema } from '../../contract/review-api/activity.ts'
import { reviewActivityPath } from '../../contract/review-api/paths.ts'
import { sendError } from '../envelope.ts'
import { reviewDataDir } from '../test-kit/review-data.ts'
import { rawRequest } from '../test-kit/request.ts'
import type { Database } from './database.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import {
  InvalidActivityError,
  ReviewStoreUnavailableError,
  startReviewService,
  type ActivityEntry,
  type ReviewService,
} from './review-service.ts'

// The recorder the proxy calls, on the connection the review API answers from.
const PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e31'
const PASSWORD = 'pw-SERVICE-SECRET-41'

const upload: ActivityEntry = {
  packId: null,
  action: 'upload_file',
  intent: 'upload',
  actor: 'Dana',
  imageIds: [],
  urls: [],
  details: { file_name: 'beach.png' },
  status: 200,
  ok: true,
  errorCode: null,
}
const deletion: ActivityEntry = {
  ...upload,
  packId: PACK,
  action: 'delete_image',
  intent: 'remove',
  imageIds: ['7a3f9c10-0000-4000-8000-000000000001'],
  urls: ['https://cdn.example.com/1.png'],
  details: {},
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  // The last made first: the server, then the store, then its folder.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** PGlite on a copy of the template: opened in about a second, within the startup wait. */
async function openFresh(): Promise<Database> {
  const dir = await reviewDataDir()
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return openPgliteDatabase(dir)
}

async function start(open: () => Promise<Database>) {
  const lines: [string, string][] = []
  const service = await startReviewService({
    config: { dataDir: '/nonexistent', databaseUrl: `postgres://u:${PASSWORD}@127.0.0.1:1/r` },
    proxyAuth: false,
    log: (level, line) => lines.push([level, line]),
    loadPackImages: () => Promise.reject(new Error('not used')),
    open,
    retryMs: [60_000],
  })
  cleanups.push(() => service.close())
  return { service, lines }
}

/** Once the store is open: a slow machine may take longer than the server waits at start. */
async function ready(service: ReviewService) {
  await vi.waitFor(() => expect(service.storeReady()).toBe(true), { timeout: 20_000 })
}

/** The service's review API on a real server: what the browser will read. */
async function serve(service: ReviewService): Promise<string> {
  const server = createServer((req, res) =>
    service.handle(req, res, () => sendError(res, 404, 'not_found', 'Not the review API.')),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A database whose queries fail while `broken.now` is set, as a lost server's do. */
async function breakable() {
  const db = await openFresh()
  const broken = { now: false }
  const wrapped: Database = {
    description: db.description,
    query: (text, params) =>
      broken.now ? Promise.reject(new Error('Connection terminated')) : db.query(text, params),
    exec: (text) => db.exec(text),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  }
  return { wrapped, broken }
}

describe('the review service', { timeout: 30_000 }, () => {
  it('records writes the activity read then answers, newest first', async () => {
    const { service } = await start(openFresh)
    await ready(service)
    await expect(service.recordActivity(upload)).resolves.toBeUndefined()
    await service.recordActivity(deletion)
    await service.recordActivity({ ...deletion, intent: 'undo', action: 'add_image' })
    const answer = await rawRequest(await serve(service), reviewActivityPath(PACK))
    expect(answer.status).toBe(200)
    const page = activityPageSchema.parse((JSON.parse(answer.text) as { data: unknown }).data)
    expect(page.entries.map((e) => [e.action, e.intent])).toEqual([
      ['add_image', 'undo'],
      ['delete_image', 'remove'],
    ])
  })

  it('says the store is not ready, and records nothing, while it cannot be opened', async () => {
    const { service, lines } = await start(() =>
      Promise.reject(new Error(`password authentication failed for ${PASSWORD}`)),
    )
    expect(service.storeReady()).toBe(false)
    const refusal = service.recordActivity(deletion)
    await expect(refusal).rejects.toThrow(ReviewStoreUnavailableError)
    await expect(refusal).rejects.toThrow(/could not be opened: password authentication/)
    await expect(refusal).rejects.not.toThrow(PASSWORD)
    expect(lines.flat().join('\n')).not.toContain(PASSWORD)
  })

  it('refuses an entry against the rules without taking the store for down', async () => {
    const { service, lines } = await start(openFresh)
    await ready(service)
    await expect(service.recordActivity({ ...deletion, actor: '' })).rejects.toThrow(
      InvalidActivityError,
    )
    expect(service.storeReady()).toBe(true)
    expect(lines.filter(([level]) => level === 'warn')).toEqual([])
  })

  it('rejects when a query fails, logs it once, and records again once it answers', async () => {
    const { wrapped, broken } = await breakable()
    const { service, lines } = await start(async () => wrapped)
    await ready(service)
    broken.now = true
    await expect(service.recordActivity(deletion)).rejects.toThrow(ReviewStoreUnavailableError)
    await expect(service.recordActivity(deletion)).rejects.toThrow(/Connection terminated/)
    const warnings = lines.filter(([level]) => level === 'warn').map(([, line]) => line)
    expect(warnings).toEqual([expect.stringContaining('could not be reached')])
    broken.now = false
    await service.recordActivity(deletion)
    expect(lines.at(-1)).toEqual(['info', 'The review store answers again.'])
    const page = await rawRequest(await serve(service), reviewActivityPath(PACK))
    expect(activityPageSchema.parse(JSON.parse(page.text).data).entries).toHaveLength(1)
  })
})
