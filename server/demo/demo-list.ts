import type { ServerResponse } from 'node:http'
import type { WirePack } from '../../contract/partner-api/wire.ts'
import { DEMO_IMAGE_PATH, sizedPackSize } from './fixtures.ts'
import { json } from './send-json.ts'

/**
 * List Packs: name (or keyword) search, `include_public`, `limit` 1-100 and `offset`, as the
 * contract describes; newest first. Generated benchmark packs are not listed.
 */
export function listPacks(
  packs: readonly WirePack[],
  query: URLSearchParams,
  origin: string,
  res: ServerResponse,
): void {
  const limit = integerParam(query.get('limit'), 20)
  const offset = integerParam(query.get('offset'), 0)
  if (limit === null || limit < 1 || limit > 100 || offset === null || offset < 0) {
    return json(res, 422, {
      ok: false,
      code: 422,
      message: 'limit must be 1-100 and offset 0 or more',
      error_code: 'invalid_query',
    })
  }
  const search = query.get('search')?.trim().toLowerCase() ?? ''
  const withPublic = query.get('include_public') !== 'false'
  const matching = packs
    .filter((pack) => sizedPackSize(pack.id) === null)
    .filter((pack) => withPublic || pack.is_public !== true)
    .filter(
      (pack) =>
        search === '' ||
        (pack.name ?? '').toLowerCase().includes(search) ||
        pack.images.some((image) => image.metadata?.keywords?.includes(search)),
    )
    .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
  json(res, 200, {
    ok: true,
    code: 200,
    message: 'Packs retrieved',
    data: {
      packs: matching.slice(offset, offset + limit).map((pack) => {
        const preview = pack.images[0]?.url ?? null
        return {
          id: pack.id,
          name: pack.name,
          image_count: pack.image_count,
          preview_image_url: preview?.startsWith(DEMO_IMAGE_PATH) ? origin + preview : preview,
          is_public: pack.is_public,
          created_at: pack.created_at,
        }
      }),
      total: matching.length,
      limit,
      offset,
    },
  })
}

/** A whole number from the query, `fallback` when absent, null when not a whole number. */
function integerParam(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback
  return /^\d+$/.test(value) ? Number(value) : null
}
