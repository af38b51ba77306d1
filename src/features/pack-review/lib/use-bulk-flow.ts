import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReviewedImage } from './qa-flags'
import type { ReviewActions } from './review-actions'
import type { DecisionChange, PackReviews } from './use-pack-reviews'

export type BulkKind = 'approve' | 'reject' | 'clear'

/** A bulk action waiting on its confirmation. */
export interface BulkDialog {
  kind: BulkKind
  /** The images it changes, in the view's order. */
  items: ReviewedImage[]
  /** How many are selected (more than `items` when some need no change). */
  selected: number
}

/**
 * How the Selection toolbar's buttons become decisions. For more than one image, a
 * confirmation that names the count, then one `decideMany` (one request, one undo step).
 * For one image, the same as its own button: Reject… opens the usual reject dialog. An
 * action takes only the images it changes: Approve skips those approved already, Clear
 * those without a decision.
 */
export function useBulkFlow({
  reviews,
  actions,
  askName,
  naming,
  say,
}: {
  reviews: PackReviews
  actions: ReviewActions
  /** Opens the name dialog (nobody is named yet). */
  askName: () => void
  /** The name dialog is open. */
  naming: boolean
  say: (text: string) => void
}) {
  const [dialog, setDialog] = useState<BulkDialog | null>(null)
  const waitingForName = useRef<BulkDialog | null>(null)
  const returnFocus = useRef<HTMLElement | null>(null)
  const latest = useRef({ reviews, actions, askName, say })
  useLayoutEffect(() => {
    latest.current = { reviews, actions, askName, say }
  })

  // Named at last: the confirmation asked for comes up. Cancelled: it is dropped.
  const { name } = reviews.reviewer
  useEffect(() => {
    const pending = waitingForName.current
    if (pending === null) return
    if (name !== null) {
      waitingForName.current = null
      returnFocus.current = focusedElement()
      setDialog(pending)
    } else if (!naming) {
      waitingForName.current = null
    }
  }, [name, naming])

  // Closed: focus goes back to the toolbar button the action started from.
  useEffect(() => {
    if (dialog !== null) return
    const element = returnFocus.current
    returnFocus.current = null
    if (element?.isConnected) element.focus({ preventScroll: true })
  }, [dialog])

  const [flow] = useState(() => ({
    request: (kind: BulkKind, selected: readonly ReviewedImage[]) => {
      const { reviews, actions, askName, say } = latest.current
      if (reviews.availability.status === 'unavailable') {
        say(`Reviews unavailable: ${reviews.availability.reason}`)
        return
      }
      const items = selected.filter((item) => {
        const { state } = reviews.reviewOf(item)
        return kind === 'approve'
          ? state !== 'approved'
          : kind === 'clear'
            ? state !== 'unreviewed'
            : true
      })
      const [first] = items
      if (first === undefined) {
        say(
          kind === 'approve'
            ? 'The selected images are approved already'
            : 'None of the selected images has a decision',
        )
        return
      }
      if (items.length === 1) {
        actions[kind](first)
        return
      }
      const next = { kind, items, selected: selected.length }
      if (reviews.reviewer.name === null && !reviews.reviewer.fixed) {
        waitingForName.current = next
        askName()
        return
      }
      returnFocus.current = focusedElement()
      setDialog(next)
    },
    confirm: (bulk: BulkDialog, change: DecisionChange) => {
      setDialog(null)
      latest.current.reviews.decideMany(bulk.items, change)
    },
    cancel: () => setDialog(null),
  }))

  return { dialog, ...flow }
}

function focusedElement(): HTMLElement | null {
  const element = document.activeElement
  return element instanceof HTMLElement ? element : null
}
