import type { IncomingMessage } from 'node:http'
import { authenticatedUser } from './authenticated-user.ts'

export type ReviewerResult =
  { ok: true; name: string } | { ok: false; status: number; errorCode: string; message: string }

/**
 * Who a write is recorded as: the user the server authenticated (what the body says is then
 * ignored, so nobody can write in a colleague's name), else the name the person gave. Behind
 * an authenticating proxy (`proxyAuth`) a request without its user is refused: the proxy
 * always sends one, so its absence means the request did not come through it.
 */
export function reviewerOf(
  req: IncomingMessage,
  fromBody: string | undefined,
  mode: { proxyAuth: boolean },
): ReviewerResult {
  const user = authenticatedUser(req)
  if (user !== null) return { ok: true, name: user }
  if (mode.proxyAuth) {
    return {
      ok: false,
      status: 403,
      errorCode: 'reviewer_unknown',
      message: 'The authenticating proxy did not say who you are, so nothing was recorded.',
    }
  }
  const name = fromBody?.trim() ?? ''
  if (name === '') {
    return {
      ok: false,
      status: 422,
      errorCode: 'reviewer_required',
      message: 'Say who you are: the body needs a reviewer name.',
    }
  }
  return { ok: true, name }
}
