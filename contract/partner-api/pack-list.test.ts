import { describe, expect, it } from 'vitest'
import { packListSchema } from './pack-list.ts'

const ID = '7c1d3e50-0000-4000-8000-000000000001'

describe('pack list schema', () => {
  it('reads the documented payload', () => {
    const item = {
      id: ID,
      name: 'Coffee Shop 1',
      image_count: 3,
      preview_image_url: 'https://cdn.example.com/1.jpg',
      is_public: true,
      created_at: '2026-10-01T09:00:00.000Z',
    }
    expect(packListSchema.parse({ packs: [item], total: 1, limit: 24, offset: 0 })).toEqual({
      packs: [item],
      total: 1,
      limit: 24,
      offset: 0,
    })
  })

  it('keeps a pack with odd values, and skips one without a usable id', () => {
    const parsed = packListSchema.parse({
      packs: [
        { id: ID, name: 42, image_count: '3', preview_image_url: 7, is_public: 'yes', extra: 1 },
        { name: 'No id' },
        { id: '', name: 'Empty id' },
        { id: 12, name: 'Numeric id' },
        null,
        'not a pack',
      ],
      total: 6,
      limit: 24,
      offset: 0,
      next_cursor: 'ignored',
    })
    expect(parsed.packs).toEqual([
      {
        id: ID,
        name: '',
        image_count: null,
        preview_image_url: null,
        is_public: null,
        created_at: null,
        extra: 1,
      },
    ])
    expect(parsed.total).toBe(6)
  })

  it('falls back to the packs it got when total is missing or odd', () => {
    for (const total of [undefined, null, -1, 2.5, '9']) {
      const parsed = packListSchema.parse({ packs: [{ id: ID }], total, offset: 48 })
      expect(parsed.total).toBe(49)
    }
  })

  it('fails when there is no list of packs at all', () => {
    expect(packListSchema.safeParse({ total: 3 }).success).toBe(false)
    expect(packListSchema.safeParse({ packs: {}, total: 3 }).success).toBe(false)
  })
})
