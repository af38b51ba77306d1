import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_KINDS } from '../test-kit/review-databases.ts'
import type { Database } from './database.ts'
import { migrate } from './migrate.ts'
import { MIGRATIONS } from './migrations.ts'
import { openPostgresDatabase } from './postgres-database.ts'
import {
  createReviewStore,
  MAX_HISTORY_ENTRIES,
  type DecisionItem,
  type ReviewStore,
} from './review-store.ts'

// The same suite on every kind of database the server can use.
const PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e01'
const OTHER_PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e02'
const image = (n: number) => `7a3f9c10-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

const approve = (n: number, extra: Partial<DecisionItem> = {}): DecisionItem => ({
  imageId: image(n),
  decision: 'approved',
  reasons: [],
  note: null,
  reviewer: 'Dana',
  fingerprint: `v1.fp-${n}`,
  undo: false,
  ...extra,
})

const reject = (n: number, extra: Partial<DecisionItem> = {}): DecisionItem =>
  approve(n, { decision: 'rejected', reasons: ['bad-keywords', 'other'], note: 'Why', ...extra })

for (const kind of DATABASE_KINDS)
  describe.skipIf(kind.skip)(`the review store on ${kind.name}`, () => {
    let db: Database
    let drop: () => Promise<void>
    let store: ReviewStore

    beforeAll(async () => {
      ;({ db, drop } = await kind.create())
      await migrate(db)
      store = createReviewStore(db)
    }, 60_000)

    afterAll(async () => {
      await drop?.()
    })

    beforeEach(async () => {
      // TRUNCATE fires no row trigger: the history stays append-only for everything else.
      await db.exec(
        'TRUNCATE review_packs, review_decisions, review_history, review_sign_offs, review_pack_history',
      )
    })

    it('answers a pack nobody reviewed with revision 0 and no decisions', async () => {
      expect(await store.packReview(PACK)).toEqual({
        pack_id: PACK,
        revision: 0,
        images: [],
        cleared: [],
        sign_off: null,
      })
    })

    it('records a decision and answers it with its revision, as the wire says', async () => {
      const before = Date.now()
      const [written] = (await store.write(PACK, [reject(1, { reviewer: 'Sam' })]))!
      expect(written).toEqual({
        image_id: image(1),
        revision: 1,
        current: {
          image_id: image(1),
          decision: 'rejected',
          reasons: ['bad-keywords', 'other'],
          note: 'Why',
          reviewer: 'Sam',
          decided_at: expect.any(String),
          fingerprint: 'v1.fp-1',
          revision: 1,
        },
      })
      expect(Date.parse(written!.current!.decided_at)).toBeGreaterThanOrEqual(before - 1000)
      const review = await store.packReview(PACK)
      expect(review.revision).toBe(1)
      expect(review.images).toEqual([written!.current])
    })

    it('hands out revisions per pack, in order, the later write winning', async () => {
      await store.write(PACK, [approve(1)])
      await store.write(OTHER_PACK, [approve(1)])
      await store.write(PACK, [reject(1, { reviewer: 'Sam' })])
      const review = await store.packReview(PACK)
      expect(review.revision).toBe(2)
      expect(review.images.map((d) => [d.image_id, d.decision, d.reviewer, d.revision])).toEqual([
        [image(1), 'rejected', 'Sam', 2],
      ])
      expect((await store.packReview(OTHER_PACK)).revision).toBe(1)
    })

    it('answers what changed after ?since, clears included', async () => {
      await store.write(PACK, [approve(1), approve(2), approve(3)])
      await store.write(PACK, [{ ...approve(2), decision: null }])
      await store.write(PACK, [reject(3)])
      const full = await store.packReview(PACK)
      expect(full.revision).toBe(5)
      expect(full.images.map((d) => d.image_id)).toEqual([image(1), image(3)])
      expect(full.cleared).toEqual([])

      const delta = await store.packReview(PACK, 3)
      expect(delta.revision).toBe(5)
      expect(delta.images.map((d) => [d.image_id, d.revision])).toEqual([[image(3), 5]])
      expect(delta.cleared).toEqual([{ image_id: image(2), revision: 4 }])
      expect(await store.packReview(PACK, 5)).toMatchObject({ images: [], cleared: [] })
    })

    it('keeps every change in the history, newest first, undo marked', async () => {
      await store.write(PACK, [reject(1, { reviewer: 'Sam', note: 'Too vague' })])
      await store.write(PACK, [approve(1)])
      await store.write(PACK, [reject(1, { reviewer: 'Dana', undo: true, note: 'Too vague' })])
      await store.write(PACK, [approve(2)])
      const history = await store.history(PACK, image(1))
      expect(history.truncated).toBe(false)
      expect(history.entries.map((e) => [e.revision, e.decision, e.reviewer, e.undo])).toEqual([
        [3, 'rejected', 'Dana', true],
        [2, 'approved', 'Dana', false],
        [1, 'rejected', 'Sam', false],
      ])
      expect(history.entries[2]).toMatchObject({
        reasons: ['bad-keywords', 'other'],
        note: 'Too vague',
        fingerprint: 'v1.fp-1',
      })
      expect((await store.history(PACK, image(9))).entries).toEqual([])
    })

    it(`answers the newest ${MAX_HISTORY_ENTRIES} history entries and says there are more`, async () => {
      const items = Array.from({ length: MAX_HISTORY_ENTRIES + 1 }, (_, i) =>
        approve(1, { reviewer: `R${i}` }),
      )
      await store.write(PACK, items)
      const history = await store.history(PACK, image(1))
      expect(history.truncated).toBe(true)
      expect(history.entries).toHaveLength(MAX_HISTORY_ENTRIES)
      expect(history.entries[0]!.reviewer).toBe(`R${MAX_HISTORY_ENTRIES}`)
    })

    it('writes a list all or nothing', async () => {
      await store.write(PACK, [approve(1)])
      // The third item breaks a constraint (a decision the schema does not know).
      const broken = [approve(2), approve(3), { ...approve(4), decision: 'maybe' as 'approved' }]
      await expect(store.write(PACK, broken)).rejects.toThrow()
      const review = await store.packReview(PACK)
      expect(review.revision).toBe(1)
      expect(review.images.map((d) => d.image_id)).toEqual([image(1)])
      expect((await store.history(PACK, image(2))).entries).toEqual([])
    })

    it('writes 10,000 decisions at once, in order, each in its history', async () => {
      await store.write(PACK, [approve(1)])
      const items = Array.from({ length: 10_000 }, (_, i) =>
        i % 4 === 0 ? reject(i + 1, { undo: true }) : approve(i + 1, { undo: true }),
      )
      const written = (await store.write(PACK, items))!
      expect(written.map((w) => w.revision)).toEqual(
        Array.from({ length: 10_000 }, (_, i) => i + 2),
      )
      expect(written.map((w) => w.image_id)).toEqual(items.map((item) => item.imageId))
      expect(written[0]).toEqual({
        image_id: image(1),
        revision: 2,
        current: {
          image_id: image(1),
          decision: 'rejected',
          reasons: ['bad-keywords', 'other'],
          note: 'Why',
          reviewer: 'Dana',
          decided_at: expect.any(String),
          fingerprint: 'v1.fp-1',
          revision: 2,
        },
      })
      const review = await store.packReview(PACK)
      expect(review.revision).toBe(10_001)
      expect(review.images).toHaveLength(10_000)
      expect(review.images.filter((d) => d.decision === 'rejected')).toHaveLength(2_500)
      const history = await store.history(PACK, image(1))
      expect(history.entries.map((e) => [e.revision, e.decision, e.undo])).toEqual([
        [2, 'rejected', true],
        [1, 'approved', false],
      ])
      expect((await store.history(PACK, image(10_000))).entries).toHaveLength(1)
    })

    it('keeps the last of an image listed twice in one write, both in its history', async () => {
      const written = (await store.write(PACK, [approve(1), approve(2), reject(1)]))!
      expect(written.map((w) => [w.image_id, w.revision, w.current?.decision])).toEqual([
        [image(1), 1, 'approved'],
        [image(2), 2, 'approved'],
        [image(1), 3, 'rejected'],
      ])
      const review = await store.packReview(PACK)
      expect(review.images.map((d) => [d.image_id, d.decision, d.revision])).toEqual([
        [image(2), 'approved', 2],
        [image(1), 'rejected', 3],
      ])
      expect((await store.history(PACK, image(1))).entries.map((e) => e.revision)).toEqual([3, 1])
    })

    it('writes a bulk list all or nothing, its other images untouched', async () => {
      await store.write(PACK, [approve(1), approve(2)])
      const broken = Array.from({ length: 500 }, (_, i) => reject(i + 1))
      broken[499] = { ...approve(500), decision: 'maybe' as 'approved' }
      await expect(store.write(PACK, broken)).rejects.toThrow()
      const review = await store.packReview(PACK)
      expect(review.revision).toBe(2)
      expect(review.images.map((d) => d.decision)).toEqual(['approved', 'approved'])
      expect((await store.history(PACK, image(3))).entries).toEqual([])
    })

    describe('sign-off', () => {
      const current = (...ns: number[]) =>
        ns.map((n) => ({ id: image(n), fingerprint: `v1.fp-${n}` }))

      it('signs off only once every image has a decision on its current fingerprint', async () => {
        expect(await store.signOff(PACK, 'Sam', current(1, 2, 3))).toEqual({ needReview: 3 })
        await store.write(PACK, [approve(1), reject(2), approve(3, { fingerprint: 'v1.old' })])
        expect(await store.signOff(PACK, 'Sam', current(1, 2, 3))).toEqual({ needReview: 1 })
        // A cleared decision needs review again.
        await store.write(PACK, [approve(3), { ...approve(1), decision: null }])
        expect(await store.signOff(PACK, 'Sam', current(1, 2, 3))).toEqual({ needReview: 1 })
        await store.write(PACK, [approve(1)])
        const result = await store.signOff(PACK, 'Sam', current(1, 2, 3))
        expect(result).toEqual({
          signOff: {
            reviewer: 'Sam',
            signed_at: expect.any(String),
            revision: 6,
            counts: { total: 3, approved: 2, rejected: 1 },
          },
        })
        const signed = 'signOff' in result ? result.signOff : null
        expect((await store.packReview(PACK)).sign_off).toEqual(signed)
        expect((await store.packReview(PACK, 6)).sign_off).toEqual(signed)
        expect((await store.packReview(OTHER_PACK)).sign_off).toBeNull()
        // Decisions of images the pack no longer has do not count.
        await store.write(OTHER_PACK, [approve(1), reject(9)])
        expect(await store.signOff(OTHER_PACK, 'Sam', current(1))).toMatchObject({
          signOff: { counts: { total: 1, approved: 1, rejected: 0 } },
        })
      })

      it('replaces a sign-off, withdraws it, and keeps each in the pack history', async () => {
        await store.write(PACK, [approve(1), reject(2)])
        await store.signOff(PACK, 'Dana', current(1, 2))
        await store.signOff(PACK, 'Sam', current(1, 2))
        expect((await store.packReview(PACK)).sign_off).toMatchObject({ reviewer: 'Sam' })
        expect(await store.withdraw(PACK, 'Lee')).toMatchObject({ reviewer: 'Sam', revision: 2 })
        expect((await store.packReview(PACK)).sign_off).toBeNull()
        expect(await store.withdraw(PACK, 'Lee')).toBeNull()
        const history = await store.packHistory(PACK)
        const counts = { total: 2, approved: 1, rejected: 1 }
        expect(history).toEqual({
          pack_id: PACK,
          entries: [
            { action: 'withdrawn', reviewer: 'Lee', at: expect.any(String), counts },
            { action: 'signed_off', reviewer: 'Sam', at: expect.any(String), counts },
            { action: 'signed_off', reviewer: 'Dana', at: expect.any(String), counts },
          ],
          truncated: false,
        })
        expect((await store.packHistory(OTHER_PACK)).entries).toEqual([])
      })

      it('never changes or removes a pack history entry', async () => {
        await store.write(PACK, [approve(1)])
        await store.signOff(PACK, 'Sam', current(1))
        await expect(db.query("UPDATE review_pack_history SET reviewer = 'Eve'")).rejects.toThrow(
          /append-only/,
        )
        await expect(db.query('DELETE FROM review_pack_history')).rejects.toThrow(/append-only/)
        expect((await store.packHistory(PACK)).entries[0]!.reviewer).toBe('Sam')
      })
    })

    it('writes a seed only into a pack that never had a decision', async () => {
      expect(await store.write(PACK, [approve(1)], { onlyIfUnreviewed: true })).toHaveLength(1)
      expect(await store.write(PACK, [approve(2)], { onlyIfUnreviewed: true })).toBeNull()
      await store.write(OTHER_PACK, [{ ...approve(1), decision: null }])
      expect(await store.write(OTHER_PACK, [approve(2)], { onlyIfUnreviewed: true })).toBeNull()
      expect((await store.packReview(PACK)).images.map((d) => d.image_id)).toEqual([image(1)])
    })

    it('never changes or removes a history entry', async () => {
      await store.write(PACK, [approve(1)])
      await expect(db.query("UPDATE review_history SET reviewer = 'Eve'")).rejects.toThrow(
        /append-only/,
      )
      await expect(db.query('DELETE FROM review_history')).rejects.toThrow(/append-only/)
      expect((await store.history(PACK, image(1))).entries[0]!.reviewer).toBe('Dana')
    })

    it('gives writes made at once on one pack distinct revisions, none lost', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.write(PACK, [approve(i + 1)])))
      const review = await store.packReview(PACK)
      expect(review.revision).toBe(20)
      expect(review.images.map((d) => d.revision).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      )
    })

    it('answers 10,000 decisions of one pack in one read', async () => {
      await db.exec(`
        INSERT INTO review_packs VALUES ('${PACK}', 10000);
        INSERT INTO review_decisions
          (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision)
        SELECT '${PACK}', 'img-' || n, 'approved', '{}', NULL, 'Dana', now(), 'v1.x', n
        FROM generate_series(1, 10000) AS n;
      `)
      const review = await store.packReview(PACK)
      expect(review.images).toHaveLength(10_000)
      expect(review.images[9_999]).toMatchObject({ image_id: 'img-10000', revision: 10_000 })
    })

    it('applies the migrations once when several instances start at once', async () => {
      expect(await migrate(db)).toEqual([])
      const fresh = await kind.create()
      // Separate connections to a server; one PGlite, whose transactions take turns.
      const instances = fresh.url
        ? Array.from({ length: 4 }, () => openPostgresDatabase(fresh.url!, () => {}))
        : Array.from({ length: 4 }, () => fresh.db)
      try {
        const runs = await Promise.all(instances.map((instance) => migrate(instance)))
        expect(runs.filter((run) => run.length > 0)).toEqual([MIGRATIONS.map((m) => m.version)])
        const { rows } = await fresh.db.query<{ version: number }>(
          'SELECT version FROM schema_migrations',
        )
        expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version))
      } finally {
        if (fresh.url) await Promise.all(instances.map((instance) => instance.close()))
        await fresh.drop()
      }
    }, 60_000)

    it('refuses a database a newer server has migrated', async () => {
      await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
      try {
        await expect(migrate(db)).rejects.toThrow(/schema version 999, newer than this server/)
      } finally {
        await db.query('DELETE FROM schema_migrations WHERE version = 999')
      }
    })
  })
