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
    ['http://127.8.9.10:4010', 'http://127.8.9.10:4010'],
    ['http://localhost:5190/', 'http://localhost:5190'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['https://staging.genviral.io/', 'https://staging.genviral.io'],
    ['HTTPS://WWW.GENVIRAL.IO', 'https://www.genviral.io'],
  ])('takes the base URL %s as the origin %s', (input, origin) => {
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

  // The key goes in every request's Authorization header: never in clear off this machine.
  it.each([
    'http://www.genviral.io',
    'http://10.0.0.5:8787',
    'http://0.0.0.0:8787',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
  ])('refuses the plain-http base URL %s off loopback', (baseUrl) => {
    expect(() => readServerConfig({ GENVIRAL_API_BASE_URL: baseUrl })).toThrow(
      /GENVIRAL_API_BASE_URL must be https: \(http: only for 127\.0\.0\.1, ::1 or localhost\)/,
    )
  })

  // The proxy builds every URL from the origin: a path would be dropped without a word.
  it.each([
    'https://staging.genviral.io/some/path',
    'https://staging.genviral.io/api',
    'https://staging.genviral.io/?x=1',
    'https://staging.genviral.io/#y',
    'http://127.0.0.1:8787/ignored/path',
  ])('refuses the base URL %s, which is more than an origin', (baseUrl) => {
    expect(() => readServerConfig({ GENVIRAL_API_BASE_URL: baseUrl })).toThrow(
      /GENVIRAL_API_BASE_URL must be an origin without a path, query or fragment/,
    )
  })

  it('refuses credentials in the base URL without echoing them', () => {
    let message = ''
    try {
      readServerConfig({ GENVIRAL_API_BASE_URL: 'https://bob:hunter2@www.genviral.io' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('GENVIRAL_API_BASE_URL must not hold credentials')
    expect(message).not.toContain('hunter2')
  })

  it.each([
    ['2500', 2500],
    ['100', 100],
    ['120000', 120_000],
    [' 2000 ', 2000],
  ])('takes the timeout %j', (timeout, ms) => {
    expect(readServerConfig({ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: timeout }).timeoutMs).toBe(ms)
  })

  it.each(['', '  '])('uses the default timeout for the blank %j', (timeout) => {
    expect(readServerConfig({ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: timeout }).timeoutMs).toBe(
      DEFAULT_TIMEOUT_MS,
    )
  })

  it.each(['abc', '0', '99', '120001', '-5', '2.5', '1e4', 'Infinity'])(
    'refuses the timeout %j rather than falling back',
    (timeout) => {
      expect(() => readServerConfig({ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: timeout })).toThrow(
        `PACK_EXPLORER_UPSTREAM_TIMEOUT_MS must be a whole number from 100 to 120000, got "${timeout}".`,
      )
    },
  )
})
