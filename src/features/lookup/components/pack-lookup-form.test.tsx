import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderRoutes } from '@/testing/render'
import { PackLookupForm } from './pack-lookup-form'

const ID = '11111111-1111-1111-1111-111111111111'

function setup() {
  return renderRoutes(
    [
      { path: '/', element: <PackLookupForm /> },
      { path: '/packs/:packId', element: <p>pack page</p> },
    ],
    '/',
  )
}

describe('PackLookupForm', () => {
  it('opens the pack whose ID is somewhere in the pasted text', async () => {
    const { location } = setup()
    await userEvent.type(
      screen.getByLabelText('Pack ID'),
      `see https://app.example/packs/${ID}?x=1`,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Open pack' }))
    expect(location().pathname).toBe(`/packs/${ID}`)
  })

  it('explains inline when there is no ID, and stays put', async () => {
    const { location } = setup()
    const field = screen.getByLabelText('Pack ID')
    await userEvent.type(field, 'summer pack{Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent('No pack ID found')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(/No pack ID found/)
    expect(location().pathname).toBe('/')
    await userEvent.type(field, 'x')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
