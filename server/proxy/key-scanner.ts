/**
 * Finds the server's key in text the upstream sent, in the forms an echo of the request
 * would carry it: as it is and its secret half (after the first `.`), URL-encoded, in
 * base64 (standard and URL-safe, at any offset of a longer encoded string, as in a
 * base64'd `Authorization` header), inside JSON string escapes, in any letter case.
 */
export interface KeyScanner {
  /** True when `text` (a string, or a body's bytes as UTF-8) holds the key in one of its forms. */
  finds: (text: string | Buffer) => boolean
  /**
   * `text` with each form replaced by `[redacted]`; `[redacted]` alone when the key is still
   * found after that (an escape or encoding no literal form covers).
   */
  redact: (text: string) => string
}

export const REDACTED = '[redacted]'

/** A secret half shorter than this would match ordinary text; the whole key is still checked. */
const MIN_SECRET_LENGTH = 8

export function keyScanner(token: string): KeyScanner {
  const secrets = [token]
  const secretHalf = token.includes('.') ? token.slice(token.indexOf('.') + 1) : ''
  if (secretHalf.length >= MIN_SECRET_LENGTH) secrets.push(secretHalf)
  // Longest first, so that the whole key is redacted before its half is looked for.
  const forms = [...new Set(secrets.flatMap(formsOf))]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length)
  // Searched for in the folded text (see fold): percent-encoding is undone there, so the
  // URL-encoded forms are covered by the plain ones.
  const folded = [...new Set(forms.map((form) => fold(Buffer.from(form)).toString('latin1')))].map(
    (form) => Buffer.from(form, 'latin1'),
  )
  const patterns = forms.map((form) => new RegExp(escapeRegExp(form), 'gi'))

  const finds = (text: string | Buffer): boolean => {
    const haystack = fold(typeof text === 'string' ? Buffer.from(text) : text)
    return folded.some((form) => haystack.includes(form))
  }

  return {
    finds,
    redact(text) {
      let redacted = text
      for (const pattern of patterns) redacted = redacted.replace(pattern, REDACTED)
      return finds(redacted) ? REDACTED : redacted
    },
  }
}

function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const base64 = [0, 1, 2].map((offset) => base64Inside(bytes, offset))
  const urlSafe = base64.map((text) => text.replaceAll('+', '-').replaceAll('/', '_'))
  return [secret, encodeURIComponent(secret), ...base64, ...urlSafe]
}

/**
 * The base64 characters that `bytes` alone decide when they start `offset` bytes (0-2, mod 3)
 * into a longer encoded string: the characters shared with its neighbours are left out.
 */
function base64Inside(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
  return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6))
}

const PERCENT = 0x25
const BACKSLASH = 0x5c

/**
 * The bytes with ASCII letters lowercased and the escapes that could hide the key undone:
 * `%XX`, JSON's `\uXXXX` (an ASCII one becomes its byte, any other a NUL, since the key is
 * looked for in ASCII) and `\/`. One pass over bytes, outside the JS heap: a pack can be
 * megabytes, and several are checked at once.
 */
function fold(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length)
  let length = 0
  for (let i = 0; i < bytes.length; i += 1) {
    let byte = bytes[i]!
    if (byte === PERCENT && isHex(bytes, i + 1, 2)) {
      byte = parseInt(bytes.toString('latin1', i + 1, i + 3), 16)
      i += 2
    } else if (byte === BACKSLASH && bytes[i + 1] === 0x75 && isHex(bytes, i + 2, 4)) {
      const code = parseInt(bytes.toString('latin1', i + 2, i + 6), 16)
      byte = code < 0x80 ? code : 0
      i += 5
    } else if (byte === BACKSLASH && bytes[i + 1] === 0x2f) {
      byte = 0x2f
      i += 1
    }
    out[length++] = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte
  }
  return out.subarray(0, length)
}

function isHex(bytes: Buffer, start: number, count: number): boolean {
  if (start + count > bytes.length) return false
  for (let i = start; i < start + count; i += 1) {
    const byte = bytes[i]!
    const hex =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x46) ||
      (byte >= 0x61 && byte <= 0x66)
    if (!hex) return false
  }
  return true
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}
