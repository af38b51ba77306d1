import { describe, expect, it } from 'vitest'
import { safeHttpUrl } from './safe-url'

describe('safeHttpUrl', () => {
  it.each([
    'https://cdn.example.com/a.jpg',
    'http://localhost:5173/demo-images/a.svg',
    'HTTPS://X.TEST/a',
  ])('keeps %j', (url) => {
    expect(safeHttpUrl(url)).not.toBeNull()
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\u0000javascript:alert(1)',
    ' https://x.test/a.jpg',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/a.jpg',
    '/relative/a.jpg',
    'https//missing-colon',
    '',
    null,
    42,
  ])('refuses %j', (url) => {
    expect(safeHttpUrl(url)).toBeNull()
  })
})
