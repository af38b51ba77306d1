import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createImage } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import { reviewImage, type ReviewedImage } from './qa-flags'
import type { ReviewActions } from './review-actions'
import type { ReviewState } from './review-state'
import { useBulkFlow } from './use-bulk-flow'
import type { ImageReview, PackReviews } from './use-pack-reviews'

const items: ReviewedImage[] = ['a', 'b', 'c', 'd'].map((id, index) =>
  reviewImage(packImageSchema.parse(createImage({ id })), index, new Map()),
)

function setup({
  states = ['unreviewed', 'approved', 'rejected', 'unreviewed'] as ReviewState[],
  name = 'Dana Reyes' as string | null,
} = {}) {
  const decideMany = vi.fn()
  const reviewsWith = (reviewer: string | null) =>
    ({
      availability: { status: 'ready' },
      reviewOf: (item: ReviewedImage) =>
        ({
          state: states[items.indexOf(item)]!,
          decision: null,
          saving: null,
          error: null,
        }) as ImageReview,
      decideMany,
      reviewer: { name: reviewer, fixed: false },
    }) as unknown as PackReviews
  const actions: ReviewActions = {
    approve: vi.fn(),
    reject: vi.fn(),
    clear: vi.fn(),
    retry: vi.fn(),
  }
  const askName = vi.fn()
  const say = vi.fn()
  const hook = renderHook(
    ({ reviewer, naming }) =>
      useBulkFlow({ reviews: reviewsWith(reviewer), actions, askName, naming, say }),
    { initialProps: { reviewer: name, naming: false } },
  )
  return { ...hook, decideMany, actions, askName, say }
}

describe('useBulkFlow', () => {
  it('asks to confirm for the images the action changes, then decides them in one call', () => {
    const { result, decideMany } = setup()
    act(() => result.current.request('approve', items))
    // b is approved already.
    expect(result.current.dialog).toEqual({
      kind: 'approve',
      items: [items[0], items[2], items[3]],
      selected: 4,
    })
    act(() => result.current.confirm(result.current.dialog!, { decision: 'approved' }))
    expect(result.current.dialog).toBeNull()
    expect(decideMany).toHaveBeenCalledOnce()
    expect(decideMany).toHaveBeenCalledWith([items[0], items[2], items[3]], {
      decision: 'approved',
    })

    act(() => result.current.request('clear', items))
    expect(result.current.dialog?.items).toEqual([items[1], items[2]])
    act(() => result.current.cancel())
    expect(result.current.dialog).toBeNull()
    expect(decideMany).toHaveBeenCalledOnce()
  })

  it('acts on one image as its own button does, and says when there is nothing to change', () => {
    const { result, actions, say, decideMany } = setup()
    act(() => result.current.request('reject', [items[3]!]))
    expect(actions.reject).toHaveBeenCalledWith(items[3])
    act(() => result.current.request('clear', [items[0]!, items[2]!]))
    expect(actions.clear).toHaveBeenCalledWith(items[2])
    act(() => result.current.request('approve', [items[1]!]))
    expect(say).toHaveBeenCalledWith('The selected images are approved already')
    expect(result.current.dialog).toBeNull()
    expect(decideMany).not.toHaveBeenCalled()
  })

  it('asks for a name first, then shows the confirmation; a cancelled name drops it', () => {
    const { result, rerender, askName } = setup({ name: null })
    act(() => result.current.request('approve', items))
    expect(askName).toHaveBeenCalledOnce()
    expect(result.current.dialog).toBeNull()
    rerender({ reviewer: null, naming: true })
    rerender({ reviewer: 'Dana Reyes', naming: false })
    expect(result.current.dialog?.kind).toBe('approve')

    act(() => result.current.cancel())
    rerender({ reviewer: null, naming: false })
    act(() => result.current.request('reject', items))
    rerender({ reviewer: null, naming: true })
    rerender({ reviewer: null, naming: false })
    rerender({ reviewer: 'Sam Okafor', naming: false })
    expect(result.current.dialog).toBeNull()
  })
})
