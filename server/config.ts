import { DEFAULT_TIMEOUT_MS } from './proxy/proxy.ts'

export const DEFAULT_API_BASE_URL = 'https://www.genviral.io'

export interface ServerConfig {
  /** Null in demo mode: no key configured. */
  token: string | null
  baseUrl: string
  timeoutMs: number
}

/** Reads the server-side settings. Variables have no VITE_ prefix, so none reach the bundle. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const token = env.GENVIRAL_API_TOKEN?.trim() || null
  const baseUrl = env.GENVIRAL_API_BASE_URL?.trim() || DEFAULT_API_BASE_URL
  const parsed = URL.canParse(baseUrl) ? new URL(baseUrl) : null
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new Error(`GENVIRAL_API_BASE_URL must be an http(s) URL, got "${baseUrl}".`)
  }
  const timeout = Number(env.PACK_EXPLORER_UPSTREAM_TIMEOUT_MS)
  return {
    token,
    baseUrl: parsed.origin,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
  }
}
