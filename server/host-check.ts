import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendRefusal } from './refusal.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** The names this machine answers to on loopback; `[::1]` as it appears in a Host header. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']
/** A DNS name (labels of letters, digits, hyphens) or a bracketed IPv6 address, then a port. */
const ENTRY =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/

/**
 * `PACK_EXPLORER_ALLOWED_HOSTS`: comma-separated `name` or `name:port`, lower-cased. A name
 * without a port accepts a Host with no port (what a browser sends through a proxy on 80 or
 * 443) or with the server's own port; `name:port` accepts exactly that.
 */
export function parseAllowedHosts(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
  for (const entry of entries) {
    const port = ENTRY.exec(entry)?.[1]
    if (!ENTRY.test(entry) || (port !== undefined && (Number(port) < 1 || Number(port) > 65_535))) {
      throw new Error(
        `PACK_EXPLORER_ALLOWED_HOSTS must be host names or host:port, comma-separated ` +
          `(packs.example.com,10.0.0.5:8080), got "${entry}".`,
      )
    }
  }
  return entries
}

/**
 * Answers 421 to a request whose Host is not one this server serves. A web page whose name
 * was rebound to 127.0.0.1 (DNS rebinding) reaches this port with its own name as the Host;
 * without this check it could read the app and the key-holding proxy's answers.
 * The port compared is the one the connection came in on, so `PORT=0` works too.
 */
export function hostCheck(allowedHosts: readonly string[]): Middleware {
  return (req, res, next) => {
    const port = req.socket.localPort
    const host = requestHost(req)
    if (host !== null && allows(host, port, allowedHosts)) return next()
    sendRefusal(
      req,
      res,
      421,
      'misdirected_request',
      'This server does not answer for that host name. Use the address it listens on, or add ' +
        'the name to PACK_EXPLORER_ALLOWED_HOSTS.',
    )
  }
}

/**
 * The one Host header, lower-cased; null without one, or with several (a proxy may read
 * another than Node does). An absolute-form target's authority wins over it (RFC 9112 3.2.2).
 */
function requestHost(req: IncomingMessage): string | null {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(req.url ?? '')
  if (absolute) return absolute[1]!.toLowerCase()
  let count = 0
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === 'host') count++
  }
  return count === 1 && req.headers.host ? req.headers.host.toLowerCase() : null
}

function allows(host: string, port: number | undefined, allowedHosts: readonly string[]): boolean {
  for (const name of LOOPBACK_NAMES) {
    // Without a port, a Host means port 80: another server unless this one listens there.
    if (host === `${name}:${port}` || (host === name && port === 80)) return true
  }
  for (const entry of allowedHosts) {
    if (host === entry) return true
    // A name without a port also takes the server's own port.
    if (!/:\d+$/.test(entry) && host === `${entry}:${port}`) return true
  }
  return false
}
