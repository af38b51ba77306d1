import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DOCUMENTED_ERRORS } from '@contract/partner-api/errors'
import {
  createImage,
  createMetadata,
  createPack,
  failedMetadata,
  pendingMetadata,
} from '@contract/partner-api/wire'
import { okEnvelope } from '@contract/partner-api/envelope'
import { packUrl, server, servePack, setupMsw } from '@/testing/msw'
import { fakeImages } from '@/testing/fake-image'
import { renderRoutes, wholeText } from '@/testing/render'
import { PackPage } from './pack-route'

setupMsw()

const renderPack = (packId: string, search = '') =>
  renderRoutes([{ path: '/packs/:packId', element: <PackPage /> }], `/packs/${packId}${search}`)

describe('pack route', () => {
  beforeEach(() => {
    // A tall window, so the virtualized gallery mounts every card of these small packs.
    vi.stubGlobal('innerHeight', 5000)
    vi.stubGlobal('scrollTo', () => {})
  })

  it('shows the pack and every image in API order with its badge', async () => {
    const pack = servePack(
      createPack({
        images: [
          createImage({ metadata: createMetadata({ description: 'First image' }) }),
          createImage({ metadata: pendingMetadata() }),
          createImage({ metadata: failedMetadata('Download failed') }),
          createImage({ metadata: createMetadata({ status: 'brand_new' }) }),
          createImage({ url: 'https://x.test/no-metadata.jpg', metadata: undefined }),
        ],
      }),
    )
    renderPack(pack.id)

    expect(await screen.findByRole('heading', { level: 1, name: 'Motivation Pack' })).toBeVisible()
    const cards = [...screen.getByRole('list', { name: 'Images' }).children] as HTMLElement[]
    expect(cards).toHaveLength(5)
    expect(cards.map((card) => card.getAttribute('aria-posinset'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ])
    expect(cards[0]).toHaveAttribute('aria-setsize', '5')
    expect(within(cards[0]!).getByText('#1')).toBeVisible()
    expect(within(cards[0]!).getByText('First image')).toBeVisible()
    expect(within(cards[0]!).getByText('Completed')).toBeVisible()
    expect(within(cards[1]!).getByText('Pending')).toBeVisible()
    expect(within(cards[2]!).getByText('Error')).toBeVisible()
    expect(within(cards[2]!).getByText('Download failed')).toBeVisible()
    expect(within(cards[3]!).getByText('Unknown')).toHaveAttribute(
      'title',
      'Status reported by the API: brand_new',
    )
    expect(within(cards[4]!).getByText('Unknown')).toBeVisible()
    expect(
      screen.getByRole('progressbar', { name: 'Images with completed metadata' }),
    ).toHaveAttribute('aria-valuenow', '1')
  })

  it('shows an empty pack as such', async () => {
    const pack = servePack(createPack({ images: [], image_count: 0 }))
    renderPack(pack.id)
    expect(await screen.findByText('This pack has no images yet')).toBeVisible()
  })

  it.each([
    [402, 'Subscription required'],
    [403, 'Partner API not included in your plan'],
    [404, 'Pack not found'],
  ] as const)('explains a %i', async (status, title) => {
    const packId = '11111111-1111-1111-1111-111111111111'
    server.use(
      http.get(packUrl(packId), () => HttpResponse.json(DOCUMENTED_ERRORS[status], { status })),
    )
    renderPack(packId)
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading', { name: title })).toBeVisible()
    const { message, error_code } = DOCUMENTED_ERRORS[status]
    expect(
      within(alert)
        .getAllByRole('definition')
        .map((dd) => dd.textContent),
    ).toEqual([message, error_code, String(status)])
    expect(within(alert).getByRole('link', { name: 'Look up another pack' })).toHaveAttribute(
      'href',
      '/',
    )
  })

  it('says what to do when the image count disagrees, and fetches again on request', async () => {
    const user = userEvent.setup()
    const pack = createPack({ image_count: 5, images: [createImage(), createImage()] })
    let requests = 0
    server.use(
      http.get(packUrl(pack.id), () => {
        requests++
        return HttpResponse.json(okEnvelope(pack))
      }),
    )
    renderPack(pack.id)
    const note = await screen.findByRole('note')
    expect(within(note).getByText(/^This pack reports /)).toHaveTextContent(
      /^This pack reports 5 images but the API returned 2\. Fetch the pack again; if the numbers still differ, the API may still be adding images, or copy the details for support\.$/,
    )
    await user.click(within(note).getByRole('button', { name: 'Fetch again' }))
    await waitFor(() => expect(requests).toBe(2))
    await user.click(within(note).getByRole('button', { name: 'Copy details' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toContain(`Pack: ${pack.id} (Motivation Pack)`)
    expect(copied).toContain('image_count: 5\nImages returned: 2\n')
  })

  it('a shared ?flag=broken link checks every image, and shows the broken ones', async () => {
    const images = fakeImages()
    const pack = servePack(
      createPack({ images: [createImage(), createImage(), createImage(), createImage()] }),
    )
    const [first, second, third, fourth] = pack.images.map((image) => image.url!)
    renderPack(pack.id, '?flag=broken')
    const status = await screen.findByText(/^Checking images…/)
    expect(status.closest('[role="status"]')).toHaveTextContent('Checking images… 0 of 4')
    expect(images.loading().map((image) => image.src)).toEqual([first, second, third, fourth])

    act(() => images.fail(third!))
    expect(await screen.findByRole('button', { name: 'Broken image (1)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(screen.getByRole('article', { name: 'Image #3' })).toBeVisible()
    expect(status.closest('[role="status"]')).toHaveTextContent('Checking images… 1 of 4')
    act(() => [first, second, fourth].forEach((url) => images.load(url!)))
    await waitFor(() => expect(screen.queryByText(/^Checking images…/)).toBeNull())
    expect(screen.getByText('Every image checked.')).toBeInTheDocument()
    expect(screen.getByText(wholeText('Showing 1 of 4 images'))).toBeVisible()
  })

  it('checks nothing in the background while the broken count is neither asked for nor shown', async () => {
    const images = fakeImages()
    const pack = servePack()
    renderPack(pack.id)
    expect(await screen.findByText(wholeText('Showing 2 of 2 images'))).toBeVisible()
    expect(images.created).toHaveLength(0)
  })

  it('refuses a malformed id without a request', async () => {
    // MSW fails the test on any unhandled request.
    renderPack('not-a-uuid')
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('heading', { name: 'Invalid pack ID' })).toBeVisible()
  })
})
