import type { IncomingMessage, ServerResponse } from 'node:http'
import { createAuthLimiter, type FailedLogin } from './auth-limiter.ts'
import { setAuthenticatedUser } from './authenticated-user.ts'
import type { Log } from './json-log.ts'
import type { PasswordCheck } from './password-check.ts'
import type { BasicAuthCredentials } from './production-config.ts'
import { isApiPath, sendRefusal } from './refusal.ts'
import { API_SECURITY_HEADERS } from './security-headers.ts'

/** `ip` is Express's `req.ip`: the socket's address, or the trusted proxy's X-Forwarded-For. */
type AuthRequest = IncomingMessage & { ip?: string }
type Middleware = (req: AuthRequest, res: ServerResponse, next: (error?: unknown) => void) => void

export const BASIC_AUTH_CHALLENGE = 'Basic realm="Pack Explorer", charset="UTF-8"'

/**
 * HTTP Basic auth (RFC 7617) for the users `check` knows (password-check.ts); every other
 * answer is a 401 challenge, and a request let in carries its user (authenticated-user.ts).
 * Wrong passwords are limited per client address (auth-limiter.ts): past the limit, every
 * request from it gets 429 until its window runs out, the right password too, so a guesser
 * learns nothing from which guess was let through.
 */
export function basicAuth(check: PasswordCheck, log: Log): Middleware {
  const limiter = createAuthLimiter()
  const report = (failed: FailedLogin | null) => {
    if (failed) log('warn', 'failed Basic-auth attempts', { component: 'basic-auth', ...failed })
  }
  return (req, res, next) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? ''
    const lockedFor = limiter.lockedFor(ip)
    if (lockedFor > 0) {
      report(limiter.refused(ip))
      return sendRefusal(
        req,
        res,
        429,
        'too_many_failed_logins',
        'Too many wrong passwords from this address. Try again later.',
        { 'retry-after': String(lockedFor) },
      )
    }
    const given = parse(req.headers.authorization)
    const letIn = (user: string) => {
      limiter.succeed(ip)
      setAuthenticatedUser(req, user)
      next()
    }
    // No credentials is a browser's first request, not a guess.
    if (!given) {
      if (req.headers.authorization !== undefined) report(limiter.fail(ip))
      return challenge(req, res)
    }
    if (check.remembered(given.user, given.password)) return letIn(given.user)
    // Counted before scrypt answers, or a guesser could send a thousand guesses at once
    // before the first is counted. The same credentials again, while they are checked, are
    // the same guess (a page's requests, all at once): counted once. Logged only if wrong.
    const failed = check.running(given.user, given.password) ? null : limiter.fail(ip)
    check.verify(given.user, given.password).then(
      (ok) => {
        if (ok) return letIn(given.user)
        report(failed)
        challenge(req, res)
      },
      (error: unknown) => next(error),
    )
  }
}

function challenge(req: AuthRequest, res: ServerResponse): void {
  const body = 'Authentication required.\n'
  res.writeHead(401, {
    'www-authenticate': BASIC_AUTH_CHALLENGE,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    // On /api, the API's own headers: no other site may load the challenge either.
    ...(isApiPath(req) ? API_SECURITY_HEADERS : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

function parse(header: string | undefined): BasicAuthCredentials | null {
  const match = /^basic +([a-z0-9+/=]+) *$/i.exec(header ?? '')
  if (!match) return null
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return null
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}
