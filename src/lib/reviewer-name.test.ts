import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_REVIEWER_LENGTH } from '@contract/review-api/decision'
import { REVIEWER_NAME_KEY, storeReviewerName, useReviewerName } from './reviewer-name'

afterEach(() => localStorage.clear())

describe('useReviewerName', () => {
  it('remembers the name trimmed and capped, and forgets an empty one', () => {
    const { result } = renderHook(() => useReviewerName())
    expect(result.current).toBeNull()
    act(() => storeReviewerName(`  ${'x'.repeat(MAX_REVIEWER_LENGTH + 5)} `))
    expect(result.current).toBe('x'.repeat(MAX_REVIEWER_LENGTH))
    expect(localStorage.getItem(REVIEWER_NAME_KEY)).toBe(result.current)
    act(() => storeReviewerName('   '))
    expect(result.current).toBeNull()
    expect(localStorage.getItem(REVIEWER_NAME_KEY)).toBeNull()
  })

  it('follows a name given in another tab', () => {
    const { result } = renderHook(() => useReviewerName())
    act(() => {
      localStorage.setItem(REVIEWER_NAME_KEY, 'Sam Okafor')
      window.dispatchEvent(new StorageEvent('storage', { key: REVIEWER_NAME_KEY }))
    })
    expect(result.current).toBe('Sam Okafor')
  })

  it('keeps the name for this page when the browser refuses storage', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const { result } = renderHook(() => useReviewerName())
    act(() => storeReviewerName('Dana Reyes'))
    expect(result.current).toBe('Dana Reyes')
  })
})
