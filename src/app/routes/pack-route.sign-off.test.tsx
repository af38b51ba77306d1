import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { packSchema } from '@contract/partner-api/pack'
import { createImage, createMetadata, createPack } from '@contract/partner-api/wire'
import { fingerprintOf } from '@contract/review-api/fingerprint'
import { REVIEWER_NAME_KEY } from '@/lib/reviewer-name'
import { stubDialogMethods } from '@/testing/dialog'
import { reviewApi, servePack, setupMsw } from '@/testing/msw'
import { renderRoutes } from '@/testing/render'
import { PackPage } from './pack-route'
import { ReportPage } from './report-route'

setupMsw()
beforeAll(stubDialogMethods)

const wire = createPack({
  id: '5e7d1c2a-0000-4000-8000-00000000a001',
  name: 'Sign-off Pack',
  images: [
    createImage({ metadata: createMetadata({ description: 'One', keywords: ['sun'] }) }),
    createImage({ metadata: createMetadata({ description: 'Two', keywords: ['sun', 'sea'] }) }),
    createImage({ metadata: createMetadata({ description: 'Three', keywords: [] }) }),
  ],
})
const images = packSchema.parse(wire).images

/** Records decisions as another reviewer, on the metadata the page shows. */
function decideAll(decisions: ('approved' | 'rejected' | null)[], reviewer = 'Sam Okafor') {
  decisions.forEach((decision, index) => {
    if (decision === null) return
    reviewApi.seed(wire.id, images[index]!.id, {
      decision,
      fingerprint: fingerprintOf(images[index]!),
      reviewer,
      ...(decision === 'rejected' ? { reasons: ['bad-keywords'] } : {}),
    })
  })
}

const renderPack = (path = `/packs/${wire.id}`) =>
  renderRoutes(
    [
      { path: '/packs/:packId', element: <PackPage /> },
      { path: '/packs/:packId/report', element: <ReportPage /> },
    ],
    path,
  )

const signOffButton = () => screen.findByRole('button', { name: 'Sign off pack' })

beforeEach(() => {
  vi.stubGlobal('innerHeight', 5000)
  vi.stubGlobal('scrollTo', () => {})
  servePack(wire)
})
afterEach(() => localStorage.clear())

describe('pack route: sign-off', () => {
  it('is disabled while images need review, and says why, visibly and as its description', async () => {
    localStorage.setItem(REVIEWER_NAME_KEY, 'Dana Reyes')
    decideAll(['approved', null, null])
    renderPack()
    const button = await signOffButton()
    await waitFor(() => expect(button).toHaveAccessibleDescription('2 images need review'))
    expect(button).toHaveAttribute('aria-disabled', 'true')
    // The description is the text shown beside it.
    expect(document.getElementById(button.getAttribute('aria-describedby')!)).toBeVisible()
    await userEvent.click(button)
    expect(reviewApi.requests.some((request) => request.url.pathname.endsWith('/sign-off'))).toBe(
      false,
    )
  })

  it('signs off once every image is decided, shows who and when, and withdraws', async () => {
    localStorage.setItem(REVIEWER_NAME_KEY, 'Dana Reyes')
    decideAll(['approved', 'rejected', 'approved'])
    renderPack()
    const button = await signOffButton()
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    expect(button).not.toHaveAccessibleDescription()
    await userEvent.click(button)

    expect(await screen.findByText('Signed off by Dana Reyes')).toBeVisible()
    const signed = reviewApi.signOffOf(wire.id)
    expect(signed).toMatchObject({ reviewer: 'Dana Reyes', counts: { total: 3, approved: 2 } })
    const time = screen.getByText('Signed off by Dana Reyes').parentElement!.querySelector('time')
    expect(time).toHaveAttribute('dateTime', new Date(signed!.signed_at).toISOString())
    expect(screen.queryByRole('button', { name: 'Sign off pack' })).toBeNull()
    expect(screen.queryByText('Changed since sign-off')).toBeNull()

    await userEvent.click(screen.getByRole('button', { name: 'Withdraw sign-off' }))
    expect(await signOffButton()).toBeVisible()
    expect(screen.queryByText('Signed off by Dana Reyes')).toBeNull()
    expect(reviewApi.signOffOf(wire.id)).toBeNull()
  })

  it('asks for the name first when nobody is named yet, then signs off with it', async () => {
    decideAll(['approved', 'approved', 'approved'])
    renderPack()
    const button = await signOffButton()
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    const dialog = await screen.findByRole('dialog', { name: 'Who is reviewing?' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Your name' }), 'Ada')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Signed off by Ada')).toBeVisible()
    expect(reviewApi.signOffOf(wire.id)?.reviewer).toBe('Ada')
  })

  it('says what changed since the sign-off when a decision changes', async () => {
    localStorage.setItem(REVIEWER_NAME_KEY, 'Dana Reyes')
    decideAll(['approved', 'approved', 'approved'])
    renderPack()
    const button = await signOffButton()
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    await screen.findByText('Signed off by Dana Reyes')

    // Image #2 rejected here: the counts differ from the sign-off's at once.
    const buttons = screen.getByRole('group', { name: 'Review image #2' })
    await userEvent.click(within(buttons).getByRole('button', { name: 'Reject' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reject image #2' })
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Wrong description' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject' }))

    const changed = await screen.findByText('Changed since sign-off')
    expect(changed.parentElement).toHaveTextContent('1 fewer approved, 1 more rejected')
    // Fully reviewed still: it can be signed off again.
    expect(await signOffButton()).toHaveAttribute('aria-disabled', 'false')
  })

  it('shows the server’s refusal when images need review there (409)', async () => {
    localStorage.setItem(REVIEWER_NAME_KEY, 'Dana Reyes')
    decideAll(['approved', 'approved', 'approved'])
    reviewApi.needingReview.set(wire.id, 1)
    renderPack()
    const button = await signOffButton()
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'))
    await userEvent.click(button)
    expect(await screen.findByRole('alert')).toHaveTextContent('1 image needs review')
    expect(screen.queryByText(/Signed off by/)).toBeNull()
  })
})

