/**
 * Returns the URL when it is an absolute `http:`/`https:` URL, else null. Relative and
 * protocol-relative URLs are refused too: an API value must say where it points.
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  // URL parsing strips leading control characters and whitespace; a value that needed
  // that stripping is not one we pass on.
  if (!/^https?:\/\//i.test(value)) return null
  // Fast path, for the thousands of URLs of a big pack: one that the URL parser would leave
  // as it is needs no parsing, only its scheme and host checked once per pack.
  // Path and query: characters it never encodes, no dot segments (no fragment, no quote).
  const slash = value.indexOf('/', 8)
  const rest = slash > 0 ? value.slice(slash) : ''
  if (
    /^\/[\w\-.~!$&()*+,;=:@%/]*(\?[\w\-.~!$&()*+,;=:@%/?]*)?$/.test(rest) &&
    !/\/(\.|%2e)/i.test(rest)
  ) {
    const origin = value.slice(0, slash + 1)
    let canonical = canonicalOrigins.get(origin)
    if (canonical === undefined) {
      canonical = parse(origin) === origin
      if (canonicalOrigins.size < 100) canonicalOrigins.set(origin, canonical)
    }
    if (canonical) return value
  }
  return parse(value)
}

const canonicalOrigins = new Map<string, boolean>()

function parse(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
