import { useId, type ReactNode } from 'react'

/**
 * One part of the QA report: its heading, then a chart with the table of its numbers
 * beside it (below it on a phone); `empty` instead when there is nothing to count.
 */
export function ReportSection({
  title,
  note,
  chart,
  table,
  empty,
}: {
  title: string
  /** What the numbers count, under the heading. */
  note?: string
  chart: ReactNode
  table: ReactNode
  /** Shown instead of the chart and table, when set. */
  empty?: string | null
}) {
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className="break-inside-avoid rounded-xl border border-slate-200 bg-white p-4 shadow-sm print:rounded-none print:border-0 print:border-t print:border-slate-400 print:px-0 print:shadow-none"
    >
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {note && <p className="mt-0.5 text-sm text-slate-600 print:text-black">{note}</p>}
      {empty ? (
        <p className="mt-3 text-sm text-slate-700">{empty}</p>
      ) : (
        /* Printed, the chart takes the page's width (about what it was drawn for on a
           desktop screen), with its table under it. */
        <div className="mt-3 grid items-start gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] print:grid-cols-1 print:gap-2">
          {chart}
          {table}
        </div>
      )}
    </section>
  )
}
