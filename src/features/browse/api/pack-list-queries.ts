import { queryOptions } from '@tanstack/react-query'
import { apiGet } from '@/lib/api-client'
import { listQueryString, type BrowseParams } from '@/features/browse/lib/browse-params'
import { packListSchema } from '@contract/partner-api/pack-list'
import { PACKS_PATH } from '@contract/partner-api/paths'

export const packListQueries = {
  // Under the pack queries' ['packs'], so invalidating every pack reaches the lists too.
  all: () => ['packs', 'list'] as const,
  list: ({ q, includePublic, page }: BrowseParams) => {
    // "coffee" and "coffee " are one search.
    const params = { q: q.trim(), includePublic, page }
    return queryOptions({
      queryKey: [...packListQueries.all(), params],
      queryFn: ({ signal }) =>
        apiGet(`${PACKS_PATH}?${listQueryString(params)}`, packListSchema, { signal }),
    })
  },
}
