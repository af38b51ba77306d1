import { describe, expect, it } from 'vitest'
import type { ActivityEntry } from '@/features/pack-edit/api/activity-queries'
import {
  addBackUrls,
  addedBackFlags,
  describeEntry,
  failureOf,
  otherDetails,
  shortId,
} from './describe-activity'

const IMAGE = '3f2a1b0c-0000-4000-8000-000000000001'
const NEW_IMAGE = '9c1d2e3f-0000-4000-8000-000000000002'
const URL_A = 'https://cdn.example.com/shots/cat.png'

let nextId = 1
function entry(extra: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id: String(nextId++),
    pack_id: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e21',
    action: 'delete_image',
    intent: 'remove',
    actor: 'Dana',
    at: '2026-03-04T05:06:07.000Z',
    image_ids: [IMAGE],
    urls: [URL_A],
    details: {},
    status: 200,
    ok: true,
    error_code: null,
    ...extra,
  }
}

const words = (extra: Partial<ActivityEntry>) => describeEntry(entry(extra))

describe('describeEntry', () => {
  it.each<[string, Partial<ActivityEntry>, string]>([
    ['a removal', {}, 'removed image 3f2a1b0c…'],
    ['a removal without intent', { intent: null }, 'removed image 3f2a1b0c…'],
    ['a bulk removal of no known image', { image_ids: [] }, 'removed an image'],
    ['an add', { action: 'add_image', intent: 'add', image_ids: [] }, 'added cat.png'],
    [
      'an add with its new ID',
      { action: 'add_image', intent: 'add', image_ids: [NEW_IMAGE] },
      'added cat.png as image 9c1d2e3f…',
    ],
    [
      'an add named by its file name',
      { action: 'add_image', intent: null, details: { file_name: 'Dog.jpg' }, image_ids: [] },
      'added Dog.jpg',
    ],
    [
      'an add back',
      { action: 'add_image', intent: 'add-back', image_ids: [NEW_IMAGE] },
      'added back cat.png as image 9c1d2e3f…',
    ],
    [
      'an undo of a removal',
      { action: 'add_image', intent: 'undo', image_ids: [] },
      'put back cat.png',
    ],
    [
      'the add of a retry',
      { action: 'add_image', intent: 'retry', image_ids: [NEW_IMAGE] },
      'retried the metadata of cat.png as image 9c1d2e3f…',
    ],
    ['the delete of a retry', { intent: 'retry' }, 'retried the metadata of image 3f2a1b0c…'],
    [
      'a rename',
      { action: 'update_pack', intent: 'rename', details: { name: 'Autumn' } },
      'renamed the pack to “Autumn”',
    ],
    [
      'making it public',
      { action: 'update_pack', intent: 'publish', details: { is_public: true } },
      'made the pack public',
    ],
    [
      'making it private',
      { action: 'update_pack', intent: 'publish', details: { is_public: false } },
      'made the pack private',
    ],
    [
      'both at once',
      { action: 'update_pack', intent: null, details: { name: 'A', is_public: true } },
      'renamed the pack to “A” and made it public',
    ],
    [
      'an update of nothing known',
      { action: 'update_pack', details: {} },
      'changed the pack’s settings',
    ],
    [
      'a create',
      { action: 'create_pack', intent: 'create', details: { name: 'Launch', is_public: false } },
      'created the pack “Launch”',
    ],
    ['a delete of the pack', { action: 'delete_pack', intent: 'delete' }, 'deleted the pack'],
    [
      'an upload',
      { action: 'upload_file', intent: 'upload', details: { file_name: 'cat.png' }, urls: [] },
      'uploaded cat.png',
    ],
  ])('says %s', (_name, extra, what) => {
    expect(words(extra).what).toBe(what)
  })

  it('says what was tried when it was not done', () => {
    expect(words({ ok: false, status: 404 }).what).toBe('tried to remove image 3f2a1b0c…')
    expect(words({ action: 'update_pack', ok: false, details: { name: 'Autumn' } }).what).toBe(
      'tried to rename the pack to “Autumn”',
    )
    expect(words({ action: 'add_image', intent: 'add-back', ok: false }).what).toBe(
      'tried to add back cat.png',
    )
  })

  it('says which half of a retry an entry is', () => {
    expect(words({ action: 'add_image', intent: 'retry' }).note).toMatch(/^Retry, step 1 of 2/)
    expect(words({ intent: 'retry' }).note).toMatch(/^Retry, step 2 of 2/)
    expect(words({}).note).toBeNull()
  })

  it('still says something of an action, an intent or details it does not know', () => {
    expect(words({ action: 'merge_packs', intent: null })).toEqual({
      what: 'made a change',
      note: 'Recorded as “merge_packs”',
    })
    expect(words({ action: 'merge_packs', ok: false }).what).toBe('tried to make a change')
    expect(words({ intent: 'sweep' }).what).toBe('removed image 3f2a1b0c…')
    const noFile = { action: 'add_image', intent: 'sweep', urls: ['not a url'] }
    expect(words({ ...noFile, image_ids: [] }).what).toBe('added an image')
    expect(words({ ...noFile, image_ids: [NEW_IMAGE] }).what).toBe('added image 9c1d2e3f…')
    expect(words({ action: 'update_pack', details: { name: 42 as unknown as string } }).what).toBe(
      'renamed the pack',
    )
  })
})

