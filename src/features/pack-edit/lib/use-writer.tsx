import { Suspense, useState, type ReactNode } from 'react'
import { lazyNamed } from '@/lib/lazy-named'
import { storeReviewerName, useReviewerName } from '@/lib/reviewer-name'
import type { WriteBy } from '@/features/pack-edit/api/pack-writes'

const NameDialog = lazyNamed(() => import('@/components/name-dialog'), 'NameDialog')

/**
 * Who a write is made as: the signed-in user (the server knows), else the name this browser
 * gave, asked once before the first write as before the first review decision.
 * `asWriter(go)` runs `go` with that name, after asking for it when none is known yet.
 */
export function useWriter(user: string | null): {
  asWriter: (go: (by: Omit<WriteBy, 'intent'>) => void) => void
  nameDialog: ReactNode
} {
  const name = useReviewerName()
  const [waiting, setWaiting] = useState<((name: string) => void) | null>(null)
  const asWriter = (go: (by: Omit<WriteBy, 'intent'>) => void) => {
    if (user !== null) return go({ reviewer: null })
    if (name !== null) return go({ reviewer: name })
    setWaiting(() => (given: string) => go({ reviewer: given }))
  }
  const nameDialog = waiting && (
    <Suspense fallback={null}>
      <NameDialog
        initial={null}
        onCancel={() => setWaiting(null)}
        onSave={(given) => {
          storeReviewerName(given)
          setWaiting(null)
          waiting(given)
        }}
      />
    </Suspense>
  )
  return { asWriter, nameDialog }
}
