import { useElementWidth } from '@/lib/use-element-width'
import type { ReportRow } from '@/features/pack-review/lib/report-data'

const ROW_HEIGHT = 26
const BAR_HEIGHT = 16
const PADDING = 4
const VALUE_WIDTH = 64
/** About how wide a character of the 12 px labels is, to shorten long ones. */
const CHAR_WIDTH = 6.6

/**
 * A horizontal bar chart drawn as SVG, one bar per row, with its label and value written
 * beside it: readable in black and white and without colour. Its accessible name lists
 * every value; the table next to it has the same numbers.
 */
export function BarChart({ title, rows }: { title: string; rows: readonly ReportRow[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(480)
  const max = Math.max(1, ...rows.map((row) => row.value))
  const labelWidth = Math.min(Math.round(width * 0.4), 240)
  const barArea = Math.max(24, width - labelWidth - VALUE_WIDTH)
  const height = rows.length * ROW_HEIGHT + PADDING * 2
  const maxChars = Math.max(6, Math.floor((labelWidth - 10) / CHAR_WIDTH))
  const summary = `${title}: ${rows.map((row) => `${row.label} ${row.value.toLocaleString()}`).join(', ')}`

  return (
    <div ref={ref} className="w-full min-w-0">
      <svg
        role="img"
        aria-label={summary}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="block h-auto w-full"
      >
        <title>{summary}</title>
        {rows.map((row, index) => {
          const y = PADDING + index * ROW_HEIGHT
          const middle = y + ROW_HEIGHT / 2
          const bar = row.value === 0 ? 0 : Math.max(2, (barArea * row.value) / max)
          const label =
            row.label.length > maxChars ? `${row.label.slice(0, maxChars - 1)}…` : row.label
          return (
            <g key={`${index}:${row.label}`}>
              <text
                x={labelWidth - 8}
                y={middle}
                textAnchor="end"
                dominantBaseline="central"
                className="fill-slate-700 text-[12px] print:fill-black"
              >
                {label}
              </text>
              <rect
                x={labelWidth}
                y={y + (ROW_HEIGHT - BAR_HEIGHT) / 2}
                width={bar}
                height={BAR_HEIGHT}
                rx={2}
                className="fill-indigo-600 stroke-indigo-900 print:fill-slate-300 print:stroke-black"
                strokeWidth={1}
              />
              <text
                x={labelWidth + bar + 6}
                y={middle}
                dominantBaseline="central"
                className="fill-slate-900 text-[12px] font-semibold tabular-nums print:fill-black"
              >
                {row.value.toLocaleString()}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}
