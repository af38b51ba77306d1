import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  clearRecentPacks,
  forgetRecentPack,
  getRecentPacks,
  MAX_RECENT_PACKS,
  RECENT_PACKS_KEY,
  recordRecentPack,
  useRecentPacks,
} from './recent-packs'

const at = (minute: number) => new Date(Date.UTC(2026, 2, 9, 10, minute))
const ids = () => getRecentPacks().map((pack) => pack.id)
const store = (value: unknown) =>
  localStorage.setItem(RECENT_PACKS_KEY, typeof value === 'string' ? value : JSON.stringify(value))

beforeEach(() => {
  localStorage.clear()
})

describe('forgetRecentPack', () => {
  it('takes a deleted pack off the list and keeps the others in order', () => {
    recordRecentPack({ id: 'a', name: 'A' }, at(1))
    recordRecentPack({ id: 'b', name: 'B' }, at(2))
    recordRecentPack({ id: 'c', name: 'C' }, at(3))
    forgetRecentPack('b')
    expect(ids()).toEqual(['c', 'a'])
    forgetRecentPack('unknown')
    expect(ids()).toEqual(['c', 'a'])
  })
})

describe('recent packs store', () => {
  it('starts empty', () => {
    expect(getRecentPacks()).toEqual([])
  })

  it('keeps the most recently opened pack first', () => {
    recordRecentPack({ id: 'a', name: 'Alpha' }, at(1))
    recordRecentPack({ id: 'b', name: 'Beta' }, at(2))
    recordRecentPack({ id: 'c', name: 'Gamma' }, at(3))
    expect(getRecentPacks()).toEqual([
      { id: 'c', name: 'Gamma', openedAt: '2026-03-09T10:03:00.000Z' },
      { id: 'b', name: 'Beta', openedAt: '2026-03-09T10:02:00.000Z' },
      { id: 'a', name: 'Alpha', openedAt: '2026-03-09T10:01:00.000Z' },
    ])
    expect(JSON.parse(localStorage.getItem(RECENT_PACKS_KEY) ?? '')).toEqual(getRecentPacks())
  })

  it('moves a re-opened pack to the top with its new name and time', () => {
    recordRecentPack({ id: 'a', name: 'Alpha' }, at(1))
    recordRecentPack({ id: 'b', name: 'Beta' }, at(2))
    recordRecentPack({ id: 'a', name: 'Alpha (renamed)' }, at(3))
    expect(getRecentPacks()).toEqual([
      { id: 'a', name: 'Alpha (renamed)', openedAt: '2026-03-09T10:03:00.000Z' },
      { id: 'b', name: 'Beta', openedAt: '2026-03-09T10:02:00.000Z' },
    ])
  })

  it(`keeps only the ${MAX_RECENT_PACKS} most recent`, () => {
    for (let i = 1; i <= 12; i++) recordRecentPack({ id: `p${i}`, name: `Pack ${i}` }, at(i))
    expect(ids()).toEqual(['p12', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p5', 'p4', 'p3'])
  })

  it('ignores an empty id', () => {
    recordRecentPack({ id: '', name: 'Nothing' })
    expect(getRecentPacks()).toEqual([])
  })

  it('clears the list', () => {
    recordRecentPack({ id: 'a', name: 'Alpha' })
    clearRecentPacks()
    expect(getRecentPacks()).toEqual([])
    expect(localStorage.getItem(RECENT_PACKS_KEY)).toBeNull()
  })

  it('returns the same array until the stored value changes', () => {
    recordRecentPack({ id: 'a', name: 'Alpha' }, at(1))
    const first = getRecentPacks()
    expect(getRecentPacks()).toBe(first)
    recordRecentPack({ id: 'b', name: 'Beta' }, at(2))
    expect(getRecentPacks()).not.toBe(first)
  })

  it.each([
    ['invalid JSON', '{not json'],
    ['an object', { id: 'a', name: 'Alpha', openedAt: '2026-03-09T10:00:00.000Z' }],
    ['a string', 'hello'],
    ['null', 'null'],
    ['a number', 42],
  ])('treats %s in storage as an empty list', (_, value) => {
    store(value)
    expect(getRecentPacks()).toEqual([])
  })

  it('keeps the stored entries that make sense and drops the rest', () => {
    store([
      { id: 'a', name: 'Alpha', openedAt: '2026-03-09T10:00:00.000Z', extra: true },
      { id: '', name: 'No id' },
      { name: 'Missing id' },
      'junk',
      null,
      { id: 'b', name: 42, openedAt: null },
      { id: 'a', name: 'Duplicate', openedAt: '2026-03-09T09:00:00.000Z' },
    ])
    expect(getRecentPacks()).toEqual([
      { id: 'a', name: 'Alpha', openedAt: '2026-03-09T10:00:00.000Z' },
      { id: 'b', name: '', openedAt: '' },
    ])
  })

  it('caps what it reads, even when more was stored', () => {
    store(Array.from({ length: 15 }, (_, i) => ({ id: `p${i}`, name: '', openedAt: '' })))
    expect(getRecentPacks()).toHaveLength(MAX_RECENT_PACKS)
  })

  it('writes over corrupt storage', () => {
    store('{not json')
    recordRecentPack({ id: 'a', name: 'Alpha' }, at(1))
    expect(ids()).toEqual(['a'])
  })

  it('does nothing, and never throws, when storage is unavailable', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked)
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(blocked)

    expect(() => recordRecentPack({ id: 'a', name: 'Alpha' })).not.toThrow()
    expect(() => clearRecentPacks()).not.toThrow()
    expect(getRecentPacks()).toEqual([])
    const { result } = renderHook(() => useRecentPacks())
    expect(result.current).toEqual([])
  })

  it('keeps the old list when writing fails, e.g. over quota', () => {
    recordRecentPack({ id: 'a', name: 'Alpha' }, at(1))
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    })
    expect(() => recordRecentPack({ id: 'b', name: 'Beta' }, at(2))).not.toThrow()
    expect(ids()).toEqual(['a'])
  })
})

describe('useRecentPacks', () => {
  it('updates when a pack is recorded or the list cleared in this tab', () => {
    const { result } = renderHook(() => useRecentPacks())
    expect(result.current).toEqual([])

    act(() => recordRecentPack({ id: 'a', name: 'Alpha' }, at(1)))
    expect(result.current.map((pack) => pack.name)).toEqual(['Alpha'])

    act(() => clearRecentPacks())
    expect(result.current).toEqual([])
  })

  it('updates when another tab changes the list', () => {
    const { result } = renderHook(() => useRecentPacks())

    // Another tab writes to the shared storage; this tab only hears a storage event.
    store([{ id: 'x', name: 'From another tab', openedAt: '2026-03-09T10:00:00.000Z' }])
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: RECENT_PACKS_KEY }))
    })
    expect(result.current.map((pack) => pack.name)).toEqual(['From another tab'])

    localStorage.clear()
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: null }))
    })
    expect(result.current).toEqual([])
  })

  it('keeps the same array across re-renders while nothing changed', () => {
    recordRecentPack({ id: 'a', name: 'Alpha' }, at(1))
    const { result, rerender } = renderHook(() => useRecentPacks())
    const first = result.current
    rerender()
    expect(result.current).toBe(first)
  })
})
