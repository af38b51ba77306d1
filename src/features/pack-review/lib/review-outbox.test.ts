import { describe, expect, it, vi } from 'vitest'
import { createImage } from '@contract/partner-api/wire'
import type { BulkDecisionBody } from '@contract/review-api/bulk'
import type { ReviewEntry } from '@/features/pack-review/api/review-queries'
import { ReviewOutbox, type ManyWrite } from './review-outbox'

const imageIds = Array.from({ length: 10_000 }, () => createImage().id)
const approvals: ManyWrite[] = imageIds.map((imageId) => ({
  imageId,
  body: { decision: 'approved', fingerprint: 'v1.abc' },
  shown: null,
}))

/** An outbox whose bulk writes the server stores at revisions 1, 2, … in item order. */
function outboxStoring() {
  const sendMany = vi.fn((body: BulkDecisionBody) =>
    Promise.resolve({
      pack_id: 'pack',
      revision: body.items.length,
      items: body.items.map((item, index) => ({
        image_id: item.image_id,
        revision: index + 1,
        current: null,
      })),
    }),
  )
  const send = vi.fn(() => Promise.reject(new Error('Not used')))
  return { outbox: new ReviewOutbox({ send, sendMany }), sendMany }
}

describe('ReviewOutbox: bulk writes', () => {
  it('shows 10,000 decisions with one change and sends them in one request', async () => {
    const { outbox, sendMany } = outboxStoring()
    const listener = vi.fn()
    outbox.subscribe(listener)

    outbox.writeMany(approvals, { reviewer: 'Ada' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(outbox.pendingOf(imageIds[9_999]!)?.status).toBe('saving')

    await vi.waitFor(() => expect(outbox.pendingOf(imageIds[9_999]!)).toBeUndefined())
    expect(listener).toHaveBeenCalledTimes(2)
    expect(sendMany).toHaveBeenCalledTimes(1)
    expect(sendMany.mock.calls[0]![0]).toMatchObject({ reviewer: 'Ada' })
    expect(sendMany.mock.calls[0]![0].items).toHaveLength(10_000)
    expect(outbox.ackedOf(imageIds[0]!)).toEqual({
      image_id: imageIds[0],
      revision: 1,
      decision: null,
    })
  })

  it('forgets acknowledged answers once the server’s decisions have them, not before', async () => {
    const { outbox } = outboxStoring()
    outbox.writeMany(approvals.slice(0, 3), {})
    await vi.waitFor(() => expect(outbox.pendingOf(imageIds[2]!)).toBeUndefined())
    expect([...outbox.decidedHere()]).toHaveLength(3)

    const cleared = (imageId: string, revision: number): ReviewEntry => ({
      image_id: imageId,
      revision,
      decision: null,
    })
    // The first two as stored, the third only as it was before this tab's write.
    outbox.forgetKnown(
      new Map([
        [imageIds[0]!, cleared(imageIds[0]!, 1)],
        [imageIds[1]!, cleared(imageIds[1]!, 5)],
        [imageIds[2]!, cleared(imageIds[2]!, 2)],
      ]),
    )
    expect([...outbox.decidedHere()]).toEqual([imageIds[2]])
    expect(outbox.ackedOf(imageIds[2]!)?.revision).toBe(3)
  })
})
