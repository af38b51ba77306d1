import { queryOptions } from '@tanstack/react-query'
import { apiGet } from '@/lib/api-client'
import { packSchema } from './pack-schema'

export const packQueries = {
  all: () => ['packs'] as const,
  detail: (packId: string) =>
    queryOptions({
      queryKey: [...packQueries.all(), 'detail', packId],
      queryFn: ({ signal }) =>
        apiGet(`/api/partner/v1/packs/${encodeURIComponent(packId)}`, packSchema, { signal }),
    }),
}
