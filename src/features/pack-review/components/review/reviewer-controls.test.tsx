import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ReviewerControls } from './reviewer-controls'

/** The line, whose name is an element of its own. */
const line = (text: string) => (_: string, element: Element | null) =>
  element?.tagName === 'SPAN' && element.textContent === text

describe('ReviewerControls', () => {
  it('says who is reviewing, with a way to change the name given here', async () => {
    const onChange = vi.fn()
    render(<ReviewerControls reviewer={{ name: 'Dana Reyes', fixed: false }} onChange={onChange} />)
    expect(screen.getByText(line('Reviewing as Dana Reyes'))).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Change reviewer name' }))
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('offers nothing to change for a signed-in user', () => {
    render(
      <ReviewerControls reviewer={{ name: 'dana@example.com', fixed: true }} onChange={() => {}} />,
    )
    expect(screen.getByText(line('Reviewing as dana@example.com'))).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('asks for a name before there is one', async () => {
    const onChange = vi.fn()
    render(<ReviewerControls reviewer={{ name: null, fixed: false }} onChange={onChange} />)
    await userEvent.click(screen.getByRole('button', { name: 'Set your name' }))
    expect(onChange).toHaveBeenCalledTimes(1)
  })
})
