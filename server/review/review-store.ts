import type {
  Decision,
  DecisionWrite,
  HistoryEntry,
  PackReview,
} from '../../contract/review-api/decision.ts'
import type { ActivityEntryWire, ActivityPage } from '../../contract/review-api/activity.ts'
import type { RejectReason } from '../../contract/review-api/reasons.ts'
import type { SignOff } from '../../contract/review-api/sign-off.ts'
import {
  listActivity,
  recordActivity,
  type ActivityEntry,
  type ActivityPageRequest,
} from './activity-store.ts'
import type { Database, Queryable } from './database.ts'
import {
  packHistory,
  signOff,
  SIGN_OFF_JSON,
  withdraw,
  type PackHistory,
  type PackImageFingerprint,
  type SignOffResult,
} from './sign-off-store.ts'

/** An image's history answers at most this many entries, the newest. */
export const MAX_HISTORY_ENTRIES = 200

/** One decision to record (null clears the image's). */
export interface DecisionItem {
  imageId: string
  decision: Decision | null
  reasons: readonly RejectReason[]
  note: string | null
  reviewer: string
  fingerprint: string
  undo: boolean
  /** When it was made; now when absent (the demo's seed gives its own). */
  decidedAt?: Date
}

export interface ImageHistory {
  image_id: string
  entries: HistoryEntry[]
  /** More entries exist than the newest MAX_HISTORY_ENTRIES answered. */
  truncated: boolean
}

export interface ReviewStore {
  /** The pack's current decisions, or with `since` what changed after that revision. */
  packReview(packId: string, since?: number): Promise<PackReview>
  /** The same, serialized by the database (what the API sends: no parsing, no copying). */
  packReviewJson(packId: string, since?: number): Promise<string>
  /**
   * Records `items` in one transaction, all or none, each with the next revision of the
   * pack, in order. With `onlyIfUnreviewed`, nothing is written (null) when the pack has
   * ever had a decision: what the demo's seed needs even with several servers starting.
   */
  write(
    packId: string,
    items: readonly DecisionItem[],
    options?: { onlyIfUnreviewed?: boolean },
  ): Promise<DecisionWrite[] | null>
  history(packId: string, imageId: string): Promise<ImageHistory>
  /**
   * Signs the pack off as `reviewer` when each of `images` (the pack as the Partner API has
   * it now) has a decision made on its current fingerprint; else says how many need review.
   */
  signOff(
    packId: string,
    reviewer: string,
    images: readonly PackImageFingerprint[],
  ): Promise<SignOffResult>
  /** Withdraws the current sign-off (answered), recorded as `reviewer`'s; null when none. */
  withdraw(packId: string, reviewer: string): Promise<SignOff | null>
  /** The pack's sign-offs and withdrawals, newest first. */
  packHistory(packId: string): Promise<PackHistory>
  /** Records a Partner API write made through Pack Explorer (see activity-store.ts). */
  recordActivity(entry: ActivityEntry): Promise<ActivityEntryWire>
  /** The pack's recorded writes, newest first, a page at a time. */
  listActivity(packId: string, page?: ActivityPageRequest): Promise<ActivityPage>
}

interface DecisionRow {
  image_id: string
  decision: Decision | null
  reasons: string[]
  note: string | null
  reviewer: string
  decided_at: Date | string
  fingerprint: string
  revision: number | string | bigint
}

interface HistoryRow extends DecisionRow {
  undo: boolean
}

const DECISION_COLUMNS =
  'image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision'

/** A decision as the wire has it, built by the database: one text value for a whole pack. */
const DECISION_JSON = `json_build_object(
  'image_id', image_id, 'decision', decision, 'reasons', reasons, 'note', note,
  'reviewer', reviewer,
  'decided_at', to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'fingerprint', fingerprint, 'revision', revision)`

