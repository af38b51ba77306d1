import { errorEnvelope } from '../../contract/partner-api/envelope.ts'
import { DOCUMENTED_ERRORS } from '../../contract/partner-api/errors.ts'
import {
  createMetadata,
  failedMetadata,
  fakeUuid,
  pendingMetadata,
  type WireImage,
  type WireMetadata,
  type WirePack,
} from '../../contract/partner-api/wire.ts'
import { DEMO_SHAPES, demoScenes, type DemoScene } from './scenes.ts'

/** Image URLs in fixtures are paths; the demo API prefixes the app's origin when serving. */
export const DEMO_IMAGE_PATH = '/demo-images/'

/**
 * Files uploaded to the demo: PUT on the demo API's own origin (the upload URL), and served
 * on the app's origin (the file's URL), with the same path.
 */
export const DEMO_UPLOAD_PATH = '/demo-uploads/'

export const DEMO_PACK_IDS = {
  motivation: '11111111-1111-1111-1111-111111111111',
  mixed: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e01',
  empty: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e02',
  countMismatch: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e03',
  large: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e04',
  generating: '5e7d1c2a-4b3f-4e8a-9c61-0d2f7a9b1e05',
} as const

export interface ReservedError {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** Raw body for answers that are not JSON envelopes. */
  raw?: string
  description: string
}

/** IDs that always fail, so every error screen can be seen without a real account. */
export const DEMO_ERROR_IDS: Record<string, ReservedError> = {
  '00000000-0000-4000-8000-000000000400': {
    status: 400,
    body: DOCUMENTED_ERRORS[400],
    description: '400 missing_pack_id',
  },
  '00000000-0000-4000-8000-000000000401': {
    status: 401,
    body: DOCUMENTED_ERRORS[401],
    description: '401 invalid_token',
  },
  '00000000-0000-4000-8000-000000000402': {
    status: 402,
    body: DOCUMENTED_ERRORS[402],
    description: '402 subscription_required',
  },
  '00000000-0000-4000-8000-000000000403': {
    status: 403,
    body: DOCUMENTED_ERRORS[403],
    description: '403 tier_not_allowed',
  },
  '00000000-0000-4000-8000-000000004030': {
    status: 403,
    body: errorEnvelope(403, 'This key cannot read this pack', 'forbidden'),
    description: '403 forbidden (any other 403)',
  },
  '00000000-0000-4000-8000-000000000404': {
    status: 404,
    body: DOCUMENTED_ERRORS[404],
    description: '404 not_found',
  },
  '00000000-0000-4000-8000-000000000429': {
    status: 429,
    body: DOCUMENTED_ERRORS[429],
    headers: { 'retry-after': '1' },
    description: '429 rate_limited, Retry-After: 1 (every try)',
  },
  '00000000-0000-4000-8000-000000000500': {
    status: 500,
    body: DOCUMENTED_ERRORS[500],
    description: '500 pack_get_failed',
  },
  '00000000-0000-4000-8000-000000000503': {
    status: 503,
    body: null,
    raw: '<html><body><h1>503 Service Unavailable</h1></body></html>',
    headers: { 'content-type': 'text/html' },
    description: '503 with an HTML body (no envelope)',
  },
  '00000000-0000-4000-8000-000000000299': {
    status: 200,
    body: {
      ok: true,
      code: 200,
      message: 'Pack retrieved',
      data: { id: '00000000-0000-4000-8000-000000000299', name: 'Broken', images: [{ url: 'x' }] },
    },
    description: '200 whose body breaks the contract (image without id)',
  },
}

/**
 * An image showing `scene`. Generated packs pass `copy`, their image's number: it makes each
 * URL its own (`?image=<n>`, which the static server ignores), as every upload's is in a real
 * pack, so `Duplicate URL` flags only what the hand-made packs set out to repeat.
 */
function sceneImage(
  id: string,
  scene: DemoScene,
  metadata: WireMetadata | null | undefined,
  copy?: number,
): WireImage {
  const query = copy === undefined ? '' : `?image=${copy}`
  const image: WireImage = { id, url: DEMO_IMAGE_PATH + scene.file + query }
  if (metadata !== undefined) image.metadata = metadata
  return image
}

function scene(index: number): DemoScene {
  return demoScenes[index % demoScenes.length]!
}

function completed(sceneIndex: number, minutesAfter: number, model = 'gpt-4.1-nano'): WireMetadata {
  const s = scene(sceneIndex)
  return createMetadata({
    description: s.description,
    keywords: s.keywords,
    model,
    generated_at: new Date(
      Date.parse('2026-11-20T09:00:00.000Z') + minutesAfter * 60_000,
    ).toISOString(),
  })
}

