import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod/mini'
import { ApiError } from './api-error'
import { parseInSlices, SLICE_MS } from './slices'

const schema = z.object({ id: z.string() })
const items = Array.from({ length: 1000 }, (_, index) => ({ id: `image-${index}`, extra: 1 }))

/** A clock that moves past the slice's time budget between any two readings. */
function fakeClock() {
  let now = 0
  vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS + 1))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('parseInSlices', () => {
  it('validates every item in order', async () => {
    const parsed = await parseInSlices(items, schema, { prefix: ['data', 'images'] })
    expect(parsed).toHaveLength(1000)
    expect(parsed[999]).toEqual({ id: 'image-999' })
  })

  it('yields to the browser between slices once the time budget is spent', async () => {
    fakeClock()
    const timeout = vi.spyOn(globalThis, 'setTimeout')
    const parsed = await parseInSlices(items, schema, { prefix: [] })
    expect(parsed).toHaveLength(1000)
    // A check every 64 items, and each one finds the budget spent.
    expect(timeout.mock.calls.length).toBeGreaterThanOrEqual(10)
  })

  it('reports the first bad item with its full path in the response', async () => {
    const bad = [...items.slice(0, 700), { id: 7 }, ...items.slice(701)]
    const error = await parseInSlices(bad, schema, { prefix: ['data', 'images'] }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'invalid-response', issuePath: 'data.images.700.id' })
    expect((error as ApiError).message).toBe(
      'Field "data.images.700.id" is not what the API contract promises (expected string).',
    )
  })

  it('stops between slices when the request is cancelled', async () => {
    fakeClock()
    const controller = new AbortController()
    const pending = parseInSlices(items, schema, { prefix: [], signal: controller.signal })
    controller.abort(new DOMException('left the page', 'AbortError'))
    await expect(pending).rejects.toThrow('left the page')
  })
})
