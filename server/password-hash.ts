import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt's cost as a PHC string writes it: N = 2^ln, block size r, parallelism p. */
export interface ScryptParams {
  ln: number
  r: number
  p: number
}

export interface PasswordHash {
  params: ScryptParams
  salt: Buffer
  hash: Buffer
}

/**
 * N = 2^15, r = 8: 32 MiB and some 100 ms a check on one core. Each user's first request
 * pays it once (the server remembers a checked password), a guesser on every try; the
 * failed-login limit does the rest.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 1 }
const SALT_BYTES = 16
const HASH_BYTES = 32
/** Beyond these, one check would take seconds or gigabytes: a typo, or a file to distrust. */
const MAX_LN = 20
const MAX_R = 32
const MAX_P = 16

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/

/** `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, salt and hash in unpadded base64 (the PHC format). */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(password, { params, salt, hash: Buffer.alloc(HASH_BYTES) })
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`
}

/** The parts of a PHC scrypt string, or null if it is not one this server can check. */
export function parsePasswordHash(text: string): PasswordHash | null {
  const match = PHC.exec(text)
  if (!match) return null
  const [ln, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number]
  if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null
  const salt = Buffer.from(match[4]!, 'base64')
  const hash = Buffer.from(match[5]!, 'base64')
  if (salt.length < 8 || hash.length < 16) return null
  return { params: { ln, r, p }, salt, hash }
}

/** scrypt on libuv's thread pool (never the event loop), compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const derived = await derive(password, stored)
  return timingSafeEqual(derived, stored.hash)
}

function derive(password: string, { params, salt, hash }: PasswordHash): Promise<Buffer> {
  const N = 2 ** params.ln
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node refuses above 32 MiB by default; what these parameters need, with room.
    maxmem: 256 * N * params.r * params.p,
  }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, hash.length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '')
