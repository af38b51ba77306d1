import { describe, expect, it } from 'vitest'
import { MAX_BULK_BODY_BYTES } from '@contract/review-api/bulk'
import { bulkChunks } from './bulk-chunks'

const items = (count: number, note = '') =>
  Array.from({ length: count }, (_, index) => ({ image_id: String(index), note }))
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length

describe('bulkChunks', () => {
  it('keeps a body within both limits whole', () => {
    const all = items(10_000)
    expect(bulkChunks(all, (item) => item, { reviewer: 'Ada' })).toEqual([all])
  })

  it('splits at 10,000 items', () => {
    const chunks = bulkChunks(items(10_001), (item) => item, {})
    expect(chunks.map((chunk) => chunk.length)).toEqual([10_000, 1])
  })

  it('splits by the body’s size in UTF-8, envelope included, keeping the order', () => {
    const envelope = { reviewer: 'Ada', undo: true }
    const all = items(1_500, '€'.repeat(2_000))
    const chunks = bulkChunks(all, (item) => item, envelope)
    expect(chunks.length).toBe(3)
    for (const chunk of chunks) {
      expect(bytes({ items: chunk, ...envelope })).toBeLessThanOrEqual(MAX_BULK_BODY_BYTES)
    }
    expect(chunks.flat()).toEqual(all)
  })
})
