import { queryOptions } from '@tanstack/react-query'
import { apiGet } from '@/lib/api-client'
import { mapInSlices, parseInSlices } from '@/lib/slices'
import { countUrls, reviewImage, type ReviewedImage } from '../lib/qa-flags'
import { packImageSchema, packOutlineSchema, type Pack } from './pack-schema'

/** A pack as the page shows it: validated, with what review derives from each image. */
export type LoadedPack = Pack & { reviewed: readonly ReviewedImage[] }

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
  const path = `/api/partner/v1/packs/${encodeURIComponent(packId)}`
  const outline = await apiGet(path, packOutlineSchema, { signal })
  const started = performance.now()
  const images = await parseInSlices(outline.images, packImageSchema, {
    prefix: ['data', 'images'],
    signal,
  })
  const urlCounts = countUrls(images)
  const reviewed = await mapInSlices(
    images,
    (image, index) => reviewImage(image, index, urlCounts),
    signal,
  )
  // Read by `npm run bench`.
  performance.measure(`pack:validate-images ${path}`, { start: started })
  return { ...outline, images, reviewed }
}