describe('failureOf', () => {
  it('is null for a write that was done', () => {
    expect(failureOf(entry())).toBeNull()
  })

  it.each<[Partial<ActivityEntry>, string]>([
    [
      { status: 404, error_code: 'image_not_found' },
      'the image was no longer in the pack (HTTP 404, image_not_found)',
    ],
    [
      { status: 504, error_code: 'upstream_timeout' },
      'no answer in time: the change may or may not have been made (HTTP 504, upstream_timeout)',
    ],
    [
      { status: 409, error_code: 'pack_conflict' },
      'the Genviral API refused it (HTTP 409, pack_conflict)',
    ],
    // The proxy's stand-in for an answer without a code says nothing the status does not.
    [
      { status: 500, error_code: 'http_500' },
      'the Genviral API could not make the change (HTTP 500)',
    ],
    [{ status: 429, error_code: null }, 'too many changes at once (HTTP 429)'],
    [{ status: 0, error_code: null }, 'no answer'],
  ])('says why, with the status and code: %o', (extra, text) => {
    expect(failureOf(entry({ ok: false, ...extra }))).toBe(text)
  })
})

describe('otherDetails', () => {
  it('lists the details the words do not say, as they came', () => {
    expect(
      otherDetails(
        entry({
          action: 'add_image',
          details: { file_name: 'cat.png', source: 'bulk', count: 3, flags: { a: 1 } },
        }),
      ),
    ).toEqual(['source: bulk', 'count: 3', 'flags: {"a":1}'])
  })
})

describe('Add back', () => {
  it('is offered for a removal that was done, with its http(s) URLs', () => {
    expect(addBackUrls(entry())).toEqual([URL_A])
    expect(addBackUrls(entry({ intent: null }))).toEqual([URL_A])
    expect(addBackUrls(entry({ urls: ['javascript:alert(1)', URL_A] }))).toEqual([URL_A])
  })

  it('is not offered for a failed removal, the delete of a retry, an undo, or an add', () => {
    expect(addBackUrls(entry({ ok: false, status: 404 }))).toEqual([])
    expect(addBackUrls(entry({ intent: 'retry' }))).toEqual([])
    expect(addBackUrls(entry({ intent: 'undo' }))).toEqual([])
    expect(addBackUrls(entry({ action: 'add_image', intent: 'add' }))).toEqual([])
    expect(addBackUrls(entry({ urls: [] }))).toEqual([])
  })

  it('knows a removal whose URL was added back or put back since', () => {
    const removed = entry()
    const other = entry({ urls: ['https://cdn.example.com/other.png'] })
    const back = entry({ action: 'add_image', intent: 'add-back', image_ids: [NEW_IMAGE] })
    const failedBack = entry({ action: 'add_image', intent: 'add-back', ok: false })
    const undo = entry({ action: 'add_image', intent: 'undo', urls: [other.urls[0]!] })
    // Newest first: the add back is newer than the removal, the removal of `other` newer still.
    expect(addedBackFlags([other, back, removed])).toEqual([false, false, true])
    expect(addedBackFlags([failedBack, removed])).toEqual([false, false])
    expect(addedBackFlags([undo, other])).toEqual([false, true])
    // An add back older than the removal is of an earlier removal.
    expect(addedBackFlags([removed, back])).toEqual([false, false])
  })
})

describe('shortId', () => {
  it('keeps the first 8 characters of a long ID', () => {
    expect(shortId(IMAGE)).toBe('3f2a1b0c…')
    expect(shortId('img-7')).toBe('img-7')
  })
})
