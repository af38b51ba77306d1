import { describe, expect, it } from 'vitest'
import { DEFAULT_API_BASE_URL, readServerConfig } from './config.ts'
import { DEFAULT_TIMEOUT_MS } from './proxy/proxy.ts'

describe('readServerConfig', () => {
  it('defaults to the public API, no key and the default timeout', () => {
    expect(DEFAULT_API_BASE_URL).toBe('https://www.genviral.io')
    expect(readServerConfig({})).toEqual({
      token: null,
      baseUrl: 'https://www.genviral.io',
      timeoutMs: DEFAULT_TIMEOUT_MS,
    })
  })

  it.each(['', '   ', '\n\t'])('treats a blank key (%j) as no key', (token) => {
    expect(readServerConfig({ GENVIRAL_API_TOKEN: token }).token).toBeNull()
  })

  it('reads and trims the key', () => {
    expect(readServerConfig({ GENVIRAL_API_TOKEN: '  gv_secret \n' }).token).toBe('gv_secret')
  })

  it('uses a blank base URL as the default', () => {
    expect(readServerConfig({ GENVIRAL_API_BASE_URL: '  ' }).baseUrl).toBe(DEFAULT_API_BASE_URL)
  })

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['https://staging.genviral.io/', 'https://staging.genviral.io'],
    ['https://staging.genviral.io/some/path?x=1#y', 'https://staging.genviral.io'],
  ])('keeps only the origin of %s', (input, origin) => {
    expect(readServerConfig({ GENVIRAL_API_BASE_URL: input }).baseUrl).toBe(origin)
  })

  it.each([
    'ftp://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    'www.genviral.io',
  ])('rejects the base URL %s', (baseUrl) => {
    expect(() => readServerConfig({ GENVIRAL_API_BASE_URL: baseUrl })).toThrow(
      /GENVIRAL_API_BASE_URL must be an http\(s\) URL/,
    )
  })

  it('takes a timeout override', () => {
    expect(readServerConfig({ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: '2500' }).timeoutMs).toBe(2500)
  })

  it.each(['', 'abc', '0', '-5', 'Infinity'])('ignores the invalid timeout %j', (timeout) => {
    expect(readServerConfig({ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: timeout }).timeoutMs).toBe(
      DEFAULT_TIMEOUT_MS,
    )
  })
})
