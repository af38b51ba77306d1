/**
 * Returns the URL when it is an absolute `http:`/`https:` URL, else null. Relative and
 * protocol-relative URLs are refused too: an API value must say where it points.
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  // URL parsing strips leading control characters and whitespace; a value that needed
  // that stripping is not one we pass on.
  if (!/^https?:\/\//i.test(value)) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
