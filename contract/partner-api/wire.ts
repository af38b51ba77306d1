/**
 * The payloads as the Partner API sends them, and builders for them, shared by the demo API's
 * fixtures, unit tests and the e2e test upstream. They are wire JSON, not parsed types, with
 * extra fields allowed: the API may add some, and tests build payloads the contract does not
 * promise. How the app reads them is in pack.ts and pack-list.ts.
 */

export interface WireMetadata {
  status?: string | null
  description?: string | null
  keywords?: string[]
  model?: string | null
  generated_at?: string | null
  error?: string | null
  [extra: string]: unknown
}

export interface WireImage {
  id: string
  url: string | null
  metadata?: WireMetadata | null
  [extra: string]: unknown
}

export interface WirePack {
  id: string
  name: string
  image_count: number
  is_public: boolean
  created_at: string
  images: WireImage[]
  [extra: string]: unknown
}

/** A deterministic UUID-shaped id from a number, so fixtures stay stable across runs. */
export function fakeUuid(n: number, prefix = 'c0ffee00'): string {
  const hex = n.toString(16).padStart(12, '0')
  return `${prefix}-0000-4000-8000-${hex}`
}

export function createMetadata(overrides: Partial<WireMetadata> = {}): WireMetadata {
  return {
    status: 'completed',
    description: 'A sunlit mountain lake at dusk with pine trees along the shore.',
    keywords: ['mountain', 'lake', 'sunset', 'nature'],
    model: 'gpt-4.1-nano',
    generated_at: '2026-02-17T11:02:00.000Z',
    error: null,
    ...overrides,
  }
}

export function pendingMetadata(overrides: Partial<WireMetadata> = {}): WireMetadata {
  return createMetadata({
    status: 'pending',
    description: null,
    keywords: [],
    generated_at: null,
    ...overrides,
  })
}

export function failedMetadata(error: string, overrides: Partial<WireMetadata> = {}): WireMetadata {
  return createMetadata({
    status: 'failed',
    description: null,
    keywords: [],
    generated_at: null,
    error,
    ...overrides,
  })
}

let imageSeq = 0

export function createImage(overrides: Partial<WireImage> = {}): WireImage {
  imageSeq += 1
  return {
    id: fakeUuid(imageSeq, 'a1b2c3d4'),
    url: `https://cdn.example.com/packs/test/${String(imageSeq).padStart(3, '0')}.jpg`,
    metadata: createMetadata(),
    ...overrides,
  }
}

export function createPack(overrides: Partial<WirePack> = {}): WirePack {
  const images = overrides.images ?? [createImage(), createImage()]
  return {
    id: '11111111-1111-1111-1111-111111111111',
    name: 'Motivation Pack',
    image_count: images.length,
    is_public: false,
    created_at: '2026-02-14T09:00:00.000Z',
    ...overrides,
    images,
  }
}
