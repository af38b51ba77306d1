import type { IncomingMessage } from 'node:http'
import { authenticatedUser } from './authenticated-user.ts'

/**
 * Who may change packs through the proxy: everyone who reaches the server, nobody, or the
 * named signed-in users.
 */
export type WriteAccess = 'all' | 'none' | { users: ReadonlySet<string> }

/**
 * PACK_EXPLORER_WRITE_ACCESS for `npm start`: unset or empty is `none`; `all`; or a comma list
 * of user names. Names are the signed-in users (Basic auth or the authenticating proxy's
 * header), so a list needs one of those (`signIn`): without it nobody could ever match.
 */
export function parseWriteAccess(value: string | undefined, signIn: boolean): WriteAccess {
  const text = value?.trim() ?? ''
  if (text === '' || text.toLowerCase() === 'none') return 'none'
  if (text.toLowerCase() === 'all') return 'all'
  const names = text.split(',').map((name) => name.trim())
  if (names.some((name) => name === '')) {
    throw new Error(
      `PACK_EXPLORER_WRITE_ACCESS must be all, none or a comma list of user names, got "${text}".`,
    )
  }
  if (!signIn) {
    throw new Error(
      'PACK_EXPLORER_WRITE_ACCESS names users, but nobody signs in: set PACK_EXPLORER_BASIC_AUTH, ' +
        'PACK_EXPLORER_USERS_FILE or PACK_EXPLORER_TRUST_PROXY_AUTH, or use all.',
    )
  }
  return { users: new Set(names) }
}

/** Whether this request may write. A listed name counts only as the signed-in user's. */
export function mayWrite(access: WriteAccess, req: IncomingMessage): boolean {
  if (access === 'all') return true
  if (access === 'none') return false
  const user = authenticatedUser(req)
  return user !== null && access.users.has(user)
}
