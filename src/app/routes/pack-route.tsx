import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { appConfigQuery } from '@/app/app-config'
import { NextTryCountdown } from '@/components/next-try-countdown'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { ImageWrites, type ImageWritesHandle } from '@/features/pack-edit/components/image-writes'
import { PackEditButtons, type PackPatch } from '@/features/pack-edit/components/pack-edit-buttons'
import { WriteNotices } from '@/features/pack-edit/components/write-notices'
import { createBatchStore } from '@/features/pack-edit/lib/batch-store'
import { activityKey } from '@/features/pack-edit/api/activity-key'
import { ActivitySection } from '@/features/pack-edit/components/activity-section'
import { Notice } from '@/components/notice'
import { packQueries } from '@/features/pack-review/api/pack-queries'
import { useLivePack } from '@/features/pack-review/api/use-live-pack'
import { PackSkeleton } from '@/features/pack-review/components/pack-skeleton'
import { InvalidPackId } from '@/features/pack-review/components/pack-states'
import { PackView } from '@/features/pack-review/components/pack-view'
import type { ImageEdits } from '@/features/pack-review/lib/image-edits'
import { EDITING_OFF } from '@/lib/editing'
import { lazyNamed } from '@/lib/lazy-named'
import { useNextTryAt } from '@/lib/next-try'
import { forgetRecentPack, recordRecentPack } from '@/lib/recent-packs'
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
  // A change to the pack's name or visibility shows at once, over what the API last said.
  const [patch, setPatch] = useState<PackPatch | null>(null)
  const shown = useMemo(() => (data && patch ? { ...data, ...patch } : data), [data, patch])
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [editProblem, setEditProblem] = useState<string | null>(null)
  const editing = config?.editing ?? false
  const detailKey = packQueries.detail(packId).queryKey
  const settled = (done: PackPatch, saved: boolean) => {
    // Kept as saved until the pack is read again, so no poll in between shows the old one.
    if (saved) queryClient.setQueryData(detailKey, (old) => (old ? { ...old, ...done } : old))
    setPatch((old) => withoutPatch(old, done))
    if (saved) void queryClient.invalidateQueries({ queryKey: detailKey })
    // Saved or not, the write is in the activity log (read again only once it is shown).
    void queryClient.invalidateQueries({ queryKey: activityKey(packId) })
  }
  // Retrying metadata and removing images: the buttons are the page's, the writes ours.
  const imageWrites = useRef<ImageWritesHandle>(null)
  const [writeStore] = useState(createBatchStore)
  const imageEdits = useMemo<ImageEdits>(
    () => ({
      enabled: editing,
      retryMetadata: (items) => imageWrites.current?.retryMetadata(items),
      remove: (items) => imageWrites.current?.remove(items),
    }),
    [editing],
  )
  const { search } = useLocation()
  const shownImage = useRef({ imageId, search })
  useLayoutEffect(() => {
    shownImage.current = { imageId, search }
  })
  /** Images were added or deleted: the pack and its activity are read again. */
  const imagesChanged = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: detailKey }),
      queryClient.invalidateQueries({ queryKey: activityKey(packId) }),
    ])
  // The image open in the viewer went: show its copy once the pack has it, else the pack.
  const imagesGone = async (gone: ReadonlyMap<string, string | null>) => {
    await imagesChanged()
    const { imageId: open, search: query } = shownImage.current
    if (open === null || !gone.has(open)) return
    const copy = gone.get(open)
    const to = copy ? `/packs/${packId}/images/${encodeURIComponent(copy)}` : `/packs/${packId}`
    void navigate(`${to}${query}`, { replace: true, preventScrollReset: true })
  }
  // An error screen names the tab itself.
  useDocumentTitle(shown ? shown.name || 'Untitled pack' : error ? null : 'Loading pack')

  if (shown) {
    return (
      <>
        {error && !isFetching && (
          <div className="mb-4">
            <RefreshFailedNotice error={error} subject="pack" />
          </div>
        )}
        <PackView
          pack={shown}
          imageId={imageId}
          updatedAt={dataUpdatedAt}
          onRefresh={refresh}
          refreshing={refreshing}
          authenticatedUser={config?.user ?? null}
          edit={
            <PackEditButtons
              pack={shown}
              editing={editing}
              user={config?.user ?? null}
              onChange={(next) => setPatch((old) => ({ ...old, ...next }))}
              onSettled={settled}
              onDeleted={() => {
                queryClient.removeQueries({ queryKey: detailKey })
                forgetRecentPack(packId)
                void navigate('/', { state: { notice: 'Pack deleted' } })
              }}
              onProblem={setEditProblem}
              onImagesAdded={() => void imagesChanged()}
            />
          }
          editNotice={
            editProblem !== null ? (
              <Notice role="alert">{editProblem}</Notice>
            ) : (
              !editing && <p className="text-sm text-slate-600">{EDITING_OFF}</p>
            )
          }
          imageEdits={imageEdits}
          writeNotices={<WriteNotices store={writeStore} writes={imageWrites} />}
        />
        <ImageWrites
          ref={imageWrites}
          store={writeStore}
          packId={packId}
          packName={shown.name.trim() || 'Untitled pack'}
          user={config?.user ?? null}
          onChanged={(gone) => void imagesGone(gone)}
        />
        <ActivitySection
          packId={packId}
          editing={editing}
          user={config?.user ?? null}
          onImagesAdded={() => void imagesChanged()}
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

/** What is still shown over the pack once `done` is over (a later change of a field stays). */
function withoutPatch(shown: PackPatch | null, done: PackPatch): PackPatch | null {
  if (shown === null) return null
  const rest: PackPatch = { ...shown }
  if (done.name !== undefined && rest.name === done.name) delete rest.name
  if (done.is_public !== undefined && rest.is_public === done.is_public) delete rest.is_public
  return rest.name === undefined && rest.is_public === undefined ? null : rest
}
