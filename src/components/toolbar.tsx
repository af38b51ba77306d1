import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react'

const ITEMS = 'button:not([disabled]), select:not([disabled]), a[href], input:not([disabled])'

/**
 * A WAI-ARIA toolbar: one tab stop for a row of controls, ← → Home End move between them.
 * Whichever control was used last keeps the tab stop, so Tab comes back to it. Controls
 * inside `[data-toolbar-skip]` (a search field) keep a tab stop of their own.
 */
export function Toolbar({
  label,
  className = '',
  children,
}: {
  label: string
  className?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDivElement>(null)
  const active = useRef(0)
  const seen = useRef<readonly HTMLElement[]>([])

  const controls = () =>
    [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])].filter(
      (item) => !item.closest('[data-toolbar-skip]'),
    )
  // Controls hidden at this screen size (display: none) cannot take focus: skip them.
  const items = () => controls().filter((item) => item.getClientRects().length > 0)

  // After every render: the controls inside may have changed (a filter appeared, one got
  // disabled), and exactly one must stay in the tab order. Most renders change none of them;
  // those skip the visibility check, which needs a layout.
  useLayoutEffect(() => {
    const current = controls()
    if (sameElements(current, seen.current)) return
    seen.current = current
    const all = items()
    const kept = Math.min(active.current, all.length - 1)
    all.forEach((item, index) => (item.tabIndex = index === kept ? 0 : -1))
  })

  const onFocus = (event: FocusEvent) => {
    const all = items()
    const index = all.indexOf(event.target as HTMLElement)
    if (index === -1) return
    active.current = index
    all.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1))
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const all = items()
    const from = all.indexOf(event.target as HTMLElement)
    if (from === -1) return
    const to = {
      ArrowLeft: from - 1,
      ArrowRight: from + 1,
      Home: 0,
      End: all.length - 1,
    }[event.key]
    // Text fields keep their arrows for the caret.
    if (to === undefined || (event.target as HTMLElement).tagName === 'INPUT') return
    event.preventDefault()
    all[(to + all.length) % all.length]?.focus()
  }

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      className={className}
    >
      {children}
    </div>
  )
}

function sameElements(a: readonly HTMLElement[], b: readonly HTMLElement[]): boolean {
  return a.length === b.length && a.every((element, index) => element === b[index])
}
