import { lazy, Suspense, useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { useLivePack } from '@/features/packs/api/use-live-pack'
import { PackSkeleton } from '@/features/packs/components/pack-skeleton'
import { PackView } from '@/features/packs/components/pack-view'
import { isPackId } from '@contract/partner-api/paths'
import { recordRecentPack } from '@/features/packs/lib/recent-packs'
import { useDocumentTitle } from '@/lib/use-document-title'

// For the home page, which prefetches packs into this page's query: importing the queries
// there directly would move them into a chunk of their own, and this page would load more
// JavaScript. From here they cost the export alone.
// eslint-disable-next-line react-refresh/only-export-components
export { packQueries } from '@/features/packs/api/pack-queries'

// Error screens and their explanations load when a request fails, not with every pack.
const loadErrorScreens = () => import('@/features/packs/components/pack-error-screen')
const PackErrorScreen = lazy(() =>
  loadErrorScreens().then((module) => ({ default: module.PackErrorScreen })),
)
const RefreshFailedNotice = lazy(() =>
  loadErrorScreens().then((module) => ({ default: module.RefreshFailedNotice })),
)

const InvalidPackId = lazy(() =>
  import('@/features/packs/components/pack-states').then((module) => ({
    default: module.InvalidPackId,
  })),
)

export function Component() {
  const { packId = '', imageId = null } = useParams()
  if (!isPackId(packId)) {
    return (
      <Suspense>
        <InvalidPackId packId={packId} />
      </Suspense>
    )
  }
  // Keyed so that switching packs never shows the previous pack's state.
  return <PackPage key={packId} packId={packId.toLowerCase()} imageId={imageId} />
}

function PackPage({ packId, imageId }: { packId: string; imageId: string | null }) {
  const { data, error, isFetching, failureCount, refetch, dataUpdatedAt, fetchStatus } =
    useLivePack(packId)
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
            <Suspense>
              <RefreshFailedNotice error={error} />
            </Suspense>
          </div>
        )}
        <PackView
          pack={data}
          imageId={imageId}
          updatedAt={dataUpdatedAt}
          onRefresh={refresh}
          refreshing={refreshing}
        />
      </>
    )
  }
  if (error) {
    return (
      <Suspense>
        <PackErrorScreen error={error} onRetry={() => void refetch()} retrying={isFetching} />
      </Suspense>
    )
  }
  // TanStack Query holds requests while the browser is offline and sends them once it is back.
  return <PackSkeleton attempt={failureCount + 1} offline={fetchStatus === 'paused'} />
}
