import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ReviewBadge } from './review-badge'
import { SaveState } from './save-state'

describe('ReviewBadge', () => {
  it('says Approved, Rejected or Outdated in words, with an icon', () => {
    for (const [state, text] of [
      ['approved', 'Approved'],
      ['rejected', 'Rejected'],
      ['outdated', 'Outdated'],
    ] as const) {
      const { container, unmount } = render(<ReviewBadge state={state} />)
      expect(container).toHaveTextContent(text)
      expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
      unmount()
    }
  })

  it('shows nothing while the image is unreviewed', () => {
    const { container } = render(<ReviewBadge state="unreviewed" />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('SaveState', () => {
  it('says Saving… until the decision is acknowledged, then nothing', () => {
    const { container, rerender } = render(
      <SaveState saving="saving" error={null} onRetry={() => {}} />,
    )
    expect(container).toHaveTextContent('Saving…')
    rerender(<SaveState saving={null} error={null} onRetry={() => {}} />)
    expect(container).toBeEmptyDOMElement()
  })

  it('says Not saved, with why, and offers Retry', async () => {
    const onRetry = vi.fn()
    const { container } = render(
      <SaveState saving="failed" error="The server did not answer." onRetry={onRetry} />,
    )
    expect(container).toHaveTextContent('Not saved: The server did not answer.')
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})
