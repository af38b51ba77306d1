import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { renderRoutes } from '@/testing/render'
import { RECENT_PACKS_KEY, recordRecentPack } from '@/lib/recent-packs'
import { PackLookupForm } from './pack-lookup-form'
import { RecentPacks } from './recent-packs'

const ALPHA = '11111111-1111-1111-1111-111111111111'
const BETA = '22222222-2222-2222-2222-222222222222'

function LookupPage() {
  return (
    <>
      <PackLookupForm />
      <RecentPacks />
    </>
  )
}

function setup() {
  return renderRoutes(
    [
      { path: '/', element: <LookupPage /> },
      { path: '/packs/:packId', element: <p>pack page</p> },
    ],
    '/',
  )
}

beforeEach(() => {
  localStorage.clear()
})

describe('RecentPacks', () => {
  it('renders nothing until a pack has been opened', () => {
    setup()
    expect(screen.queryByRole('region', { name: 'Recent packs' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Clear recent packs' })).toBeNull()
  })

  it('links to each recent pack, newest first', async () => {
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)
    recordRecentPack({ id: ALPHA, name: 'Alpha pack' }, minutesAgo(180))
    recordRecentPack({ id: BETA, name: '  ' }, minutesAgo(5))
    const { location } = setup()

    const section = screen.getByRole('region', { name: 'Recent packs' })
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Recent packs')
    const links = within(section).getAllByRole('link')
    expect(links).toHaveLength(2)
    expect(links[0]).toHaveAttribute('href', `/packs/${BETA}`)
    expect(links[0]).toHaveTextContent('Untitled pack')
    expect(links[0]).toHaveTextContent(BETA)
    expect(links[0]).toHaveTextContent('Opened 5 minutes ago')
    expect(links[1]).toHaveAttribute('href', `/packs/${ALPHA}`)
    expect(links[1]).toHaveTextContent('Alpha pack')
    expect(links[1]).toHaveTextContent('Opened 3 hours ago')

    await userEvent.click(links[1]!)
    expect(location().pathname).toBe(`/packs/${ALPHA}`)
  })

  it('clears the list and hands focus to the Pack ID field', async () => {
    recordRecentPack({ id: ALPHA, name: 'Alpha pack' })
    setup()

    const clear = screen.getByRole('button', { name: 'Clear recent packs' })
    clear.focus()
    await userEvent.keyboard('{Enter}')

    expect(screen.queryByRole('region', { name: 'Recent packs' })).toBeNull()
    expect(localStorage.getItem(RECENT_PACKS_KEY)).toBeNull()
    expect(screen.getByLabelText('Pack ID')).toHaveFocus()
  })
})
