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

export function createReviewStore(db: Database): ReviewStore {
  return {
    async packReview(packId, since) {
      // The revision first: a write committed between the two reads is then answered with
      // a revision above the one reported, and asked for again, never skipped.
      const revision = await packRevision(db, packId)
      const rows =
        since === undefined
          ? (
              await db.query<DecisionRow>(
                `SELECT ${DECISION_COLUMNS} FROM review_decisions
                 WHERE pack_id = $1 AND decision IS NOT NULL ORDER BY revision`,
                [packId],
              )
            ).rows
          : (
              await db.query<DecisionRow>(
                `SELECT ${DECISION_COLUMNS} FROM review_decisions
                 WHERE pack_id = $1 AND revision > $2 ORDER BY revision`,
                [packId, since],
              )
            ).rows
      const images: ReviewDecision[] = []
      const cleared: PackReview['cleared'] = []
      for (const row of rows) {
        const decision = decisionOf(row)
        if (decision) images.push(decision)
        else cleared.push({ image_id: row.image_id, revision: Number(row.revision) })
      }
      return { pack_id: packId, revision, images, cleared }
    },

    async write(packId, items, options = {}) {
      if (items.length === 0) {
        return []
      }
      return db.transaction(async (tx) => {
        const last = await takeRevisions(tx, packId, items.length, options.onlyIfUnreviewed)
        if (last === null) return null
        const now = new Date()
        const written: DecisionWrite[] = []
        for (const [index, item] of items.entries()) {
          const revision = last - items.length + 1 + index
          const values = [
            packId,
            item.imageId,
            item.decision,
            item.decision === 'rejected' ? [...item.reasons] : [],
            item.note,
            item.reviewer,
            item.decidedAt ?? now,
            item.fingerprint,
            revision,
          ]
          const { rows } = await tx.query<DecisionRow>(
            `INSERT INTO review_decisions
               (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (pack_id, image_id) DO UPDATE SET
               decision = excluded.decision, reasons = excluded.reasons, note = excluded.note,
               reviewer = excluded.reviewer, decided_at = excluded.decided_at,
               fingerprint = excluded.fingerprint, revision = excluded.revision
             RETURNING ${DECISION_COLUMNS}`,
            values,
          )
          await tx.query(
            `INSERT INTO review_history
               (pack_id, image_id, decision, reasons, note, reviewer, decided_at, fingerprint, revision, undo)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [...values, item.undo],
          )
          written.push({ image_id: item.imageId, revision, current: decisionOf(rows[0]!) })
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
          revision: Number(row.revision),
          decision: row.decision,
          reasons: row.reasons,
          note: row.note,
          reviewer: row.reviewer,
          decided_at: new Date(row.decided_at).toISOString(),
          fingerprint: row.fingerprint,
          undo: row.undo,
        })),
        truncated: rows.length > MAX_HISTORY_ENTRIES,
      }
    },
  }
}

async function packRevision(db: Queryable, packId: string): Promise<number> {
  const { rows } = await db.query<{ revision: number | string }>(
    'SELECT revision FROM review_packs WHERE pack_id = $1',
    [packId],
  )
  return rows[0] ? Number(rows[0].revision) : 0
}

/**
 * Hands out `count` revisions of the pack and returns the last. The row it updates stays
 * locked until the transaction ends, so a pack's writes take their revisions in the order
 * they commit: a poller that has seen revision n never misses a later commit below it.
 */
async function takeRevisions(
  tx: Queryable,
  packId: string,
  count: number,
  onlyIfUnreviewed = false,
): Promise<number | null> {
  const { rows } = await tx.query<{ revision: number | string }>(
    onlyIfUnreviewed
      ? `INSERT INTO review_packs (pack_id, revision) VALUES ($1, $2)
         ON CONFLICT (pack_id) DO NOTHING RETURNING revision`
      : `INSERT INTO review_packs (pack_id, revision) VALUES ($1, $2)
         ON CONFLICT (pack_id) DO UPDATE SET revision = review_packs.revision + excluded.revision
         RETURNING revision`,
    [packId, count],
  )
  return rows[0] ? Number(rows[0].revision) : null
}

function decisionOf(row: DecisionRow): ReviewDecision | null {
  if (row.decision === null) return null
  return {
    image_id: row.image_id,
    decision: row.decision,
    reasons: row.reasons,
    note: row.note,
    reviewer: row.reviewer,
    decided_at: new Date(row.decided_at).toISOString(),
    fingerprint: row.fingerprint,
    revision: Number(row.revision),
  }
}
