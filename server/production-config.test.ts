import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_UPSTREAM_ANSWERS,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  readProductionConfig,
  type ProductionConfig,
} from './production-config.ts'

const DIST = '/srv/pack-explorer/dist'
const KEY = 'pub_123.sk_live_CONFIG-TEST-SECRET'
/** What every HOST beyond loopback needs. */
const ALLOWED = { PACK_EXPLORER_ALLOWED_HOSTS: 'packs.example.com' }

function config(env: Record<string, string | undefined>): ProductionConfig {
  const result = readProductionConfig(env, DIST)
  if (!result.ok) throw new Error(`unexpected refusal: ${result.error}`)
  return result.config
}

function refusal(env: Record<string, string | undefined>): string {
  const result = readProductionConfig(env, DIST)
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

describe('readProductionConfig', () => {
  it('defaults to loopback, port 8080, the given dist dir, demo mode and no proxy trust', () => {
    expect(config({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      distDir: DIST,
      api: { token: null, baseUrl: 'https://www.genviral.io', timeoutMs: 15_000 },
      basicAuth: null,
      trustProxyAuth: false,
      trustProxy: false,
      rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
      maxConnections: DEFAULT_MAX_CONNECTIONS,
      maxUpstreamAnswers: DEFAULT_MAX_UPSTREAM_ANSWERS,
      allowedHosts: [],
      // Beside the default build: the project root.
      review: { dataDir: '/srv/pack-explorer/.data', databaseUrl: null },
    })
    expect(DEFAULT_RATE_LIMIT_PER_MINUTE).toBe(120)
    expect(DEFAULT_MAX_CONNECTIONS).toBe(512)
  })

  it('reads every variable', () => {
    expect(
      config({
        HOST: '::1',
        PORT: '9000',
        PACK_EXPLORER_DIST_DIR: '/tmp/build',
        GENVIRAL_API_TOKEN: KEY,
        GENVIRAL_API_BASE_URL: 'http://127.0.0.1:8787/',
        PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: '2000',
        PACK_EXPLORER_BASIC_AUTH: 'alice:pass:with:colons',
        PACK_EXPLORER_TRUST_PROXY_AUTH: '1',
        PACK_EXPLORER_TRUST_PROXY: 'loopback',
        PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: '30',
        PACK_EXPLORER_MAX_CONNECTIONS: '64',
        PACK_EXPLORER_MAX_UPSTREAM_ANSWERS: '4',
        PACK_EXPLORER_ALLOWED_HOSTS: ' Packs.Example.com, 10.0.0.5:8080,[2001:db8::1],, ',
        PACK_EXPLORER_DATA_DIR: '/var/lib/pack-explorer',
        DATABASE_URL: ' postgres://reviews:pw@db.internal:5432/reviews ',
      }),
    ).toEqual({
      host: '::1',
      port: 9000,
      distDir: '/tmp/build',
      api: { token: KEY, baseUrl: 'http://127.0.0.1:8787', timeoutMs: 2000 },
      basicAuth: { user: 'alice', password: 'pass:with:colons' },
      trustProxyAuth: true,
      trustProxy: 'loopback',
      rateLimitPerMinute: 30,
      maxConnections: 64,
      maxUpstreamAnswers: 4,
      allowedHosts: ['packs.example.com', '10.0.0.5:8080', '[2001:db8::1]'],
      review: {
        dataDir: '/var/lib/pack-explorer',
        databaseUrl: 'postgres://reviews:pw@db.internal:5432/reviews',
      },
    })
  })

  it.each(['mysql://u:SECRET-PW@db/x', 'not a url', 'http://u:SECRET-PW@db:5432/x'])(
    'refuses DATABASE_URL %s without echoing it',
    (url) => {
      const error = refusal({ DATABASE_URL: url })
      expect(error).toMatch(/^DATABASE_URL must be a PostgreSQL URL/)
      expect(error).not.toContain('SECRET-PW')
    },
  )

  it.each(['0.0.0.0', '::', '192.168.1.20', 'pack-explorer.internal'])(
    'refuses to serve the key on %s without access control, naming both ways out',
    (host) => {
      const error = refusal({ HOST: host, GENVIRAL_API_TOKEN: KEY })
      expect(error).toContain('PACK_EXPLORER_BASIC_AUTH')
      expect(error).toContain('PACK_EXPLORER_TRUST_PROXY_AUTH')
      expect(error).toContain(host)
      expect(error).not.toContain(KEY)
    },
  )

  it.each([
    { PACK_EXPLORER_BASIC_AUTH: 'alice:correct horse battery' },
    { PACK_EXPLORER_TRUST_PROXY_AUTH: '1', PACK_EXPLORER_TRUST_PROXY: '10.0.0.0/8' },
    { PACK_EXPLORER_TRUST_PROXY_AUTH: 'true', PACK_EXPLORER_TRUST_PROXY: 'loopback' },
  ])('serves the key beyond loopback with %o', (access) => {
    const env = { HOST: '0.0.0.0', GENVIRAL_API_TOKEN: KEY, ...ALLOWED, ...access }
    expect(config(env).host).toBe('0.0.0.0')
  })

  it.each(['127.0.0.1', '::1', 'localhost', 'LOCALHOST'])(
    'serves the key on loopback %s without access control',
    (host) => {
      expect(config({ HOST: host, GENVIRAL_API_TOKEN: KEY }).api.token).toBe(KEY)
    },
  )

  it('serves the demo beyond loopback without access control: there is no key', () => {
    expect(config({ HOST: '0.0.0.0', ...ALLOWED }).api.token).toBeNull()
    expect(config({ HOST: '0.0.0.0', GENVIRAL_API_TOKEN: '  ', ...ALLOWED }).api.token).toBeNull()
  })

  it.each([
    { HOST: '0.0.0.0' },
    { HOST: '192.168.1.20', PACK_EXPLORER_ALLOWED_HOSTS: ' , ' },
    {
      HOST: '::',
      GENVIRAL_API_TOKEN: KEY,
      PACK_EXPLORER_TRUST_PROXY_AUTH: '1',
      PACK_EXPLORER_TRUST_PROXY: '10.0.0.0/8',
    },
  ])('refuses to listen beyond loopback without PACK_EXPLORER_ALLOWED_HOSTS: %o', (env) => {
    const error = refusal(env)
    expect(error).toMatch(/^Refusing to listen on \S+ without PACK_EXPLORER_ALLOWED_HOSTS/)
    expect(error).not.toContain(KEY)
  })

  it('needs no PACK_EXPLORER_ALLOWED_HOSTS on loopback', () => {
    expect(config({ HOST: 'localhost', GENVIRAL_API_TOKEN: KEY }).allowedHosts).toEqual([])
  })

  it.each([
    '*',
    'http://packs.example.com',
    'packs.example.com/app',
    'packs.example.com:0',
    'packs.example.com:70000',
    'packs.example.com:',
    '2001:db8::1',
    '-evil.example',
    'packs..example.com',
    'packs.example.com:80:80',
  ])('refuses the PACK_EXPLORER_ALLOWED_HOSTS entry %s, naming it', (entry) => {
    const error = refusal({ PACK_EXPLORER_ALLOWED_HOSTS: `packs.example.com,${entry}` })
    expect(error).toContain('PACK_EXPLORER_ALLOWED_HOSTS must be host names or host:port')
    expect(error).toContain(`"${entry}"`)
  })

  it.each(['alice', 'alice:', ':secret', ':'])(
    'refuses a malformed PACK_EXPLORER_BASIC_AUTH (%s), without echoing it',
    (value) => {
      const error = refusal({ PACK_EXPLORER_BASIC_AUTH: value })
      expect(error).toContain('PACK_EXPLORER_BASIC_AUTH must be user:password')
      if (value.length > 1) expect(error).not.toContain(value)
    },
  )

  it.each(['alice:elevenchars', 'alice:qz', 'alice:ünïcödé-pw'])(
    'refuses a PACK_EXPLORER_BASIC_AUTH password under 12 characters (%s), without echoing it',
    (value) => {
      const error = refusal({ PACK_EXPLORER_BASIC_AUTH: value })
      expect(error).toContain('the password must be at least 12 characters')
      expect(error).not.toContain(value.slice(6))
    },
  )

  it('takes a 12-character password', () => {
    expect(config({ PACK_EXPLORER_BASIC_AUTH: 'alice:twelve-chars' }).basicAuth).toEqual({
      user: 'alice',
      password: 'twelve-chars',
    })
  })

  it.each([
    [{ PORT: 'http' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: '0' }, 'PACK_EXPLORER_RATE_LIMIT_PER_MINUTE'],
    [{ PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: '1.5' }, 'PACK_EXPLORER_RATE_LIMIT_PER_MINUTE'],
    [{ PACK_EXPLORER_TRUST_PROXY_AUTH: 'yes please' }, 'PACK_EXPLORER_TRUST_PROXY_AUTH'],
    [{ PACK_EXPLORER_TRUST_PROXY: 'true' }, 'PACK_EXPLORER_TRUST_PROXY'],
    [{ GENVIRAL_API_BASE_URL: 'ftp://example.com' }, 'GENVIRAL_API_BASE_URL'],
    [{ GENVIRAL_API_BASE_URL: 'http://api.example.com' }, 'GENVIRAL_API_BASE_URL'],
    [{ GENVIRAL_API_BASE_URL: 'https://api.example.com/v2' }, 'GENVIRAL_API_BASE_URL'],
    [{ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: 'soon' }, 'PACK_EXPLORER_UPSTREAM_TIMEOUT_MS'],
    [{ PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: '600000' }, 'PACK_EXPLORER_UPSTREAM_TIMEOUT_MS'],
    [{ PACK_EXPLORER_MAX_CONNECTIONS: '0' }, 'PACK_EXPLORER_MAX_CONNECTIONS'],
    [{ PACK_EXPLORER_MAX_CONNECTIONS: 'many' }, 'PACK_EXPLORER_MAX_CONNECTIONS'],
    [{ PACK_EXPLORER_MAX_UPSTREAM_ANSWERS: '0' }, 'PACK_EXPLORER_MAX_UPSTREAM_ANSWERS'],
    [{ PACK_EXPLORER_MAX_UPSTREAM_ANSWERS: '1001' }, 'PACK_EXPLORER_MAX_UPSTREAM_ANSWERS'],
  ])('refuses %o', (env, name) => {
    expect(refusal(env)).toContain(name)
  })

  // Each of these lets any client name its own address (and so its own rate limit).
  it.each([
    ['true', 'would trust an X-Forwarded-For from anyone'],
    ['*', 'would trust an X-Forwarded-For from anyone'],
    ['6', 'more than 5 hops'],
    ['100', 'more than 5 hops'],
    ['0.0.0.0/0', 'has no valid prefix length'],
    ['10.0.0.0/7', '10.0.0.0/7 is wider than /8 (IPv4)'],
    ['0.0.0.0/1', 'is wider than /8 (IPv4)'],
    ['10.0.0.0/254.0.0.0', 'is wider than /8 (IPv4)'],
    ['loopback, 128.0.0.0/1', '128.0.0.0/1 is wider than /8 (IPv4)'],
    ['::/0', 'has no valid prefix length'],
    ['2000::/3', '2000::/3 is wider than /32 (IPv6)'],
    ['fc00::/7', 'fc00::/7 is wider than /32 (IPv6)'],
    ['::ffff:0:0/96', 'write the IPv4-mapped'],
    ['::ffff:10.0.0.1', 'write the IPv4-mapped'],
    ['10.0.0.0/255.0.255.0', 'has no valid prefix length'],
    ['10.0.0.0/33', 'has no valid prefix length'],
    ['not an address', 'is not an IP address'],
    ['10.1', 'is not an IP address'],
    ['loopback,', 'is not an IP address'],
    ['fe80::1%eth0', 'is not an IP address'],
  ])('refuses PACK_EXPLORER_TRUST_PROXY=%s', (value, message) => {
    const error = refusal({ PACK_EXPLORER_TRUST_PROXY: value })
    expect(error).toMatch(/^PACK_EXPLORER_TRUST_PROXY[:=]/)
    expect(error).toContain(message)
    expect(error).not.toContain('\n')
  })

  it.each(['', '0', '1', '3'])(
    'refuses PACK_EXPLORER_TRUST_PROXY_AUTH=1 without the proxy addresses (TRUST_PROXY=%j)',
    (trustProxy) => {
      expect(
        refusal({ PACK_EXPLORER_TRUST_PROXY_AUTH: '1', PACK_EXPLORER_TRUST_PROXY: trustProxy }),
      ).toContain(
        "PACK_EXPLORER_TRUST_PROXY_AUTH=1 needs PACK_EXPLORER_TRUST_PROXY set to the authenticating proxy's addresses",
      )
    },
  )

  it('reads PACK_EXPLORER_TRUST_PROXY as a hop count or as addresses', () => {
    expect(config({ PACK_EXPLORER_TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(config({ PACK_EXPLORER_TRUST_PROXY: '5' }).trustProxy).toBe(5)
    expect(config({ PACK_EXPLORER_TRUST_PROXY: '0' }).trustProxy).toBe(false)
    expect(config({ PACK_EXPLORER_TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(config({ PACK_EXPLORER_TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe(
      '10.0.0.0/8, loopback',
    )
    for (const list of [
      'loopback, linklocal, uniquelocal',
      '203.0.113.7',
      '10.0.0.0/255.0.0.0',
      '172.16.0.0/12,192.168.1.0/24',
      '::1',
      '2001:db8::/32',
      'fd12:3456:789a::/48',
    ]) {
      expect(config({ PACK_EXPLORER_TRUST_PROXY: list }).trustProxy).toBe(list)
    }
  })
})
