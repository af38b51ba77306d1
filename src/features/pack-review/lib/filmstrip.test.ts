import { describe, expect, it } from 'vitest'
import { filmstripWindow } from './filmstrip'

const view = Array.from({ length: 20 }, (_, index) => index)

describe('filmstripWindow', () => {
  it('shows five images either side of the current one', () => {
    expect(filmstripWindow(view, 10)).toEqual({
      start: 5,
      items: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    })
  })

  it('keeps eleven images near either end of the view', () => {
    expect(filmstripWindow(view, 0).items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(filmstripWindow(view, 19)).toEqual({ start: 9, items: view.slice(9) })
  })

  it('shows the whole view when it is short', () => {
    expect(filmstripWindow([0, 1, 2], 1)).toEqual({ start: 0, items: [0, 1, 2] })
  })

  it('is empty when the image is not in the view', () => {
    expect(filmstripWindow(view, -1)).toEqual({ start: 0, items: [] })
  })
})
