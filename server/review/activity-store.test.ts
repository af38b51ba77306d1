import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  activityEntrySchema,
  DEFAULT_ACTIVITY_LIMIT,
  MAX_ACTIVITY_LIMIT,
} from '../../contract/review-api/activity.ts'
import { DATABASE_KINDS } from '../test-kit/review-databases.ts'
import {
  InvalidActivityError,
  listActivity,
  MAX_ACTIVITY_ITEMS,
  MAX_ACTIVITY_URL_LENGTH,
  recordActivity,
  type ActivityEntry,
} from './activity-store.ts'
import type { Database } from './database.ts'
import { migrate } from './migrate.ts'
import { MIGRATIONS } from './migrations.ts'
import { createReviewStore } from './review-store.ts'

// The same suite on every kind of database the server can use.
const PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e21'
const OTHER_PACK = '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e22'
const image = (n: number) => `7a3f9c10-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

const deletion = (extra: Partial<ActivityEntry> = {}): ActivityEntry => ({
  packId: PACK,
  action: 'delete_image',
  intent: 'remove',
  actor: 'Dana',
  imageIds: [image(1)],
  urls: ['https://cdn.example.com/a.png'],
  details: {},
  status: 200,
  ok: true,
  errorCode: null,
  ...extra,
})

for (const kind of DATABASE_KINDS)
  describe.skipIf(kind.skip)(`the activity log on ${kind.name}`, () => {
    let db: Database
    let drop: () => Promise<void>

    beforeAll(async () => {
      ;({ db, drop } = await kind.create())
      await migrate(db)
    }, 60_000)

    afterAll(async () => {
      await drop?.()
    })

    beforeEach(async () => {
      // TRUNCATE fires no row trigger: the log stays append-only for everything else.
      await db.exec('TRUNCATE write_activity')
    })

    /** Records `count` deletions of images 1..count, in order. */
    async function recordMany(count: number, packId = PACK) {
      for (let n = 1; n <= count; n++) {
        await recordActivity(db, deletion({ packId, imageIds: [image(n)] }))
      }
    }

    it('records an entry and answers it as the wire has it, at the server time', async () => {
      const before = Date.now()
      const recorded = await recordActivity(db, deletion())
      expect(recorded).toEqual({
        id: expect.stringMatching(/^[1-9]\d*$/),
        pack_id: PACK,
        action: 'delete_image',
        intent: 'remove',
        actor: 'Dana',
        at: expect.any(String),
        image_ids: [image(1)],
        urls: ['https://cdn.example.com/a.png'],
        details: {},
        status: 200,
        ok: true,
        error_code: null,
      })
      expect(Date.parse(recorded.at)).toBeGreaterThanOrEqual(before - 1_000)
      expect(Date.parse(recorded.at)).toBeLessThanOrEqual(Date.now() + 1_000)
      expect(activityEntrySchema.safeParse(recorded).success).toBe(true)
      expect(await listActivity(db, PACK)).toEqual({
        pack_id: PACK,
        entries: [recorded],
        next_before: null,
      })
    })

    it('keeps the time it is given', async () => {
      const at = new Date('2026-03-04T05:06:07.089Z')
      expect((await recordActivity(db, deletion({ at }))).at).toBe('2026-03-04T05:06:07.089Z')
    })

    it('lists a pack newest first, the packs kept apart', async () => {
      await recordActivity(db, deletion({ action: 'add_image', intent: 'add' }))
      await recordActivity(db, deletion({ packId: OTHER_PACK, actor: 'Sam' }))
      await recordActivity(db, deletion({ action: 'delete_image', intent: 'undo' }))
      await recordActivity(db, deletion({ action: 'update_pack', intent: 'rename' }))
      const page = await listActivity(db, PACK)
      expect(page.entries.map((e) => [e.action, e.intent])).toEqual([
        ['update_pack', 'rename'],
        ['delete_image', 'undo'],
        ['add_image', 'add'],
      ])
      const ids = page.entries.map((e) => BigInt(e.id))
      expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids)
      expect((await listActivity(db, OTHER_PACK)).entries.map((e) => e.actor)).toEqual(['Sam'])
      expect(await listActivity(db, '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e99')).toEqual({
        pack_id: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e99',
        entries: [],
        next_before: null,
      })
    })

    it('stores pack IDs lowercase, and finds them in any case', async () => {
      await recordActivity(db, deletion({ packId: PACK.toUpperCase() }))
      const page = await listActivity(db, PACK.toUpperCase())
      expect(page.pack_id).toBe(PACK)
      expect(page.entries.map((e) => e.pack_id)).toEqual([PACK])
      expect((await listActivity(db, PACK)).entries).toHaveLength(1)
    })

    it('pages with before and next_before until none is left', async () => {
      // 12: the IDs pass from one digit to two even on a new database (ordered as numbers).
      await recordMany(12)
      const images = (page: { entries: { image_ids: string[] }[] }) =>
        page.entries.map((e) => e.image_ids[0])
      const first = await listActivity(db, PACK, { limit: 5 })
      expect(images(first)).toEqual([12, 11, 10, 9, 8].map(image))
      expect(first.next_before).toBe(first.entries[4]!.id)
      const second = await listActivity(db, PACK, { limit: 5, before: first.next_before })
      expect(images(second)).toEqual([7, 6, 5, 4, 3].map(image))
      const last = await listActivity(db, PACK, { limit: 5, before: second.next_before })
      expect(images(last)).toEqual([2, 1].map(image))
      expect(last.next_before).toBeNull()
      // A page that ends exactly at the oldest entry says there is no more.
      const exact = await listActivity(db, PACK, { limit: 7, before: first.next_before })
      expect(exact.entries).toHaveLength(7)
      expect(exact.next_before).toBeNull()
      // A cursor past every entry, or below them all.
      const past = await listActivity(db, PACK, { before: '9223372036854775807' })
      expect(past.entries).toHaveLength(12)
      expect((await listActivity(db, PACK, { before: '1' })).entries).toEqual([])
    })

    it(`answers ${DEFAULT_ACTIVITY_LIMIT} by default and at most ${MAX_ACTIVITY_LIMIT}`, async () => {
      await db.query(
        `INSERT INTO write_activity (pack_id, action, actor, at, status, ok)
         SELECT $1, 'upload_file', 'Dana', now(), 200, true FROM generate_series(1, $2::int)`,
        [PACK, MAX_ACTIVITY_LIMIT + 5],
      )
      const byDefault = await listActivity(db, PACK)
      expect(byDefault.entries).toHaveLength(DEFAULT_ACTIVITY_LIMIT)
      expect(byDefault.next_before).toBe(byDefault.entries.at(-1)!.id)
      const most = await listActivity(db, PACK, { limit: MAX_ACTIVITY_LIMIT })
      expect(most.entries).toHaveLength(MAX_ACTIVITY_LIMIT)
      expect((await listActivity(db, PACK, { limit: 1 })).entries).toHaveLength(1)
      for (const limit of [0, -1, 1.5, MAX_ACTIVITY_LIMIT + 1, Number.NaN]) {
        await expect(listActivity(db, PACK, { limit })).rejects.toThrow(RangeError)
      }
      for (const before of ['0', '-1', 'abc', '1.5', '', '9223372036854775808', '01']) {
        await expect(listActivity(db, PACK, { before })).rejects.toThrow(RangeError)
      }
    })

    it('records a write on no pack, with nulls and empty lists', async () => {
      const recorded = await recordActivity(db, {
        packId: null,
        action: 'upload_file',
        intent: null,
        actor: 'Dana',
        imageIds: [],
        urls: [],
        details: {},
        status: 502,
        ok: false,
        errorCode: null,
      })
      expect(recorded).toMatchObject({
        pack_id: null,
        intent: null,
        image_ids: [],
        urls: [],
        details: {},
        status: 502,
        ok: false,
        error_code: null,
      })
      // Nothing of a pack's: it is in no pack's list.
      expect((await listActivity(db, PACK)).entries).toEqual([])
      const { rows } = await db.query<{ count: number | string }>(
        'SELECT count(*) AS count FROM write_activity WHERE pack_id IS NULL',
      )
      expect(Number(rows[0]!.count)).toBe(1)
    })

    it('keeps details, a refusal, and many images and URLs as they were given', async () => {
      const details = {
        name: 'Summer — “launch” 🌞',
        is_public: false,
        count: 3,
        ratio: 1.5,
        note: null,
        empty: '',
      }
      const imageIds = Array.from({ length: MAX_ACTIVITY_ITEMS }, (_, i) => image(i + 1))
      const urls = [
        `https://cdn.example.com/${'a'.repeat(MAX_ACTIVITY_URL_LENGTH - 25)}`,
        'https://cdn.example.com/b c,{d}"e\'.png',
      ]
      const recorded = await recordActivity(
        db,
        deletion({
          action: 'update_pack',
          intent: 'publish',
          imageIds,
          urls,
          details,
          status: 409,
          ok: false,
          errorCode: 'pack_conflict',
        }),
      )
      const [listed] = (await listActivity(db, PACK)).entries
      expect(listed).toEqual(recorded)
      expect(listed).toMatchObject({
        details,
        image_ids: imageIds,
        urls,
        status: 409,
        ok: false,
        error_code: 'pack_conflict',
      })
    })

    it('never changes or removes an entry', async () => {
      await recordActivity(db, deletion())
      await expect(db.query("UPDATE write_activity SET actor = 'Eve'")).rejects.toThrow(
        /append-only/,
      )
      await expect(db.query('DELETE FROM write_activity')).rejects.toThrow(/append-only/)
      expect((await listActivity(db, PACK)).entries.map((e) => e.actor)).toEqual(['Dana'])
    })

    it('refuses an action, an intent or a pack ID case the schema does not take, even past the store', async () => {
      await expect(
        db.query(
          `INSERT INTO write_activity (pack_id, action, actor, at, status, ok)
           VALUES ($1, 'rename_pack', 'Dana', now(), 200, true)`,
          [PACK],
        ),
      ).rejects.toThrow()
      await expect(
        db.query(
          `INSERT INTO write_activity (pack_id, action, intent, actor, at, status, ok)
           VALUES ($1, 'update_pack', 'maybe', 'Dana', now(), 200, true)`,
          [PACK],
        ),
      ).rejects.toThrow()
      await expect(
        db.query(
          `INSERT INTO write_activity (pack_id, action, actor, at, status, ok)
           VALUES ($1, 'update_pack', 'Dana', now(), 200, true)`,
          [PACK.toUpperCase()],
        ),
      ).rejects.toThrow()
      expect((await listActivity(db, PACK)).entries).toEqual([])
    })

    it.each<[string, Partial<ActivityEntry>]>([
      ['an empty actor', { actor: '' }],
      ['a blank actor', { actor: '   ' }],
      ['an actor over 200', { actor: 'a'.repeat(201) }],
      ['a pack ID that is not a UUID', { packId: 'pack-1' }],
      ['an unknown action', { action: 'rename_pack' as ActivityEntry['action'] }],
      ['an unknown intent', { intent: 'maybe' as ActivityEntry['intent'] }],
      ['over 1,000 image IDs', { imageIds: Array.from({ length: 1_001 }, (_, i) => image(i)) }],
      ['an empty image ID', { imageIds: [''] }],
      ['over 1,000 URLs', { urls: Array.from({ length: 1_001 }, (_, i) => `https://x/${i}`) }],
      ['a URL over 2,048', { urls: [`https://x/${'a'.repeat(MAX_ACTIVITY_URL_LENGTH)}`] }],
      [
        'a detail that is an object',
        { details: { nested: {} } as unknown as ActivityEntry['details'] },
      ],
      ['a detail that is not finite', { details: { ratio: Number.POSITIVE_INFINITY } }],
      ['a status that is no HTTP status', { status: 42 }],
      ['a status that is not whole', { status: 200.5 }],
      ['an empty error code', { errorCode: '' }],
      ['an unknown field', { pack: PACK } as Partial<ActivityEntry>],
      ['a time that is no time', { at: new Date('not a date') }],
    ])('refuses %s, recording nothing', async (_name, extra) => {
      await expect(recordActivity(db, deletion(extra))).rejects.toThrow(InvalidActivityError)
      expect((await listActivity(db, PACK)).entries).toEqual([])
    })

    it('records and lists through the review store', async () => {
      const store = createReviewStore(db)
      const recorded = await store.recordActivity(deletion({ intent: 'undo' }))
      expect(await store.listActivity(PACK, { limit: 1 })).toEqual({
        pack_id: PACK,
        entries: [recorded],
        next_before: null,
      })
    })

    it('brings a database at the previous version up to this one, its data kept', async () => {
      const fresh = await kind.create()
      try {
        const previous = MIGRATIONS.slice(0, -1)
        const newest = MIGRATIONS.at(-1)!
        expect(newest.sql).toContain('CREATE TABLE write_activity')
        expect(await migrate(fresh.db, previous)).toEqual(previous.map((m) => m.version))
        const older = createReviewStore(fresh.db)
        await older.write(PACK, [
          {
            imageId: image(1),
            decision: 'approved',
            reasons: [],
            note: null,
            reviewer: 'Dana',
            fingerprint: 'v1.fp',
            undo: false,
          },
        ])
        expect(await migrate(fresh.db)).toEqual([newest.version])
        expect(await migrate(fresh.db)).toEqual([])
        expect((await older.packReview(PACK)).revision).toBe(1)
        await recordActivity(fresh.db, deletion())
        expect((await listActivity(fresh.db, PACK)).entries).toHaveLength(1)
      } finally {
        await fresh.drop()
      }
    }, 60_000)
  })
