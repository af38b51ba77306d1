import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { reviewQueries, type ReviewSnapshot } from '@/features/pack-review/api/review-queries'
import { reviewApi, setupMsw } from '@/testing/msw'
import { createTestQueryClient } from '@/testing/render'
import { useSignOff } from './use-sign-off'

setupMsw()

const PACK_ID = '5e7d1c2a-0000-4000-8000-00000000b001'

function renderSignOff(reviewer = { name: 'Dana Reyes' as string | null, fixed: false }) {
  const client = createTestQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const hook = renderHook(() => useSignOff(PACK_ID, reviewer), { wrapper })
  const snapshot = () => client.getQueryData<ReviewSnapshot>(reviewQueries.pack(PACK_ID).queryKey)
  return { client, hook, snapshot }
}

describe('useSignOff', () => {
  it('puts the sign-off into the snapshot; a poll that left before it cannot take it back', async () => {
    reviewApi.seed(PACK_ID, 'img-1', { decision: 'approved', fingerprint: 'v1.a', reviewer: 'S' })
    const { client, hook, snapshot } = renderSignOff()
    await client.fetchQuery(reviewQueries.pack(PACK_ID))
    // A poll on its way, answered as the store is now (not signed off), delivered late.
    const held = reviewApi.hold('GET')
    const poll = client
      .refetchQueries({ queryKey: reviewQueries.pack(PACK_ID).queryKey })
      .catch(() => {})
    act(() => hook.result.current.run('sign'))
    expect(hook.result.current.pending).toBe('sign')
    await waitFor(() => expect(hook.result.current.pending).toBeNull())
    expect(snapshot()?.signOff).toMatchObject({ reviewer: 'Dana Reyes' })
    held.release()
    await poll
    expect(snapshot()?.signOff).toMatchObject({ reviewer: 'Dana Reyes' })
    expect(reviewApi.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      reviewer: 'Dana Reyes',
    })

    act(() => hook.result.current.run('withdraw'))
    await waitFor(() => expect(snapshot()?.signOff).toBeNull())
    expect(reviewApi.signOffOf(PACK_ID)).toBeNull()
    // Withdrawn under the same name: the pack history says who.
    expect(reviewApi.requests.find((r) => r.method === 'DELETE')?.body).toEqual({
      reviewer: 'Dana Reyes',
    })
  })

  it('sends no name when the server knows who asks, and says why a sign-off was refused', async () => {
    reviewApi.user = 'Signed In'
    reviewApi.needingReview.set(PACK_ID, 2)
    const { hook } = renderSignOff({ name: 'Signed In', fixed: true })
    act(() => hook.result.current.run('sign'))
    await waitFor(() => expect(hook.result.current.error).toBe('2 images need review'))
    expect(hook.result.current.pending).toBeNull()
    expect(reviewApi.requests.find((r) => r.method === 'PUT')?.body).toEqual({})
  })
})