function motivationPack(): WirePack {
  return {
    id: DEMO_PACK_IDS.motivation,
    name: 'Motivation Pack',
    image_count: 2,
    is_public: false,
    created_at: '2026-02-14T09:00:00.000Z',
    images: [
      sceneImage('22222222-2222-2222-2222-222222222222', scene(0), {
        status: 'completed',
        description: 'Woman lifting dumbbells in a bright, minimal gym environment.',
        keywords: ['fitness', 'workout', 'strength', 'gym', 'motivation', 'healthy lifestyle'],
        model: 'gpt-4.1-nano',
        generated_at: '2026-02-17T11:02:00.000Z',
        error: null,
      }),
      sceneImage('33333333-3333-3333-3333-333333333333', scene(1), pendingMetadata()),
    ],
  }
}

const mixedImageId = (n: number) => fakeUuid(n, '7a3f9c10')

function mixedPack(): WirePack {
  const id = mixedImageId
  const images: WireImage[] = [
    sceneImage(id(1), scene(2), completed(2, 1)),
    sceneImage(id(2), scene(3), completed(3, 2)),
    sceneImage(id(3), scene(4), pendingMetadata()),
    sceneImage(id(4), scene(5), pendingMetadata({ status: 'processing' })),
    sceneImage(
      id(5),
      scene(6),
      failedMetadata('Image could not be downloaded (HTTP 403 from storage).'),
    ),
    sceneImage(id(6), scene(7), completed(7, 3, 'gpt-4.1-mini')),
    // An older API revision sent images without metadata at all.
    sceneImage(id(7), scene(8), undefined),
    // A status this dashboard has never heard of.
    sceneImage(id(8), scene(9), pendingMetadata({ status: 'queued_for_review' })),
    sceneImage(
      id(9),
      scene(10),
      failedMetadata('Content policy: the model declined to describe this image.'),
    ),
    sceneImage(id(10), scene(11), completed(11, 4)),
    sceneImage(
      id(11),
      scene(12),
      failedMetadata('Image could not be downloaded (HTTP 403 from storage).', { status: 'error' }),
    ),
    sceneImage(id(12), scene(13), { ...completed(13, 5), description: null }),
    sceneImage(id(13), scene(14), { ...completed(14, 6), keywords: [], confidence: 0.42 }),
    sceneImage(id(14), scene(15), pendingMetadata({ status: 'processing' })),
    // Points at a file that does not exist: the card shows its broken-image placeholder.
    { id: id(15), url: `${DEMO_IMAGE_PATH}missing-upload.jpg`, metadata: completed(16, 7) },
    sceneImage(id(16), scene(17), completed(17, 8)),
  ]
  return {
    id: DEMO_PACK_IDS.mixed,
    name: 'Summer Launch Campaign',
    image_count: images.length,
    is_public: true,
    created_at: '2026-11-19T15:30:00.000Z',
    images,
    owner_workspace: 'Demo Workspace',
  }
}

/**
 * A 9:16 and a 16:9 image of the mixed pack, with their pixel sizes: for tests that check an
 * image is shown in its own shape.
 */
export const DEMO_ASPECT_SAMPLES = {
  portrait: { imageId: mixedImageId(2), position: 2, ...DEMO_SHAPES['9:16'] },
  landscape: { imageId: mixedImageId(1), position: 1, ...DEMO_SHAPES['16:9'] },
} as const

function countMismatchPack(): WirePack {
  const images = Array.from({ length: 9 }, (_, i) =>
    sceneImage(fakeUuid(i + 1, '3c5e7a90'), scene(i + 5), completed(i + 5, i)),
  )
  return {
    id: DEMO_PACK_IDS.countMismatch,
    name: 'Spring Lookbook',
    image_count: 12,
    is_public: false,
    created_at: '2026-03-02T08:15:00.000Z',
    images,
  }
}

/** `5e7d1c2a-0000-4000-8000-<size, 12 digits>`: a generated pack of that many images. */
const SIZED_PACK = /^5e7d1c2a-0000-4000-8000-(\d{12})$/
export const MAX_SIZED_PACK = 20_000

export function sizedPackId(size: number): string {
  return `5e7d1c2a-0000-4000-8000-${String(size).padStart(12, '0')}`
}

/** How many images the generated pack an id asks for has; null for other ids. */
export function sizedPackSize(packId: string): number | null {
  const size = Number(SIZED_PACK.exec(packId)?.[1] ?? Number.NaN)
  return Number.isInteger(size) && size >= 1 && size <= MAX_SIZED_PACK ? size : null
}

/** The generated pack an id asks for, for benchmarks and budgets; null for other ids. */
export function sizedPack(packId: string): WirePack | null {
  const size = sizedPackSize(packId)
  if (size === null) return null
  return {
    ...largePack(size),
    id: packId,
    name: `Generated Pack (${size.toLocaleString('en-US')} images)`,
  }
}

