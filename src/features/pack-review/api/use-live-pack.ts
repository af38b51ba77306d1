import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { nextPoll, type PollState } from '@/features/pack-review/lib/live-polling'
import { packQueries } from './pack-queries'

/**
 * The pack, refetched while its metadata is generating. TanStack Query pauses the interval
 * while the tab is hidden and refetches when it is shown again.
 */
export function useLivePack(packId: string) {
  const poll = useRef<PollState | null>(null)
  return useQuery({
    ...packQueries.detail(packId),
    refetchInterval: (query) => {
      poll.current = nextPoll(poll.current, query.state.data, query.state.dataUpdatedAt)
      return poll.current?.delay ?? false
    },
  })
}