/**
 * Records a list of decisions with the pack's next revisions, in order, in one statement (so
 * one transaction of its own, or a part of the caller's): 10,000 decisions are one round
 * trip, not 10,000. The pack's row, updated first, stays locked until the end of the
 * transaction: a pack's writes take their revisions in the order they commit, so a poller
 * that has seen revision n never misses a later commit below it. Every item goes into the
 * history; an image listed more than once keeps its last decision (one row may be updated
 * once per statement). It answers the first revision it took, less one: the items have the
 * ones after it, in order.
 */
const WRITE_MANY = `
  WITH pack AS (
    INSERT INTO review_packs (pack_id, revision) VALUES ($1, $2::bigint)
    ON CONFLICT (pack_id) DO UPDATE SET revision = review_packs.revision + $2::bigint
    RETURNING revision - $2::bigint AS base
  ), items AS (
    SELECT item.image_id, item.decision,
      ARRAY(SELECT json_array_elements_text(item.reasons::json)) AS reasons,
      item.note, item.reviewer, item.decided_at::timestamptz AS decided_at, item.fingerprint,
      item.undo, pack.base + item.n AS revision
    FROM pack, unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
      $9::text[], $10::boolean[])
      WITH ORDINALITY AS item(image_id, decision, reasons, note, reviewer, decided_at,
        fingerprint, undo, n)
  ), decided AS (
    INSERT INTO review_decisions
      (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision)
    SELECT DISTINCT ON (image_id)
      $1, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision
    FROM items ORDER BY image_id, revision DESC
    ON CONFLICT (pack_id, image_id) DO UPDATE SET
      decision = excluded.decision, reasons = excluded.reasons, note = excluded.note,
      reviewer = excluded.reviewer, decided_at = excluded.decided_at,
      fingerprint = excluded.fingerprint, revision = excluded.revision
  ), logged AS (
    INSERT INTO review_history
      (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision,
        undo)
    SELECT $1, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision,
      undo
    FROM items ORDER BY revision
  )
  SELECT base FROM pack`

/** Items per statement, at most: a bulk write the API takes (10,000) is one. */
export const WRITE_CHUNK = 10_000

export function createReviewStore(db: Database): ReviewStore {
  const packReviewJson = async (packId: string, since?: number) => {
    // The revision first: a write committed between the two reads is then answered with
    // a revision above the one reported, and asked for again, never skipped.
    const { revision, signOff } = await packState(db, packId)
    const { rows } = await db.query<{ images: string; cleared: string }>(
      since === undefined
        ? `SELECT coalesce(json_agg(${DECISION_JSON} ORDER BY revision), '[]')::text AS images,
             '[]' AS cleared
           FROM review_decisions WHERE pack_id = $1 AND decision IS NOT NULL`
        : `SELECT
             coalesce(json_agg(${DECISION_JSON} ORDER BY revision)
               FILTER (WHERE decision IS NOT NULL), '[]')::text AS images,
             coalesce(json_agg(json_build_object('image_id', image_id, 'revision', revision)
               ORDER BY revision) FILTER (WHERE decision IS NULL), '[]')::text AS cleared
           FROM review_decisions WHERE pack_id = $1 AND revision > $2`,
      since === undefined ? [packId] : [packId, since],
    )
    const { images = '[]', cleared = '[]' } = rows[0] ?? {}
    return `{"pack_id":${JSON.stringify(packId)},"revision":${revision},"images":${images},"cleared":${cleared},"sign_off":${signOff}}`
  }

  return {
    packReviewJson,
    packReview: async (packId, since) =>
      JSON.parse(await packReviewJson(packId, since)) as PackReview,

    async write(packId, items, options = {}) {
      if (items.length === 0) return []
      const now = new Date()
      if (items.length <= WRITE_CHUNK && !options.onlyIfUnreviewed) {
        return writeMany(db, packId, items, now)
      }
      return db.transaction(async (tx) => {
        if (options.onlyIfUnreviewed) {
          const { rows } = await tx.query(
            `INSERT INTO review_packs (pack_id, revision) VALUES ($1, 0)
             ON CONFLICT (pack_id) DO NOTHING RETURNING revision`,
            [packId],
          )
          if (rows.length === 0) return null
        }
        const written: DecisionWrite[] = []
        for (let start = 0; start < items.length; start += WRITE_CHUNK) {
          const chunk = items.slice(start, start + WRITE_CHUNK)
          written.push(...(await writeMany(tx, packId, chunk, now)))
        }
        return written
      })
    },

    async history(packId, imageId) {
      const { rows } = await db.query<HistoryRow>(
        `SELECT ${DECISION_COLUMNS}, undo FROM review_history
         WHERE pack_id = $1 AND image_id = $2 ORDER BY revision DESC, id DESC LIMIT $3`,
        [packId, imageId, MAX_HISTORY_ENTRIES + 1],
      )
      return {
        image_id: imageId,
        entries: rows.slice(0, MAX_HISTORY_ENTRIES).map((row) => ({
          ...wireFields(row),
          undo: row.undo,
        })),
        truncated: rows.length > MAX_HISTORY_ENTRIES,
      }
    },

    signOff: (packId, reviewer, images) => signOff(db, packId, reviewer, images),
    withdraw: (packId, reviewer) => withdraw(db, packId, reviewer),
    packHistory: (packId) => packHistory(db, packId),
    recordActivity: (entry) => recordActivity(db, entry),
    listActivity: (packId, page) => listActivity(db, packId, page),
  }
}

