import { useQuery, useQueryClient } from '@tanstack/react-query'
import { LoaderCircle } from 'lucide-react'
import { useMemo, useState, type ReactNode } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { ErrorIcon } from '@/components/icons'
import { Notice } from '@/components/notice'
import { isApiError } from '@/lib/api-error'
import {
  activityKey,
  activityQuery,
  isActivityUnavailable,
  loadOlder,
} from '@/features/pack-edit/api/activity-queries'
import { addedBackFlags } from '@/features/pack-edit/lib/describe-activity'
import { useWriter } from '@/features/pack-edit/lib/use-writer'
import { ActivityItem } from './activity-item'

/** The pack's activity, newest first, with `Show older` while there is more. */
export function ActivityList({
  packId,
  editing,
  user,
  onImagesAdded,
}: {
  packId: string
  editing: boolean
  user: string | null
  onImagesAdded: () => void
}) {
  const query = useQuery(activityQuery(packId))
  const { data, error, refetch } = query
  const queryClient = useQueryClient()
  const { asWriter, nameDialog } = useWriter(user)
  const entries = useMemo(() => data?.entries ?? [], [data])
  const addedBack = useMemo(() => addedBackFlags(entries), [entries])
  const [older, setOlder] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: null,
  })
  const showOlder = () => {
    setOlder({ loading: true, error: null })
    loadOlder(queryClient, packId).then(
      () => setOlder({ loading: false, error: null }),
      (failure: unknown) => setOlder({ loading: false, error: failure }),
    )
  }

  if (query.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        Loading activity…
      </p>
    )
  }
  if (!data) {
    return <LoadFailed error={error} onRetry={() => void refetch()} retrying={query.isFetching} />
  }

  const imagesAdded = () => {
    onImagesAdded()
    void queryClient.invalidateQueries({ queryKey: activityKey(packId) })
  }
  return (
    <div className="flex flex-col gap-3">
      {query.isRefetchError && (
        <Notice role="alert">
          Refreshing the activity failed ({reasonOf(error)}). Showing what was loaded before.
        </Notice>
      )}
      {entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No changes made through Pack Explorer yet
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {entries.map((entry, index) => (
            <ActivityItem
              key={entry.id}
              entry={entry}
              addedBack={addedBack[index]!}
              packId={packId}
              editing={editing}
              asWriter={asWriter}
              onImagesAdded={imagesAdded}
            />
          ))}
        </ol>
      )}
      {data.unreadable > 0 && (
        <p className="text-sm text-slate-600">
          {data.unreadable === 1
            ? '1 entry could not be read and is not shown.'
            : `${data.unreadable} entries could not be read and are not shown.`}
        </p>
      )}
      {older.error !== null && (
        <Failure>Older activity could not be loaded ({reasonOf(older.error)}).</Failure>
      )}
      {data.nextBefore !== null && (
        <div>
          <button
            type="button"
            disabled={older.loading}
            onClick={showOlder}
            className={buttonStyles.secondary}
          >
            {older.loading && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
            {older.loading ? 'Loading older…' : older.error !== null ? 'Try again' : 'Show older'}
          </button>
        </div>
      )}
      {nameDialog}
    </div>
  )
}

function LoadFailed({
  error,
  onRetry,
  retrying,
}: {
  error: unknown
  onRetry: () => void
  retrying: boolean
}) {
  return (
    <div className="flex flex-col items-start gap-3">
      <Failure>
        {isActivityUnavailable(error)
          ? 'Activity is unavailable right now: the review database cannot be reached. Try again in a moment.'
          : `Activity could not be loaded (${reasonOf(error)}).`}
      </Failure>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className={buttonStyles.secondary}
      >
        {retrying && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
        Try again
      </button>
    </div>
  )
}

function Failure({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="flex items-start gap-1.5 rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-900 ring-1 ring-red-200 ring-inset"
    >
      <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  )
}

/** Why the activity could not be read, in a few words. */
function reasonOf(error: unknown): string {
  if (isActivityUnavailable(error)) return 'the review database cannot be reached'
  if (!isApiError(error)) return 'an unexpected problem'
  switch (error.kind) {
    case 'network':
      return 'the request did not reach the server'
    case 'timeout':
      return 'no answer in time'
    case 'invalid-response':
      return 'the server’s answer could not be read'
    case 'http':
      return `HTTP ${error.status}: ${error.message}`
  }
}
