import {
  CircleCheck,
  FolderPlus,
  Shapes,
  ImageMinus,
  ImagePlus,
  PencilLine,
  Trash2,
  Upload,
} from 'lucide-react'
import { ErrorIcon, PrivateIcon, PublicIcon, RefreshIcon } from '@/components/icons'
import { RelativeTime } from '@/components/relative-time'
import type { ActivityEntry } from '@/features/pack-edit/api/activity-queries'
import type { WriteBy } from '@/features/pack-edit/api/pack-writes'
import {
  addBackUrls,
  describeEntry,
  failureOf,
  otherDetails,
} from '@/features/pack-edit/lib/describe-activity'
import { safeHttpUrl } from '@/lib/safe-url'
import { AddBack } from './add-back'

/** IDs and URLs listed per entry at most; the rest are counted. */
const MAX_LISTED = 10

/** One write of the activity log: who did what and when, how it ended, what it was about. */
export function ActivityItem({
  entry,
  addedBack,
  packId,
  editing,
  asWriter,
  onImagesAdded,
}: {
  entry: ActivityEntry
  /** Its URLs were added again since (by `Add back` or an undo). */
  addedBack: boolean
  packId: string
  editing: boolean
  asWriter: (go: (by: Omit<WriteBy, 'intent'>) => void) => void
  onImagesAdded: () => void
}) {
  const { what, note } = describeEntry(entry)
  const failure = failureOf(entry)
  const urls = addBackUrls(entry)
  const others = otherDetails(entry)
  return (
    <li className="flex gap-3 px-4 py-3">
      <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-600">
        <EntryIcon entry={entry} />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="text-sm break-words text-slate-900">
          <strong className="font-semibold">{entry.actor.trim() || 'Someone'}</strong> {what}
        </p>
        {note && <p className="text-xs text-slate-600">{note}</p>}
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          {failure === null ? (
            <span className="inline-flex items-center gap-1 font-medium text-emerald-800">
              <CircleCheck aria-hidden="true" className="size-4 shrink-0" />
              Done
            </span>
          ) : (
            <span className="inline-flex items-start gap-1 font-medium text-red-800">
              <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              <span>Failed: {failure}</span>
            </span>
          )}
          <span className="text-slate-600">
            <RelativeTime value={entry.at} fallback="Time not known" />
          </span>
        </p>
        <Involved label="Image ID" values={entry.image_ids} />
        <Involved label="URL" values={entry.urls} links />
        {others.length > 0 && (
          <p className="text-xs break-words text-slate-600">{others.join(' · ')}</p>
        )}
        {urls.length > 0 && (
          <AddBack
            packId={packId}
            urls={urls}
            editing={editing}
            addedBack={addedBack}
            asWriter={asWriter}
            onImagesAdded={onImagesAdded}
          />
        )}
      </div>
    </li>
  )
}

/** The image IDs or URLs of an entry: URLs as links when a browser may follow them. */
function Involved({
  label,
  values,
  links = false,
}: {
  label: string
  values: readonly string[]
  links?: boolean
}) {
  if (values.length === 0) return null
  const shown = values.slice(0, MAX_LISTED)
  const more = values.length - shown.length
  return (
    <div className="flex min-w-0 gap-1.5 text-xs text-slate-600">
      <span className="shrink-0">{values.length === 1 ? label : `${label}s`}</span>
      <ul className="flex min-w-0 flex-col">
        {shown.map((value, index) => {
          const href = links ? safeHttpUrl(value) : null
          return (
            <li key={index} className="font-mono break-all text-slate-800">
              {href ? (
                <a
                  href={href}
                  target="_blank"
                  rel="noreferrer"
                  className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
                >
                  {value}
                </a>
              ) : (
                value || '(none)'
              )}
            </li>
          )
        })}
        {more > 0 && <li>and {more.toLocaleString('en-US')} more</li>}
      </ul>
    </div>
  )
}

/** A picture of the action, beside its words. */
function EntryIcon({ entry }: { entry: ActivityEntry }) {
  const icon = { 'aria-hidden': true, className: 'size-4' } as const
  if (entry.intent === 'retry') return <RefreshIcon {...icon} />
  switch (entry.action) {
    case 'create_pack':
      return <FolderPlus {...icon} />
    case 'update_pack':
      if (entry.details.name !== undefined) return <PencilLine {...icon} />
      return entry.details.is_public === true ? <PublicIcon {...icon} /> : <PrivateIcon {...icon} />
    case 'delete_pack':
      return <Trash2 {...icon} />
    case 'add_image':
      return <ImagePlus {...icon} />
    case 'delete_image':
      return <ImageMinus {...icon} />
    case 'upload_file':
      return <Upload {...icon} />
    default:
      return <Shapes {...icon} />
  }
}
