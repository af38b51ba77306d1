import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { packImageParser, packOutlineSchema, packSchema } from '@contract/partner-api/pack'
import { server, setupMsw } from '@/testing/msw'
import { apiGet } from './api-client'
import { isApiError } from './api-error'
import { MAX_RETRY_AFTER_SECONDS } from './retry-after'

setupMsw()

const URL_PATH = 'http://localhost/api/partner/v1/packs/x'

/** Statuses whose response may not carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([204, 205, 304])
/**
 * fetch follows these itself, so apiGet only ever sees where they lead. (msw would follow
 * one without a Location to `.../null`, where browsers return it as it is.)
 */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

interface Reply {
  status: number
  body: string
  headers: Record<string, string>
}

describe('apiGet, for any answer', () => {
  // Rejections nobody handles would otherwise only show as a stray report after the run.
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  beforeEach(() => {
    unhandled.length = 0
    process.on('unhandledRejection', onUnhandled)
  })
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled)
  })

  const nullableString = fc.option(fc.string({ unit: 'binary' }))
  const outline = fc.record(
    {
      id: fc.oneof(fc.uuid(), fc.string()),
      name: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
      image_count: fc.oneof(fc.option(fc.nat()), fc.jsonValue()),
      is_public: fc.option(fc.boolean()),
      created_at: nullableString,
      images: fc.oneof(
        { weight: 4, arbitrary: fc.array(fc.jsonValue(), { maxLength: 5 }) },
        fc.jsonValue(),
      ),
      extra: fc.jsonValue(),
    },
    { requiredKeys: ['id', 'images'] },
  )
  const envelope = fc.oneof(
    fc.record({
      ok: fc.constant(true),
      code: fc.constant(200),
      message: fc.string(),
      data: fc.oneof({ weight: 4, arbitrary: outline }, fc.jsonValue()),
    }),
    fc.record(
      {
        ok: fc.oneof(fc.constant(false), fc.jsonValue()),
        code: fc.integer({ min: 200, max: 599 }),
        message: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
        error_code: fc.oneof(nullableString, fc.jsonValue()),
      },
      { requiredKeys: ['ok', 'message'] },
    ),
  )
  const envelopeText = envelope.map((value) => JSON.stringify(value))
  const validEnvelope = fc
    .record({ id: fc.uuid(), images: fc.array(fc.jsonValue(), { maxLength: 5 }) })
    .chain((required) => outline.map((rest) => ({ ...rest, ...required })))
    .map((data) => JSON.stringify({ ok: true, code: 200, message: 'Pack retrieved', data }))
  const body = fc.oneof(
    { weight: 2, arbitrary: validEnvelope },
    envelopeText,
    // A body cut short anywhere: a dropped connection, a proxy's size limit.
    fc.tuple(envelopeText, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string(),
    fc.string({ unit: 'binary' }),
  )
  const headers = fc.record(
    {
      'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain'),
      // Header values must be printable ASCII; anything else is refused before it is sent.
      'retry-after': fc.oneof(
        fc.nat().map(String),
        fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
        fc.string(),
      ),
    },
    { requiredKeys: [] },
  )
  const reply: fc.Arbitrary<Reply> = fc.record({
    // Mostly 200, so valid envelopes often get through to the schema.
    status: fc.oneof(
      fc.constant(200),
      fc.integer({ min: 200, max: 599 }).filter((status) => !REDIRECT_STATUSES.has(status)),
    ),
    body,
    headers,
  })

  it('resolves to data the schema accepts, or rejects with an ApiError', async () => {
    let current: Reply | undefined
    server.use(
      http.get(URL_PATH, () => {
        const { status, body, headers } = current!
        return new HttpResponse(NULL_BODY_STATUSES.has(status) ? null : body, { status, headers })
      }),
    )
    let resolved = 0
    let rejected = 0
    await fc.assert(
      fc.asyncProperty(reply, async (generated) => {
        current = generated
        const { status } = generated
        const outcome = await apiGet(URL_PATH, packOutlineSchema).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error }),
        )
        if (outcome.ok) {
          resolved++
          expect(status).toBeGreaterThanOrEqual(200)
          expect(status).toBeLessThan(300)
          expect(packOutlineSchema.safeParse(outcome.data).success).toBe(true)
          return
        }
        rejected++
        const { error } = outcome
        if (!isApiError(error)) throw new Error('not an ApiError', { cause: error })
        if (status >= 300) {
          expect(error).toMatchObject({ kind: 'http', status })
          const wait = error.retryAfterSeconds
          if (wait !== null) {
            expect(Number.isInteger(wait)).toBe(true)
            expect(wait).toBeGreaterThanOrEqual(0)
            expect(wait).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS)
          }
        } else {
          expect(error).toMatchObject({ kind: 'invalid-response', status })
        }
      }),
      { numRuns: 300 },
    )
    // Both outcomes must be common, or the property says little about one of them.
    expect(resolved).toBeGreaterThan(20)
    expect(rejected).toBeGreaterThan(20)
    // Unhandled rejections are reported on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(unhandled).toEqual([])
  })
})

describe('pack schemas, for any value', () => {
  const odd = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  })
  // Pack-shaped values with odd leaves, so the checks past the top level run too.
  const image = fc.record(
    {
      id: fc.oneof(fc.string(), odd),
      url: odd,
      metadata: fc.oneof(
        odd,
        fc.record(
          { status: odd, description: odd, keywords: fc.oneof(fc.array(odd), odd), error: odd },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  const pack = fc.record(
    {
      id: fc.oneof(fc.uuid(), odd),
      name: odd,
      image_count: odd,
      is_public: odd,
      created_at: odd,
      images: fc.oneof(fc.array(fc.oneof(image, odd), { maxLength: 5 }), odd),
    },
    { requiredKeys: [] },
  )

  it.each([
    ['packSchema', packSchema],
    ['packOutlineSchema', packOutlineSchema],
    ['packImageParser', packImageParser],
  ] as const)('%s.safeParse never throws', (_, parser) => {
    fc.assert(
      fc.property(fc.oneof(odd, pack, image), (value) => {
        expect(typeof parser.safeParse(value).success).toBe('boolean')
      }),
      { numRuns: 300 },
    )
  })
})
