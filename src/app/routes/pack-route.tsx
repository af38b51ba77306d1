import { lazy, Suspense, useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { Notice } from '@/components/notice'
import { useLivePack } from '@/features/packs/api/use-live-pack'
import { PackErrorScreen } from '@/features/packs/components/pack-error-screen'
import { PackSkeleton } from '@/features/packs/components/pack-skeleton'
import { PackView } from '@/features/packs/components/pack-view'
import { describePackError } from '@/features/packs/lib/describe-pack-error'
import { isPackId } from '@/features/packs/lib/parse-pack-id'
import { recordRecentPack } from '@/features/packs/lib/recent-packs'
import { useDocumentTitle } from '@/lib/use-document-title'

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
  useDocumentTitle(
    data ? data.name || 'Untitled pack' : error ? describePackError(error).title : 'Loading pack',
  )

  if (data) {
    return (
      <>
        {error && !isFetching && (
          <div className="mb-4">
            <Notice role="alert">
              Refreshing failed ({describePackError(error).title}). Showing the last loaded data.
            </Notice>
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
    return <PackErrorScreen error={error} onRetry={() => void refetch()} retrying={isFetching} />
  }
  // TanStack Query holds requests while the browser is offline and sends them once it is back.
  return <PackSkeleton attempt={failureCount + 1} offline={fetchStatus === 'paused'} />
}
