import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { stubDialogMethods } from '@/testing/dialog'
import { NameDialog } from './name-dialog'

beforeAll(stubDialogMethods)

describe('NameDialog', () => {
  it('asks for Your name and saves it trimmed', async () => {
    const onSave = vi.fn()
    render(<NameDialog initial={null} onSave={onSave} onCancel={() => {}} />)
    expect(screen.getByRole('dialog', { name: 'Who is reviewing?' })).toBeInTheDocument()
    const field = screen.getByRole('textbox', { name: 'Your name' })
    expect(field).toHaveFocus()
    await userEvent.keyboard('  Dana Reyes {Enter}')
    expect(onSave).toHaveBeenCalledWith('Dana Reyes')
  })

  it('refuses an empty name and says why', async () => {
    const onSave = vi.fn()
    render(<NameDialog initial={null} onSave={onSave} onCancel={() => {}} />)
    await userEvent.keyboard('   ')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(onSave).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your name to record decisions.')
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
  })

  it('starts from the current name, to change it', async () => {
    const onSave = vi.fn()
    render(<NameDialog initial="Dana" onSave={onSave} onCancel={() => {}} />)
    await userEvent.keyboard('Sam{Enter}')
    expect(onSave).toHaveBeenCalledWith('Sam')
  })
})
