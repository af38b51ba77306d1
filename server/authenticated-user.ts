import type { IncomingMessage } from 'node:http'

const users = new WeakMap<IncomingMessage, string>()

/**
 * Who the server knows a request to be from: the Basic-auth user, or the name the
 * authenticating proxy sent. Set by the middleware that checked it, read by whatever records
 * who did what; a request nobody authenticated has none.
 */
export function setAuthenticatedUser(req: IncomingMessage, name: string): void {
  users.set(req, name)
}

export function authenticatedUser(req: IncomingMessage): string | null {
  return users.get(req) ?? null
}
