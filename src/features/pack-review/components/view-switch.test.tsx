import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ViewSwitch } from './view-switch'

describe('ViewSwitch', () => {
  it('is a group named View whose pressed button is the current view', () => {
    render(<ViewSwitch value="list" onChange={() => {}} />)
    const group = screen.getByRole('group', { name: 'View' })
    expect(group).toContainElement(screen.getByRole('button', { name: 'Grid', pressed: false }))
    expect(group).toContainElement(screen.getByRole('button', { name: 'List', pressed: true }))
  })

  it('switches view by click and by keyboard', async () => {
    const onChange = vi.fn()
    render(<ViewSwitch value="grid" onChange={onChange} />)
    await userEvent.click(screen.getByRole('button', { name: 'List' }))
    expect(onChange).toHaveBeenLastCalledWith('list')
    await userEvent.tab({ shift: true })
    expect(screen.getByRole('button', { name: 'Grid' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onChange).toHaveBeenLastCalledWith('grid')
  })
})
