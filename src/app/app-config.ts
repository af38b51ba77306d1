import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'

const appConfigSchema = z.object({
  demo: z.catch(z.boolean(), false),
  examples: z.catch(
    z.array(z.object({ id: z.string(), name: z.string(), note: z.catch(z.string(), '') })),
    [],
  ),
  /** Whom the server knows this request to be from (Basic auth, the proxy's header), or null. */
  user: z.catch(z.nullable(z.string()), null),
  /** Whether this server lets this user change packs (PACK_EXPLORER_WRITE_ACCESS). */
  editing: z.catch(z.boolean(), false),
})

export type AppConfig = z.infer<typeof appConfigSchema>

/** What the server tells the app about itself: demo mode, demo packs to try, who is signed in. */
export const appConfigQuery = queryOptions({
  queryKey: ['app-config'],
  queryFn: async ({ signal }): Promise<AppConfig> => {
    const response = await fetch('/app-config.json', { signal })
    if (!response.ok) return { demo: false, examples: [], user: null, editing: false }
    return appConfigSchema.parse(await response.json())
  },
  staleTime: Infinity,
  retry: false,
})
