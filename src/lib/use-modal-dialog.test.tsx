import { render, screen } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { stubDialogMethods } from '@/testing/dialog'
import { useModalDialog } from './use-modal-dialog'

function Dialog() {
  const ref = useModalDialog()
  return (
    <dialog ref={ref} aria-label="Example">
      <button type="button">Inside</button>
    </dialog>
  )
}

describe('useModalDialog', () => {
  beforeAll(stubDialogMethods)

  it('opens its dialog as a modal once, when it is mounted', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal')
    const { rerender } = render(<Dialog />)
    rerender(<Dialog />)
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('dialog', { name: 'Example' })).toHaveAttribute('open')
  })
})
