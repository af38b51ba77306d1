import type { ReactNode } from 'react'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import type { ReviewedImage } from '@/features/pack-review/lib/qa-flags'

/** The image's fields as the API sent them. */
export function ViewerDetails({ item }: { item: ReviewedImage }) {
  const { image } = item
  const metadata = image.metadata
  const generated = parseDate(metadata?.generated_at)
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      <Field label="Status">
        {metadata?.status ?? <span className="text-slate-600 italic">missing</span>}
      </Field>
      <Field label="Model">{metadata?.model ?? '—'}</Field>
      <Field label="Generated">
        {generated ? (
          <>
            <time dateTime={generated.toISOString()}>{formatAbsolute(generated)}</time> (
            {formatRelative(generated)})
          </>
        ) : (
          'Not yet'
        )}
      </Field>
      <Field label="Position">#{item.position}</Field>
      <Field label="Image ID">
        <span className="font-mono text-xs break-all">{image.id}</span>
      </Field>
      <Field label="URL">
        <span className="font-mono text-xs break-all">{image.url ?? '—'}</span>
      </Field>
    </dl>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  )
}
