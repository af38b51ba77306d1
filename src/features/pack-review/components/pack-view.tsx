import { Keyboard } from 'lucide-react'
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { lazyNamed } from '@/lib/lazy-named'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import { useBrokenImages } from '@/features/pack-review/lib/broken-images'
import { applyFilters, facetsOf, hasFilters } from '@/features/pack-review/lib/pack-filters'
import { flagsOf } from '@/features/pack-review/lib/qa-flags'
import { useImageCheck } from '@/features/pack-review/lib/use-image-check'
import { usePackFilters } from '@/features/pack-review/lib/use-pack-filters'
import { useReviewShortcuts } from '@/features/pack-review/lib/use-review-shortcuts'
import { CountMismatchNotice } from './count-mismatch-notice'
import { ErrorGroups } from './error-groups'
import { ExportButtons } from './export-buttons'
import { ImageCheckStatus } from './image-check-status'
import { PackGallery, type PackGalleryHandle } from './pack-gallery'
import { PackHeader } from './pack-header'
import { EmptyPack, NoMatches } from './pack-states'
import { PackToolbar } from './pack-toolbar'
import { StatusSummary } from './status-summary'

// The dialogs are their own chunks, so the gallery's first screen loads less JavaScript.
// The image dialog's chunk is fetched as soon as the pointer or focus reaches the gallery.
const loadImageDetailDialog = () => import('./image-detail-dialog')
const ImageDetailDialog = lazyNamed(loadImageDetailDialog, 'ImageDetailDialog')
const ShortcutsDialog = lazyNamed(() => import('./shortcuts-dialog'), 'ShortcutsDialog')
const preloadImageDetailDialog = () => void loadImageDetailDialog()

export function PackView({
  pack,
  imageId,
  updatedAt,
  onRefresh,
  refreshing,
}: {
  pack: LoadedPack
  /** The image named by the URL, shown in the detail dialog. */
  imageId: string | null
  updatedAt: number
  onRefresh: () => void
  refreshing: boolean
}) {
  const { search } = useLocation()
  const navigate = useNavigate()
  const { filters, update, reset } = usePackFilters()
  const brokenUrls = useBrokenImages()
  const searchRef = useRef<HTMLInputElement>(null)
  const galleryRef = useRef<PackGalleryHandle>(null)
  const [showShortcuts, setShowShortcuts] = useState(false)

  // Derived once per data, filter or failed-image change; never per card.
  const { reviewed } = pack
  const facets = useMemo(
    () => (brokenUrls.size === 0 ? pack.facets : facetsOf(reviewed, brokenUrls)),
    [pack.facets, reviewed, brokenUrls],
  )
  const visible = useMemo(
    () => applyFilters(reviewed, filters, brokenUrls),
    [reviewed, filters, brokenUrls],
  )
  // Once the broken count is asked for or shown, it must be complete, not only the tiles seen.
  const imageCheck = useImageCheck(
    reviewed,
    filters.flags.includes('broken') || facets.flags.broken > 0,
  )

  // The URL's id, not the payload's: links must lead back to this page.
  const { packId = pack.id } = useParams()
  const packPath = `/packs/${packId}`
  const hrefFor = useCallback(
    (id: string) => `${packPath}/images/${encodeURIComponent(id)}${search}`,
    [packPath, search],
  )

  const current =
    imageId === null ? null : (reviewed.find((item) => item.image.id === imageId) ?? null)
  const indexInView = current ? visible.indexOf(current) : -1

  const nextNeedingAttention = (): string | null => {
    if (visible.length === 0) return null
    const focusedId =
      current?.image.id ??
      (document.activeElement as HTMLElement | null)
        ?.closest('article')
        ?.getAttribute('data-image-id')
    const start = visible.findIndex((item) => item.image.id === focusedId)
    for (let step = 1; step <= visible.length; step++) {
      const item = visible[(start + step) % visible.length]!
      if (item.status === 'error' || item.status === 'pending') return item.image.id
    }
    return null
  }

  useReviewShortcuts({
    '/': () => {
      if (imageId === null) searchRef.current?.focus()
    },
    '?': () => {
      if (imageId === null) setShowShortcuts(true)
    },
    n: () => {
      const id = nextNeedingAttention()
      if (id === null) return
      if (imageId !== null) {
        void navigate(hrefFor(id), { preventScrollReset: true })
      } else {
        galleryRef.current?.focusImage(id)
      }
    },
  })

  // Closing the dialog puts focus back on the card of the image it last showed.
  const lastShown = useRef<string | null>(null)
  useEffect(() => {
    if (imageId !== null) {
      lastShown.current = imageId
    } else if (lastShown.current !== null) {
      galleryRef.current?.focusImage(lastShown.current)
      lastShown.current = null
    }
  }, [imageId])

  const returned = pack.images.length
  const mismatch = pack.image_count !== null && pack.image_count !== returned

  return (
    <div className="flex flex-col gap-6">
      <PackHeader pack={pack} onRefresh={onRefresh} refreshing={refreshing} />
      {mismatch && (
        <CountMismatchNotice
          pack={pack}
          updatedAt={updatedAt}
          onRefresh={onRefresh}
          refreshing={refreshing}
        />
      )}
      {returned === 0 ? (
        <EmptyPack />
      ) : (
        <>
          <StatusSummary
            counts={facets.statuses}
            total={returned}
            updatedAt={updatedAt}
            live={facets.statuses.pending + facets.statuses.processing > 0}
          />
          <ErrorGroups
            errors={facets.errors}
            onSelect={(message) => update({ statuses: ['error'], q: message })}
          />
          <PackToolbar
            filters={filters}
            facets={facets}
            total={returned}
            onChange={update}
            searchRef={searchRef}
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700" aria-live="polite">
              Showing {visible.length.toLocaleString()} of {returned.toLocaleString()} images
            </p>
            <ImageCheckStatus check={imageCheck} />
            <div className="flex flex-wrap items-center gap-2">
              <ExportButtons
                items={visible}
                brokenUrls={brokenUrls}
                pack={{ id: pack.id, name: pack.name }}
              />
              {hasFilters(filters) && (
                <button type="button" onClick={reset} className={buttonStyles.secondary}>
                  Reset filters
                </button>
              )}
              <button
                type="button"
                onClick={() => setShowShortcuts(true)}
                aria-keyshortcuts="?"
                className={buttonStyles.secondary}
              >
                <Keyboard aria-hidden="true" className="size-4" />
                Shortcuts
              </button>
            </div>
          </div>
          {visible.length === 0 ? (
            <NoMatches onReset={reset} />
          ) : (
            <div onPointerOver={preloadImageDetailDialog} onFocus={preloadImageDetailDialog}>
              <PackGallery
                ref={galleryRef}
                items={visible}
                brokenUrls={brokenUrls}
                query={filters.q}
                hrefFor={hrefFor}
              />
            </div>
          )}
        </>
      )}
      <Suspense>
        {imageId !== null && (
          <ImageDetailDialog
            item={current}
            flags={current ? flagsOf(current, brokenUrls) : []}
            closeHref={`${packPath}${search}`}
            previousHref={indexInView > 0 ? hrefFor(visible[indexInView - 1]!.image.id) : null}
            nextHref={
              indexInView !== -1 && indexInView < visible.length - 1
                ? hrefFor(visible[indexInView + 1]!.image.id)
                : null
            }
            indexInView={indexInView === -1 ? null : indexInView}
            countInView={visible.length}
          />
        )}
        {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      </Suspense>
    </div>
  )
}
