import { describe, expect, it } from 'vitest'
import {
  createImage,
  createMetadata,
  createPack,
  failedMetadata,
  pendingMetadata,
} from '@contract/partner-api/wire'
import { packSchema, type PackImage } from '@contract/partner-api/pack'
import {
  applyFilters,
  facetsOf,
  hasFilters,
  NO_FILTERS,
  parseFilters,
  resetFilters,
  writeFilters,
  type PackFilters,
} from './pack-filters'
import { countUrls, reviewImage, type ReviewedImage } from './qa-flags'
import type { ReviewState } from './review-state'

/** Reviews every image of a pack, as loading it does. */
function reviewImages(images: readonly PackImage[]): ReviewedImage[] {
  const urlCounts = countUrls(images)
  return images.map((image, index) => reviewImage(image, index, urlCounts))
}

const images = packSchema.parse(
  createPack({
    images: [
      createImage({
        id: 'a',
        metadata: createMetadata({
          description: 'Red bicycle by a wall',
          keywords: ['bike', 'city'],
          generated_at: '2026-01-02T00:00:00Z',
        }),
      }),
      createImage({ id: 'b', metadata: pendingMetadata() }),
      createImage({ id: 'c', metadata: failedMetadata('Timeout') }),
      createImage({
        id: 'd',
        metadata: createMetadata({
          description: 'City at night',
          keywords: ['city'],
          generated_at: '2026-01-03T00:00:00Z',
        }),
      }),
      createImage({ id: 'e', metadata: failedMetadata('Timeout') }),
      createImage({
        id: 'f',
        metadata: createMetadata({
          description: null,
          keywords: [],
          generated_at: '2026-01-01T00:00:00Z',
        }),
      }),
    ],
  }),
).images
const reviewed = reviewImages(images)
const none = new Set<string>()
const ids = (filters: Partial<PackFilters>, broken: ReadonlySet<string> = none) =>
  applyFilters(reviewed, { ...NO_FILTERS, ...filters }, broken).map((item) => item.image.id)

describe('URL filters', () => {
  it('round-trips through the query string and leaves defaults out', () => {
    const filters: PackFilters = {
      statuses: ['pending', 'error'],
      q: 'red bike',
      keyword: 'city',
      flags: ['no-keywords'],
      reviews: [],
      reasons: [],
      sort: 'generated-desc',
      view: 'list',
    }
    const params = writeFilters(new URLSearchParams('other=1'), filters)
    expect(params.toString()).toBe(
      'other=1&status=pending%2Cerror&q=red+bike&keyword=city&flag=no-keywords&sort=generated-desc&view=list',
    )
    expect(parseFilters(params)).toEqual(filters)
    expect(writeFilters(params, NO_FILTERS).toString()).toBe('other=1')
  })

  it('drops values it does not know instead of failing', () => {
    expect(
      parseFilters(
        new URLSearchParams('status=error,bogus&flag=x,broken&sort=sideways&view=carousel'),
      ),
    ).toEqual({
      ...NO_FILTERS,
      statuses: ['error'],
      flags: ['broken'],
    })
  })

  it('shows the grid unless the URL asks for the list, and leaves the grid out of the link', () => {
    expect(parseFilters(new URLSearchParams('')).view).toBe('grid')
    expect(parseFilters(new URLSearchParams('view=list')).view).toBe('list')
    expect(parseFilters(new URLSearchParams('view=LIST')).view).toBe('grid')
    expect(writeFilters(new URLSearchParams('view=list'), NO_FILTERS).toString()).toBe('')
    expect(writeFilters(new URLSearchParams(), { ...NO_FILTERS, view: 'list' }).toString()).toBe(
      'view=list',
    )
  })

  it('resets every filter but keeps the sort and the view', () => {
    const filters: PackFilters = {
      statuses: ['error'],
      q: 'timeout',
      keyword: 'city',
      flags: ['broken'],
      reviews: ['rejected'],
      reasons: ['unsafe'],
      sort: 'status',
      view: 'list',
    }
    expect(resetFilters(filters)).toEqual({ ...NO_FILTERS, sort: 'status', view: 'list' })
    expect(hasFilters(resetFilters(filters))).toBe(false)
  })

  it('knows when anything is filtered', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(hasFilters({ ...NO_FILTERS, sort: 'status' })).toBe(false)
    expect(hasFilters({ ...NO_FILTERS, view: 'list' })).toBe(false)
    expect(hasFilters({ ...NO_FILTERS, q: 'x' })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, reviews: ['outdated'] })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, reasons: ['other'] })).toBe(true)
  })

  it('reads and writes review states and reasons in canonical order, dropping unknown ones', () => {
    const parsed = parseFilters(
      new URLSearchParams('review=outdated,maybe,approved&reason=other,ugly,unsafe'),
    )
    expect(parsed).toEqual({
      ...NO_FILTERS,
      reviews: ['approved', 'outdated'],
      reasons: ['unsafe', 'other'],
    })
    const written = writeFilters(new URLSearchParams('flag=broken'), {
      ...parsed,
      flags: ['broken'],
      reviews: ['unreviewed', 'rejected'],
      reasons: ['other', 'wrong-description'],
    })
    expect(written.toString()).toBe(
      'flag=broken&review=rejected%2Cunreviewed&reason=wrong-description%2Cother',
    )
    expect(writeFilters(written, NO_FILTERS).toString()).toBe('')
  })
})

