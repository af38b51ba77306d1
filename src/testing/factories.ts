/**
 * Builders for Partner API payloads, shared by unit tests, the e2e test upstream and the
 * demo API. They produce wire JSON (what the API sends), not parsed types, so tests can
 * also build payloads the contract does not promise.
 */

export interface WireImage {
  id: string
  url: string | null
  metadata?: WireMetadata | null
  [extra: string]: unknown
}

export interface WireMetadata {
  status?: string | null
  description?: string | null
  keywords?: string[]
  model?: string | null
  generated_at?: string | null
  error?: string | null
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

export function okEnvelope<T>(data: T, message = 'Pack retrieved') {
  return { ok: true as const, code: 200, message, data }
}

export function errorEnvelope(code: number, message: string, errorCode?: string) {
  return {
    ok: false as const,
    code,
    message,
    ...(errorCode === undefined ? {} : { error_code: errorCode }),
  }
}

/** The documented failures of Get Pack, one per HTTP status. */
export const DOCUMENTED_ERRORS = {
  400: errorEnvelope(400, 'Pack ID is required', 'missing_pack_id'),
  401: errorEnvelope(401, 'API key not found', 'invalid_token'),
  402: errorEnvelope(
    402,
    'An active Creator, Professional or Business subscription is required',
    'subscription_required',
  ),
  403: errorEnvelope(403, 'Scheduler tier cannot use the Partner API', 'tier_not_allowed'),
  404: errorEnvelope(404, 'Pack not found', 'not_found'),
  429: errorEnvelope(429, 'Too many requests', 'rate_limited'),
  500: errorEnvelope(500, 'Failed to retrieve pack', 'pack_get_failed'),
} as const
