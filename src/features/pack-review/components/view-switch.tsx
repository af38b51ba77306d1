import { LayoutGrid, List, type LucideIcon } from 'lucide-react'
import { useId } from 'react'
import type { View } from '@/features/pack-review/lib/pack-filters'

const OPTIONS: { view: View; label: string; icon: LucideIcon }[] = [
  { view: 'grid', label: 'Grid', icon: LayoutGrid },
  { view: 'list', label: 'List', icon: List },
]

/** Grid or list: two buttons of which one is pressed, announced as such, not only coloured. */
export function ViewSwitch({ value, onChange }: { value: View; onChange: (view: View) => void }) {
  const labelId = useId()
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700">
      <span id={labelId} className="font-medium max-2xl:sr-only">
        View
      </span>
      <div
        role="group"
        aria-labelledby={labelId}
        className="inline-flex rounded-lg bg-white p-0.5 shadow-sm ring-1 ring-slate-300 ring-inset"
      >
        {OPTIONS.map(({ view, label, icon: Icon }) => (
          <button
            key={view}
            type="button"
            aria-pressed={value === view}
            onClick={() => onChange(view)}
            className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100 aria-pressed:bg-indigo-700 aria-pressed:text-white aria-pressed:hover:bg-indigo-800"
          >
            <Icon aria-hidden="true" className="size-4" />
            {label}
          </button>
        ))}
      </div>
    </div>
  )
}
