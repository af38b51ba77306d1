import { History, ThumbsDown, ThumbsUp, type LucideIcon } from 'lucide-react'
import type { ReviewState } from '@/features/pack-review/lib/review-state'

type ShownState = Exclude<ReviewState, 'unreviewed'>

/**
 * Decisions are solid, square-cornered stamps (statuses are round pills), in colours no
 * status uses, with white text at 4.5:1 or more. Each has its own icon, so a state reads
 * without colour too.
 */
export const REVIEW_STYLES: Record<ShownState, { icon: LucideIcon; className: string }> = {
  approved: { icon: ThumbsUp, className: 'bg-emerald-700 text-white ring-emerald-800' },
  rejected: { icon: ThumbsDown, className: 'bg-rose-700 text-white ring-rose-800' },
  outdated: { icon: History, className: 'bg-violet-700 text-white ring-violet-800' },
}