async function writeMany(
  target: Queryable,
  packId: string,
  items: readonly DecisionItem[],
  now: Date,
): Promise<DecisionWrite[]> {
  const stored = items.map((item) => ({
    ...item,
    reasons: item.decision === 'rejected' ? [...item.reasons] : [],
    decidedAt: (item.decidedAt ?? now).toISOString(),
  }))
  const column = <T>(of: (item: (typeof stored)[number]) => T) => stored.map(of)
  const { rows } = await target.query<{ base: number | string }>(WRITE_MANY, [
    packId,
    items.length,
    column((item) => item.imageId),
    column((item) => item.decision),
    column((item) => JSON.stringify(item.reasons)),
    column((item) => item.note),
    column((item) => item.reviewer),
    column((item) => item.decidedAt),
    column((item) => item.fingerprint),
    column((item) => item.undo),
  ])
  const base = Number(rows[0]!.base)
  // Each item as stored, built here: reading 10,000 rows back would cost more than the write.
  return stored.map((item, index) => {
    const revision = base + index + 1
    const { imageId, decision } = item
    return {
      image_id: imageId,
      revision,
      current:
        decision === null
          ? null
          : {
              image_id: imageId,
              decision,
              reasons: item.reasons,
              note: item.note,
              reviewer: item.reviewer,
              decided_at: item.decidedAt,
              fingerprint: item.fingerprint,
              revision,
            },
    }
  })
}

/** The pack's revision, and its sign-off as JSON text ('null' when none). */
async function packState(
  db: Queryable,
  packId: string,
): Promise<{ revision: number; signOff: string }> {
  const { rows } = await db.query<{ revision: number | string | null; sign_off: string }>(
    `SELECT (SELECT revision FROM review_packs WHERE pack_id = $1) AS revision,
       coalesce(${SIGN_OFF_JSON}::text, 'null') AS sign_off`,
    [packId],
  )
  return { revision: Number(rows[0]?.revision ?? 0), signOff: rows[0]?.sign_off ?? 'null' }
}

/** A row's fields as the wire has them: times in ISO 8601, revisions as numbers. */
function wireFields(row: Omit<DecisionRow, 'image_id'>) {
  return {
    revision: Number(row.revision),
    decision: row.decision,
    reasons: row.reasons,
    note: row.note,
    reviewer: row.reviewer,
    decided_at: new Date(row.decided_at).toISOString(),
    fingerprint: row.fingerprint,
  }
}
