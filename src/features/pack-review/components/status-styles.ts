import { CircleCheck, CircleDashed, CircleHelp, Clock, type LucideIcon } from 'lucide-react'
import { ErrorIcon } from '@/components/icons'
import type { ImageStatus } from '@/features/pack-review/lib/image-status'

/**
 * Problems are solid (light text on a dark colour, at least 4.5:1) so they stand out across
 * the room and in greyscale; Completed, the state that needs nothing, is quiet.
 */
export const STATUS_STYLES: Record<ImageStatus, { icon: LucideIcon; className: string }> = {
  completed: { icon: CircleCheck, className: 'bg-emerald-50 text-emerald-800 ring-emerald-700/25' },
  pending: { icon: Clock, className: 'bg-amber-800 text-white ring-amber-900' },
  processing: { icon: CircleDashed, className: 'bg-sky-700 text-white ring-sky-800' },
  error: { icon: ErrorIcon, className: 'bg-red-700 text-white ring-red-800' },
  unknown: { icon: CircleHelp, className: 'bg-slate-700 text-white ring-slate-800' },
}

/** The same statuses as plain colours, for the status bar's progress line. */
export const STATUS_COLORS: Record<ImageStatus, string> = {
  completed: 'var(--color-emerald-600)',
  pending: 'var(--color-amber-700)',
  processing: 'var(--color-sky-600)',
  error: 'var(--color-red-600)',
  unknown: 'var(--color-slate-500)',
}