describe('report route', () => {
  /** A section's table rows as [label, ...numbers] text. */
  const rowsOf = (title: string) => {
    const section = screen.getByRole('region', { name: title })
    return within(section)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
  }

  it('shows the pack’s numbers in a chart and a table per section, and prints', async () => {
    decideAll(['approved', 'rejected', null])
    const print = vi.fn()
    vi.stubGlobal('print', print)
    renderPack(`/packs/${wire.id}/report`)
    expect(await screen.findByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
    expect(screen.getByText('Sign-off Pack')).toBeVisible()
    await waitFor(() => expect(rowsOf('Review progress')).toContainEqual(['Approved', '1']))
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent),
    ).toEqual([
      'Metadata status',
      'Review progress',
      'Decisions by reason',
      'Decisions by reviewer',
      'Errors by message',
      '20 most frequent keywords',
      'Images by generation date',
    ])
    expect(rowsOf('Metadata status')[0]).toEqual(['Completed', '3'])
    expect(rowsOf('Review progress')).toEqual([
      ['Approved', '1'],
      ['Rejected', '1'],
      ['Unreviewed', '1'],
      ['Outdated', '0'],
    ])
    expect(rowsOf('Decisions by reason')).toContainEqual(['Wrong or missing keywords', '1'])
    expect(rowsOf('Decisions by reviewer')).toEqual([['Sam Okafor', '1', '1', '2']])
    expect(rowsOf('20 most frequent keywords')).toEqual([
      ['sun', '2'],
      ['sea', '1'],
    ])
    expect(rowsOf('Images by generation date')).toEqual([['2026-02-17', '3']])
    const chart = within(screen.getByRole('region', { name: 'Review progress' })).getByRole('img')
    expect(chart).toHaveAccessibleName(
      'Review progress: Approved 1, Rejected 1, Unreviewed 1, Outdated 0',
    )
    expect(
      within(screen.getByRole('region', { name: 'Errors by message' })).getByText(
        'No image has an error.',
      ),
    ).toBeVisible()

    await userEvent.click(screen.getByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledOnce()
  })

  it('is linked from the pack page', async () => {
    renderPack()
    const link = await screen.findByRole('link', { name: 'QA report' })
    await userEvent.click(link)
    expect(await screen.findByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
  })
})
