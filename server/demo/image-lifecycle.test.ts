import { describe, expect, it } from 'vitest'
import {
  DEMO_FAILURE_MESSAGE,
  failsInDemo,
  isSettled,
  metadataAt,
  PROCESSING_AFTER_MS,
  SETTLED_AFTER_MS,
} from './image-lifecycle.ts'

describe('the demo failure rule', () => {
  it.each([
    ['https://cdn.example.com/fail.png', true],
    ['https://cdn.example.com/a/b/will-FAIL-1.jpg', true],
    ['https://cdn.example.com/failure', true],
    ['https://cdn.example.com/%66ail.jpg', true],
    ['https://cdn.example.com/fail/photo.jpg', false],
    ['https://cdn.example.com/photo.jpg?status=fail', false],
    ['https://cdn.example.com/photo.jpg#fail', false],
    ['https://fail.example.com/photo.jpg', false],
    ['http://localhost:5173/demo-uploads/1b4e28ba-2fa1-11d2-883f-0016d3cca427.png', false],
  ])('%s fails: %s', (url, fails) => {
    expect(failsInDemo(url)).toBe(fails)
  })
})

describe('metadataAt', () => {
  const addedAt = Date.parse('2026-12-01T10:00:00.000Z')
  const at = (ms: number, url = 'https://x.test/photo.jpg') =>
    metadataAt(url, addedAt, addedAt + ms)

  it('is pending, then processing, then completed, at the documented times', () => {
    expect(at(0)).toMatchObject({ status: 'pending', description: null, generated_at: null })
    expect(at(PROCESSING_AFTER_MS - 1).status).toBe('pending')
    expect(at(PROCESSING_AFTER_MS).status).toBe('processing')
    expect(at(SETTLED_AFTER_MS - 1).status).toBe('processing')
    expect(isSettled(addedAt, addedAt + SETTLED_AFTER_MS - 1)).toBe(false)
    expect(isSettled(addedAt, addedAt + SETTLED_AFTER_MS)).toBe(true)
    expect(at(SETTLED_AFTER_MS)).toEqual({
      status: 'completed',
      description: expect.stringMatching(/\w/),
      keywords: expect.arrayContaining([expect.any(String)]),
      model: 'gpt-4.1-nano',
      generated_at: new Date(addedAt + SETTLED_AFTER_MS).toISOString(),
      error: null,
    })
  })

  it('fails a "fail" URL with its message, and words the same URL the same way', () => {
    expect(at(SETTLED_AFTER_MS, 'https://x.test/fail.jpg')).toMatchObject({
      status: 'failed',
      error: DEMO_FAILURE_MESSAGE,
    })
    expect(at(SETTLED_AFTER_MS, 'https://x.test/a.jpg')).toEqual(
      at(SETTLED_AFTER_MS * 2, 'https://x.test/a.jpg'),
    )
  })
})
