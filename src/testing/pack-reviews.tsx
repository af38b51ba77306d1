import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect } from 'vitest'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import { reviewQueries } from '@/features/pack-review/api/review-queries'
import { usePackReviews } from '@/features/pack-review/lib/use-pack-reviews'
import { createTestQueryClient } from './render'

/** `usePackReviews` for `pack`, as the pack page calls it; `rerender` swaps pack or user. */
export function renderPackReviews(pack: LoadedPack, options: { user?: string | null } = {}) {
  const client = createTestQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const hook = renderHook(
    ({ user, loaded }: { user: string | null; loaded: LoadedPack }) => usePackReviews(loaded, user),
    { wrapper, initialProps: { user: options.user ?? null, loaded: pack } },
  )
  // A poll, as the interval would start it; done once the hook has rendered its answer
  // (TanStack Query tells observers in a task of its own).
  const poll = () =>
    act(async () => {
      await client.refetchQueries({ queryKey: reviewQueries.pack(pack.id).queryKey })
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
  return { ...hook, client, poll, reviews: () => hook.result.current }
}

/** The same, once the pack's decisions are loaded. */
export async function renderReadyReviews(pack: LoadedPack, options: { user?: string | null } = {}) {
  const rendered = renderPackReviews(pack, options)
  // Seconds, not waitFor's one: 10,000 images are hashed a slice at a time, slower on a busy
  // machine.
  await waitFor(() => expect(rendered.reviews().availability).toEqual({ status: 'ready' }), {
    timeout: 10_000,
  })
  return rendered
}
