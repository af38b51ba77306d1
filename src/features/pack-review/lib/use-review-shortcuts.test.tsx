import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { useReviewShortcuts, type ShortcutKey } from './use-review-shortcuts'

function Page({ handlers }: { handlers: Partial<Record<ShortcutKey, () => void>> }) {
  useReviewShortcuts(handlers)
  return (
    <>
      <button type="button">Card</button>
      <input aria-label="Search" />
      <div data-own-keys="">
        <button type="button">In a dialog with its own keys</button>
      </div>
    </>
  )
}

describe('useReviewShortcuts', () => {
  it('takes a, x, u and r, but not while typing or inside a dialog with its own keys', async () => {
    const handlers = { a: vi.fn(), x: vi.fn(), u: vi.fn(), r: vi.fn() }
    render(<Page handlers={handlers} />)
    screen.getByRole('button', { name: 'Card' }).focus()
    await userEvent.keyboard('axur')
    for (const handler of Object.values(handlers)) expect(handler).toHaveBeenCalledTimes(1)
    await userEvent.click(screen.getByRole('textbox', { name: 'Search' }))
    await userEvent.keyboard('axur')
    screen.getByRole('button', { name: 'In a dialog with its own keys' }).focus()
    await userEvent.keyboard('axur')
    for (const handler of Object.values(handlers)) expect(handler).toHaveBeenCalledTimes(1)
  })

  it('takes Ctrl+Z and Cmd+Z as undo, and no other modifier combination', async () => {
    const handlers = { undo: vi.fn(), a: vi.fn() }
    render(<Page handlers={handlers} />)
    screen.getByRole('button', { name: 'Card' }).focus()
    await userEvent.keyboard('{Control>}z{/Control}')
    await userEvent.keyboard('{Meta>}z{/Meta}')
    expect(handlers.undo).toHaveBeenCalledTimes(2)
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    await userEvent.keyboard('{Control>}a{/Control}')
    await userEvent.keyboard('{Alt>}z{/Alt}')
    expect(handlers.undo).toHaveBeenCalledTimes(2)
    expect(handlers.a).not.toHaveBeenCalled()
  })

  it('leaves undo to a text field while typing in it', async () => {
    const handlers = { undo: vi.fn() }
    render(<Page handlers={handlers} />)
    await userEvent.click(screen.getByRole('textbox', { name: 'Search' }))
    await userEvent.keyboard('{Control>}z{/Control}')
    expect(handlers.undo).not.toHaveBeenCalled()
  })
})
