import type { ActivityEntry } from '@/features/pack-edit/api/activity-queries'
import { safeHttpUrl } from '@/lib/safe-url'

/**
 * What an entry says after its actor's name: "removed image 3f2a1b0c…" when it was done,
 * "tried to remove image 3f2a1b0c…" when it was not; and a note where one write is part of
 * something larger (a retry is an add and a delete).
 */
export interface EntryWords {
  what: string
  note: string | null
}

/** An image ID as the sentence names it: its first 8 characters (a UUID's first group). */
export function shortId(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)

/** The file an add or upload was about: its file name, else the URL's last segment. */
function fileOf(entry: ActivityEntry): string | null {
  const named = text(entry.details.file_name)
  if (named) return named
  const [url] = entry.urls
  if (!url || !URL.canParse(url)) return null
  const segment = new URL(url).pathname.split('/').at(-1) ?? ''
  try {
    return text(decodeURIComponent(segment))
  } catch {
    return text(segment)
  }
}

function imagesOf(entry: ActivityEntry): string {
  const ids = entry.image_ids
  if (ids.length === 0) return 'an image'
  if (ids.length === 1) return `image ${shortId(ids[0]!)}`
  return `${ids.length.toLocaleString('en-US')} images`
}

function packSettings(entry: ActivityEntry): [past: string, base: string] {
  const { name, is_public } = entry.details
  const visibility = is_public === true ? 'public' : 'private'
  const renamed = name === undefined ? null : text(name) === null ? '' : ` to “${String(name)}”`
  if (renamed !== null && typeof is_public === 'boolean')
    return [
      `renamed the pack${renamed} and made it ${visibility}`,
      `rename the pack${renamed} and make it ${visibility}`,
    ]
  if (renamed !== null) return [`renamed the pack${renamed}`, `rename the pack${renamed}`]
  if (typeof is_public === 'boolean')
    return [`made the pack ${visibility}`, `make the pack ${visibility}`]
  return ['changed the pack’s settings', 'change the pack’s settings']
}

/** The words of one entry; an action or intent this page does not know still gets some. */
export function describeEntry(entry: ActivityEntry): EntryWords {
  const say = (past: string, base: string, note: string | null = null): EntryWords => ({
    what: entry.ok ? past : `tried to ${base}`,
    note,
  })
  switch (entry.action) {
    case 'create_pack': {
      const name = text(entry.details.name)
      const pack = name ? `the pack “${name}”` : 'the pack'
      return say(`created ${pack}`, `create ${pack}`)
    }
    case 'update_pack': {
      const [past, base] = packSettings(entry)
      return say(past, base)
    }
    case 'delete_pack':
      return say('deleted the pack', 'delete the pack')
    case 'add_image': {
      // `cat.png as image 9c1d2e3f…`; `image 9c1d2e3f…` with no file name known.
      const named = fileOf(entry)
      const [newId] = entry.image_ids
      const added = entry.ok && newId ? `image ${shortId(newId)}` : null
      const file = named ?? 'an image'
      const done = named && added ? `${named} as ${added}` : (named ?? added ?? file)
      switch (entry.intent) {
        case 'retry':
          return say(
            `retried the metadata of ${done}`,
            `retry the metadata of ${file}`,
            'Retry, step 1 of 2: the same URL added again as a new image',
          )
        case 'undo':
          return say(`put back ${done}`, `put back ${file}`, 'Undo of a removal')
        case 'add-back':
          return say(`added back ${done}`, `add back ${file}`)
        case 'upload':
          return say(`added the uploaded file ${done}`, `add the uploaded file ${file}`)
        default:
          return say(`added ${done}`, `add ${file}`)
      }
    }
    case 'delete_image': {
      const images = imagesOf(entry)
      switch (entry.intent) {
        case 'retry':
          return say(
            `retried the metadata of ${images}`,
            `retry the metadata of ${images}`,
            'Retry, step 2 of 2: the old copy removed',
          )
        case 'undo':
          return say(`removed ${images}`, `remove ${images}`, 'Undo of an add')
        default:
          return say(`removed ${images}`, `remove ${images}`)
      }
    }
    case 'upload_file': {
      const file = fileOf(entry) ?? 'a file'
      return say(`uploaded ${file}`, `upload ${file}`)
    }
    default:
      return say('made a change', 'make a change', `Recorded as “${entry.action}”`)
  }
}

/** Why a write failed, in words; null when it was done. */
export function failureOf(entry: ActivityEntry): string | null {
  if (entry.ok) return null
  const code = entry.error_code && !/^http_\d+$/.test(entry.error_code) ? entry.error_code : null
  const status = entry.status > 0 ? `HTTP ${entry.status}` : null
  const codes = [status, code].filter(Boolean).join(', ')
  return codes === '' ? reasonOf(entry) : `${reasonOf(entry)} (${codes})`
}

function reasonOf({ error_code: code, status }: ActivityEntry): string {
  switch (code) {
    case 'writes_disabled':
      return 'editing was turned off on this server'
    case 'not_found':
    case 'pack_not_found':
      return 'the pack could not be changed with this server’s key'
    case 'image_not_found':
      return 'the image was no longer in the pack'
    case 'rate_limited':
      return 'too many changes at once'
    case 'upstream_timeout':
      return 'no answer in time: the change may or may not have been made'
    case 'upstream_unreachable':
      return 'the Genviral API could not be reached'
  }
  if (status === 429) return 'too many changes at once'
  if (status === 401) return 'the server’s API key was not accepted'
  if (status === 403) return 'the Genviral API did not allow it'
  if (status === 404) return 'the Genviral API did not find it'
  if (status >= 500) return 'the Genviral API could not make the change'
  if (status >= 400) return 'the Genviral API refused it'
  return 'no answer'
}

/** Details the sentence already says; any other is listed as it came. */
const SAID = new Set(['name', 'is_public', 'file_name', 'content_type'])

/** The entry's other details, as `key: value`. */
export function otherDetails(entry: ActivityEntry): string[] {
  return Object.entries(entry.details)
    .filter(([key]) => !SAID.has(key))
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
}

/**
 * The URLs `Add back` adds again, or none when it offers nothing: only a removal that was
 * done, made as a removal (not the delete half of a retry, whose image came back already nor
 * an undo of an add), and only URLs a browser may follow.
 */
export function addBackUrls(entry: ActivityEntry): string[] {
  if (entry.action !== 'delete_image' || !entry.ok) return []
  if (entry.intent !== null && entry.intent !== 'remove') return []
  return entry.urls.flatMap((url) => safeHttpUrl(url) ?? [])
}

/** Whether an entry put its URLs back in the pack: an `Add back` or an undo that was done. */
const putBack = (entry: ActivityEntry) =>
  entry.action === 'add_image' &&
  entry.ok &&
  (entry.intent === 'add-back' || entry.intent === 'undo')

/**
 * For each entry (newest first), whether it is a removal whose every URL was added again
 * since, by an `Add back` or an undo: then it offers `Add back` no more.
 */
export function addedBackFlags(entries: readonly ActivityEntry[]): boolean[] {
  const back = new Set<string>()
  return entries.map((entry) => {
    const urls = addBackUrls(entry)
    const flag = urls.length > 0 && urls.every((url) => back.has(url))
    if (putBack(entry)) for (const url of entry.urls) back.add(safeHttpUrl(url) ?? url)
    return flag
  })
}