function largePack(size: number): WirePack {
  const images = Array.from({ length: size }, (_, i) => {
    const id = fakeUuid(i + 1, '9d0e1f20')
    const n = i + 1
    if (i % 97 === 13) {
      return sceneImage(
        id,
        scene(i),
        failedMetadata('Model timed out while generating metadata.'),
        n,
      )
    }
    if (i % 53 === 7) return sceneImage(id, scene(i), pendingMetadata(), n)
    if (i % 71 === 5) return sceneImage(id, scene(i), pendingMetadata({ status: 'processing' }), n)
    return sceneImage(id, scene(i), completed(i, i), n)
  })
  return {
    id: DEMO_PACK_IDS.large,
    name: 'Stock Library 2026',
    image_count: size,
    is_public: true,
    created_at: '2026-01-05T10:00:00.000Z',
    images,
  }
}

const GENERATING_STEP_MS = 8_000

/**
 * A fresh upload whose metadata is still being generated: one more image completes every
 * 8 seconds after the demo API started, so the pack page's live progress can be watched.
 */
export function generatingPack(elapsedMs: number, now = Date.now()): WirePack {
  const startedAt = now - elapsedMs
  const done = Math.floor(elapsedMs / GENERATING_STEP_MS)
  const images = Array.from({ length: 12 }, (_, i) => {
    const id = fakeUuid(i + 1, '6b8d0f21')
    if (i < done) {
      const generatedAt = new Date(startedAt + (i + 1) * GENERATING_STEP_MS).toISOString()
      return sceneImage(
        id,
        scene(i + 3),
        { ...completed(i + 3, i), generated_at: generatedAt },
        i + 1,
      )
    }
    return sceneImage(
      id,
      scene(i + 3),
      pendingMetadata({ status: i === done ? 'processing' : 'pending' }),
      i + 1,
    )
  })
  return {
    id: DEMO_PACK_IDS.generating,
    name: 'Autumn Upload (generating)',
    image_count: images.length,
    is_public: false,
    // Uploaded just before the demo started, as if the user had just added these images.
    created_at: new Date(startedAt - 60_000).toISOString(),
    images,
  }
}

const CATALOG_THEMES = [
  'Autumn Sale',
  'Coffee Shop',
  'Fitness Challenge',
  'Pet Adoption',
  'Travel Diaries',
  'Book Club',
  'Garden Party',
  'City Nights',
  'Beach Days',
  'Winter Warmers',
  'Product Launch',
  'Team Offsite',
]
const CATALOG_SIZE = 36

/**
 * Small packs that fill the browse list past one page (24 a page): every theme three times,
 * a third of them public, created a day apart.
 */
function catalogPacks(): WirePack[] {
  return Array.from({ length: CATALOG_SIZE }, (_, i) => {
    const size = 3 + ((i * 7) % 22)
    const images = Array.from({ length: size }, (_, j) =>
      sceneImage(fakeUuid(i * 100 + j + 1, '4a7c9e11'), scene(i + j), completed(i + j, j), j + 1),
    )
    return {
      id: fakeUuid(i + 1, '7c1d3e50'),
      name: `${CATALOG_THEMES[i % CATALOG_THEMES.length]} ${Math.floor(i / CATALOG_THEMES.length) + 1}`,
      image_count: size,
      is_public: i % 3 === 0,
      created_at: new Date(Date.parse('2026-10-01T09:00:00.000Z') + i * 86_400_000).toISOString(),
      images,
    }
  })
}

export function demoPacks(): Map<string, WirePack> {
  const packs = [
    ...catalogPacks(),
    motivationPack(),
    mixedPack(),
    {
      id: DEMO_PACK_IDS.empty,
      name: 'Empty Draft Pack',
      image_count: 0,
      is_public: false,
      created_at: '2026-11-27T17:45:00.000Z',
      images: [],
    },
    countMismatchPack(),
    largePack(2000),
    generatingPack(0),
  ]
  return new Map(packs.map((pack) => [pack.id, pack]))
}

/** Offered on the lookup page in demo mode. */
export const DEMO_EXAMPLES = [
  { id: DEMO_PACK_IDS.motivation, name: 'Motivation Pack', note: 'The reference page’s example' },
  {
    id: DEMO_PACK_IDS.mixed,
    name: 'Summer Launch Campaign',
    note: 'Every status, failures, odd data',
  },
  { id: DEMO_PACK_IDS.large, name: 'Stock Library 2026', note: '2,000 images' },
  { id: DEMO_PACK_IDS.generating, name: 'Autumn Upload', note: 'Metadata arriving live' },
  { id: DEMO_PACK_IDS.empty, name: 'Empty Draft Pack', note: 'No images yet' },
  { id: DEMO_PACK_IDS.countMismatch, name: 'Spring Lookbook', note: 'Image count disagrees' },
  { id: '00000000-0000-4000-8000-000000000402', name: 'Error: 402', note: 'Subscription required' },
] as const
