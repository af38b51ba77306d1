import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { readServerConfig, type ServerConfig } from './config.ts'
import { readReviewConfig, type ReviewConfig } from './review/review-config.ts'
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts'
import { parseAllowedHosts } from './host-check.ts'
import { parseUserHeader } from './proxy-user.ts'
import { parseUsersFile, type UsersFile } from './users-file.ts'
import { parseWriteAccess, type WriteAccess } from './write-access.ts'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8080
/**
 * Per client IP, proxied requests only. One person needs far less: a pack polls every 5 s or
 * slower (12 a minute), and opening packs, the home page's prefetches and the client's
 * retries add bursts. Twice that headroom again covers a few people behind one office NAT.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120
/**
 * Open connections at once, idle keep-alive ones included; beyond, new ones are dropped. A
 * browser opens about six per person; this serves a team behind one proxy with room to spare.
 */
export const DEFAULT_MAX_CONNECTIONS = 512
/**
 * Upstream answers the proxy holds in memory at once (the rest queue, then 503 proxy_busy):
 * what bounds the server's memory when many ask for a big pack at the same moment.
 */
export const DEFAULT_MAX_UPSTREAM_ANSWERS = 16

/** PACK_EXPLORER_BASIC_AUTH's password, at least. */
export const MIN_PASSWORD_LENGTH = 12

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])

export interface BasicAuthCredentials {
  user: string
  password: string
}

/** Who may sign in with Basic auth; either part, or both, is set. */
export interface BasicAuthConfig {
  /** PACK_EXPLORER_BASIC_AUTH's one `user:password`. */
  single: BasicAuthCredentials | null
  /** PACK_EXPLORER_USERS_FILE's users. */
  file: UsersFile | null
}

export interface ProductionConfig {
  host: string
  port: number
  distDir: string
  api: ServerConfig
  /** Null: no Basic auth. */
  basicAuth: BasicAuthConfig | null
  /** The operator says an authenticating reverse proxy sits in front. */
  trustProxyAuth: boolean
  /**
   * PACK_EXPLORER_USER_HEADER, lower-cased: the header in which that proxy names the user
   * (set exactly when trustProxyAuth is).
   */
  userHeader: string | null
  /** Express's `trust proxy`: which hops' X-Forwarded-For names the client. */
  trustProxy: TrustProxy
  rateLimitPerMinute: number
  maxConnections: number
  /** PACK_EXPLORER_MAX_UPSTREAM_ANSWERS: upstream answers held in memory at once. */
  maxUpstreamAnswers: number
  /** PACK_EXPLORER_ALLOWED_HOSTS: Host names served besides the loopback ones. */
  allowedHosts: string[]
  /** Where review decisions are kept (PACK_EXPLORER_DATA_DIR or DATABASE_URL). */
  review: ReviewConfig
  /** PACK_EXPLORER_WRITE_ACCESS: who may change packs (the demo data: everyone). */
  writeAccess: WriteAccess
}

export type ProductionConfigResult =
  { ok: true; config: ProductionConfig } | { ok: false; error: string }

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase())
}

/**
 * The rule every server that can hold the key follows (`npm start`, `vite`, `vite preview`):
 * beyond loopback, someone must check who asks.
 */
export function exposesKey(host: string, token: string | null, accessControl: boolean): boolean {
  return token !== null && !isLoopbackHost(host) && !accessControl
}

/**
 * Reads `npm start`'s settings, or says why it must not start. A server that holds the key
 * and listens beyond this machine must have someone checking who asks. The review data's
 * default folder is `.data/` beside the default build (the project root).
 */
