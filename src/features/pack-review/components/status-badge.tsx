import { STATUS_LABELS, type ImageStatus } from '@/features/pack-review/lib/image-status'
import { STATUS_STYLES } from './status-styles'

export function StatusIcon({
  status,
  className = '',
}: {
  status: ImageStatus
  className?: string
}) {
  const Icon = STATUS_STYLES[status].icon
  return (
    <Icon
      aria-hidden="true"
      className={`shrink-0 ${status === 'processing' ? 'motion-safe:animate-spin' : ''} ${className}`}
      strokeWidth={2.25}
    />
  )
}

export function StatusBadge({ status, title }: { status: ImageStatus; title?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLES[status].className}`}
      title={title}
    >
      <StatusIcon status={status} className="size-3.5" />
      {STATUS_LABELS[status]}
    </span>
  )
}