describe('applyFilters', () => {
  it('keeps API order by default', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('filters by any of several statuses', () => {
    expect(ids({ statuses: ['error', 'pending'] })).toEqual(['b', 'c', 'e'])
  })

  it('searches description, keywords, id, URL and error, case-insensitively', () => {
    expect(ids({ q: 'BICYCLE' })).toEqual(['a'])
    expect(ids({ q: 'city' })).toEqual(['a', 'd'])
    expect(ids({ q: 'timeout' })).toEqual(['c', 'e'])
    expect(ids({ q: images[5]!.url! })).toEqual(['f'])
  })

  it('filters by exact keyword and by flag, broken included', () => {
    expect(ids({ keyword: 'city' })).toEqual(['a', 'd'])
    expect(ids({ keyword: 'cit' })).toEqual([])
    expect(ids({ flags: ['no-description'] })).toEqual(['f'])
    expect(ids({ flags: ['broken'] }, new Set([images[1]!.url!]))).toEqual(['b'])
  })

  it('sorts by generation time both ways, undated last, and by status with problems first', () => {
    expect(ids({ sort: 'generated-desc' })).toEqual(['d', 'a', 'f', 'b', 'c', 'e'])
    expect(ids({ sort: 'generated-asc' })).toEqual(['f', 'a', 'd', 'b', 'c', 'e'])
    expect(ids({ sort: 'status' })).toEqual(['c', 'e', 'b', 'a', 'd', 'f'])
  })
})

/** Reviews by image id, as the page's review hook would give them. */
function lookup(byId: Record<string, [ReviewState, string[]?]>) {
  const facts = new Map(
    Object.entries(byId).map(([id, [state, reasons]]) => [
      id,
      { state, decision: state === 'unreviewed' ? null : { reasons: reasons ?? [] } },
    ]),
  )
  const unreviewed = { state: 'unreviewed' as const, decision: null }
  return (item: ReviewedImage) => facts.get(item.image.id) ?? unreviewed
}

const REVIEWS = lookup({
  a: ['approved'],
  b: ['rejected', ['unsafe', 'other']],
  c: ['rejected', ['other']],
  // A rejection made on other metadata: its reasons no longer count.
  d: ['outdated', ['unsafe']],
})

describe('review filters', () => {
  const reviewIds = (filters: Partial<PackFilters>) =>
    applyFilters(reviewed, { ...NO_FILTERS, ...filters }, none, REVIEWS).map(
      (item) => item.image.id,
    )

  it('filter by any of several review states, and combine with the other filters', () => {
    expect(reviewIds({ reviews: ['rejected'] })).toEqual(['b', 'c'])
    expect(reviewIds({ reviews: ['unreviewed', 'outdated'] })).toEqual(['d', 'e', 'f'])
    expect(reviewIds({ reviews: ['rejected', 'approved'], statuses: ['error'] })).toEqual(['c'])
    expect(ids({ reviews: ['approved'] })).toEqual([])
  })

  it('filter by any of several reasons of a current rejection', () => {
    expect(reviewIds({ reasons: ['unsafe'] })).toEqual(['b'])
    expect(reviewIds({ reasons: ['other', 'unsafe'] })).toEqual(['b', 'c'])
    expect(reviewIds({ reasons: ['other'], reviews: ['approved'] })).toEqual([])
  })

  it('count states and reasons over what the other filters let through', () => {
    const all = facetsOf(reviewed, none, NO_FILTERS, REVIEWS)
    expect(all.reviews).toEqual({ approved: 1, rejected: 2, unreviewed: 2, outdated: 1 })
    expect(all.reasons).toEqual({
      'wrong-description': 0,
      'missing-detail': 0,
      'bad-keywords': 0,
      unsafe: 1,
      'image-problem': 0,
      other: 2,
    })

    const errors = facetsOf(reviewed, none, { ...NO_FILTERS, statuses: ['error'] }, REVIEWS)
    expect(errors.reviews).toEqual({ approved: 0, rejected: 1, unreviewed: 1, outdated: 0 })
    expect(errors.reasons).toMatchObject({ unsafe: 0, other: 1 })

    // A review filter narrows the reasons and the other groups, not its own counts.
    const rejected = facetsOf(reviewed, none, { ...NO_FILTERS, reviews: ['rejected'] }, REVIEWS)
    expect(rejected.reviews).toEqual(all.reviews)
    expect(rejected.statuses).toMatchObject({ pending: 1, error: 1, completed: 0 })
    expect(rejected.errors).toEqual([['Timeout', 1]])
    expect(rejected.reasons).toMatchObject({ unsafe: 1, other: 2 })

    // A reason filter narrows the review counts, not its own.
    const unsafe = facetsOf(reviewed, none, { ...NO_FILTERS, reasons: ['unsafe'] }, REVIEWS)
    expect(unsafe.reviews).toEqual({ approved: 0, rejected: 1, unreviewed: 0, outdated: 0 })
    expect(unsafe.reasons).toEqual(all.reasons)
    expect(unsafe.keywords).toEqual([])
  })

  it('count every image as unreviewed without reviews, and ignore reasons it does not know', () => {
    expect(facetsOf(reviewed, none).reviews).toEqual({
      approved: 0,
      rejected: 0,
      unreviewed: 6,
      outdated: 0,
    })
    const odd = lookup({ a: ['rejected', ['toString', 'other', 'other']] })
    expect(facetsOf(reviewed, none, NO_FILTERS, odd).reasons).toEqual({
      'wrong-description': 0,
      'missing-detail': 0,
      'bad-keywords': 0,
      unsafe: 0,
      'image-problem': 0,
      other: 1,
    })
  })
})

describe('facetsOf', () => {
  it('counts statuses, flags, keywords and error messages', () => {
    const facets = facetsOf(reviewed, new Set([images[0]!.url!]))
    expect(facets.statuses).toEqual({
      completed: 3,
      pending: 1,
      processing: 0,
      error: 2,
      unknown: 0,
    })
    expect(facets.flags).toMatchObject({
      broken: 1,
      'no-description': 1,
      'no-keywords': 1,
      duplicate: 0,
    })
    expect(facets.keywords).toEqual([
      ['city', 2],
      ['bike', 1],
    ])
    expect(facets.errors).toEqual([['Timeout', 2]])
  })

  it('counts a keyword once per image, however often the image repeats it', () => {
    const twice = packSchema.parse(
      createPack({
        images: [
          createImage({ metadata: createMetadata({ keywords: ['sea', 'sea', 'sky', 'sea'] }) }),
          createImage({ metadata: createMetadata({ keywords: ['sky'] }) }),
        ],
      }),
    ).images
    expect(facetsOf(reviewImages(twice), new Set()).keywords).toEqual([
      ['sky', 2],
      ['sea', 1],
    ])
  })

  it('counts each group over what the other active filters let through', () => {
    // Searching "city" leaves a and d (both completed), whatever the status filter says.
    const facets = facetsOf(reviewed, none, { ...NO_FILTERS, q: 'city', statuses: ['error'] })
    expect(facets.statuses).toMatchObject({ completed: 2, pending: 0, error: 0 })
    // Flags and keywords follow the status filter too: no errored image matches "city".
    expect(facets.keywords).toEqual([])
    expect(facets.flags['no-description']).toBe(0)

    // A keyword filter narrows the status counts, not the keyword list it picks from.
    const byKeyword = facetsOf(reviewed, none, { ...NO_FILTERS, keyword: 'bike' })
    expect(byKeyword.statuses).toMatchObject({ completed: 1, error: 0 })
    expect(byKeyword.keywords).toEqual([
      ['city', 2],
      ['bike', 1],
    ])
    // Error groups set the status and search filters, so only keyword and flags narrow them.
    expect(facetsOf(reviewed, none, { ...NO_FILTERS, statuses: ['completed'] }).errors).toEqual([
      ['Timeout', 2],
    ])
    expect(byKeyword.errors).toEqual([])
  })
})
