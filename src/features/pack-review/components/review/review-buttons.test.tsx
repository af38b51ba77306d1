import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createImage } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import { reviewImage } from '@/features/pack-review/lib/qa-flags'
import { ReviewButtons } from './review-buttons'

const item = reviewImage(packImageSchema.parse(createImage()), 2, new Map())
const actions = () => ({ approve: vi.fn(), reject: vi.fn(), clear: vi.fn(), retry: vi.fn() })

describe('ReviewButtons', () => {
  it('names each button and its key, icons only when compact', async () => {
    const calls = actions()
    render(<ReviewButtons item={item} state="rejected" actions={calls} compact />)
    const approve = screen.getByRole('button', { name: 'Approve' })
    expect(approve).toHaveAttribute('aria-keyshortcuts', 'a')
    expect(approve).toHaveAttribute('title', 'Approve (A)')
    expect(screen.getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-keyshortcuts', 'x')
    expect(screen.getByRole('button', { name: 'Clear decision' })).toHaveAttribute(
      'aria-keyshortcuts',
      'u',
    )
    await userEvent.click(approve)
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }))
    await userEvent.click(screen.getByRole('button', { name: 'Clear decision' }))
    expect(calls.approve).toHaveBeenCalledWith(item)
    expect(calls.reject).toHaveBeenCalledWith(item)
    expect(calls.clear).toHaveBeenCalledWith(item)
  })

  it('shows its text beside the icon in the viewer', () => {
    render(<ReviewButtons item={item} state="approved" actions={actions()} compact={false} />)
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveTextContent('Approvea')
  })

  it('keeps Clear decision focusable but inert when there is nothing to clear', async () => {
    const calls = actions()
    render(<ReviewButtons item={item} state="unreviewed" actions={calls} compact />)
    const clear = screen.getByRole('button', { name: 'Clear decision' })
    expect(clear).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(clear)
    expect(calls.clear).not.toHaveBeenCalled()
  })
})
