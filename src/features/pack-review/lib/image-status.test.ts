import { describe, expect, it } from 'vitest'
import { createImage, createMetadata } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import { imageStatus } from './image-status'

const parse = (wire: unknown) => packImageSchema.parse(wire)

describe('imageStatus', () => {
  it.each([
    ['completed', 'completed'],
    ['pending', 'pending'],
    ['processing', 'processing'],
    ['failed', 'error'],
    ['error', 'error'],
    ['errored', 'error'],
    ['COMPLETED', 'completed'],
    ['queued_for_review', 'unknown'],
    ['', 'unknown'],
  ] as const)('maps status %j to %s', (status, expected) => {
    expect(imageStatus(parse(createImage({ metadata: createMetadata({ status }) })))).toBe(expected)
  })

  it('shows Error whenever there is an error message, whatever the status says', () => {
    const image = parse(
      createImage({ metadata: createMetadata({ status: 'completed', error: 'boom' }) }),
    )
    expect(imageStatus(image)).toBe('error')
  })

  it('ignores a blank error message', () => {
    const image = parse(
      createImage({ metadata: createMetadata({ status: 'completed', error: '  ' }) }),
    )
    expect(imageStatus(image)).toBe('completed')
  })

  it('is Unknown without metadata or status', () => {
    expect(imageStatus(parse({ id: 'a', url: 'https://x.test/a.jpg' }))).toBe('unknown')
    expect(imageStatus(parse({ id: 'a', url: null, metadata: { keywords: [] } }))).toBe('unknown')
    expect(imageStatus(parse({ id: 'a', url: null, metadata: { status: 42 } }))).toBe('unknown')
  })
})
