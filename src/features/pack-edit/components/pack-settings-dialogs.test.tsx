import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api-error'
import { stubDialogMethods } from '@/testing/dialog'
import { RemoveImagesDialog, RetryConfirmDialog } from './image-write-dialogs'
import { DeletePackDialog, NewPackDialog, RenamePackDialog } from './pack-settings-dialogs'

beforeAll(stubDialogMethods)

const idle = { busy: false, error: null, onCancel: () => {} }

describe('RenamePackDialog', () => {
  it('starts from the name, selected, and saves the new one trimmed', async () => {
    const onSave = vi.fn()
    render(<RenamePackDialog {...idle} name="Summer" onSave={onSave} />)
    const field = screen.getByRole('textbox', { name: 'Pack name' })
    expect(field).toHaveFocus()
    await userEvent.keyboard('  Autumn  {Enter}')
    expect(onSave).toHaveBeenCalledWith('Autumn')
  })

  it('refuses a blank name or one over 120 characters, and says why', async () => {
    const onSave = vi.fn()
    render(<RenamePackDialog {...idle} name="Summer" onSave={onSave} />)
    await userEvent.keyboard('   {Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a name for the pack.')
    await userEvent.keyboard(`${'😀'.repeat(121)}{Enter}`)
    expect(screen.getByRole('alert')).toHaveTextContent('at most 120 characters')
    expect(onSave).not.toHaveBeenCalled()
  })

  it('shows why the write failed and keeps the dialog to try again', () => {
    const error = new ApiError({ kind: 'http', status: 404, message: 'x', errorCode: 'not_found' })
    render(<RenamePackDialog {...idle} error={error} name="Summer" onSave={() => {}} />)
    expect(screen.getByRole('alert')).toHaveTextContent('belongs to another workspace')
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled()
  })
})

describe('NewPackDialog', () => {
  it('creates a private pack by default, or a public one when asked', async () => {
    const onCreate = vi.fn()
    render(<NewPackDialog {...idle} onCreate={onCreate} />)
    await userEvent.keyboard('Launch')
    await userEvent.click(screen.getByRole('checkbox', { name: /Public/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    expect(onCreate).toHaveBeenCalledWith({ name: 'Launch', isPublic: true })
  })

  it('waits while the pack is created', () => {
    render(<NewPackDialog {...idle} busy onCreate={() => {}} />)
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled()
  })
})

describe('DeletePackDialog', () => {
  it('deletes only once the name is typed exactly', async () => {
    const onDelete = vi.fn()
    render(<DeletePackDialog {...idle} name="Summer" imageCount={1200} onDelete={onDelete} />)
    expect(screen.getByRole('dialog', { name: 'Delete Summer?' })).toHaveAccessibleDescription(
      /its 1,200 images are deleted/,
    )
    const field = screen.getByRole('textbox', { name: 'Type the pack name to confirm' })
    await userEvent.type(field, 'summer{Enter}')
    expect(onDelete).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('exactly as shown')
    await userEvent.clear(field)
    await userEvent.type(field, 'Summer')
    await userEvent.click(screen.getByRole('button', { name: 'Delete pack' }))
    expect(onDelete).toHaveBeenCalledOnce()
  })
})

describe('RemoveImagesDialog and RetryConfirmDialog', () => {
  it('names what it removes', () => {
    const { unmount } = render(
      <RemoveImagesDialog
        images={{ position: 7 }}
        packName="Summer"
        onRemove={() => {}}
        onCancel={() => {}}
      />,
    )
    expect(screen.getByRole('dialog', { name: 'Remove image #7 from Summer?' })).toBeInTheDocument()
    unmount()
    render(
      <RemoveImagesDialog
        images={{ count: 1500 }}
        packName="Summer"
        onRemove={() => {}}
        onCancel={() => {}}
      />,
    )
    expect(
      screen.getByRole('dialog', { name: 'Remove 1,500 images from Summer?' }),
    ).toHaveAccessibleDescription(/new IDs, at the end of the pack/)
    expect(screen.getByRole('button', { name: 'Remove' })).toBeInTheDocument()
  })

  it('says the retried image comes back with a new ID at the end, and can stop asking', async () => {
    const onRetry = vi.fn()
    render(<RetryConfirmDialog images={{ count: 3 }} onRetry={onRetry} onCancel={() => {}} />)
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      /with a new ID, at the end of the pack/,
    )
    await userEvent.click(screen.getByRole('checkbox', { name: "Don't ask again" }))
    await userEvent.click(screen.getByRole('button', { name: 'Retry metadata for 3' }))
    expect(onRetry).toHaveBeenCalledWith(true)
  })
})
