import { FileImage, TriangleAlert, Upload, X } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { FILE_ACCEPT, formatBytes } from '@/features/pack-edit/lib/image-files'
import type { FileToSend } from '@/features/pack-edit/lib/add-queue'

/** A file that will not be sent, and why. */
export interface RefusedFile {
  key: string
  name: string
  why: string
}

/**
 * `Choose files`, and a zone to drop them on (the whole dialog takes a drop: see
 * useFileDrop), with the files chosen so far, each removable, and those refused with why.
 */
export function ImageFilePicker({
  chosen,
  refused,
  onFiles,
  onRemove,
}: {
  chosen: readonly FileToSend[]
  refused: readonly RefusedFile[]
  onFiles: (files: readonly File[]) => void
  onRemove: (file: FileToSend) => void
}) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const labelId = useId()
  const hintId = useId()
  return (
    <div className="flex flex-col gap-1.5">
      <span id={labelId} className="text-sm font-semibold text-slate-800">
        Image files
      </span>
      <div
        onDragEnter={() => setOver(true)}
        onDragOver={() => setOver(true)}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
        }}
        onDrop={() => setOver(false)}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-4 text-center text-sm ${
          over ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-slate-50'
        }`}
      >
        <p className="flex items-center gap-2 text-slate-700">
          <Upload aria-hidden="true" className="size-4 shrink-0" />
          Drop image files here, or
        </p>
        <button
          type="button"
          onClick={() => inputRef.current?.click()}
          aria-describedby={`${labelId} ${hintId}`}
          className={buttonStyles.secondary}
        >
          Choose files
        </button>
        <p id={hintId} className="text-xs text-slate-600">
          JPEG, PNG, GIF, WebP, HEIC or HEIF, at most 25 MB each.
        </p>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={FILE_ACCEPT}
          hidden
          onChange={(event) => {
            onFiles([...(event.target.files ?? [])])
            // The same file chosen again, after removing it, is a change too.
            event.target.value = ''
          }}
        />
      </div>
      {chosen.length > 0 && (
        <ul aria-label="Files to upload" className="flex flex-col gap-1 text-sm">
          {chosen.map((file) => (
            <li
              key={keyOf(file)}
              className="flex items-center gap-2 rounded-lg px-2 py-1 ring-1 ring-slate-200 ring-inset"
            >
              <FileImage aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
              <span className="min-w-0 flex-1 truncate" title={file.fileName}>
                {file.fileName}
              </span>
              <span className="shrink-0 text-slate-600">{formatBytes(file.file.size)}</span>
              <button
                type="button"
                onClick={() => onRemove(file)}
                aria-label={`Remove ${file.fileName}`}
                title="Remove from the list"
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
              >
                <X aria-hidden="true" className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <div className="rounded-lg bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200 ring-inset">
          <p className="flex items-center gap-1.5 font-semibold text-amber-950">
            <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
            {refused.length === 1
              ? '1 file will not be sent:'
              : `${refused.length.toLocaleString('en-US')} files will not be sent:`}
          </p>
          <ul aria-label="Files not sent" className="mt-1 flex flex-col gap-0.5 text-amber-950">
            {refused.map(({ key, name, why }) => (
              <li key={key} className="break-all">
                <span className="font-medium">{name}</span> — {why}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

const keys = new WeakMap<FileToSend, string>()
let nextKey = 0
/** A chosen file's React key: the same object, the same key. */
function keyOf(file: FileToSend): string {
  let key = keys.get(file)
  if (key === undefined) keys.set(file, (key = `c${nextKey++}`))
  return key
}
