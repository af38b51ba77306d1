import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useDebouncedText } from './use-debounced-text'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useDebouncedText', () => {
  it('sends the text once typing pauses', () => {
    const onChange = vi.fn()
    const { result } = renderHook(({ value }) => useDebouncedText(value, onChange, 200), {
      initialProps: { value: '' },
    })
    act(() => result.current[1]('ab'))
    act(() => vi.advanceTimersByTime(199))
    expect(onChange).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(1))
    expect(onChange).toHaveBeenCalledExactlyOnceWith('ab')
  })

  it('takes a value set by another control, and a later reset clears it for good', () => {
    const onChange = vi.fn()
    const { result, rerender } = renderHook(({ value }) => useDebouncedText(value, onChange, 200), {
      initialProps: { value: '' },
    })
    // An error group sets the search; then Reset filters clears it.
    rerender({ value: 'Model timed out' })
    expect(result.current[0]).toBe('Model timed out')
    rerender({ value: '' })
    expect(result.current[0]).toBe('')
    act(() => vi.advanceTimersByTime(1_000))
    // Nothing sends the old text back.
    expect(onChange).not.toHaveBeenCalled()
    expect(result.current[0]).toBe('')
  })
})
