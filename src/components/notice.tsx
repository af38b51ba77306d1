import { TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'

/** A warning line above content that is still shown: something is off, nothing is lost. */
export function Notice({
  role = 'note',
  children,
}: {
  role?: 'note' | 'alert'
  children: ReactNode
}) {
  return (
    <p
      role={role}
      className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-600/30"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  )
}
