import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { stubDialogMethods } from '@/testing/dialog'
import { BulkConfirmDialog } from './bulk-confirm-dialog'

beforeAll(stubDialogMethods)

function renderDialog(kind: 'approve' | 'clear', count: number, selected = count) {
  const onConfirm = vi.fn()
  const onCancel = vi.fn()
  render(
    <BulkConfirmDialog
      kind={kind}
      count={count}
      selected={selected}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />,
  )
  return { onConfirm, onCancel }
}

describe('BulkConfirmDialog', () => {
  it('asks Approve <n> images? with the action focused, so Enter confirms', async () => {
    const { onConfirm, onCancel } = renderDialog('approve', 10_000)
    const dialog = screen.getByRole('dialog', { name: 'Approve 10,000 images?' })
    expect(dialog).toHaveAccessibleDescription(/Each of these 10,000 images is marked Approved/)
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onConfirm).toHaveBeenCalledOnce()
    expect(onCancel).not.toHaveBeenCalled()
  })

  it('asks Clear <n> decisions?, says how many selected it leaves alone, and cancels', async () => {
    const { onConfirm, onCancel } = renderDialog('clear', 3, 5)
    const dialog = screen.getByRole('dialog', { name: 'Clear 3 decisions?' })
    expect(dialog).toHaveTextContent('2 of the 5 selected have no decision.')
    expect(screen.getByRole('button', { name: 'Clear decisions' })).toHaveFocus()
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledOnce()
    expect(onConfirm).not.toHaveBeenCalled()
  })
})
