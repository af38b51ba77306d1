/** The numbers of a chart as a table: the first column names the row, the rest are counts. */
export function ReportTable({
  caption,
  columns,
  rows,
}: {
  caption: string
  columns: readonly string[]
  rows: readonly (readonly [label: string, ...values: number[]])[]
}) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600 print:text-black">
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={`py-1 font-semibold ${index === 0 ? 'pr-3' : 'pl-3 text-right'}`}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...values], index) => (
          <tr key={`${index}:${label}`} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-1 pr-3 text-left font-normal break-words text-slate-800">
              {label}
            </th>
            {values.map((value, column) => (
              <td key={column} className="py-1 pl-3 text-right font-medium tabular-nums">
                {value.toLocaleString()}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
