import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  columnsFor,
  stepThumbnailSize,
  THUMBNAIL_SIZE_KEY,
  useThumbnailSize,
} from './thumbnail-size'

afterEach(() => localStorage.clear())

describe('thumbnail size', () => {
  it('fits more columns for smaller tiles, and at least one', () => {
    expect(columnsFor(952, 'small', 12)).toBeGreaterThan(columnsFor(952, 'medium', 12))
    expect(columnsFor(952, 'medium', 12)).toBe(5)
    expect(columnsFor(952, 'medium', 12)).toBeGreaterThan(columnsFor(952, 'large', 12))
    expect(columnsFor(100, 'large', 12)).toBe(1)
  })

  it('steps one size at a time and stops at the ends', () => {
    expect(stepThumbnailSize('medium', 1)).toBe('large')
    expect(stepThumbnailSize('large', 1)).toBe('large')
    expect(stepThumbnailSize('medium', -1)).toBe('small')
    expect(stepThumbnailSize('small', -1)).toBe('small')
  })

  it('is remembered in this browser, and anything else stored reads as medium', () => {
    localStorage.setItem(THUMBNAIL_SIZE_KEY, 'gigantic')
    const { result, unmount } = renderHook(() => useThumbnailSize())
    expect(result.current[0]).toBe('medium')
    act(() => result.current[1]('small'))
    expect(result.current[0]).toBe('small')
    expect(localStorage.getItem(THUMBNAIL_SIZE_KEY)).toBe('small')
    unmount()
    expect(renderHook(() => useThumbnailSize()).result.current[0]).toBe('small')
  })
})
