import { Suspense, useSyncExternalStore } from 'react'
import { Notice } from '@/components/notice'
import { lazyNamed } from '@/lib/lazy-named'
import type { BatchStore } from '@/features/pack-edit/lib/batch-store'
import type { ImageWritesHandle } from './image-writes'

const ImageWriteNotices = lazyNamed(() => import('./image-write-notices'), 'ImageWriteNotices')

/**
 * The notices of image writes, newest last, in a live region. The page places them (over the
 * gallery, or inside the open viewer: a modal dialog hides and disables what is outside it).
 * Their follow-ups (try again, undo) go back to the writes' component through `writes`.
 */
export function WriteNotices({
  store,
  writes,
}: {
  store: BatchStore
  writes: { current: ImageWritesHandle | null }
}) {
  const { batches, unloaded } = useSyncExternalStore(store.subscribe, store.read)
  return (
    // On the page before any notice, so that screen readers hear each one.
    <div aria-live="polite" className="flex flex-col gap-2">
      {unloaded && (
        <Notice role="alert">
          Nothing was changed: this page could not load what it needs. Reload it, then try again.
        </Notice>
      )}
      {batches.length > 0 && (
        <Suspense fallback={null}>
          <ImageWriteNotices
            batches={batches}
            onDismiss={store.dismiss}
            onFollowUp={(batch, handed, job) => writes.current?.followUp(batch, handed, job)}
          />
        </Suspense>
      )}
    </div>
  )
}
