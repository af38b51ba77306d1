import type { IncomingMessage, ServerResponse } from 'node:http'
import { setAuthenticatedUser } from './authenticated-user.ts'
import { MAX_USER_NAME_LENGTH } from './users-file.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** An HTTP header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i
/** Headers that name something else, or that the server itself reads. */
const NOT_A_USER = new Set(['host', 'authorization', 'cookie', 'content-type', 'content-length'])

/**
 * PACK_EXPLORER_USER_HEADER, lower-cased. It is required with PACK_EXPLORER_TRUST_PROXY_AUTH=1
 * (every decision records its reviewer, and behind such a proxy only the proxy knows who it
 * is: without the header every review write would be refused), and refused without it (a
 * header any client can send names nobody unless a proxy in front sets it).
 */
export function parseUserHeader(value: string | undefined, trustProxyAuth: boolean): string | null {
  const name = value?.trim().toLowerCase() ?? ''
  if (!trustProxyAuth) {
    if (name === '') return null
    throw new Error(
      'PACK_EXPLORER_USER_HEADER is read only with PACK_EXPLORER_TRUST_PROXY_AUTH=1: without ' +
        'an authenticating proxy in front, any client could send it.',
    )
  }
  if (name === '') {
    throw new Error(
      'PACK_EXPLORER_TRUST_PROXY_AUTH=1 needs PACK_EXPLORER_USER_HEADER: the header in which ' +
        'the proxy names the signed-in user (X-Forwarded-Email for oauth2-proxy, ' +
        'X-Forwarded-User, Remote-User); decisions are recorded under that name.',
    )
  }
  if (!TOKEN.test(name) || NOT_A_USER.has(name)) {
    throw new Error(
      `PACK_EXPLORER_USER_HEADER must name a header such as X-Forwarded-Email, got "${value}".`,
    )
  }
  return name
}

/**
 * Behind the authenticating proxy (which alone may connect: request-guards.ts), the user is
 * whoever its header names. Trimmed; empty, over 100 characters, or sent twice (a proxy that
 * appends to a client's own header instead of replacing it) names nobody, and the review API
 * then refuses writes.
 */
export function proxyUser(header: string): Middleware {
  return (req, _res, next) => {
    const name = onlyValue(req, header)?.trim() ?? ''
    if (name !== '' && [...name].length <= MAX_USER_NAME_LENGTH) setAuthenticatedUser(req, name)
    next()
  }
}

/** The header's value if it came exactly once (rawHeaders: Node joins repeated ones). */
function onlyValue(req: IncomingMessage, header: string): string | undefined {
  let value: string | undefined
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== header) continue
    if (value !== undefined) return undefined
    value = req.rawHeaders[i + 1]!
  }
  return value
}
