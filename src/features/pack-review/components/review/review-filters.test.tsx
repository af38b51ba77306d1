import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { facetsOf, NO_FILTERS, type Facets } from '@/features/pack-review/lib/pack-filters'
import { ReviewFilters } from './review-filters'

const facets: Facets = {
  ...facetsOf([], new Set()),
  reviews: { approved: 3, rejected: 2, unreviewed: 10, outdated: 1 },
  reasons: {
    'wrong-description': 2,
    'missing-detail': 0,
    'bad-keywords': 1,
    unsafe: 0,
    'image-problem': 0,
    other: 0,
  },
}

describe('ReviewFilters', () => {
  it('has a button per state and per reason some rejection gave, with counts', () => {
    render(<ReviewFilters filters={NO_FILTERS} facets={facets} onChange={() => {}} />)
    const states = screen.getByRole('group', { name: 'Filter by review' })
    expect([...states.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Approved (3)',
      'Rejected (2)',
      'Unreviewed (10)',
      'Outdated (1)',
    ])
    const reasons = screen.getByRole('group', { name: 'Filter by reason' })
    expect([...reasons.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Wrong description (2)',
      'Wrong or missing keywords (1)',
    ])
  })

  it('toggles states and reasons, pressed while selected', async () => {
    const onChange = vi.fn()
    const filters = { ...NO_FILTERS, reviews: ['rejected' as const], reasons: ['unsafe' as const] }
    render(<ReviewFilters filters={filters} facets={facets} onChange={onChange} />)
    expect(screen.getByRole('button', { name: 'Rejected (2)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    // Selected, so still offered at 0 to be turned off.
    await userEvent.click(screen.getByRole('button', { name: 'Unsafe or off-brand (0)' }))
    expect(onChange).toHaveBeenLastCalledWith({ reasons: [] })
    await userEvent.click(screen.getByRole('button', { name: 'Outdated (1)' }))
    expect(onChange).toHaveBeenLastCalledWith({ reviews: ['rejected', 'outdated'] })
  })
})
