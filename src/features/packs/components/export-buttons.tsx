import { FileDown } from 'lucide-react'
import { useState } from 'react'
import { buttonStyles } from '@/components/button-styles'
import type { ExportFormat, ExportPack, ExportRow } from '../lib/export-images'

const FORMATS: readonly ExportFormat[] = ['csv', 'json']

/**
 * Downloads the rows the user is looking at. Files are built on click, never on render:
 * a pack can hold 10,000 images.
 */
export function ExportButtons({ rows, pack }: { rows: readonly ExportRow[]; pack: ExportPack }) {
  const [failed, setFailed] = useState(false)
  const empty = rows.length === 0

  const download = async (format: ExportFormat) => {
    setFailed(false)
    try {
      // Loaded on first use so papaparse stays out of the pack page's own chunk.
      const { downloadExport } = await import('../lib/export-images')
      downloadExport(format, rows, pack)
    } catch {
      setFailed(true)
    }
  }

  const title = empty ? 'Nothing to export' : undefined
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Export images" className="flex flex-wrap gap-2">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={buttonStyles.secondary}
            disabled={empty}
            title={title}
            onClick={() => void download(format)}
          >
            <FileDown aria-hidden="true" className="size-4" />
            Export {format.toUpperCase()}
          </button>
        ))}
      </div>
      {failed && (
        <p role="alert" className="text-sm font-medium text-red-700">
          Export failed. Check your connection and try again.
        </p>
      )}
    </div>
  )
}
