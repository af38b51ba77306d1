import { describe, expect, it } from 'vitest'
import { createImage, createMetadata } from '../partner-api/wire.ts'
import { MAX_FINGERPRINT_LENGTH } from './decision.ts'
import { fingerprintOf } from './fingerprint.ts'

describe('fingerprintOf', () => {
  const image = createImage({ metadata: createMetadata() })

  it('is the same for the same metadata, and short enough to store', () => {
    const again = structuredClone(image)
    expect(fingerprintOf(again)).toBe(fingerprintOf(image))
    expect(fingerprintOf(image)).toMatch(/^v1\.[0-9a-f]{28}$/)
    expect(fingerprintOf(image).length).toBeLessThanOrEqual(MAX_FINGERPRINT_LENGTH)
  })

  it('changes with every field a decision is made on', () => {
    const base = fingerprintOf(image)
    const changed = [
      { ...image, url: 'https://example.com/other.png' },
      ...(
        [
          ['status', 'failed'],
          ['description', 'Another description.'],
          ['keywords', ['mountain', 'lake']],
          ['model', 'gpt-5'],
          ['generated_at', '2026-03-01T00:00:00.000Z'],
          ['error', 'Timed out'],
        ] as const
      ).map(([field, value]) => ({ ...image, metadata: { ...image.metadata, [field]: value } })),
    ]
    for (const other of changed) expect(fingerprintOf(other)).not.toBe(base)
  })

  it('ignores what a reviewer does not judge: the ID and unknown fields', () => {
    const base = fingerprintOf(image)
    // Through variables: what the API sends has fields the fingerprint's type does not name.
    const otherId = { ...image, id: 'another-id', extra: 1 }
    const extraField = { ...image, metadata: { ...image.metadata, cost: 3 } }
    expect(fingerprintOf(otherId)).toBe(base)
    expect(fingerprintOf(extraField)).toBe(base)
  })

  it('takes an image without metadata', () => {
    expect(fingerprintOf({ url: null, metadata: null })).toMatch(/^v1\./)
    expect(fingerprintOf({ url: null, metadata: null })).not.toBe(fingerprintOf(image))
  })
})
