import type { ReactNode } from 'react'

/** A filter chip with a pressed state that is announced, not only coloured. */
export function ToggleButton({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className="inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 aria-pressed:bg-indigo-700 aria-pressed:text-white aria-pressed:ring-indigo-700 aria-pressed:hover:bg-indigo-800"
    >
      {children}
    </button>
  )
}
