import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { okEnvelope } from '@contract/partner-api/envelope'
import { packPath } from '@contract/partner-api/paths'
import { fakeUuid } from '@contract/partner-api/wire'
import type { ActivityEntryWire } from '@contract/review-api/activity'
import { reviewActivityPath } from '@contract/review-api/paths'
import { server, setupMsw } from '@/testing/msw'
import { renderWithProviders } from '@/testing/render'
import { ActivitySection } from './activity-section'

setupMsw()

const PACK = fakeUuid(7, 'bbbbbbbb')
const REMOVED = '3f2a1b0c-0000-4000-8000-000000000001'
const URL_A = 'https://cdn.example.com/shots/cat.png'

let nextId = 100
function wire(extra: Partial<ActivityEntryWire> = {}): ActivityEntryWire {
  return {
    id: String(nextId--),
    pack_id: PACK,
    action: 'delete_image',
    intent: 'remove',
    actor: 'Dana',
    at: new Date(Date.now() - 5 * 60_000).toISOString(),
    image_ids: [REMOVED],
    urls: [URL_A],
    details: {},
    status: 200,
    ok: true,
    error_code: null,
    ...extra,
  }
}

/** Serves the pack's activity from `pages` (by `before`), counting the reads. */
function serveActivity(pages: Record<string, { entries: unknown[]; next_before: string | null }>) {
  const reads: (string | null)[] = []
  server.use(
    http.get(`*${reviewActivityPath(PACK)}`, ({ request }) => {
      const before = new URL(request.url).searchParams.get('before')
      reads.push(before)
      const page = pages[before ?? 'first']!
      return HttpResponse.json(okEnvelope({ pack_id: PACK, ...page }, 'Activity retrieved'))
    }),
  )
  return reads
}

/** IntersectionObserver, moved by the test: `near()` brings the section close to the screen. */
let observers: { callback: IntersectionObserverCallback; observed: Element[] }[] = []
const near = () =>
  act(() => {
    for (const { callback, observed } of observers)
      callback(
        observed.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
        {} as IntersectionObserver,
      )
  })

