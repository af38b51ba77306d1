import { ArrowLeft, Printer } from 'lucide-react'
import { useMemo, type ReactNode } from 'react'
import { Link } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { formatAbsolute, parseDate } from '@/lib/format-date'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import { reportOf, TOP_KEYWORDS, type ReportRow } from '@/features/pack-review/lib/report-data'
import { changesSince, totalsOf } from '@/features/pack-review/lib/sign-off-state'
import { usePackReviews } from '@/features/pack-review/lib/use-pack-reviews'
import { BarChart } from './bar-chart'
import { ReportSection } from './report-section'
import { ReportTable } from './report-table'

/**
 * The QA report: how the pack stands, for someone who will not open the gallery. The same
 * pack and review queries as the pack page, so it follows their polling.
 */
export function PackReport({
  pack,
  packPath,
  authenticatedUser,
}: {
  pack: LoadedPack
  /** The pack page, for the way back. */
  packPath: string
  authenticatedUser: string | null
}) {
  const reviews = usePackReviews(pack, authenticatedUser)
  const { reviewOf, counts, signOff, revision, availability } = reviews
  const report = useMemo(
    () => reportOf(pack.reviewed, pack.facets, counts, reviewOf),
    [pack.reviewed, pack.facets, counts, reviewOf],
  )
  const totals = totalsOf(counts, report.total)
  const changes = signOff === null ? null : changesSince(signOff, totals, revision)
  const signedAt = parseDate(signOff?.signed_at)
  const reviewsReady = availability.status === 'ready'
  const reviewsNote =
    availability.status === 'unavailable'
      ? `Reviews unavailable: ${availability.reason}`
      : availability.status === 'loading'
        ? 'Loading reviews…'
        : null

  const simple = (
    title: string,
    column: string,
    rows: readonly ReportRow[],
    { note, empty }: { note?: string; empty?: string } = {},
  ) => (
    <ReportSection
      title={title}
      note={note}
      chart={<BarChart title={title} rows={rows} />}
      table={
        <ReportTable
          caption={title}
          columns={[column, 'Images']}
          rows={rows.map((row) => [row.label, row.value] as const)}
        />
      }
      empty={rows.length === 0 ? (empty ?? 'Nothing to count.') : null}
    />
  )
  const reviewSection = (section: ReactNode) =>
    reviewsNote === null ? (
      section
    ) : (
      <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
        {reviewsNote}
      </p>
    )

  return (
    <article className="flex flex-col gap-4 print:gap-3">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">QA report</h1>
          <p className="text-lg font-medium break-words text-slate-800">
            {pack.name.trim() || 'Untitled pack'}
          </p>
          <p className="text-sm text-slate-600 print:text-black">
            {report.total.toLocaleString()} {report.total === 1 ? 'image' : 'images'}
            {reviewsReady && ' · '}
            {reviewsReady &&
              (signOff === null ? (
                'Not signed off'
              ) : (
                <>
                  Signed off by {signOff.reviewer}
                  {signedAt && (
                    <>
                      {' '}
                      <time dateTime={signedAt.toISOString()}>{formatAbsolute(signedAt)}</time>
                    </>
                  )}
                  {changes !== null && <> · Changed since sign-off: {changes.join(', ')}</>}
                </>
              ))}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <Link to={packPath} className={buttonStyles.secondary}>
            <ArrowLeft aria-hidden="true" className="size-4" />
            Back to pack
          </Link>
          <button type="button" className={buttonStyles.primary} onClick={() => window.print()}>
            <Printer aria-hidden="true" className="size-4" />
            Print
          </button>
        </div>
      </header>
      {simple('Metadata status', 'Status', report.statuses)}
      {reviewSection(
        simple('Review progress', 'Review', report.reviews, {
          note: `${(report.total - totals.needingReview).toLocaleString()} of ${report.total.toLocaleString()} images reviewed`,
        }),
      )}
      {reviewSection(
        simple('Decisions by reason', 'Reason', report.reasons, {
          note: 'Rejected images by reason (an image rejected for two reasons counts for each)',
        }),
      )}
      {reviewSection(
        <ReportSection
          title="Decisions by reviewer"
          note="Current decisions, by who made them"
          chart={
            <BarChart
              title="Decisions by reviewer"
              rows={report.reviewers.map((row) => ({
                label: row.reviewer,
                value: row.approved + row.rejected,
              }))}
            />
          }
          table={
            <ReportTable
              caption="Decisions by reviewer"
              columns={['Reviewer', 'Approved', 'Rejected', 'Total']}
              rows={report.reviewers.map(
                (row) =>
                  [row.reviewer, row.approved, row.rejected, row.approved + row.rejected] as const,
              )}
            />
          }
          empty={report.reviewers.length === 0 ? 'No decisions yet.' : null}
        />,
      )}
      {simple('Errors by message', 'Message', report.errors, {
        note: 'Images whose metadata failed, by the error message',
        empty: 'No image has an error.',
      })}
      {simple(`${TOP_KEYWORDS} most frequent keywords`, 'Keyword', report.keywords, {
        note: 'Images with each keyword',
        empty: 'No image has keywords yet.',
      })}
      {simple('Images by generation date', 'Day (UTC)', report.days, {
        note: 'When each image’s metadata was generated, per day',
      })}
    </article>
  )
}
