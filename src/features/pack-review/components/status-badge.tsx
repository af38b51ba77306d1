import { CircleCheck, CircleDashed, CircleHelp, Clock, type LucideIcon } from 'lucide-react'
import { ErrorIcon } from '@/components/icons'
import { STATUS_LABELS, type ImageStatus } from '@/features/pack-review/lib/image-status'

const STYLES: Record<ImageStatus, { icon: LucideIcon; className: string }> = {
  completed: { icon: CircleCheck, className: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30' },
  pending: { icon: Clock, className: 'bg-amber-50 text-amber-900 ring-amber-600/30' },
  processing: { icon: CircleDashed, className: 'bg-sky-50 text-sky-800 ring-sky-600/30' },
  error: { icon: ErrorIcon, className: 'bg-red-50 text-red-800 ring-red-600/30' },
  unknown: { icon: CircleHelp, className: 'bg-slate-100 text-slate-700 ring-slate-500/30' },
}

export function StatusBadge({ status, title }: { status: ImageStatus; title?: string }) {
  const { icon: Icon, className } = STYLES[status]
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
      title={title}
    >
      <Icon
        aria-hidden="true"
        className={`size-3.5 ${status === 'processing' ? 'motion-safe:animate-spin' : ''}`}
        strokeWidth={2.25}
      />
      {STATUS_LABELS[status]}
    </span>
  )
}
