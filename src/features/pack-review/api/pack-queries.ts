import { queryOptions } from '@tanstack/react-query'
import { apiGet } from '@/lib/api-client'
import { takeEarlyRequest } from './early-pack-request'
import { parseInSlices, yieldToMain } from '@/lib/slices'
import { facetsOf, type Facets } from '@/features/pack-review/lib/pack-filters'
import { packPath } from '@contract/partner-api/paths'
import { countUrls, reviewImage, type ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import { packImageParser, packOutlineSchema, type Pack } from '@contract/partner-api/pack'

/** A pack as the page shows it: validated, with what review derives from it. */
export type LoadedPack = Pack & {
  reviewed: readonly ReviewedImage[]
  /** Counts before any image failed to load in this browser. */
  facets: Facets
}

export const packQueries = {
  all: () => ['packs'] as const,
  detail: (packId: string) =>
    queryOptions({
      queryKey: [...packQueries.all(), 'detail', packId],
      queryFn: ({ signal }) => loadPack(packId, signal),
    }),
}

/**
 * GETs a pack, then validates and reviews its images a slice at a time: for 10,000 images
 * that is too much work for one task, and the page must stay responsive meanwhile.
 */
async function loadPack(packId: string, signal: AbortSignal): Promise<LoadedPack> {
  const path = packPath(packId)
  const outline = await apiGet(path, packOutlineSchema, { signal, sent: takeEarlyRequest(path) })
  // Parsing a big body was one task already; let the browser paint before going on.
  await yieldToMain()
  const urlCounts = countUrls(outline.images)
  const reviewed = await parseInSlices(outline.images, packImageParser, {
    prefix: ['data', 'images'],
    signal,
    then: (image, index) => reviewImage(image, index, urlCounts),
  })
  const images = reviewed.map((item) => item.image)
  await yieldToMain()
  const facets = facetsOf(reviewed, new Set())
  return { ...outline, images, reviewed, facets }
}
