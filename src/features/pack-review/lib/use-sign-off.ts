import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { isApiError } from '@/lib/api-error'
import type { SignOff } from '@contract/review-api/sign-off'
import { reviewQueries, type ReviewSnapshot } from '@/features/pack-review/api/review-queries'
import { signOffPack, withdrawSignOff } from '@/features/pack-review/api/sign-off'
import type { PackReviews } from './use-pack-reviews'

export type SignOffAction = 'sign' | 'withdraw'

export interface SignOffRequests {
  /** The request on its way, if any (its button says so). */
  pending: SignOffAction | null
  /** Why the last one failed: the server's message (a 409 says what needs review). */
  error: string | null
  run(action: SignOffAction): void
}

/**
 * Signs off or withdraws, one request at a time. Plain calls, not useMutation: one button
 * each, never retried. The answer goes straight into the pack's review snapshot, after any
 * poll in flight is cancelled: that poll may have left before the sign-off and would put
 * the old one back.
 */
export function useSignOff(packId: string, reviewer: PackReviews['reviewer']): SignOffRequests {
  const client = useQueryClient()
  const [pending, setPending] = useState<SignOffAction | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Read when sent: a name given in the dialog just before is already the one here.
  const latestReviewer = useRef(reviewer)
  useLayoutEffect(() => {
    latestReviewer.current = reviewer
  })

  const run = useCallback(
    (action: SignOffAction) => {
      const { name, fixed } = latestReviewer.current
      const { queryKey } = reviewQueries.pack(packId)
      // The server takes its own user whenever it has one.
      const body = !fixed && name !== null ? { reviewer: name } : {}
      const send = async (): Promise<SignOff | null> =>
        action === 'sign' ? signOffPack(packId, body) : withdrawSignOff(packId, body)
      setPending(action)
      setError(null)
      send()
        .then(async (signOff) => {
          await client.cancelQueries({ queryKey, exact: true })
          client.setQueryData<ReviewSnapshot>(queryKey, (snapshot) =>
            snapshot === undefined ? snapshot : { ...snapshot, signOff },
          )
        })
        .catch((failure: unknown) => {
          setError(isApiError(failure) ? failure.message : 'The request failed.')
          // Refused because the pack changed meanwhile: show the pack as it now is.
          if (isApiError(failure) && failure.status === 409) {
            void client.invalidateQueries({ queryKey, exact: true })
          }
        })
        .finally(() => setPending(null))
    },
    [client, packId],
  )

  return useMemo(() => ({ pending, error, run }), [pending, error, run])
}
