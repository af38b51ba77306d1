import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'

const appConfigSchema = z.object({
  demo: z.catch(z.boolean(), false),
  examples: z.catch(
    z.array(z.object({ id: z.string(), name: z.string(), note: z.catch(z.string(), '') })),
    [],
  ),
})

export type AppConfig = z.infer<typeof appConfigSchema>

/** What the server tells the app about itself: demo mode, and demo packs to try. */
export const appConfigQuery = queryOptions({
  queryKey: ['app-config'],
  queryFn: async ({ signal }): Promise<AppConfig> => {
    const response = await fetch('/app-config.json', { signal })
    if (!response.ok) return { demo: false, examples: [] }
    return appConfigSchema.parse(await response.json())
  },
  staleTime: Infinity,
  retry: false,
})
