import { screen, within } from '@testing-library/react'
import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PackPage } from './pack-route'
import { okEnvelope } from '@contract/partner-api/envelope'
import { type WireImage, type WireMetadata } from '@contract/partner-api/wire'
import { packUrl, server, setupMsw } from '@/testing/msw'
import { createTestQueryClient, renderRoutes, wholeText } from '@/testing/render'

setupMsw()

/** A pack as the contract allows it, with every nullable field sometimes null. */
interface ContractPack {
  id: string
  name: string
  image_count: number | null
  is_public: boolean | null
  created_at: string | null
  images: WireImage[]
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
)
const nullableText = fc.option(text)
const isoDate = fc.date({ noInvalidDate: true }).map((date) => date.toISOString())

const metadata: fc.Arbitrary<WireMetadata> = fc.record({
  status: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('completed', 'pending', 'processing', 'error') },
    fc.option(fc.string()),
  ),
  description: nullableText,
  keywords: fc.array(text, { maxLength: 6 }),
  model: nullableText,
  generated_at: fc.option(fc.oneof(isoDate, text)),
  error: nullableText,
})

const image: fc.Arbitrary<WireImage> = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string({ minLength: 1 })),
    // A few fixed URLs, so duplicates (a QA flag) turn up too.
    url: fc.option(
      fc.oneof(
        fc.webUrl({ validSchemes: ['http', 'https'] }),
        fc.constantFrom('https://cdn.example.com/a.jpg', 'http://cdn.example.com/b.png'),
      ),
    ),
    metadata: fc.option(metadata),
  },
  // An older revision of the contract sends no `metadata` at all.
  { requiredKeys: ['id', 'url'] },
)

const pack: fc.Arbitrary<ContractPack> = fc
  .record({
    id: fc.uuid(),
    name: fc.oneof({ weight: 4, arbitrary: text }, fc.constantFrom('', '   ', '\t\n')),
    image_count: fc.option(
      fc.oneof(fc.nat(50), fc.double({ noNaN: true, noDefaultInfinity: true })),
    ),
    is_public: fc.option(fc.boolean()),
    created_at: fc.option(isoDate),
    images: fc.oneof(fc.constant<WireImage[]>([]), {
      weight: 4,
      arbitrary: fc.uniqueArray(image, {
        selector: (item) => item.id,
        minLength: 1,
        maxLength: 40,
        size: 'max',
      }),
    }),
    countIsRight: fc.boolean(),
  })
  // Usually image_count agrees with the images sent; sometimes it does not, as in real data.
  .map(({ countIsRight, ...rest }) =>
    countIsRight ? { ...rest, image_count: rest.images.length } : rest,
  )

describe('the pack page', () => {
  beforeEach(() => {
    // A window tall enough for the virtualized gallery to mount a card for every image.
    vi.stubGlobal('innerHeight', 40 * 500)
    vi.stubGlobal('scrollTo', () => {})
  })

  it('renders any contract-valid pack', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(pack, async (generated) => {
        server.use(http.get(packUrl(generated.id), () => HttpResponse.json(okEnvelope(generated))))
        const queryClient = createTestQueryClient()
        const view = renderRoutes(
          [{ path: '/packs/:packId', element: <PackPage /> }],
          `/packs/${generated.id}`,
          queryClient,
        )
        try {
          const total = generated.images.length
          // The skeleton has no h1; the page and the error screen both have one.
          const heading = await screen.findByRole('heading', { level: 1 }, { timeout: 3_000 })
          expect(screen.queryByRole('alert')).toBeNull()
          expect(heading.textContent).toBe(generated.name.trim() || 'Untitled pack')

          if (total === 0) {
            expect(await screen.findByText('This pack has no images yet')).toBeVisible()
            expect(screen.queryByText(/^Showing /)).toBeNull()
          } else {
            const showing = `Showing ${total} of ${total} images`
            expect(screen.getByText(wholeText(showing))).toBeVisible()
            const counts = within(screen.getByRole('list', { name: 'Status counts' }))
              .getAllByRole('listitem')
              .map((item) => Number(/(\d+)$/.exec(item.textContent ?? '')?.[1]))
            expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total)
            const cards = screen.getByRole('list', { name: 'Images' }).children
            expect(cards).toHaveLength(total)
            expect(cards[0]).toHaveAttribute('aria-setsize', String(total))
          }

          const { image_count } = generated
          const mismatch = image_count !== null && image_count !== total
          expect(screen.queryByText(/^This pack reports /) !== null).toBe(mismatch)
        } finally {
          view.unmount()
          queryClient.clear()
          server.resetHandlers()
          localStorage.clear()
        }
      }),
      // A failure is shrunk page render by page render: report it before the test times out.
      { numRuns: 25, interruptAfterTimeLimit: 40_000 },
    )
  })
})