export function readProductionConfig(
  env: Record<string, string | undefined>,
  defaultDistDir: string,
  defaultDataDir = resolve(defaultDistDir, '..', '.data'),
): ProductionConfigResult {
  try {
    return { ok: true, config: parse(env, defaultDistDir, defaultDataDir) }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

function parse(
  env: Record<string, string | undefined>,
  defaultDistDir: string,
  defaultDataDir: string,
): ProductionConfig {
  const host = env.HOST?.trim() || DEFAULT_HOST
  const port = integer(env.PORT, 'PORT', DEFAULT_PORT, 0, 65_535)
  const api = readServerConfig(env)
  const basicAuth = basicAuthConfig(env)
  const trustProxyAuth = flag(env.PACK_EXPLORER_TRUST_PROXY_AUTH, 'PACK_EXPLORER_TRUST_PROXY_AUTH')
  const trustProxy = parseTrustProxy(env.PACK_EXPLORER_TRUST_PROXY)
  if (trustProxyAuth && typeof trustProxy !== 'string') {
    throw new Error(
      'PACK_EXPLORER_TRUST_PROXY_AUTH=1 needs PACK_EXPLORER_TRUST_PROXY set to the ' +
        "authenticating proxy's addresses (loopback, 10.0.0.5, 10.1.0.0/16), not a hop count: " +
        'requests from any other address are refused.',
    )
  }
  const userHeader = parseUserHeader(env.PACK_EXPLORER_USER_HEADER, trustProxyAuth)
  if (exposesKey(host, api.token, basicAuth !== null || trustProxyAuth)) {
    throw new Error(
      `Refusing to listen on ${host} with GENVIRAL_API_TOKEN set and no access control: anyone ` +
        'who reaches this port could use the key. Set PACK_EXPLORER_BASIC_AUTH=user:password, ' +
        'or PACK_EXPLORER_TRUST_PROXY_AUTH=1 if an authenticating reverse proxy sits in front, ' +
        'or bind to 127.0.0.1 (HOST).',
    )
  }
  const allowedHosts = parseAllowedHosts(env.PACK_EXPLORER_ALLOWED_HOSTS)
  if (!isLoopbackHost(host) && allowedHosts.length === 0) {
    throw new Error(
      `Refusing to listen on ${host} without PACK_EXPLORER_ALLOWED_HOSTS: name the host names ` +
        'clients reach it by (packs.example.com,10.0.0.5:8080); requests for any other name ' +
        'are refused, so a web page whose name points here cannot use it.',
    )
  }
  return {
    host,
    port,
    distDir: env.PACK_EXPLORER_DIST_DIR?.trim() || defaultDistDir,
    api,
    basicAuth,
    trustProxyAuth,
    userHeader,
    trustProxy,
    rateLimitPerMinute: integer(
      env.PACK_EXPLORER_RATE_LIMIT_PER_MINUTE,
      'PACK_EXPLORER_RATE_LIMIT_PER_MINUTE',
      DEFAULT_RATE_LIMIT_PER_MINUTE,
      1,
      1_000_000,
    ),
    maxConnections: integer(
      env.PACK_EXPLORER_MAX_CONNECTIONS,
      'PACK_EXPLORER_MAX_CONNECTIONS',
      DEFAULT_MAX_CONNECTIONS,
      1,
      100_000,
    ),
    maxUpstreamAnswers: integer(
      env.PACK_EXPLORER_MAX_UPSTREAM_ANSWERS,
      'PACK_EXPLORER_MAX_UPSTREAM_ANSWERS',
      DEFAULT_MAX_UPSTREAM_ANSWERS,
      1,
      1_000,
    ),
    allowedHosts,
    review: readReviewConfig(env, defaultDataDir),
    writeAccess: parseWriteAccess(
      env.PACK_EXPLORER_WRITE_ACCESS,
      basicAuth !== null || trustProxyAuth,
    ),
  }
}

function integer(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = value?.trim()
  if (!text) return fallback
  const number = Number(text)
  if (!/^\d+$/.test(text) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}".`)
  }
  return number
}

function flag(value: string | undefined, name: string): boolean {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '1' || text === 'true') return true
  if (text === '' || text === '0' || text === 'false') return false
  throw new Error(`${name} must be 1 or 0, got "${value}".`)
}

/** PACK_EXPLORER_BASIC_AUTH and PACK_EXPLORER_USERS_FILE; null when neither is set. */
function basicAuthConfig(env: Record<string, string | undefined>): BasicAuthConfig | null {
  const single = credentials(env.PACK_EXPLORER_BASIC_AUTH)
  const path = env.PACK_EXPLORER_USERS_FILE?.trim()
  const file = path ? readUsersFile(path) : null
  if (single && file?.users.has(single.user)) {
    throw new Error(
      `PACK_EXPLORER_BASIC_AUTH's user is also in PACK_EXPLORER_USERS_FILE ${path}: keep one.`,
    )
  }
  return single || file ? { single, file } : null
}

function readUsersFile(path: string): UsersFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new Error(
      `PACK_EXPLORER_USERS_FILE ${path} cannot be read (${code}); create it with ` +
        'npm run user:add -- <name>.',
    )
  }
  const file = parseUsersFile(text, path)
  if (file.users.size === 0) {
    throw new Error(
      `PACK_EXPLORER_USERS_FILE ${path} has no users: add one with npm run user:add -- <name>.`,
    )
  }
  return file
}

/** `user:password`; the password may hold colons, the user may not (RFC 7617). */
function credentials(value: string | undefined): BasicAuthCredentials | null {
  if (value === undefined || value === '') return null
  const colon = value.indexOf(':')
  const user = value.slice(0, colon)
  const password = value.slice(colon + 1)
  if (colon === -1 || user === '' || password === '') {
    // The value itself is a secret: not echoed.
    throw new Error('PACK_EXPLORER_BASIC_AUTH must be user:password, both non-empty.')
  }
  // Ten guesses per address per 15 minutes make a 12-character password out of reach.
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new Error(
      `PACK_EXPLORER_BASIC_AUTH: the password must be at least ${MIN_PASSWORD_LENGTH} ` +
        'characters; a shorter one can be guessed.',
    )
  }
  return { user, password }
}
