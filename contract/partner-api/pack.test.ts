import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createImage, createPack, pendingMetadata } from './wire.ts'
import { packImageParser, packImageSchema, packSchema } from './pack.ts'

describe('packSchema', () => {
  it('parses the reference payload', () => {
    const pack = packSchema.parse(
      createPack({
        images: [createImage(), createImage({ metadata: pendingMetadata() })],
      }),
    )
    expect(pack.name).toBe('Motivation Pack')
    expect(pack.images[1]?.metadata?.description).toBeNull()
  })

  it('renders what the contract does not promise: missing metadata, odd values, extra fields', () => {
    const pack = packSchema.parse({
      id: 'p',
      name: 'Odd',
      image_count: '3',
      is_public: 'yes',
      created_at: null,
      owner: { name: 'kept' },
      images: [
        { id: 'a', url: 'https://x.test/a.jpg' },
        {
          id: 'b',
          url: 5,
          metadata: { status: 'queued', keywords: ['ok', 3, null], description: 7 },
        },
        { id: 'c', url: null, metadata: null, tags: ['extra'] },
      ],
    })
    expect(pack).toMatchObject({
      image_count: null,
      is_public: null,
      created_at: null,
      owner: { name: 'kept' },
    })
    expect(pack.images[0]?.metadata).toBeNull()
    expect(pack.images[1]).toMatchObject({
      url: null,
      metadata: {
        status: 'queued',
        keywords: ['ok'],
        description: null,
        generated_at: null,
        error: null,
      },
    })
    expect(pack.images[2]).toMatchObject({ tags: ['extra'] })
  })

  it('accepts an empty pack', () => {
    expect(packSchema.parse(createPack({ images: [], image_count: 0 })).images).toEqual([])
  })

  it('is strict about what identifies things', () => {
    expect(packSchema.safeParse({ ...createPack(), id: undefined }).success).toBe(false)
    expect(packSchema.safeParse({ ...createPack(), images: 'none' }).success).toBe(false)
    const result = packSchema.safeParse(
      createPack({ images: [{ url: 'https://x.test' } as never] }),
    )
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['images', 0, 'id'])
  })
})

describe('packImageParser', () => {
  // Contract-shaped images with every field sometimes missing, mistyped or extra, so both
  // the fast path and the schema path are taken often.
  const odd = fc.oneof(fc.constant(undefined), fc.jsonValue())
  const maybe = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: value }, odd)
  const nullableString = maybe(fc.option(fc.string()))
  const metadata = fc.record(
    {
      status: nullableString,
      description: nullableString,
      keywords: maybe(fc.array(fc.oneof({ weight: 9, arbitrary: fc.string() }, odd))),
      model: nullableString,
      generated_at: nullableString,
      error: nullableString,
    },
    { requiredKeys: [] },
  )
  const image = fc.record(
    {
      id: maybe(fc.string()),
      url: nullableString,
      metadata: maybe(fc.option(metadata)),
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  )
  // Exactly the contract's shape: the fast path's own case, so it is always well covered.
  const contractString = fc.option(fc.string())
  const contractImage = fc.record({
    id: fc.string({ minLength: 1 }),
    url: contractString,
    metadata: fc.option(
      fc.record({
        status: contractString,
        description: contractString,
        keywords: fc.array(fc.string()),
        model: contractString,
        generated_at: contractString,
        error: contractString,
      }),
    ),
  })

  it('parses exactly as packImageSchema does', () => {
    let fastPath = 0
    fc.assert(
      fc.property(fc.oneof(contractImage, image, fc.jsonValue()), (generated) => {
        // As it comes off the wire: plain objects, no undefined values.
        const value: unknown = JSON.parse(JSON.stringify(generated) ?? 'null')
        const expected = packImageSchema.safeParse(value)
        const actual = packImageParser.safeParse(value)
        expect(actual.success).toBe(expected.success)
        expect(actual.data).toStrictEqual(expected.data)
        if (actual.data === value) fastPath++
      }),
      { numRuns: 2000 },
    )
    // The property would hold trivially if the fast path were never taken; a third of the
    // runs are contract-shaped, so about 700 take it (fewer than 400 is all but impossible).
    expect(fastPath).toBeGreaterThan(400)
  })

  it('takes the fast path for the reference payload', () => {
    const image = createImage()
    expect(packImageParser.safeParse(image).data).toBe(image)
  })
})
