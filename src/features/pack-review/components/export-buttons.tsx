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
  label,
}: {
  items: readonly ReviewedImage[]
  brokenUrls: ReadonlySet<string>
  pack: ExportPack
  /** Each image's review (`PackReviews.reviewOf`); without it every image is unreviewed. */
  reviewOf?: (item: ReviewedImage) => ExportReview
  /** What is exported, when not the images shown: the group's visible name (`Export selection`). */
  label?: string
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
  const count = items.length.toLocaleString()
  return (
    <div className="relative">
      <div role="group" aria-label={label ?? 'Export images'} className="flex items-center gap-1">
        {label && (
          <span
            aria-hidden="true"
            className="mr-0.5 text-sm font-medium text-slate-700 max-xl:hidden"
          >
            {label}
          </span>
        )}
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={`${buttonStyles.secondary} px-2.5 py-1.5`}
            disabled={empty}
            title={
              title ?? (label ? `${label}: ${count} images` : `Export the ${count} images shown`)
            }
            onClick={() => void download(format)}
          >
            <FileDown aria-hidden="true" className="size-4" />
            <span className="sr-only">{label ?? 'Export'} </span>
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
