import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
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
/** What PACK_EXPLORER_TRUST_PROXY_AUTH=1 needs besides the proxy's addresses. */
const PROXY_USER = { PACK_EXPLORER_USER_HEADER: 'X-Forwarded-Email' }

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
      userHeader: null,
      trustProxy: false,
      rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
      maxConnections: DEFAULT_MAX_CONNECTIONS,
      maxUpstreamAnswers: DEFAULT_MAX_UPSTREAM_ANSWERS,
      allowedHosts: [],
      // Beside the default build: the project root.
      review: { dataDir: '/srv/pack-explorer/.data', databaseUrl: null },
      writeAccess: 'none',
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
        PACK_EXPLORER_USER_HEADER: ' X-Forwarded-Email ',
        PACK_EXPLORER_TRUST_PROXY: 'loopback',
        PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: '30',
        PACK_EXPLORER_MAX_CONNECTIONS: '64',
        PACK_EXPLORER_MAX_UPSTREAM_ANSWERS: '4',
        PACK_EXPLORER_ALLOWED_HOSTS: ' Packs.Example.com, 10.0.0.5:8080,[2001:db8::1],, ',
        PACK_EXPLORER_DATA_DIR: '/var/lib/pack-explorer',
        DATABASE_URL: ' postgres://reviews:pw@db.internal:5432/reviews ',
        PACK_EXPLORER_WRITE_ACCESS: ' alice, bob ',
      }),
    ).toEqual({
      host: '::1',
      port: 9000,
      distDir: '/tmp/build',
      api: { token: KEY, baseUrl: 'http://127.0.0.1:8787', timeoutMs: 2000 },
      basicAuth: { single: { user: 'alice', password: 'pass:with:colons' }, file: null },
      trustProxyAuth: true,
      userHeader: 'x-forwarded-email',
      trustProxy: 'loopback',
      rateLimitPerMinute: 30,
      maxConnections: 64,
      maxUpstreamAnswers: 4,
      allowedHosts: ['packs.example.com', '10.0.0.5:8080', '[2001:db8::1]'],
      review: {
        dataDir: '/var/lib/pack-explorer',
        databaseUrl: 'postgres://reviews:pw@db.internal:5432/reviews',
      },
      writeAccess: { users: new Set(['alice', 'bob']) },
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
    { PACK_EXPLORER_TRUST_PROXY_AUTH: '1', PACK_EXPLORER_TRUST_PROXY: '10.0.0.0/8', ...PROXY_USER },
    {
      PACK_EXPLORER_TRUST_PROXY_AUTH: 'true',
      PACK_EXPLORER_TRUST_PROXY: 'loopback',
      ...PROXY_USER,
    },
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
      ...PROXY_USER,
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
      single: { user: 'alice', password: 'twelve-chars' },
      file: null,
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

describe('PACK_EXPLORER_USER_HEADER', () => {
  const behindProxy = { PACK_EXPLORER_TRUST_PROXY_AUTH: '1', PACK_EXPLORER_TRUST_PROXY: 'loopback' }

  it('is required with PACK_EXPLORER_TRUST_PROXY_AUTH=1: decisions need a reviewer', () => {
    expect(refusal(behindProxy)).toMatch(
      /^PACK_EXPLORER_TRUST_PROXY_AUTH=1 needs PACK_EXPLORER_USER_HEADER: the header in which the proxy names the signed-in user/,
    )
    expect(refusal({ ...behindProxy, PACK_EXPLORER_USER_HEADER: '  ' })).toContain(
      'needs PACK_EXPLORER_USER_HEADER',
    )
    expect(config({ ...behindProxy, PACK_EXPLORER_USER_HEADER: 'Remote-User' }).userHeader).toBe(
      'remote-user',
    )
  })

  it('is refused without PACK_EXPLORER_TRUST_PROXY_AUTH=1: any client could send it', () => {
    expect(refusal({ PACK_EXPLORER_USER_HEADER: 'X-Forwarded-Email' })).toContain(
      'PACK_EXPLORER_USER_HEADER is read only with PACK_EXPLORER_TRUST_PROXY_AUTH=1',
    )
  })

  it.each(['X Forwarded Email', 'X-Email:', 'Authorization', 'host', 'Cookie'])(
    'refuses %j as the header',
    (name) => {
      expect(refusal({ ...behindProxy, PACK_EXPLORER_USER_HEADER: name })).toContain(
        'PACK_EXPLORER_USER_HEADER must name a header such as X-Forwarded-Email',
      )
    },
  )
})

describe('PACK_EXPLORER_USERS_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-explorer-users-config-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  // Well-formed, of no password in particular: reading the file checks its shape only.
  const HASH = '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0$2f6NN8x8Zx2x7yCwLk9fN2h8sQb2fHqJY7b3kN0xWm8'
  let files = 0
  const usersFile = (text: string) => {
    const path = join(dir, `users-${++files}`)
    writeFileSync(path, text)
    return path
  }

  it('reads one user:hash a line, skipping blank lines and comments', () => {
    const path = usersFile(`# reviewers\n\nalice:${HASH}\n  bob@example.com:${HASH}  \r\n`)
    const auth = config({ PACK_EXPLORER_USERS_FILE: path }).basicAuth
    expect(auth?.single).toBeNull()
    expect(auth?.file?.path).toBe(path)
    expect([...(auth?.file?.users.keys() ?? [])]).toEqual(['alice', 'bob@example.com'])
    expect(auth?.file?.users.get('alice')?.params).toEqual({ ln: 4, r: 8, p: 1 })
  })

  it('takes PACK_EXPLORER_BASIC_AUTH besides, and access control beyond loopback', () => {
    const path = usersFile(`alice:${HASH}\n`)
    const auth = config({
      PACK_EXPLORER_USERS_FILE: path,
      PACK_EXPLORER_BASIC_AUTH: 'carol:correct horse battery',
      HOST: '0.0.0.0',
      GENVIRAL_API_TOKEN: KEY,
      ...ALLOWED,
    }).basicAuth
    expect(auth?.single?.user).toBe('carol')
    expect(auth?.file?.users.has('alice')).toBe(true)
    // The file alone is access control too.
    const alone = { PACK_EXPLORER_USERS_FILE: path, HOST: '0.0.0.0', GENVIRAL_API_TOKEN: KEY }
    expect(config({ ...alone, ...ALLOWED }).host).toBe('0.0.0.0')
  })

  it.each([
    ['a line without a colon', 'just-a-name', 'line 2: not user:<scrypt hash>'],
    ['an empty user', `:${HASH}`, 'line 2: the user name is empty'],
    [
      'a bcrypt hash',
      'alice:$2b$12$abcdefghijklmnopqrstuuvwxyz0123456789ABCDEFGHIJKLMNOPQR',
      'line 2: the hash is not',
    ],
    ['a password in clear', 'alice:correct horse battery', 'line 2: the hash is not'],
    ['an absurd cost', `alice:${HASH.replace('ln=4', 'ln=40')}`, 'line 2: the hash is not'],
    [
      'the same user twice',
      `bob:${HASH}\nbob:${HASH}`,
      'line 3: bob is already on an earlier line',
    ],
  ])('refuses %s, naming the line and never the hash', (_what, line, message) => {
    const path = usersFile(`# ok so far\n${line}\n`)
    const error = refusal({ PACK_EXPLORER_USERS_FILE: path })
    expect(error.startsWith(`PACK_EXPLORER_USERS_FILE ${path}, ${message}`), error).toBe(true)
    expect(error).not.toContain(HASH.slice(20))
    expect(error).not.toContain('correct horse')
    expect(error).not.toContain('\n')
  })

  it('refuses a file it cannot read, or one without users', () => {
    const missing = join(dir, 'no-such-file')
    expect(refusal({ PACK_EXPLORER_USERS_FILE: missing })).toBe(
      `PACK_EXPLORER_USERS_FILE ${missing} cannot be read (ENOENT); create it with npm run user:add -- <name>.`,
    )
    expect(refusal({ PACK_EXPLORER_USERS_FILE: usersFile('# nobody yet\n') })).toContain(
      'has no users: add one with npm run user:add -- <name>.',
    )
  })

  it('refuses a user both in PACK_EXPLORER_BASIC_AUTH and in the file', () => {
    const path = usersFile(`alice:${HASH}\n`)
    expect(
      refusal({
        PACK_EXPLORER_USERS_FILE: path,
        PACK_EXPLORER_BASIC_AUTH: 'alice:correct horse battery',
      }),
    ).toBe(`PACK_EXPLORER_BASIC_AUTH's user is also in PACK_EXPLORER_USERS_FILE ${path}: keep one.`)
  })
})
