import type {
  PackHistoryEntry,
  SignOff,
  SignOffCounts,
} from '../../contract/review-api/sign-off.ts'
import type { Database, Queryable } from './database.ts'

/** A pack's history answers at most this many entries, the newest. */
export const MAX_PACK_HISTORY_ENTRIES = 200

/** An image of the pack as the Partner API has it now: what its decision must match. */
export interface PackImageFingerprint {
  id: string
  fingerprint: string
}

export type SignOffResult = { signOff: SignOff } | { needReview: number }

export interface PackHistory {
  pack_id: string
  entries: PackHistoryEntry[]
  /** More entries exist than the newest MAX_PACK_HISTORY_ENTRIES answered. */
  truncated: boolean
}

interface CountsRow {
  total: number | string
  approved: number | string
  rejected: number | string
}

interface SignOffRow extends CountsRow {
  reviewer: string
  signed_at: Date | string
  revision: number | string
}

interface HistoryRow extends CountsRow {
  action: PackHistoryEntry['action']
  reviewer: string
  at: Date | string
}

/** The current sign-off as the wire has it, built by the database (null when none). */
export const SIGN_OFF_JSON = `(SELECT json_build_object(
    'reviewer', reviewer,
    'signed_at', to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'revision', revision,
    'counts', json_build_object('total', total, 'approved', approved, 'rejected', rejected))
  FROM review_sign_offs WHERE pack_id = $1)`

/**
 * Signs the pack off when every one of `images` has a current decision made on its current
 * fingerprint; else answers how many need review. The pack's row is locked first, as every
 * decision write does, so no decision lands between the check and the sign-off, and the
 * revision recorded is the one the counts were taken at.
 */
export function signOff(
  db: Database,
  packId: string,
  reviewer: string,
  images: readonly PackImageFingerprint[],
): Promise<SignOffResult> {
  return db.transaction(async (tx) => {
    const { rows: packs } = await tx.query<{ revision: number | string }>(
      'SELECT revision FROM review_packs WHERE pack_id = $1 FOR UPDATE',
      [packId],
    )
    const revision = Number(packs[0]?.revision ?? 0)
    const { rows } = await tx.query<CountsRow>(
      `SELECT count(*) AS total,
         count(*) FILTER (WHERE d.decision = 'approved' AND d.fingerprint = i.fingerprint)
           AS approved,
         count(*) FILTER (WHERE d.decision = 'rejected' AND d.fingerprint = i.fingerprint)
           AS rejected
       FROM unnest($2::text[], $3::text[]) AS i(image_id, fingerprint)
       LEFT JOIN review_decisions d ON d.pack_id = $1 AND d.image_id = i.image_id`,
      [packId, images.map((image) => image.id), images.map((image) => image.fingerprint)],
    )
    const counts = countsOf(rows[0]!)
    const needReview = counts.total - counts.approved - counts.rejected
    if (needReview > 0) return { needReview }
    const signedAt = new Date()
    const { total, approved, rejected } = counts
    const values = [packId, reviewer, signedAt, revision, total, approved, rejected]
    await tx.query(
      `INSERT INTO review_sign_offs
         (pack_id, reviewer, signed_at, revision, total, approved, rejected)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (pack_id) DO UPDATE SET
         reviewer = excluded.reviewer, signed_at = excluded.signed_at,
         revision = excluded.revision, total = excluded.total,
         approved = excluded.approved, rejected = excluded.rejected`,
      values,
    )
    await appendHistory(tx, 'signed_off', values)
    return {
      signOff: { reviewer, signed_at: signedAt.toISOString(), revision, counts },
    }
  })
}

/** Withdraws the pack's sign-off and answers it; null (and no history entry) when none. */
export function withdraw(db: Database, packId: string, reviewer: string): Promise<SignOff | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<SignOffRow>(
      `DELETE FROM review_sign_offs WHERE pack_id = $1
       RETURNING reviewer, signed_at, revision, total, approved, rejected`,
      [packId],
    )
    const withdrawn = rows[0]
    if (!withdrawn) return null
    const counts = countsOf(withdrawn)
    const revision = Number(withdrawn.revision)
    await appendHistory(tx, 'withdrawn', [
      packId,
      reviewer,
      new Date(),
      revision,
      counts.total,
      counts.approved,
      counts.rejected,
    ])
    return {
      reviewer: withdrawn.reviewer,
      signed_at: new Date(withdrawn.signed_at).toISOString(),
      revision,
      counts,
    }
  })
}

/** Every sign-off and withdrawal of the pack, newest first. */
export async function packHistory(db: Queryable, packId: string): Promise<PackHistory> {
  const { rows } = await db.query<HistoryRow>(
    `SELECT action, reviewer, at, total, approved, rejected FROM review_pack_history
     WHERE pack_id = $1 ORDER BY id DESC LIMIT $2`,
    [packId, MAX_PACK_HISTORY_ENTRIES + 1],
  )
  return {
    pack_id: packId,
    entries: rows.slice(0, MAX_PACK_HISTORY_ENTRIES).map((row) => ({
      action: row.action,
      reviewer: row.reviewer,
      at: new Date(row.at).toISOString(),
      counts: countsOf(row),
    })),
    truncated: rows.length > MAX_PACK_HISTORY_ENTRIES,
  }
}

function appendHistory(
  tx: Queryable,
  action: PackHistoryEntry['action'],
  values: unknown[],
): Promise<unknown> {
  return tx.query(
    `INSERT INTO review_pack_history
       (action, pack_id, reviewer, at, revision, total, approved, rejected)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [action, ...values],
  )
}

function countsOf(row: CountsRow): SignOffCounts {
  return {
    total: Number(row.total),
    approved: Number(row.approved),
    rejected: Number(row.rejected),
  }
}
