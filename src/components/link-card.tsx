import { ArrowRight } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** A whole-card link with a trailing arrow, as used for pack shortcuts on the home page. */
export function LinkCard({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="group flex h-full items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-indigo-300 hover:bg-indigo-50/40"
    >
      <span className="min-w-0 flex-1">{children}</span>
      <ArrowRight
        aria-hidden="true"
        className="size-4 shrink-0 text-slate-400 group-hover:text-indigo-700"
      />
    </Link>
  )
}
