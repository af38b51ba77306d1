import type {
  Decision,
  DecisionWrite,
  HistoryEntry,
  PackReview,
  ReviewDecision,
} from '../../contract/review-api/decision.ts'
import type { RejectReason } from '../../contract/review-api/reasons.ts'
import type { Database, Queryable } from './database.ts'

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
 * Records one decision with the pack's next revision, in one statement (so one transaction
 * of its own, or a part of the caller's). The pack's row, updated first, stays locked until
 * the end of the transaction: a pack's writes take their revisions in the order they commit,
 * so a poller that has seen revision n never misses a later commit below it.
 */
const WRITE_ONE = `
  WITH pack AS (
    INSERT INTO review_packs (pack_id, revision) VALUES ($1, 1)
    ON CONFLICT (pack_id) DO UPDATE SET revision = review_packs.revision + 1
    RETURNING revision
  ), logged AS (
    INSERT INTO review_history
      (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision, undo)
    SELECT $1, $2::text, $3::text, $4::text[], $5::text, $6::text, $7::timestamptz, $8::text,
      revision, $9::boolean
    FROM pack
  )
  INSERT INTO review_decisions
    (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision)
  SELECT $1, $2::text, $3::text, $4::text[], $5::text, $6::text, $7::timestamptz, $8::text, revision
  FROM pack
  ON CONFLICT (pack_id, image_id) DO UPDATE SET
    decision = excluded.decision, reasons = excluded.reasons, note = excluded.note,
    reviewer = excluded.reviewer, decided_at = excluded.decided_at,
    fingerprint = excluded.fingerprint, revision = excluded.revision
  RETURNING ${DECISION_COLUMNS}`

export function createReviewStore(db: Database): ReviewStore {
  const packReviewJson = async (packId: string, since?: number) => {
    // The revision first: a write committed between the two reads is then answered with
    // a revision above the one reported, and asked for again, never skipped.
    const revision = await packRevision(db, packId)
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
    return `{"pack_id":${JSON.stringify(packId)},"revision":${revision},"images":${images},"cleared":${cleared}}`
  }

  return {
    packReviewJson,
    packReview: async (packId, since) =>
      JSON.parse(await packReviewJson(packId, since)) as PackReview,

    async write(packId, items, options = {}) {
      if (items.length === 0) return []
      const now = new Date()
      if (items.length === 1 && !options.onlyIfUnreviewed) {
        return [await writeOne(db, packId, items[0]!, now)]
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
        for (const item of items) written.push(await writeOne(tx, packId, item, now))
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
  }
}

async function writeOne(
  target: Queryable,
  packId: string,
  item: DecisionItem,
  now: Date,
): Promise<DecisionWrite> {
  const { rows } = await target.query<DecisionRow>(WRITE_ONE, [
    packId,
    item.imageId,
    item.decision,
    item.decision === 'rejected' ? [...item.reasons] : [],
    item.note,
    item.reviewer,
    item.decidedAt ?? now,
    item.fingerprint,
    item.undo,
  ])
  const row = rows[0]!
  return { image_id: item.imageId, revision: Number(row.revision), current: decisionOf(row) }
}

async function packRevision(db: Queryable, packId: string): Promise<number> {
  const { rows } = await db.query<{ revision: number | string }>(
    'SELECT revision FROM review_packs WHERE pack_id = $1',
    [packId],
  )
  return rows[0] ? Number(rows[0].revision) : 0
}

function decisionOf(row: DecisionRow): ReviewDecision | null {
  const { decision } = row
  return decision === null ? null : { image_id: row.image_id, ...wireFields(row), decision }
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
