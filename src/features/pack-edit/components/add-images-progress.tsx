import { CircleCheck, Clock, FileImage, Link2, LoaderCircle } from 'lucide-react'
import { useId } from 'react'
import { ErrorIcon } from '@/components/icons'
import type { ApiError } from '@/lib/api-error'
import type { AddRow, RowStatus } from '@/features/pack-edit/lib/add-queue'
import { describeWriteError } from '@/features/pack-edit/lib/describe-write-error'
import { formatBytes } from '@/features/pack-edit/lib/image-files'

/** Why an image was not added; one broken off by Stop may have been added all the same. */
const describeAddError = (error: ApiError) =>
  error.cause === 'aborted'
    ? 'Stopped. It may have been added all the same: reload the pack to see.'
    : describeWriteError(error)

const count = (n: number) => n.toLocaleString('en-US')
const isBusy = ({ phase }: RowStatus) => phase !== 'added' && phase !== 'failed'

/** A native progress bar, drawn alike in every browser: a slate track, an indigo or green fill. */
const bar = (fill: 'indigo' | 'emerald', height: string) =>
  `${height} w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-webkit-progress-bar]:bg-slate-200 ${
    fill === 'indigo'
      ? '[&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-value]:bg-indigo-600'
      : '[&::-moz-progress-bar]:bg-emerald-600 [&::-webkit-progress-value]:bg-emerald-600'
  }`

/** The bytes of a file that have gone (all of them once the server has the file). */
function bytesOf(row: AddRow & { kind: 'file' }): number {
  switch (row.status.phase) {
    case 'sending':
      return row.status.loaded
    case 'adding':
    case 'added':
      return row.size
    default:
      return 0
  }
}

/**
 * How far the images given have come: one bar for all the files (by bytes) and one for all
 * the URLs (by count), then each image with its own state, a bar for a file, and for a failed
 * one its reason and `Retry`. Every row stays until the dialog closes.
 */
export function AddImagesProgress({
  rows,
  onRetry,
}: {
  rows: readonly AddRow[]
  onRetry: (key: string) => void
}) {
  const files = rows.filter((row) => row.kind === 'file')
  const urls = rows.filter((row) => row.kind === 'url')
  return (
    <section aria-label="Progress" className="flex flex-col gap-3">
      {files.length > 0 && (
        <BatchBar
          label="All files"
          text={summary('files', files, 'Uploading files')}
          value={files.reduce((sum, row) => sum + bytesOf(row), 0)}
          max={Math.max(
            1,
            files.reduce((sum, row) => sum + row.size, 0),
          )}
        />
      )}
      {urls.length > 0 && (
        <BatchBar
          label="All URLs"
          text={summary('URLs', urls, 'Adding URLs')}
          value={urls.filter((row) => !isBusy(row.status)).length}
          max={urls.length}
        />
      )}
      <ul
        aria-label="Images being added"
        // Scrolls when long: reachable by keyboard to scroll it.
        tabIndex={0}
        className="flex max-h-72 flex-col divide-y divide-slate-200 overflow-y-auto rounded-lg ring-1 ring-slate-200 ring-inset"
      >
        {rows.map((row) => (
          <ProgressRow key={row.key} row={row} onRetry={() => onRetry(row.key)} />
        ))}
      </ul>
    </section>
  )
}

function summary(what: string, rows: readonly AddRow[], running: string): string {
  const added = rows.filter((row) => row.status.phase === 'added').length
  const failed = rows.filter((row) => row.status.phase === 'failed').length
  const failures = failed > 0 ? `, ${count(failed)} failed` : ''
  if (rows.some((row) => isBusy(row.status))) {
    return `${running}: ${count(added)} of ${count(rows.length)} added${failures}`
  }
  return `${count(added)} of ${count(rows.length)} ${what} added${failures}`
}

function BatchBar({
  label,
  text,
  value,
  max,
}: {
  label: string
  text: string
  value: number
  max: number
}) {
  const textId = useId()
  return (
    <div className="flex flex-col gap-1">
      <p id={textId} role="status" className="text-sm font-medium text-slate-800">
        {text}
      </p>
      <progress
        aria-label={label}
        aria-describedby={textId}
        max={max}
        value={value}
        className={bar(value >= max ? 'emerald' : 'indigo', 'h-2')}
      />
    </div>
  )
}

function ProgressRow({ row, onRetry }: { row: AddRow; onRetry: () => void }) {
  const nameId = useId()
  const { status } = row
  const name = row.kind === 'file' ? row.name : row.url
  return (
    <li className="flex flex-col gap-1 px-3 py-2 text-sm">
      <div className="flex items-center gap-2">
        {row.kind === 'file' ? (
          <FileImage aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
        ) : (
          <Link2 aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
        )}
        <span id={nameId} className="min-w-0 flex-1 truncate font-medium" title={name}>
          {name}
        </span>
        {row.kind === 'file' && (
          <span className="shrink-0 text-slate-600">{formatBytes(row.size)}</span>
        )}
      </div>
      {row.kind === 'file' && status.phase !== 'failed' && (
        <progress
          aria-label={row.name}
          max={Math.max(1, row.size)}
          value={bytesOf(row)}
          className={bar(status.phase === 'added' ? 'emerald' : 'indigo', 'h-1.5')}
        />
      )}
      <div className="flex items-start gap-2">
        <StatusText status={status} size={row.kind === 'file' ? row.size : 0} />
        {status.phase === 'failed' && (
          <button
            type="button"
            onClick={onRetry}
            aria-describedby={nameId}
            className="shrink-0 rounded-md px-2 py-0.5 text-sm font-semibold text-indigo-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
          >
            Retry
          </button>
        )}
      </div>
    </li>
  )
}

function StatusText({ status, size }: { status: RowStatus; size: number }) {
  const base = 'flex min-w-0 flex-1 items-start gap-1.5'
  switch (status.phase) {
    case 'waiting':
      return (
        <p className={`${base} text-slate-600`}>
          <Clock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          Waiting
        </p>
      )
    case 'sending':
      return (
        <p className={`${base} text-slate-700`}>
          <LoaderCircle
            aria-hidden="true"
            className="mt-0.5 size-4 shrink-0 motion-safe:animate-spin"
          />
          Sending {size > 0 ? Math.floor((status.loaded / size) * 100) : 0}%
        </p>
      )
    case 'adding':
      return (
        <p className={`${base} text-slate-700`}>
          <LoaderCircle
            aria-hidden="true"
            className="mt-0.5 size-4 shrink-0 motion-safe:animate-spin"
          />
          Adding to the pack…
        </p>
      )
    case 'added':
      return (
        <p className={`${base} font-medium text-emerald-800`}>
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          Added
        </p>
      )
    case 'failed':
      return (
        <p className={`${base} font-medium text-red-800`}>
          <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>Failed: {describeAddError(status.error)}</span>
        </p>
      )
  }
}
