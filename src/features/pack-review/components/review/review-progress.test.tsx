import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { wholeText } from '@/testing/render'
import { ReviewProgress } from './review-progress'

describe('ReviewProgress', () => {
  it('says Reviewed x of y, with a progress bar', () => {
    render(<ReviewProgress availability={{ status: 'ready' }} reviewed={3} total={16} />)
    expect(screen.getByText(wholeText('Reviewed 3 of 16'))).toBeInTheDocument()
    const bar = screen.getByRole('progressbar', { name: 'Images reviewed' })
    expect(bar).toHaveAttribute('aria-valuenow', '3')
    expect(bar).toHaveAttribute('aria-valuemax', '16')
    expect(bar).toHaveAttribute('aria-valuetext', '3 of 16 (19%)')
  })

  it('says Reviews unavailable, and why, when the store cannot be reached', () => {
    render(
      <ReviewProgress
        availability={{ status: 'unavailable', reason: 'The review store is not reachable.' }}
        reviewed={0}
        total={16}
      />,
    )
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reviews unavailable: The review store is not reachable.',
    )
    expect(screen.queryByRole('progressbar')).toBeNull()
  })
})
