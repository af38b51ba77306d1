import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SelectionToolbar } from './selection-toolbar'

function renderToolbar() {
  const handlers = {
    onApprove: vi.fn(),
    onReject: vi.fn(),
    onClearDecisions: vi.fn(),
    onClearSelection: vi.fn(),
  }
  render(
    <>
      <input aria-label="Search" />
      <SelectionToolbar count={1234} exportButtons={null} {...handlers} />
    </>,
  )
  return handlers
}

describe('SelectionToolbar', () => {
  it('says how many are selected, and each button does its action', async () => {
    const handlers = renderToolbar()
    const toolbar = screen.getByRole('toolbar', { name: 'Selection' })
    expect(toolbar).toHaveTextContent('1,234 selected')
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }))
    await userEvent.click(screen.getByRole('button', { name: 'Reject…' }))
    await userEvent.click(screen.getByRole('button', { name: 'Clear decisions' }))
    await userEvent.click(screen.getByRole('button', { name: 'Clear selection' }))
    expect(handlers.onApprove).toHaveBeenCalledOnce()
    expect(handlers.onReject).toHaveBeenCalledOnce()
    expect(handlers.onClearDecisions).toHaveBeenCalledOnce()
    expect(handlers.onClearSelection).toHaveBeenCalledOnce()
  })

  it('clears on Esc, but not while a dialog is open or a text field has the key', () => {
    const { onClearSelection } = renderToolbar()
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: 'Escape' })
    expect(onClearSelection).not.toHaveBeenCalled()

    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    document.body.append(dialog)
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(onClearSelection).not.toHaveBeenCalled()
    dialog.remove()

    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(onClearSelection).toHaveBeenCalledOnce()
  })
})
