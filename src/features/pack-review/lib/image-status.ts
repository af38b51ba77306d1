import type { PackImage } from '@contract/partner-api/pack'

export const IMAGE_STATUSES = ['completed', 'pending', 'processing', 'error', 'unknown'] as const
export type ImageStatus = (typeof IMAGE_STATUSES)[number]

export const STATUS_LABELS: Record<ImageStatus, string> = {
  completed: 'Completed',
  pending: 'Pending',
  processing: 'Processing',
  error: 'Error',
  unknown: 'Unknown',
}

const ERROR_STATUSES = new Set(['failed', 'error', 'errored'])

/** The badge an image gets. Any error message wins over the status it claims. */
export function imageStatus(image: PackImage): ImageStatus {
  const metadata = image.metadata
  if (!metadata) return 'unknown'
  if (metadata.error?.trim()) return 'error'
  const raw = metadata.status?.trim().toLowerCase() ?? ''
  if (ERROR_STATUSES.has(raw)) return 'error'
  if (raw === 'completed' || raw === 'pending' || raw === 'processing') return raw
  return 'unknown'
}

/** Tooltip for a badge: what the API actually said. */
export function statusTitle(image: PackImage): string {
  const raw = image.metadata?.status
  if (!image.metadata) return 'The API sent no metadata for this image'
  return raw ? `Status reported by the API: ${raw}` : 'The API sent no status'
}
