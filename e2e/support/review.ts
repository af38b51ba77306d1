import type { APIRequestContext } from '@playwright/test'
import { packSchema } from '../../contract/partner-api/pack'
import { packPath } from '../../contract/partner-api/paths'
import { fingerprintOf } from '../../contract/review-api/fingerprint'
import { reviewImagePath, reviewSignOffPath } from '../../contract/review-api/paths'

/**
 * Approves every image of a pack through the review API, as a reviewer's page would (the
 * fingerprint of the metadata the page shows), and optionally signs it off: the setup for
 * screens of a fully reviewed pack. `origin`: the app's, as the browser would send it.
 */
export async function approveAll(
  request: APIRequestContext,
  origin: string,
  packId: string,
  { reviewer, signOff = false }: { reviewer: string; signOff?: boolean },
): Promise<void> {
  const response = await request.get(packPath(packId))
  const pack = packSchema.parse(((await response.json()) as { data: unknown }).data)
  const headers = { origin }
  for (const image of pack.images) {
    const put = await request.put(reviewImagePath(packId, image.id), {
      headers,
      data: { decision: 'approved', fingerprint: fingerprintOf(image), reviewer },
    })
    if (!put.ok()) throw new Error(`Approving ${image.id}: ${put.status()} ${await put.text()}`)
  }
  if (!signOff) return
  const signed = await request.put(reviewSignOffPath(packId), { headers, data: { reviewer } })
  if (!signed.ok()) throw new Error(`Signing off: ${signed.status()} ${await signed.text()}`)
}
