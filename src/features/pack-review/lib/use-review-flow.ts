import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Rejection } from '@/features/pack-review/components/review/reject-dialog'
import { nextToReview } from './next-to-review'
import type { ReviewedImage } from './qa-flags'
import type { ReviewActions } from './review-actions'
import type { DecisionChange, PackReviews } from './use-pack-reviews'

type Request = { kind: 'approve' | 'reject' | 'clear'; item: ReviewedImage }

/** The dialog a decision is waiting on, if any. */
export type ReviewDialog =
  | { kind: 'name'; then: Request | null }
  | { kind: 'reject'; item: ReviewedImage; initial: Rejection | null }

/**
 * How a key or button becomes a decision: the name dialog first when nobody is named yet,
 * the reject dialog for a rejection, then the decision (painted at once by `decide`) and,
 * with auto-advance, the next image that needs review in the view's order.
 *
 * `show(imageId)` moves focus (or the open image) to an image; it runs after the render
 * the decision caused, when the view already has the image's new state. `say` reports
 * what a key did when nothing visible changed.
 */
export function useReviewFlow({
  reviews,
  visible,
  autoAdvance,
  show,
  say,
}: {
  reviews: PackReviews
  visible: readonly ReviewedImage[]
  autoAdvance: boolean
  show: (imageId: string) => void
  say: (text: string) => void
}) {
  const [dialog, setDialog] = useState<ReviewDialog | null>(null)
  // What to do once the render in progress is on screen: focus an image, or go back to
  // where focus was before a dialog.
  const afterRender = useRef<(() => void) | null>(null)
  const returnFocus = useRef<HTMLElement | null>(null)
  // What else waits for the name dialog (a sign-off): run once a name is saved.
  const afterName = useRef<(() => void) | null>(null)
  useEffect(() => {
    const next = afterRender.current
    afterRender.current = null
    next?.()
  })

  // The latest props, for the page-long `actions` object and for what runs after a render.
  const latest = useRef({ reviews, visible, autoAdvance, show, say })
  useLayoutEffect(() => {
    latest.current = { reviews, visible, autoAdvance, show, say }
  })

  const [flow] = useState(() => {
    const open = (next: ReviewDialog) => {
      // The reject dialog after the name dialog goes back to where the first one started.
      const focused = document.activeElement
      if (returnFocus.current === null && focused instanceof HTMLElement) {
        returnFocus.current = focused
      }
      setDialog(next)
    }
    const restoreFocus = () => {
      const element = returnFocus.current
      returnFocus.current = null
      if (element?.isConnected) element.focus({ preventScroll: true })
    }

    const decide = (item: ReviewedImage, change: DecisionChange) => {
      const { reviews, visible, autoAdvance } = latest.current
      reviews.decide(item, change)
      if (!autoAdvance || change.decision === null) return
      // Its own new state is not in `reviews` yet: it is skipped by ID.
      const next = nextToReview(visible, (other) => reviews.reviewOf(other).state, item.image.id)
      if (next) {
        afterRender.current = () => {
          returnFocus.current = null
          latest.current.show(next.image.id)
        }
      } else {
        latest.current.say('Every image in this view is reviewed')
      }
    }

    const run = (request: Request) => {
      const { reviews } = latest.current
      const { item } = request
      if (request.kind === 'approve') {
        decide(item, { decision: 'approved' })
      } else if (request.kind === 'clear') {
        if (reviews.reviewOf(item).state !== 'unreviewed') decide(item, { decision: null })
      } else {
        const { decision } = reviews.reviewOf(item)
        open({
          kind: 'reject',
          item,
          initial:
            decision?.decision === 'rejected'
              ? { reasons: decision.reasons as Rejection['reasons'], note: decision.note }
              : null,
        })
      }
    }

    const request = (next: Request) => {
      const { reviews, say } = latest.current
      if (reviews.availability.status === 'unavailable') {
        say(`Reviews unavailable: ${reviews.availability.reason}`)
        return
      }
      if (reviews.reviewer.name === null && !reviews.reviewer.fixed) {
        open({ kind: 'name', then: next })
        return
      }
      run(next)
    }

    const actions: ReviewActions = {
      approve: (item) => request({ kind: 'approve', item }),
      reject: (item) => request({ kind: 'reject', item }),
      clear: (item) => request({ kind: 'clear', item }),
      retry: (item) => latest.current.reviews.retry(item.image.id),
    }

    return {
      actions,
      changeName: () => open({ kind: 'name', then: null }),
      saveName: (name: string, then: Request | null) => {
        latest.current.reviews.setReviewerName(name)
        setDialog(null)
        const named = afterName.current
        afterName.current = null
        // After the render that has the name: the decision is sent with it.
        afterRender.current = () => {
          named?.()
          if (then) {
            run(then)
            if (then.kind === 'reject') return
          }
          restoreFocus()
        }
      },
      reject: (item: ReviewedImage, rejection: Rejection) => {
        setDialog(null)
        // Once the dialog is gone (the page behind it is inert until then); advancing, if
        // on, replaces this with the next image.
        afterRender.current = restoreFocus
        decide(item, { decision: 'rejected', reasons: rejection.reasons, note: rejection.note })
      },
      /** Runs `action` now, or once the name dialog has a name when nobody is named yet. */
      whenNamed: (action: () => void) => {
        const { reviewer } = latest.current.reviews
        if (reviewer.name !== null || reviewer.fixed) {
          action()
          return
        }
        afterName.current = action
        open({ kind: 'name', then: null })
      },
      cancel: () => {
        afterName.current = null
        setDialog(null)
        afterRender.current = restoreFocus
      },
      undo: () => {
        const imageId = latest.current.reviews.undo()
        if (imageId === null) {
          latest.current.say('Nothing to undo')
          return
        }
        afterRender.current = () => latest.current.show(imageId)
      },
    }
  })

  return { dialog, ...flow }
}
