import type { IncomingMessage } from 'node:http'
import { API_SECURITY_HEADERS } from '../security-headers.ts'
import type { KeyScanner } from './key-scanner.ts'

/** Response headers worth passing back; everything else (Set-Cookie first) stays behind. */
const RELAYED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'etag', 'last-modified'] as const

/**
 * Everything the upstream gets: the server's key and fixed headers, and nothing of the
 * browser's. Only with `forwardOrigin` (the demo API, which builds image links from it) a
 * checked Host as x-forwarded-host: a real upstream never learns the name the app is
 * reached by.
 */
export function upstreamRequestHeaders(
  req: IncomingMessage,
  token: string,
  forwardOrigin: boolean,
): Record<string, string> {
  return {
    accept: 'application/json',
    // Both can go to the browser as they are, with no work here.
    'accept-encoding': 'br, gzip',
    authorization: `Bearer ${token}`,
    'user-agent': 'pack-explorer-proxy',
    ...(forwardOrigin ? forwardedHeaders(req) : {}),
  }
}

/**
 * The answer's headers: the proxy's own, and the few of the upstream's worth relaying, each
 * left out when it holds the key (an ETag is a string the upstream chooses, too).
 */
export function relayedResponseHeaders(
  upstream: IncomingMessage,
  scanner: KeyScanner,
): Record<string, string> {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...API_SECURITY_HEADERS }
  for (const name of RELAYED_RESPONSE_HEADERS) {
    const value = upstream.headers[name]
    if (typeof value === 'string' && !scanner.finds(value)) headers[name] = value
  }
  // The body depends on what the browser accepts: relayed compressed, or compressed here.
  headers.vary = 'accept-encoding'
  return headers
}

/** The content codings the browser accepts (a `q=0` refuses). */
export function acceptedEncodings(req: IncomingMessage): Set<string | undefined> {
  return new Set(
    String(req.headers['accept-encoding'] ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name?.trim()),
  )
}

/** Lets the upstream build absolute links for this origin (the demo API uses it for images). */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const host = req.headers.host
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return {}
  // Express's req.protocol (the production server) believes X-Forwarded-Proto only from a
  // trusted proxy, such as a TLS terminator in front; without Express, the socket says.
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const proto = (req as { protocol?: string }).protocol ?? (encrypted ? 'https' : 'http')
  return { 'x-forwarded-host': host, 'x-forwarded-proto': proto === 'https' ? 'https' : 'http' }
}

/** `application/json` or a `+json` type (`application/vnd.genviral+json`), parameters aside. */
export function isJsonType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || /^[a-z0-9][\w.!#$&^+-]*\/[\w.!#$&^+-]+\+json$/.test(type)
}
