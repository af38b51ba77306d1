import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { stubDialogMethods } from '@/testing/dialog'
import { RejectDialog } from './reject-dialog'

beforeAll(stubDialogMethods)

function renderDialog(initial: Parameters<typeof RejectDialog>[0]['initial'] = null) {
  const onReject = vi.fn()
  const onCancel = vi.fn()
  render(<RejectDialog position={7} initial={initial} onReject={onReject} onCancel={onCancel} />)
  return { onReject, onCancel, dialog: screen.getByRole('dialog', { name: 'Reject image #7' }) }
}

describe('RejectDialog', () => {
  it('lists the six reasons as checkboxes, with focus on the first', () => {
    renderDialog()
    const boxes = screen.getAllByRole('checkbox')
    expect(boxes.map((box) => box.closest('label')?.textContent)).toEqual([
      'Wrong description1',
      'Missing detail2',
      'Wrong or missing keywords3',
      'Unsafe or off-brand4',
      'Image problem5',
      'Other6',
    ])
    expect(boxes[0]).toHaveFocus()
  })

  it('toggles reasons with 1-6, and Enter rejects with them in the list order', async () => {
    const { onReject } = renderDialog()
    await userEvent.keyboard('3')
    await userEvent.keyboard('1')
    await userEvent.keyboard('6')
    await userEvent.keyboard('6')
    expect(screen.getByRole('checkbox', { name: 'Wrong description' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Wrong or missing keywords' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Other' })).not.toBeChecked()
    await userEvent.keyboard('{Enter}')
    expect(onReject).toHaveBeenCalledWith({
      reasons: ['wrong-description', 'bad-keywords'],
      note: null,
    })
  })

  it('types digits into the note instead of toggling, and Ctrl+Enter there rejects', async () => {
    const { onReject } = renderDialog()
    await userEvent.keyboard('2')
    await userEvent.click(screen.getByRole('textbox', { name: /Note/ }))
    await userEvent.keyboard('Logo 1 is cut off{Enter}second line')
    expect(screen.getByRole('checkbox', { name: 'Wrong description' })).not.toBeChecked()
    expect(onReject).not.toHaveBeenCalled()
    expect(screen.getByText('29 / 2,000')).toBeInTheDocument()
    await userEvent.keyboard('{Control>}{Enter}{/Control}')
    expect(onReject).toHaveBeenCalledWith({
      reasons: ['missing-detail'],
      note: 'Logo 1 is cut off\nsecond line',
    })
  })

  it('needs a reason, and says so instead of rejecting', async () => {
    const { onReject } = renderDialog()
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }))
    expect(onReject).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Choose at least one reason to reject this image.',
    )
    expect(screen.getByRole('checkbox', { name: 'Wrong description' })).toHaveFocus()
    await userEvent.keyboard('5')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('starts from the current rejection, to change it', async () => {
    const { onReject } = renderDialog({ reasons: ['unsafe'], note: 'Off-brand colours' })
    expect(screen.getByRole('checkbox', { name: 'Unsafe or off-brand' })).toBeChecked()
    expect(screen.getByRole('textbox', { name: /Note/ })).toHaveValue('Off-brand colours')
    await userEvent.keyboard('4')
    await userEvent.keyboard('5')
    await userEvent.keyboard('{Enter}')
    expect(onReject).toHaveBeenCalledWith({ reasons: ['image-problem'], note: 'Off-brand colours' })
  })

  it('Cancel and Esc leave without rejecting', async () => {
    const { onReject, onCancel, dialog } = renderDialog()
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    expect(onCancel).toHaveBeenCalledTimes(2)
    expect(onReject).not.toHaveBeenCalled()
  })
})

describe('RejectDialog for many images', () => {
  it('names the count, and rejects them all with the same reasons and note', async () => {
    const onReject = vi.fn()
    render(
      <RejectDialog
        position={2}
        count={1200}
        initial={null}
        onReject={onReject}
        onCancel={vi.fn()}
      />,
    )
    expect(screen.getByRole('dialog', { name: 'Reject 1,200 images?' })).toBeInTheDocument()
    await userEvent.keyboard('{Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Choose at least one reason to reject these images.',
    )
    await userEvent.keyboard('5')
    await userEvent.type(screen.getByRole('textbox', { name: /Note/ }), 'Blurry')
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }))
    expect(onReject).toHaveBeenCalledWith({ reasons: ['image-problem'], note: 'Blurry' })
  })
})
