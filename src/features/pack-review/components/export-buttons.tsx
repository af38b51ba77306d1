import { FileDown } from 'lucide-react'
import { useState } from 'react'
import { buttonStyles } from '@/components/button-styles'
import type {
  ExportFormat,
  ExportPack,
  ExportReview,
} from '@/features/pack-review/lib/export-images'
import { flagsOf, type ReviewedImage } from '@/features/pack-review/lib/qa-flags'

const FORMATS: readonly ExportFormat[] = ['csv', 'json']

/**
 * Downloads the images the user is looking at, in their order. Files (and their rows) are
 * built on click, never on render: a pack can hold 10,000 images.
 */
export function ExportButtons({
  items,
  brokenUrls,
  pack,
  reviewOf,
}: {
  items: readonly ReviewedImage[]
  brokenUrls: ReadonlySet<string>
  pack: ExportPack
  /** Each image's review (`PackReviews.reviewOf`); without it every image is unreviewed. */
  reviewOf?: (item: ReviewedImage) => ExportReview
}) {
  const [failed, setFailed] = useState(false)
  const empty = items.length === 0

  const download = async (format: ExportFormat) => {
    setFailed(false)
    try {
      // Loaded on first use so papaparse stays out of the pack page's own chunk.
      const { downloadExport } = await import('@/features/pack-review/lib/export-images')
      const rows = items.map((item) => ({
        ...item,
        flags: flagsOf(item, brokenUrls),
        ...(reviewOf ? { review: reviewOf(item) } : {}),
      }))
      downloadExport(format, rows, pack)
    } catch {
      setFailed(true)
    }
  }

  const title = empty ? 'Nothing to export' : undefined
  return (
    <div className="relative">
      <div role="group" aria-label="Export images" className="flex gap-1">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={`${buttonStyles.secondary} px-2.5 py-1.5`}
            disabled={empty}
            title={title ?? `Export the ${items.length.toLocaleString()} images shown`}
            onClick={() => void download(format)}
          >
            <FileDown aria-hidden="true" className="size-4" />
            <span className="sr-only">Export </span>
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      {failed && (
        <p
          role="alert"
          className="absolute top-full right-0 z-10 mt-1 w-60 rounded-md bg-white p-2 text-sm font-medium text-red-700 shadow-lg ring-1 ring-red-200"
        >
          Export failed. Check your connection and try again.
        </p>
      )}
    </div>
  )
}
