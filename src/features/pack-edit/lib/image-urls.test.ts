import { describe, expect, it } from 'vitest'
import { keepLines, MAX_URLS_AT_ONCE, parseImageUrls } from './image-urls'

describe('parseImageUrls', () => {
  it('takes absolute http: and https: URLs, one a line, trimmed and in order', () => {
    const text =
      '  https://cdn.example/a.jpg \r\n\nhttp://cdn.example/b.png\n\n   \nHTTPS://CDN.example/c'
    expect(parseImageUrls(text)).toEqual({
      urls: ['https://cdn.example/a.jpg', 'http://cdn.example/b.png', 'HTTPS://CDN.example/c'],
      refused: [],
      tooMany: false,
    })
  })

  it('refuses every other line with its number and why, and never counts it', () => {
    const text = [
      'https://cdn.example/a.jpg',
      'cdn.example/b.jpg',
      '/images/c.jpg',
      'ftp://cdn.example/d.jpg',
      'javascript:alert(1)',
      'https://',
      'data:image/png;base64,AAAA',
      `https://cdn.example/${'x'.repeat(2100)}.jpg`,
      'https://cdn.example/a.jpg',
    ].join('\n')
    const { urls, refused } = parseImageUrls(text)
    expect(urls).toEqual(['https://cdn.example/a.jpg'])
    expect(refused.map(({ line, why }) => [line, why])).toEqual([
      [2, 'not an absolute http: or https: URL'],
      [3, 'not an absolute http: or https: URL'],
      [4, 'not an absolute http: or https: URL'],
      [5, 'not an absolute http: or https: URL'],
      [6, 'not an absolute http: or https: URL'],
      [7, 'not an absolute http: or https: URL'],
      [8, 'longer than 2,048 characters'],
      [9, 'the same URL as line 1'],
    ])
    expect(refused[0]!.text).toBe('cdn.example/b.jpg')
  })

  it(`says when there are more than ${MAX_URLS_AT_ONCE} URLs`, () => {
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => `https://cdn.example/${i}.jpg`).join('\n')
    expect(parseImageUrls(lines(MAX_URLS_AT_ONCE)).tooMany).toBe(false)
    const over = parseImageUrls(`${lines(MAX_URLS_AT_ONCE + 1)}\nnot a url`)
    expect(over.tooMany).toBe(true)
    expect(over.urls).toHaveLength(501)
    // Refused lines do not count towards the limit.
    expect(parseImageUrls(`${lines(MAX_URLS_AT_ONCE)}\nnope\nnope`).tooMany).toBe(false)
  })

  it('refuses a URL this dialog already sent', () => {
    const sent = new Set(['https://cdn.example/a.jpg'])
    expect(parseImageUrls('https://cdn.example/a.jpg\nhttps://cdn.example/b.jpg', sent)).toEqual({
      urls: ['https://cdn.example/b.jpg'],
      refused: [{ line: 1, text: 'https://cdn.example/a.jpg', why: 'already in the list below' }],
      tooMany: false,
    })
  })

  it('an empty field is nothing to add', () => {
    expect(parseImageUrls('')).toEqual({ urls: [], refused: [], tooMany: false })
  })
})

describe('keepLines', () => {
  it('keeps only the lines named (from 1), whatever the line ends', () => {
    expect(keepLines('a\r\nb\nc\rd', new Set([2, 4]))).toBe('b\nd')
    expect(keepLines('a\nb', new Set())).toBe('')
  })
})
