import { useEffect } from 'react'
import { preloadable } from '@/lib/preloadable'
import type { BulkDialog } from '@/features/pack-review/lib/use-bulk-flow'
import type { DecisionChange } from '@/features/pack-review/lib/use-pack-reviews'

// Chunks of their own, fetched once something is selected, so a confirmation opens in the
// same frame as the click and the pack page's first load is smaller.
const confirmDialog = preloadable(() => import('./bulk-confirm-dialog'), 'BulkConfirmDialog')
const rejectDialog = preloadable(() => import('./reject-dialog'), 'RejectDialog')
const BulkConfirmDialog = confirmDialog.Component
const RejectDialog = rejectDialog.Component

/** The confirmation a bulk action waits on: the reject dialog's reasons for `Reject…`. */
export function BulkDialogs({
  selecting,
  dialog,
  onConfirm,
  onCancel,
}: {
  /** Images are selected: a confirmation may be asked for soon. */
  selecting: boolean
  dialog: BulkDialog | null
  onConfirm: (dialog: BulkDialog, change: DecisionChange) => void
  onCancel: () => void
}) {
  useEffect(() => {
    if (!selecting) return
    void confirmDialog.preload()
    void rejectDialog.preload()
  }, [selecting])

  if (dialog === null) return null
  if (dialog.kind === 'reject') {
    return (
      <RejectDialog
        position={dialog.items[0]!.position}
        count={dialog.items.length}
        initial={null}
        onReject={(rejection) =>
          onConfirm(dialog, {
            decision: 'rejected',
            reasons: rejection.reasons,
            note: rejection.note,
          })
        }
        onCancel={onCancel}
      />
    )
  }
  return (
    <BulkConfirmDialog
      kind={dialog.kind}
      count={dialog.items.length}
      selected={dialog.selected}
      onConfirm={() =>
        onConfirm(dialog, { decision: dialog.kind === 'approve' ? 'approved' : null })
      }
      onCancel={onCancel}
    />
  )
}
