import { unparse } from 'papaparse'
import type { PackImage } from '@contract/partner-api/pack'
import type { ImageStatus } from './image-status'
import type { ReviewState } from './review-state'

/** What an export says of an image's review (an `ImageReview` is one). */
export interface ExportReview {
  state: ReviewState
  decision: {
    reasons: readonly string[]
    note: string | null
    reviewer: string
    decided_at: string
  } | null
}

/** One exported image. Rows arrive already filtered and sorted, as the user sees them. */
export interface ExportRow {
  image: PackImage
  /** 1-based position in the pack, in API order (not in the filtered list). */
  position: number
  status: ImageStatus
  flags: readonly string[]
  /** Absent: unreviewed. */
  review?: ExportReview
}

export interface ExportPack {
  id: string
  name: string
}

export type ExportFormat = 'csv' | 'json'

export const CSV_COLUMNS = [
  'id',
  'position',
  'url',
  'status',
  'description',
  'keywords',
  'model',
  'generated_at',
  'error',
  'flags',
  'review',
  'review_reasons',
  'review_note',
  'reviewed_by',
  'reviewed_at',
] as const

const LIST_SEPARATOR = '; '

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"). Papaparse's own
 * `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, whose `.*$` fails on any cell that also
 * contains a line break, so "=HYPERLINK(…)\nx" would slip through; only the first
 * character matters.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** The review columns: the state, and the decision it is based on (an outdated one too). */
function reviewFields(row: ExportRow) {
  const decision = row.review?.decision ?? null
  return {
    review: row.review?.state ?? 'unreviewed',
    reasons: decision?.reasons ?? [],
    note: decision?.note ?? null,
    reviewer: decision?.reviewer || null,
    decidedAt: decision?.decided_at ?? null,
  }
}

/**
 * RFC 4180 CSV with a header row (present even with no rows) and CRLF line endings.
 * Text cells that start like a formula get a leading `'`; numbers are left alone.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  const data = rows.map((row) => {
    const metadata = row.image.metadata
    const review = reviewFields(row)
    return [
      row.image.id,
      row.position,
      row.image.url,
      row.status,
      metadata?.description ?? null,
      (metadata?.keywords ?? []).join(LIST_SEPARATOR),
      metadata?.model ?? null,
      metadata?.generated_at ?? null,
      metadata?.error ?? null,
      row.flags.join(LIST_SEPARATOR),
      review.review,
      review.reasons.join(LIST_SEPARATOR),
      // Notes and names are typed by people: the formula guard below covers them as well.
      review.note,
      review.reviewer,
      review.decidedAt,
    ]
  })
  // Arrays rather than `{ fields, data }`: with no data, papaparse would append an empty record.
  return unparse([[...CSV_COLUMNS], ...data], { newline: '\r\n', escapeFormulae: FORMULA_START })
}

export function toJson(rows: readonly ExportRow[], pack: ExportPack, now = new Date()): string {
  const images = rows.map((row) => {
    const metadata = row.image.metadata
    const review = reviewFields(row)
    return {
      id: row.image.id,
      position: row.position,
      url: row.image.url,
      status: row.status,
      description: metadata?.description ?? null,
      keywords: metadata?.keywords ?? [],
      model: metadata?.model ?? null,
      generated_at: metadata?.generated_at ?? null,
      error: metadata?.error ?? null,
      flags: row.flags,
      review: review.review,
      review_reasons: review.reasons,
      review_note: review.note,
      reviewed_by: review.reviewer,
      reviewed_at: review.decidedAt,
    }
  })
  const payload = {
    pack: { id: pack.id, name: pack.name },
    exported_at: now.toISOString(),
    count: images.length,
    images,
  }
  return `${JSON.stringify(payload, null, 2)}\n`
}

const MAX_SLUG_LENGTH = 60

function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-$/, '')
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * `<slug>-<YYYY-MM-DD>.<ext>`, dated in the user's time zone since that is the day they
 * think they exported on. Names with no ASCII letters or digits fall back to the pack id.
 */
export function exportFileName(
  packName: string,
  packId: string,
  ext: ExportFormat,
  now = new Date(),
): string {
  const slug = slugify(packName) || `pack-${slugify(packId.slice(0, 8))}`.replace(/-+$/, '')
  return `${slug}-${localDate(now)}.${ext}`
}

// Long enough for every browser to have started reading the blob (FileSaver.js waits 40 s;
// Safari and older Firefox cancel downloads whose URL is revoked straight after the click).
const REVOKE_AFTER_MS = 40_000

export function downloadFile(contents: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  // Firefox only follows links that are in the document.
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}

/** Excel reads a CSV without a byte order mark as the system code page, garbling non-ASCII. */
const UTF8_BOM = '\uFEFF'

/**
 * Builds the file and starts the download. CSV gets a UTF-8 BOM here (not in `toCsv`, which
 * stays plain RFC 4180 text) so Excel opens accents and emoji correctly.
 */
export function downloadExport(
  format: ExportFormat,
  rows: readonly ExportRow[],
  pack: ExportPack,
  now = new Date(),
): void {
  const fileName = exportFileName(pack.name, pack.id, format, now)
  if (format === 'csv') {
    downloadFile(UTF8_BOM + toCsv(rows), fileName, 'text/csv;charset=utf-8')
  } else {
    downloadFile(toJson(rows, pack, now), fileName, 'application/json')
  }
}
