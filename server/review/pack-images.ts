import type { IncomingMessage } from 'node:http'
import { packImageParser, packOutlineSchema } from '../../contract/partner-api/pack.ts'
import { packPath } from '../../contract/partner-api/paths.ts'
import { fingerprintOf } from '../../contract/review-api/fingerprint.ts'
import { upstreamRequestHeaders } from '../proxy/headers.ts'
import { DEFAULT_MAX_BODY_BYTES } from '../proxy/proxy.ts'
import { contentCoding, decode, readCapped } from '../proxy/read-body.ts'
import { callUpstream } from '../proxy/upstream-client.ts'
import type { PackImageFingerprint } from './sign-off-store.ts'

/**
 * The pack's images as the Partner API has them now, each with the fingerprint the pack
 * page computes; 'not_found' when it has no such pack. Throws when it cannot say (down,
 * slow, an error, an answer that is not a pack).
 */
export type LoadPackImages = (
  packId: string,
  req: IncomingMessage,
  signal: AbortSignal,
) => Promise<PackImage[] | 'not_found'>

/** An image of the pack: its fingerprint, and its URL as the API has it (null: none). */
export interface PackImage extends PackImageFingerprint {
  url: string | null
}

/** Where the proxy sends Get Pack, and with what: the same upstream the page reads. */
export interface PackImageSource {
  baseUrl: string
  token: string
  timeoutMs: number
  /** The demo API: its image URLs (and so the fingerprints) carry the browser's origin. */
  forwardOrigin: boolean
}

export function createPackImageLoader(source: PackImageSource): LoadPackImages {
  return async (packId, req, signal) => {
    const target = new URL(packPath(packId), source.baseUrl)
    const { response, result } = await callUpstream(
      {
        target,
        method: 'GET',
        headers: upstreamRequestHeaders(req, source.token, source.forwardOrigin),
        timeoutMs: source.timeoutMs,
        signal,
      },
      async (answer) => {
        const raw = await readCapped(answer, DEFAULT_MAX_BODY_BYTES)
        return (await decode(raw, contentCoding(answer), DEFAULT_MAX_BODY_BYTES)) ?? raw
      },
    )
    const status = response.statusCode ?? 0
    if (status === 404) return 'not_found'
    if (status < 200 || status > 299) throw new Error(`Get Pack answered ${status}`)
    // Read as the page reads it (contract/partner-api/pack.ts), so the fingerprints agree.
    const envelope = JSON.parse(result.toString('utf8')) as { data?: unknown } | null
    const outline = packOutlineSchema.safeParse(envelope?.data)
    if (!outline.success) throw new Error('Get Pack answered something other than a pack')
    return outline.data.images.map((value) => {
      const image = packImageParser.safeParse(value)
      if (!image.success) throw new Error('Get Pack answered an image the page cannot read')
      return { id: image.data.id, url: image.data.url, fingerprint: fingerprintOf(image.data) }
    })
  }
}
