import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BasicAuthCredentials } from './production-config.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export const BASIC_AUTH_CHALLENGE = 'Basic realm="Pack Explorer", charset="UTF-8"'

/** Fixed-length digests, so the comparison takes the same time whatever the lengths. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/** HTTP Basic auth (RFC 7617) with one user; every other answer is a 401 challenge. */
export function basicAuth(expected: BasicAuthCredentials): Middleware {
  const user = digest(expected.user)
  const password = digest(expected.password)
  return (req, res, next) => {
    const given = parse(req.headers.authorization)
    // Both compared every time: which half was wrong must not show in the timing.
    const userOk = timingSafeEqual(user, digest(given?.user ?? ''))
    const passwordOk = timingSafeEqual(password, digest(given?.password ?? ''))
    if (given && userOk && passwordOk) return next()
    const body = 'Authentication required.\n'
    res.writeHead(401, {
      'www-authenticate': BASIC_AUTH_CHALLENGE,
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}

function parse(header: string | undefined): BasicAuthCredentials | null {
  const match = /^basic +([a-z0-9+/=]+) *$/i.exec(header ?? '')
  if (!match) return null
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return null
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}