beforeEach(() => {
  observers = []
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observed: Element[] = []
      constructor(callback: IntersectionObserverCallback) {
        observers.push({ callback, observed: this.observed })
      }
      observe(element: Element) {
        this.observed.push(element)
      }
      disconnect() {}
    },
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function renderSection(props: { editing?: boolean; onImagesAdded?: () => void } = {}) {
  return renderWithProviders(
    <ActivitySection
      packId={PACK}
      editing={props.editing ?? true}
      user="Dana"
      onImagesAdded={props.onImagesAdded ?? (() => {})}
    />,
  )
}

describe('ActivitySection', () => {
  it('asks for nothing until it nears the screen, then lists the entries newest first', async () => {
    const reads = serveActivity({
      first: {
        entries: [
          wire({
            action: 'update_pack',
            intent: 'rename',
            image_ids: [],
            urls: [],
            details: { name: 'Autumn' },
          }),
          wire({
            action: 'update_pack',
            intent: 'publish',
            image_ids: [],
            urls: [],
            details: { is_public: true },
            ok: false,
            status: 500,
            error_code: 'pack_update_failed',
          }),
          wire({ urls: ['javascript:alert(1)'] }),
        ],
        next_before: null,
      },
    })
    renderSection()
    expect(screen.getByRole('region', { name: 'Activity' })).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reads).toEqual([])

    await near()
    const items = await screen.findAllByRole('listitem')
    const top = items.filter((item) => item.parentElement?.tagName === 'OL')
    expect(top.map((item) => item.querySelector('p')!.textContent)).toEqual([
      'Dana renamed the pack to “Autumn”',
      'Dana tried to make the pack public',
      'Dana removed image 3f2a1b0c…',
    ])
    expect(top[0]).toHaveTextContent('Done')
    expect(top[1]).toHaveTextContent(
      'Failed: the Genviral API could not make the change (HTTP 500, pack_update_failed)',
    )
    const time = top[0]!.querySelector('time')!
    expect(time).toHaveAttribute('dateTime')
    expect(time.title).not.toBe('')
    expect(time).toHaveTextContent('5 minutes ago')
    // The image ID in full, and a URL no browser should follow as text, not a link.
    expect(top[2]).toHaveTextContent(REMOVED)
    expect(within(top[2]!).getByText('javascript:alert(1)').closest('a')).toBeNull()
    expect(reads).toEqual([null])
  })

  it('near but below the screen of a page just loaded, waits for a scroll', async () => {
    const reads = serveActivity({ first: { entries: [], next_before: null } })
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      top: 1400,
    } as DOMRect)
    renderSection()
    await near()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reads).toEqual([])
    vi.stubGlobal('scrollY', 300)
    await act(() => window.dispatchEvent(new Event('scroll')))
    expect(await screen.findByText('No changes made through Pack Explorer yet')).toBeVisible()
    expect(reads).toEqual([null])
  })

  it('shows an http(s) URL as a link', async () => {
    serveActivity({ first: { entries: [wire()], next_before: null } })
    renderSection()
    await near()
    expect(await screen.findByRole('link', { name: URL_A })).toHaveAttribute('href', URL_A)
  })

  it('says when nothing was changed through Pack Explorer yet', async () => {
    serveActivity({ first: { entries: [], next_before: null } })
    renderSection()
    await near()
    expect(await screen.findByText('No changes made through Pack Explorer yet')).toBeVisible()
  })

  it('shows an entry it does not fully know, and counts one it cannot read', async () => {
    serveActivity({
      first: {
        entries: [
          {
            ...wire(),
            action: 'merge_packs',
            intent: 'tidy',
            details: { from: { a: 1 } },
            extra: 1,
          },
          { id: 'not-an-entry' },
        ],
        next_before: null,
      },
    })
    renderSection()
    await near()
    expect(await screen.findByText('made a change', { exact: false })).toBeVisible()
    expect(screen.getByText('Recorded as “merge_packs”')).toBeVisible()
    expect(screen.getByText('from: {"a":1}')).toBeVisible()
    expect(screen.getByText('1 entry could not be read and is not shown.')).toBeVisible()
  })

  it('says plainly when the review store is down, and tries again when asked', async () => {
    let down = true
    server.use(
      http.get(`*${reviewActivityPath(PACK)}`, () =>
        down
          ? HttpResponse.json(
              {
                ok: false,
                code: 503,
                message: 'Reviews are unavailable.',
                error_code: 'reviews_unavailable',
              },
              { status: 503 },
            )
          : HttpResponse.json(okEnvelope({ pack_id: PACK, entries: [], next_before: null })),
      ),
    )
    renderSection()
    await near()
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Activity is unavailable right now: the review database cannot be reached.',
    )
    down = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('No changes made through Pack Explorer yet')).toBeVisible()
  })

  it('loads older entries with Show older', async () => {
    const reads = serveActivity({
      first: { entries: [wire({ id: '30' })], next_before: '30' },
      30: { entries: [wire({ id: '20', actor: 'Sam' })], next_before: null },
    })
    renderSection()
    await near()
    await userEvent.click(await screen.findByRole('button', { name: 'Show older' }))
    expect(await screen.findByText('Sam')).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull()
    expect(reads).toEqual([null, '30'])
  })

  it('offers no Add back for the delete of a retry, a failed removal, or an undo', async () => {
    serveActivity({
      first: {
        entries: [
          wire({ intent: 'retry' }),
          wire({ ok: false, status: 404, error_code: 'image_not_found' }),
          wire({ intent: 'undo' }),
        ],
        next_before: null,
      },
    })
    renderSection()
    await near()
    expect(await screen.findAllByText(/3f2a1b0c…/)).toHaveLength(3)
    expect(screen.queryByRole('button', { name: 'Add back' })).toBeNull()
  })

  it('Add back adds the URL again as an add back, says so, and reads the pack and log again', async () => {
    let added = false
    const reads = serveActivity({ first: { entries: [wire()], next_before: null } })
    const posts: { body: unknown; intent: string | null }[] = []
    let answer: () => void = () => {}
    server.use(
      http.post(`*${packPath(PACK)}/images`, async ({ request }) => {
        posts.push({
          body: await request.json(),
          intent: request.headers.get('x-pack-explorer-intent'),
        })
        await new Promise<void>((resolve) => (answer = resolve))
        added = true
        return HttpResponse.json(okEnvelope({ id: fakeUuid(9), url: URL_A }, 'Image added'), {
          status: 201,
        })
      }),
    )
    const onImagesAdded = vi.fn()
    renderSection({ onImagesAdded })
    await near()
    await userEvent.click(await screen.findByRole('button', { name: 'Add back' }))
    expect(await screen.findByText('Adding back…')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Add back' })).toBeDisabled()
    answer()
    expect(await screen.findByText('Added back')).toBeVisible()
    expect(added).toBe(true)
    expect(posts).toEqual([
      { body: { image_url: URL_A, file_name: 'cat.png' }, intent: 'add-back' },
    ])
    expect(onImagesAdded).toHaveBeenCalledOnce()
    await waitFor(() => expect(reads).toEqual([null, null]))
    expect(screen.queryByRole('button', { name: 'Add back' })).toBeNull()
  })

  it('says why an Add back failed, and tries again', async () => {
    serveActivity({ first: { entries: [wire()], next_before: null } })
    let fail = true
    server.use(
      http.post(`*${packPath(PACK)}/images`, () =>
        fail
          ? HttpResponse.json(
              { ok: false, code: 429, message: 'Slow down', error_code: 'rate_limited' },
              { status: 429 },
            )
          : HttpResponse.json(okEnvelope({ id: fakeUuid(9), url: URL_A }), { status: 201 }),
      ),
    )
    renderSection()
    await near()
    await userEvent.click(await screen.findByRole('button', { name: 'Add back' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not added back: Too many changes at once. Wait a moment, then try again.',
    )
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Added back')).toBeVisible()
  })

  it('Add back says why it is off when editing is turned off', async () => {
    serveActivity({ first: { entries: [wire()], next_before: null } })
    renderSection({ editing: false })
    await near()
    const button = await screen.findByRole('button', { name: 'Add back' })
    expect(button).toBeDisabled()
    expect(button).toHaveAttribute('title', 'Editing is turned off on this server')
  })

  it('knows from the log that a removal was added back already', async () => {
    serveActivity({
      first: {
        entries: [
          wire({ action: 'add_image', intent: 'add-back', image_ids: [fakeUuid(9)] }),
          wire(),
        ],
        next_before: null,
      },
    })
    renderSection()
    await near()
    expect(await screen.findByText('Added back')).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Add back' })).toBeNull()
  })

  it('without IntersectionObserver, loads when asked', async () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    serveActivity({ first: { entries: [], next_before: null } })
    renderSection()
    await userEvent.click(screen.getByRole('button', { name: 'Show activity' }))
    expect(await screen.findByText('No changes made through Pack Explorer yet')).toBeVisible()
  })
})
