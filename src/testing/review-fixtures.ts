import { packSchema } from '@contract/partner-api/pack'
import { createImage, createPack, type WireImage } from '@contract/partner-api/wire'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import { facetsOf } from '@/features/pack-review/lib/pack-filters'
import { countUrls, reviewImage } from '@/features/pack-review/lib/qa-flags'

/** A pack as the page holds it once loaded, from wire images. */
export function loadedPack(images: WireImage[] = [createImage(), createImage()]): LoadedPack {
  const pack = packSchema.parse(createPack({ images }))
  const urlCounts = countUrls(pack.images)
  const reviewed = pack.images.map((image, index) => reviewImage(image, index, urlCounts))
  return { ...pack, reviewed, facets: facetsOf(reviewed, new Set()) }
}
