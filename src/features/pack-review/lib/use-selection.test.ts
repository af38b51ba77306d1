import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createImage } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import { reviewImage, type ReviewedImage } from './qa-flags'
import { NO_SELECTION, prune, range, selectAll, toggle, useSelection } from './use-selection'

const imagesOf = (ids: string[]): ReviewedImage[] =>
  ids.map((id, index) => reviewImage(packImageSchema.parse(createImage({ id })), index, new Map()))
const items = imagesOf(['a', 'b', 'c', 'd', 'e'])
const idsOf = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort()

describe('selection', () => {
  it('toggles one image on and off, and makes it the anchor', () => {
    const one = toggle(NO_SELECTION, 'b')
    expect(idsOf(one)).toEqual(['b'])
    expect(one.anchor).toBe('b')
    const none = toggle(one, 'b')
    expect(idsOf(none)).toEqual([])
    expect(none.anchor).toBe('b')
  })

  it('adds the range from the anchor in the order shown, either way round', () => {
    const down = range(toggle(NO_SELECTION, 'b'), 'b', 'd', items)
    expect(idsOf(down)).toEqual(['b', 'c', 'd'])
    expect(down.anchor).toBe('d')
    const up = range(toggle(NO_SELECTION, 'e'), 'e', 'c', items)
    expect(idsOf(up)).toEqual(['c', 'd', 'e'])
    // The order is the view's, not the IDs': a sorted view has other neighbours.
    const sorted = imagesOf(['e', 'a', 'd', 'b', 'c'])
    expect(idsOf(range(NO_SELECTION, 'a', 'b', sorted))).toEqual(['a', 'b', 'd'])
  })

  it('keeps what was selected before a range', () => {
    const first = toggle(NO_SELECTION, 'a')
    const then = range(toggle(first, 'c'), 'c', 'd', items)
    expect(idsOf(then)).toEqual(['a', 'c', 'd'])
  })

  it('toggles the image when the range has no start shown', () => {
    expect(idsOf(range(NO_SELECTION, null, 'c', items))).toEqual(['c'])
    expect(idsOf(range(NO_SELECTION, 'gone', 'c', items))).toEqual(['c'])
  })

  it('selects all 10,000 images shown in one Set', () => {
    const many = imagesOf(Array.from({ length: 10_000 }, (_, index) => `id-${index}`))
    const all = selectAll(many)
    expect(all.ids.size).toBe(10_000)
    expect(all.ids.has('id-9999')).toBe(true)
  })

  it('prunes to the images still shown, and keeps the same object when none left', () => {
    const selected = selectAll(items)
    const shown = items.filter((item) => item.image.id !== 'c')
    const pruned = prune(toggle(selected, 'c'), shown)
    expect(idsOf(pruned)).toEqual(['a', 'b', 'd', 'e'])
    expect(pruned.anchor).toBeNull()
    expect(prune(pruned, items)).toBe(pruned)
    expect(prune(NO_SELECTION, [])).toBe(NO_SELECTION)
  })
})

describe('useSelection', () => {
  it('prunes as the view changes, with functions that never change', () => {
    const { result, rerender } = renderHook(({ visible }) => useSelection(visible), {
      initialProps: { visible: items },
    })
    const { select } = result.current
    act(() => result.current.select('b', false))
    act(() => result.current.select('d', true))
    expect(idsOf(result.current.selection)).toEqual(['b', 'c', 'd'])

    const filtered = items.filter((item) => item.image.id !== 'c')
    rerender({ visible: filtered })
    expect(idsOf(result.current.selection)).toEqual(['b', 'd'])
    // Back to the whole view: what was pruned stays out.
    rerender({ visible: items })
    expect(idsOf(result.current.selection)).toEqual(['b', 'd'])
    expect(result.current.select).toBe(select)

    act(() => result.current.selectAll())
    expect(result.current.selection.ids.size).toBe(5)
    act(() => result.current.clear())
    expect(result.current.selection.ids.size).toBe(0)
  })

  it('selects a range in the view of the latest render', () => {
    const { result, rerender } = renderHook(({ visible }) => useSelection(visible), {
      initialProps: { visible: items },
    })
    act(() => result.current.select('a', false))
    rerender({ visible: imagesOf(['a', 'e', 'b', 'c', 'd']) })
    act(() => result.current.select('b', true))
    expect(idsOf(result.current.selection)).toEqual(['a', 'b', 'e'])
  })
})
