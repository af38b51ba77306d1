import { useQuery } from '@tanstack/react-query'
import { Suspense, useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { appConfigQuery } from '@/app/app-config'
import { NextTryCountdown } from '@/components/next-try-countdown'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { useLivePack } from '@/features/pack-review/api/use-live-pack'
import { PackSkeleton } from '@/features/pack-review/components/pack-skeleton'
import { InvalidPackId } from '@/features/pack-review/components/pack-states'
import { PackView } from '@/features/pack-review/components/pack-view'
import { lazyNamed } from '@/lib/lazy-named'
import { useNextTryAt } from '@/lib/next-try'
import { recordRecentPack } from '@/lib/recent-packs'
import { useDocumentTitle } from '@/lib/use-document-title'
import { isPackId } from '@contract/partner-api/paths'

// Shown only when a pack cannot be loaded at all: not in the pack page's first code. A chunk
// that cannot be fetched either (offline) reaches the route's error boundary.
const ApiErrorScreen = lazyNamed(() => import('@/components/api-error-screen'), 'ApiErrorScreen')

export function PackPage() {
  const { packId = '', imageId = null } = useParams()
  if (!isPackId(packId)) return <InvalidPackId packId={packId} />
  // Keyed so that switching packs never shows the previous pack's state.
  return <LivePackPage key={packId} packId={packId.toLowerCase()} imageId={imageId} />
}

function LivePackPage({ packId, imageId }: { packId: string; imageId: string | null }) {
  const query = useLivePack(packId)
  // Signed in (Basic auth, or a trusted proxy's header): decisions are that user's.
  const { data: config } = useQuery(appConfigQuery)
  const { data, error, isFetching, failureCount, refetch, dataUpdatedAt, fetchStatus } = query
  const nextTryAt = useNextTryAt(query)
  const loadedName = data?.name
  useEffect(() => {
    if (loadedName !== undefined) recordRecentPack({ id: packId, name: loadedName })
  }, [packId, loadedName])
  // Only a refresh the user asked for spins the button; background polls stay quiet.
  const [refreshing, setRefreshing] = useState(false)
  const refresh = () => {
    setRefreshing(true)
    void refetch().finally(() => setRefreshing(false))
  }
  // An error screen names the tab itself.
  useDocumentTitle(data ? data.name || 'Untitled pack' : error ? null : 'Loading pack')

  if (data) {
    return (
      <>
        {error && !isFetching && (
          <div className="mb-4">
            <RefreshFailedNotice error={error} subject="pack" />
          </div>
        )}
        <PackView
          pack={data}
          imageId={imageId}
          updatedAt={dataUpdatedAt}
          onRefresh={refresh}
          refreshing={refreshing}
          authenticatedUser={config?.user ?? null}
        />
      </>
    )
  }
  // TanStack Query holds requests while the browser is offline and sends them once it is back.
  const skeleton = (
    <PackSkeleton
      attempt={failureCount + 1}
      offline={fetchStatus === 'paused'}
      nextTry={nextTryAt !== null && <NextTryCountdown at={nextTryAt} />}
    />
  )
  if (error) {
    return (
      <Suspense fallback={skeleton}>
        <ApiErrorScreen
          error={error}
          subject="pack"
          packId={packId}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      </Suspense>
    )
  }
  return skeleton
}
