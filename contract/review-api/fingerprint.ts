import type { WireImage } from '../partner-api/wire.ts'

/** The fields a decision is made on: when any of them changes, the decision is outdated. */
type FingerprintedImage = Pick<WireImage, 'url'> & {
  [extra: string]: unknown
  metadata?: {
    [extra: string]: unknown
    status?: unknown
    description?: unknown
    keywords?: unknown
    model?: unknown
    generated_at?: unknown
    error?: unknown
  } | null
}

/**
 * A short, stable digest of what a reviewer saw: URL, status, description, keywords, model,
 * generated_at and error. It is not a secret, so a fast hash does: two 53-bit halves of
 * cyrb53 (a public-domain string hash) with different seeds. The `v1.` prefix names the
 * scheme; a new one would mark every stored decision outdated, so change it only on purpose.
 */
export function fingerprintOf(image: FingerprintedImage): string {
  const metadata = image.metadata ?? {}
  const text = JSON.stringify([
    image.url ?? null,
    metadata.status ?? null,
    metadata.description ?? null,
    metadata.keywords ?? null,
    metadata.model ?? null,
    metadata.generated_at ?? null,
    metadata.error ?? null,
  ])
  return `v1.${cyrb53(text, 0x9e3779b9)}${cyrb53(text, 0x85ebca6b)}`
}

function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
