import { parsePasswordHash, type PasswordHash } from './password-hash.ts'

/** A reviewer's name is recorded with each decision: the review API's limit. */
export const MAX_USER_NAME_LENGTH = 100

export interface UsersFile {
  path: string
  /** User name → their password's scrypt hash. */
  users: ReadonlyMap<string, PasswordHash>
}

/**
 * Why a name cannot be a Basic-auth user, or null if it can: RFC 7617 keeps colons out of
 * it, and it is shown and recorded as the reviewer, so no control characters or edge spaces.
 */
export function userNameProblem(name: string): string | null {
  if (name === '') return 'the user name is empty'
  if (name.includes(':')) return 'a user name cannot hold a colon'
  if (/\p{Cc}/u.test(name)) return 'a user name cannot hold control characters'
  if (name !== name.trim()) return 'a user name cannot start or end with a space'
  if ([...name].length > MAX_USER_NAME_LENGTH) {
    return `a user name is at most ${MAX_USER_NAME_LENGTH} characters`
  }
  return null
}

/**
 * PACK_EXPLORER_USERS_FILE: one `user:$scrypt$...` a line; blank lines and `#` comments are
 * skipped. Throws on the first line it cannot take, naming the file and the line number but
 * never the line (it holds a hash).
 */
export function parseUsersFile(text: string, path: string): UsersFile {
  const users = new Map<string, PasswordHash>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const fail = (why: string) => {
      throw new Error(`PACK_EXPLORER_USERS_FILE ${path}, line ${index + 1}: ${why}.`)
    }
    const colon = line.indexOf(':')
    if (colon === -1) fail('not user:<scrypt hash>')
    const name = line.slice(0, colon)
    const problem = userNameProblem(name)
    if (problem) fail(problem)
    const hash = parsePasswordHash(line.slice(colon + 1))
    if (!hash) fail('the hash is not $scrypt$ln=<n>,r=<n>,p=<n>$<salt>$<hash> (npm run user:add)')
    if (users.has(name)) fail(`${name} is already on an earlier line`)
    users.set(name, hash!)
  })
  return { path, users }
}

/**
 * The file with `name`'s line set to `hash`: in place of their line if they have one,
 * otherwise at the end. Comments, blank lines and other users stay as they were.
 */
export function withUser(text: string, name: string, hash: string): string {
  const line = `${name}:${hash}`
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/)
  const at = lines.findIndex((existing) => existing.trim().startsWith(`${name}:`))
  if (at === -1) lines.push(line)
  else lines[at] = line
  return `${lines.join('\n')}\n`
}
