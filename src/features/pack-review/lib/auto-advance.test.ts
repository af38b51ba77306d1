import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AUTO_ADVANCE_KEY, useAutoAdvance } from './auto-advance'

afterEach(() => localStorage.clear())

describe('auto-advance', () => {
  it('is on by default', () => {
    expect(renderHook(() => useAutoAdvance()).result.current[0]).toBe(true)
  })

  it('is remembered in this browser when turned off, and back on', () => {
    const { result, unmount } = renderHook(() => useAutoAdvance())
    act(() => result.current[1](false))
    expect(result.current[0]).toBe(false)
    expect(localStorage.getItem(AUTO_ADVANCE_KEY)).toBe('off')
    unmount()
    const again = renderHook(() => useAutoAdvance())
    expect(again.result.current[0]).toBe(false)
    act(() => again.result.current[1](true))
    expect(again.result.current[0]).toBe(true)
  })
})
