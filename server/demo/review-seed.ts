import type { IncomingMessage } from 'node:http'
import { fingerprintOf } from '../../contract/review-api/fingerprint.ts'
import type { WireImage } from '../../contract/partner-api/wire.ts'
import type { DecisionItem } from '../review/review-store.ts'
import { DEMO_IMAGE_PATH, DEMO_PACK_IDS, demoPacks } from './fixtures.ts'

const DANA = 'Dana Reyes'
const SAM = 'Sam Okafor'

let mixedImages: WireImage[] | undefined

/**
 * The decisions the Summer Launch pack starts with in demo mode, so a newcomer sees the
 * review feature at once: a few approved, two rejected with reasons and a note, one changed
 * mind (two entries in its history) and one Outdated (made on metadata the image no longer
 * has). A decision's fingerprint covers the image URL, which the demo API makes absolute
 * with the browser's origin: so the seed is computed for the request that first reads the
 * pack, as the page will see the images.
 */
export function demoReviewSeed(packId: string, req: IncomingMessage): DecisionItem[] | null {
  if (packId !== DEMO_PACK_IDS.mixed) return null
  mixedImages ??= demoPacks().get(DEMO_PACK_IDS.mixed)?.images ?? []
  const origin = requestOrigin(req)
  const byNumber = (n: number) => {
    const image = mixedImages![n - 1]!
    return image.url?.startsWith(DEMO_IMAGE_PATH) ? { ...image, url: origin + image.url } : image
  }
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)
  const item = (
    n: number,
    decision: DecisionItem['decision'],
    reviewer: string,
    hours: number,
    extra: Partial<DecisionItem> = {},
  ): DecisionItem => {
    const image = byNumber(n)
    return {
      imageId: image.id,
      decision,
      reasons: [],
      note: null,
      reviewer,
      fingerprint: fingerprintOf(image),
      undo: false,
      decidedAt: hoursAgo(hours),
      ...extra,
    }
  }
  const outdated = byNumber(10)
  return [
    item(1, 'rejected', SAM, 26, {
      reasons: ['missing-detail'],
      note: 'Does not name the product.',
    }),
    item(1, 'approved', DANA, 3),
    item(2, 'approved', SAM, 5),
    item(6, 'approved', DANA, 4),
    item(12, 'rejected', SAM, 2, {
      reasons: ['missing-detail', 'wrong-description'],
      note: 'No description at all: regenerate before the launch.',
    }),
    item(13, 'rejected', DANA, 1, {
      reasons: ['bad-keywords'],
      note: 'Keywords are empty; it needs at least beach and summer.',
    }),
    {
      ...item(10, 'approved', SAM, 30),
      // Approved on an earlier description, before the metadata was generated again.
      fingerprint: fingerprintOf({
        ...outdated,
        metadata: { ...(outdated.metadata ?? {}), description: 'A beach at noon.' },
      }),
    },
  ]
}

/** The origin the browser used, by the proxy's rule (server/proxy/headers.ts). */
function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return 'http://localhost:5173'
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true
  const proto = (req as { protocol?: string }).protocol ?? (encrypted ? 'https' : 'http')
  return `${proto === 'https' ? 'https' : 'http'}://${host}`
}
