import { describe, expect, it } from 'vitest'
import {
  NO_BROWSE_PARAMS,
  PAGE_SIZE,
  listQueryString,
  pageCount,
  parseBrowseParams,
  writeBrowseParams,
} from './browse-params'

const parse = (search: string) => parseBrowseParams(new URLSearchParams(search))

describe('browse params', () => {
  it('reads q, public and page from the URL', () => {
    expect(parse('')).toEqual(NO_BROWSE_PARAMS)
    expect(parse('?q=coffee&public=0&page=3')).toEqual({
      q: 'coffee',
      includePublic: false,
      page: 3,
    })
  })

  it('leaves public packs in for any public value but 0', () => {
    for (const value of ['1', 'false', 'no', '']) {
      expect(parse(`?public=${value}`).includePublic).toBe(true)
    }
  })

  it.each(['0', '-1', 'abc', '1.5', '', '2e3', ' 2', '99999999999'])(
    'treats page=%j as page 1',
    (page) => {
      expect(parse(`?page=${encodeURIComponent(page)}`).page).toBe(1)
    },
  )

  it('writes only what differs from the defaults, keeping other params', () => {
    const write = (search: string, next: typeof NO_BROWSE_PARAMS) =>
      writeBrowseParams(new URLSearchParams(search), next).toString()
    expect(write('?q=old&page=4&public=0&x=1', NO_BROWSE_PARAMS)).toBe('x=1')
    expect(write('', { q: 'tea time', includePublic: false, page: 2 })).toBe(
      'q=tea+time&public=0&page=2',
    )
    expect(write('', { q: '   ', includePublic: true, page: 1 })).toBe('')
  })

  it('maps the URL to the List Packs query', () => {
    const query = (search: string) => listQueryString(parse(search))
    expect(query('')).toBe(`limit=${PAGE_SIZE}&offset=0`)
    expect(query('?q=foo')).toBe('search=foo&limit=24&offset=0')
    expect(query('?q=%20%20')).toBe('limit=24&offset=0')
    expect(query('?q=%20a%26b%20')).toBe('search=a%26b&limit=24&offset=0')
    expect(query('?public=0')).toBe('limit=24&offset=0&include_public=false')
    expect(query('?page=3')).toBe('limit=24&offset=48')
    expect(query('?page=0')).toBe('limit=24&offset=0')
  })

  it('counts pages, at least one', () => {
    expect([0, 1, 24, 25, 42, 48, 49].map(pageCount)).toEqual([1, 1, 1, 2, 2, 2, 3])
  })
})
