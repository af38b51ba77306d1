import { DEFAULT_TIMEOUT_MS } from './proxy/proxy.ts'

export const DEFAULT_API_BASE_URL = 'https://www.genviral.io'
export const MIN_UPSTREAM_TIMEOUT_MS = 100
export const MAX_UPSTREAM_TIMEOUT_MS = 120_000

export interface ServerConfig {
  /** Null in demo mode: no key configured. */
  token: string | null
  baseUrl: string
  timeoutMs: number
}

/**
 * Reads the server-side settings, or throws one line saying which one is wrong. Variables
 * have no VITE_ prefix, so none reach the bundle.
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  return {
    token: env.GENVIRAL_API_TOKEN?.trim() || null,
    baseUrl: baseUrl(env.GENVIRAL_API_BASE_URL?.trim() || DEFAULT_API_BASE_URL),
    timeoutMs: timeout(env.PACK_EXPLORER_UPSTREAM_TIMEOUT_MS?.trim()),
  }
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts the key may travel to in clear. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
}

/**
 * An origin and nothing else. The proxy builds every upstream URL from the origin, so a path
 * would be silently dropped (and credentials or a query sent nowhere): refused instead. The
 * key travels in every request's Authorization header, so plain http: only to this machine.
 */
function baseUrl(text: string): string {
  const url = URL.canParse(text) ? new URL(text) : null
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`GENVIRAL_API_BASE_URL must be an http(s) URL, got "${text}".`)
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    throw new Error(
      `GENVIRAL_API_BASE_URL must be https: (http: only for 127.0.0.1, ::1 or localhost), ` +
        `got "${url.origin}": the key would travel in clear.`,
    )
  }
  if (url.username || url.password) {
    // Credentials are secrets: not echoed.
    throw new Error('GENVIRAL_API_BASE_URL must not hold credentials (user:password@).')
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `GENVIRAL_API_BASE_URL must be an origin without a path, query or fragment, got ` +
        `"${text}": the proxy sends every request to ${url.origin}/api/partner/v1/...`,
    )
  }
  return url.origin
}

function timeout(text: string | undefined): number {
  if (!text) return DEFAULT_TIMEOUT_MS
  const ms = Number(text)
  if (!/^\d+$/.test(text) || ms < MIN_UPSTREAM_TIMEOUT_MS || ms > MAX_UPSTREAM_TIMEOUT_MS) {
    throw new Error(
      `PACK_EXPLORER_UPSTREAM_TIMEOUT_MS must be a whole number from ` +
        `${MIN_UPSTREAM_TIMEOUT_MS} to ${MAX_UPSTREAM_TIMEOUT_MS}, got "${text}".`,
    )
  }
  return ms
}
