import { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { BrowserRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { errorEnvelope, okEnvelope } from '@contract/partner-api/envelope'
import { DOCUMENTED_ERRORS } from '@contract/partner-api/errors'
import { fakeUuid } from '@contract/partner-api/wire'
import { isApiError } from '@/lib/api-error'
import { server, setupMsw } from '@/testing/msw'
import { renderWithProviders } from '@/testing/render'
import { BrowsePacks } from './browse-packs'

setupMsw()

const LIST_URL = '*/api/partner/v1/packs'

interface WireListPack {
  id?: unknown
  name?: unknown
  image_count?: unknown
  preview_image_url?: unknown
  is_public?: unknown
  created_at?: unknown
}

function listPack(n: number, overrides: WireListPack = {}): WireListPack {
  return {
    id: fakeUuid(n, '7c1d3e50'),
    name: `Pack ${n}`,
    image_count: n,
    preview_image_url: `https://cdn.example.com/${n}.jpg`,
    is_public: n % 2 === 0,
    created_at: new Date(Date.now() - n * 86_400_000).toISOString(),
    ...overrides,
  }
}

/** Answers the list with `packs`; returns the query of every request it gets. */
function serveList(packs: WireListPack[], total = packs.length) {
  const queries: string[] = []
  server.use(
    http.get(LIST_URL, ({ request }) => {
      const url = new URL(request.url)
      queries.push(url.search.slice(1))
      return HttpResponse.json(
        okEnvelope(
          { packs, total, limit: 24, offset: Number(url.searchParams.get('offset')) },
          'Packs retrieved',
        ),
      )
    }),
  )
  return queries
}

function setup(path = '/', onPrefetchPack = vi.fn(), queryClient?: QueryClient) {
  window.history.replaceState(null, '', path)
  renderWithProviders(
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<BrowsePacks onPrefetchPack={onPrefetchPack} />} />
        <Route path="/packs/:packId" element={<p>pack page</p>} />
      </Routes>
    </BrowserRouter>,
    queryClient,
  )
  return { onPrefetchPack }
}

const cards = async () =>
  within(await screen.findByRole('list', { name: 'Packs' })).getAllByRole('link')

beforeEach(() => {
  window.history.replaceState(null, '', '/')
})
afterEach(() => vi.useRealTimers())

describe('BrowsePacks', () => {
  it('shows each pack as a card linking to its page', async () => {
    serveList([
      listPack(1, { name: 'Coffee Shop 1', image_count: 1, is_public: false }),
      listPack(2, { name: '   ', image_count: 12, is_public: true, created_at: 'not a date' }),
      listPack(3, { is_public: 'maybe', image_count: null }),
    ])
    setup()

    expect(await screen.findByRole('heading', { level: 2, name: 'Browse packs' })).toBeVisible()
    const [first, second, third] = await cards()
    expect(first).toHaveAttribute('href', `/packs/${fakeUuid(1, '7c1d3e50')}`)
    expect(first).toHaveAccessibleName(/Coffee Shop 1/)
    expect(first).toHaveTextContent('1 image')
    expect(first).toHaveTextContent('Private')
    expect(first).toHaveTextContent('Created yesterday')
    expect(second).toHaveTextContent('Untitled pack')
    expect(second).toHaveTextContent('12 images')
    expect(second).toHaveTextContent('Public')
    expect(second).toHaveTextContent('Creation date unknown')
    expect(third).toHaveTextContent('Visibility unknown')
    expect(third).toHaveTextContent('Image count unknown')
    expect(screen.getByText('3 packs')).toHaveAttribute('aria-live', 'polite')
  })

  it('never uses an unsafe preview URL as an image source', async () => {
    serveList([
      listPack(1, { preview_image_url: 'javascript:alert(1)' }),
      listPack(2, { preview_image_url: '/relative.jpg' }),
      listPack(3, { preview_image_url: 'https://cdn.example.com/ok.jpg' }),
      listPack(4, { preview_image_url: null }),
    ])
    setup()
    const links = await cards()
    const sources = links.map((link) => link.querySelector('img')?.getAttribute('src') ?? null)
    expect(sources).toEqual([null, null, 'https://cdn.example.com/ok.jpg', null])
    expect(links[0]).toHaveTextContent('No preview')
  })

  it('skips packs without a usable id instead of failing', async () => {
    serveList([listPack(1), { name: 'No id' }, listPack(2, { id: '' })], 3)
    setup()
    expect(await cards()).toHaveLength(1)
  })

  it('sends the URL’s search, public toggle and page to the API', async () => {
    const queries = serveList([listPack(1)], 60)
    setup('/?q=%20foo%20&public=0&page=2')
    await cards()
    expect(queries).toEqual(['search=foo&limit=24&offset=24&include_public=false'])
    expect(screen.getByText('Page 2 of 3')).toBeVisible()
  })

  it('sends nothing but the page when the URL has no search or toggle', async () => {
    const queries = serveList([listPack(1)])
    setup('/?page=abc')
    await cards()
    expect(queries).toEqual(['limit=24&offset=0'])
    expect(screen.getByText('1 pack')).toBeVisible()
  })

  it('debounces the search into ?q= and starts again at page 1', async () => {
    const queries = serveList([listPack(1)], 60)
    setup('/?page=2')
    await cards()
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search packs' }), 'tea')
    await waitFor(() => expect(window.location.search).toBe('?q=tea'))
    await waitFor(() => expect(queries).toContain('search=tea&limit=24&offset=0'))
    // One request for the word, none for "t" and "te".
    expect(queries.filter((query) => query.startsWith('search='))).toHaveLength(1)
  })

  it('hides public packs with the toggle', async () => {
    const queries = serveList([listPack(1)])
    setup('/?page=2&q=x')
    await cards()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include public packs' }))
    expect(window.location.search).toBe('?q=x&public=0')
    await waitFor(() =>
      expect(queries).toContain('search=x&limit=24&offset=0&include_public=false'),
    )
  })

  it('pages with Previous and Next, disabled at the ends', async () => {
    const queries = serveList(
      Array.from({ length: 24 }, (_, i) => listPack(i + 1)),
      30,
    )
    setup()
    await cards()
    const previous = screen.getByRole('button', { name: 'Previous' })
    const next = screen.getByRole('button', { name: 'Next' })
    expect(previous).toBeDisabled()
    expect(screen.getByText('Page 1 of 2')).toBeVisible()
    await userEvent.click(next)
    expect(window.location.search).toBe('?page=2')
    await waitFor(() => expect(queries).toContain('limit=24&offset=24'))
    expect(await screen.findByText('Page 2 of 2')).toBeVisible()
    expect(next).toBeDisabled()
    expect(previous).toHaveFocus()
  })

  it('keeps the last page on screen, busy, while the next loads', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.get(LIST_URL, async ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'))
        if (offset > 0) await held
        return HttpResponse.json(okEnvelope({ packs: [listPack(offset + 1)], total: 30 }))
      }),
    )
    setup()
    await cards()
    await userEvent.click(screen.getByRole('button', { name: 'Next' }))
    const list = screen.getByRole('list', { name: 'Packs' })
    await waitFor(() => expect(list).toHaveAttribute('aria-busy', 'true'))
    expect(within(list).getByRole('link')).toHaveAccessibleName(/Pack 1\b/)
    release()
    await waitFor(() => expect(list).toHaveAttribute('aria-busy', 'false'))
    expect(within(list).getByRole('link')).toHaveAccessibleName(/Pack 25/)
  })

  it('shows skeleton cards while the first page loads', async () => {
    server.use(http.get(LIST_URL, () => new Promise<never>(() => {})))
    setup()
    expect(await screen.findByRole('status')).toHaveTextContent('Loading packs…')
  })

  it('says when the next try of a refused first page happens', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    server.use(
      http.get(LIST_URL, () =>
        HttpResponse.json(DOCUMENTED_ERRORS[429], {
          status: 429,
          headers: { 'retry-after': '2' },
        }),
      ),
    )
    // One retry, after the server's Retry-After, as the app's client does it.
    const retrying = new QueryClient({
      defaultOptions: {
        queries: {
          retry: 1,
          retryDelay: (_count, error) =>
            isApiError(error) ? (error.retryAfterSeconds ?? 0) * 1000 : 0,
        },
      },
    })
    setup('/', vi.fn(), retrying)
    await act(() => vi.advanceTimersByTimeAsync(0))
    const status = screen.getByRole('status')
    // Shown, not only read out, once a try has failed.
    expect(status).not.toHaveClass('sr-only')
    expect(status).toHaveTextContent(/^Loading packs… still trying\. Trying again in 2 s…/)
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(status).toHaveTextContent(/Trying again in 1 s…/)
    await act(() => vi.advanceTimersByTimeAsync(1000))
    // The second try's answer takes a few turns of the event loop through MSW.
    for (let i = 0; i < 10 && !screen.queryByRole('alert'); i++) {
      await act(() => vi.advanceTimersByTimeAsync(1))
    }
    const alert = screen.getByRole('alert')
    expect(within(alert).getByRole('heading')).toHaveTextContent('Too many requests')
  })

  it('says when a search matches nothing, and clears it', async () => {
    const queries = serveList([])
    setup('/?q=zzz')
    expect(await screen.findByRole('heading', { name: 'No packs match “zzz”.' })).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(window.location.search).toBe('')
    await waitFor(() =>
      expect(queries).toEqual(['search=zzz&limit=24&offset=0', 'limit=24&offset=0']),
    )
    expect(screen.getByRole('searchbox', { name: 'Search packs' })).toHaveValue('')
  })

  it('says so when there are no packs at all', async () => {
    serveList([])
    setup()
    expect(await screen.findByRole('heading', { name: 'No packs yet' })).toBeVisible()
    expect(screen.getByText('0 packs')).toBeVisible()
  })

  it('offers a way back from a page past the end', async () => {
    const queries = serveList([], 30)
    setup('/?page=9')
    expect(await screen.findByRole('heading', { name: 'There is no page 9' })).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: 'Go to page 1' }))
    expect(window.location.search).toBe('')
    await waitFor(() => expect(queries).toContain('limit=24&offset=0'))
  })

  it('explains a 422 invalid_query and resets the list', async () => {
    server.use(
      http.get(LIST_URL, ({ request }) =>
        new URL(request.url).searchParams.has('search')
          ? HttpResponse.json(errorEnvelope(422, 'search too long', 'invalid_query'), {
              status: 422,
            })
          : HttpResponse.json(okEnvelope({ packs: [listPack(1)], total: 1 })),
      ),
    )
    setup('/?q=bad&public=0')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading')).toHaveTextContent('That search could not be run')
    expect(alert).toHaveTextContent('search too long')
    await userEvent.click(within(alert).getByRole('button', { name: 'Clear search and filters' }))
    expect(window.location.search).toBe('')
    expect(await cards()).toHaveLength(1)
  })

  it('shows the shared API error screen for other failures, with Retry', async () => {
    let fail = true
    server.use(
      http.get(LIST_URL, () =>
        fail
          ? HttpResponse.json(DOCUMENTED_ERRORS[402], { status: 402 })
          : HttpResponse.json(okEnvelope({ packs: [listPack(1)], total: 1 })),
      ),
    )
    setup()
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading')).toHaveTextContent('Subscription required')
    fail = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await cards()).toHaveLength(1)
  })

  it('words a 404 for the list, not for one pack', async () => {
    server.use(
      http.get(LIST_URL, () =>
        HttpResponse.json(errorEnvelope(404, 'Not found', 'not_found'), { status: 404 }),
      ),
    )
    setup()
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Pack list not found',
    )
    expect(alert).not.toHaveTextContent(/No pack with this ID/)
  })

  it('asks for the pack on hover and on focus', async () => {
    serveList([listPack(1), listPack(2)])
    const { onPrefetchPack } = setup()
    const [first, second] = await cards()
    await userEvent.hover(first!)
    await waitFor(() => expect(onPrefetchPack).toHaveBeenCalledWith(fakeUuid(1, '7c1d3e50')))
    second!.focus()
    expect(onPrefetchPack).toHaveBeenLastCalledWith(fakeUuid(2, '7c1d3e50'))
  })
})
