import {
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react'
import { ChartColumn } from 'lucide-react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { FixedCount } from '@/components/fixed-count'
import { lazyNamed } from '@/lib/lazy-named'
import { preloadable } from '@/lib/preloadable'
import type { LoadedPack } from '@/features/pack-review/api/pack-queries'
import { useBrokenImages } from '@/features/pack-review/lib/broken-images'
import {
  applyFilters,
  errorGroupItems,
  facetsOf,
  hasFilters,
  type PackFilters,
} from '@/features/pack-review/lib/pack-filters'
import { canRetryMetadata, type ImageEdits } from '@/features/pack-review/lib/image-edits'
import { stepToProblem } from '@/features/pack-review/lib/problems'
import { flagsOf, type ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import { stepThumbnailSize, useThumbnailSize } from '@/features/pack-review/lib/thumbnail-size'
import { useStickyHeight } from '@/features/pack-review/lib/use-sticky-height'
import { useImageCheck } from '@/features/pack-review/lib/use-image-check'
import { usePackFilters } from '@/features/pack-review/lib/use-pack-filters'
import { useReviewShortcuts } from '@/features/pack-review/lib/use-review-shortcuts'
import { useAutoAdvance } from '@/features/pack-review/lib/auto-advance'
import { nextToReview } from '@/features/pack-review/lib/next-to-review'
import { usePackReviews } from '@/features/pack-review/lib/use-pack-reviews'
import { useReviewFlow } from '@/features/pack-review/lib/use-review-flow'
import { useBulkFlow } from '@/features/pack-review/lib/use-bulk-flow'
import { useSelection } from '@/features/pack-review/lib/use-selection'
import { totalsOf } from '@/features/pack-review/lib/sign-off-state'
import { useSignOff } from '@/features/pack-review/lib/use-sign-off'
import { CountMismatchNotice } from './count-mismatch-notice'
import { ExportButtons } from './export-buttons'
import { FilterPanel } from './filter-panel'
import { ImageCheckStatus } from './image-check-status'
import { PackBar } from './pack-bar'
import { PackGallery, type PackGalleryHandle } from './pack-gallery'
import { EmptyPack, NoMatches } from './pack-states'
import { PackToolbar } from './pack-toolbar'
import { AutoAdvanceToggle } from './review/auto-advance-toggle'
import { BulkDialogs } from './review/bulk-dialogs'
import { ReviewProgress } from './review/review-progress'
import { ReviewerControls } from './review/reviewer-controls'
import { SignOffControls } from './review/sign-off-controls'
import { StatusSummary } from './status-summary'

// The dialogs are their own chunks, so the gallery's first screen loads less JavaScript.
// The image dialog's chunk is fetched as soon as the pointer or focus reaches the gallery.
const loadImageDetailDialog = () => import('./image-detail-dialog')
const ImageDetailDialog = lazyNamed(loadImageDetailDialog, 'ImageDetailDialog')
const ShortcutsDialog = lazyNamed(() => import('./shortcuts-dialog'), 'ShortcutsDialog')
// Shown only on a phone's Filters button or for a link to a missing image: not in the first
// screen's code.
const FilterSheet = lazyNamed(() => import('./filter-sheet'), 'FilterSheet')
const ImageNotFoundNotice = lazyNamed(
  () => import('./viewer/image-not-found-notice'),
  'ImageNotFoundNotice',
)
const PackListView = lazyNamed(() => import('./pack-list-view'), 'PackListView')
// Fetched with the image dialog, once the pointer or focus reaches the gallery (where `x`
// is pressed): keys typed right after it (a reason, Enter) must land in the dialog.
const rejectDialog = preloadable(() => import('./review/reject-dialog'), 'RejectDialog')
const nameDialog = preloadable(() => import('@/components/name-dialog'), 'NameDialog')
// Shown only while images are selected; fetched with the rest once the gallery is reached
// (where they are selected).
const selectionToolbar = preloadable(() => import('./selection-toolbar'), 'SelectionToolbar')
const RejectDialog = rejectDialog.Component
const NameDialog = nameDialog.Component
const SelectionToolbar = selectionToolbar.Component
// Once: the gallery's focus and pointer events call it on every move.
let dialogsPreloaded = false
const preloadImageDetailDialog = () => {
  if (dialogsPreloaded) return
  dialogsPreloaded = true
  void loadImageDetailDialog()
  void rejectDialog.preload()
  void nameDialog.preload()
  void selectionToolbar.preload()
}

const NONE: readonly ReviewedImage[] = []

export function PackView({
  pack,
  imageId,
  updatedAt,
  onRefresh,
  refreshing,
  authenticatedUser,
  edit,
  editNotice,
  imageEdits,
  writeNotices,
}: {
  pack: LoadedPack
  /** The image named by the URL, shown in the detail dialog. */
  imageId: string | null
  updatedAt: number
  onRefresh: () => void
  refreshing: boolean
  /** Who the server says is signed in: decisions are theirs, and no name is asked. */
  authenticatedUser: string | null
  /** What changes the pack itself (its name, visibility, deletion): items of its toolbar. */
  edit?: ReactNode
  /** What those changes have to say (a change put back, editing turned off), under the bar. */
  editNotice?: ReactNode
  /** What changes the pack's images (retry metadata, remove), on tiles, viewer and bars. */
  imageEdits?: ImageEdits
  /** How those edits went: over the page, or inside the viewer while it is open (modal). */
  writeNotices?: ReactNode
}) {
  const { search } = useLocation()
  const navigate = useNavigate()
  const { filters, update, reset } = usePackFilters()
  const reviews = usePackReviews(pack, authenticatedUser)
  const [autoAdvance, setAutoAdvance] = useAutoAdvance()
  const brokenUrls = useBrokenImages()
  const [size, setSize] = useThumbnailSize()
  const searchRef = useRef<HTMLInputElement>(null)
  const galleryRef = useRef<PackGalleryHandle>(null)
  const [toolbarRef, toolbarHeight] = useStickyHeight<HTMLDivElement>()
  const [showShortcuts, setShowShortcuts] = useState(false)
  const [railOpen, setRailOpen] = useState(true)
  const [sheetOpen, setSheetOpen] = useState(false)
  // Said for the view it was found in: a change of filters makes it stale.
  const [problem, setProblem] = useState<{ text: string; view: PackFilters } | null>(null)

  // Derived once per data, filter, decision or failed-image change; never per card.
  const { reviewed } = pack
  const { reviewOf } = reviews
  const filtered = hasFilters(filters)
  const reviewFilters = filters.reviews.length > 0 || filters.reasons.length > 0
  const reviewCounts = reviews.counts
  const reviewedCount = reviewCounts.reviews.approved + reviewCounts.reviews.rejected
  const facets = useMemo(
    () =>
      brokenUrls.size === 0 && !filtered
        ? { ...pack.facets, ...reviewCounts }
        : facetsOf(reviewed, brokenUrls, filters, reviewOf),
    [pack.facets, reviewCounts, reviewed, brokenUrls, filters, filtered, reviewOf],
  )
  // Decisions change the view only while it is filtered by them: otherwise the gallery keeps
  // the same list, and only the tiles whose decision changed render again.
  const viewReviews = reviewFilters ? reviewOf : null
  const visible = useMemo(
    () => applyFilters(reviewed, filters, brokenUrls, viewReviews ?? undefined),
    [reviewed, filters, brokenUrls, viewReviews],
  )
  const problemMessage = problem?.view === filters ? problem.text : ''
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

  /** The image the keys act on: the open one, else the focused card or row. */
  const focusedId = () =>
    current?.image.id ??
    (document.activeElement as HTMLElement | null)
      ?.closest('[data-image-id]')
      ?.getAttribute('data-image-id') ??
    null
  const focusedItem = () => {
    const id = focusedId()
    return id === null ? null : (reviewed.find((item) => item.image.id === id) ?? null)
  }
  const say = (text: string) => setProblem({ text, view: filters })
  /** Focus moves to the image's card, or the open dialog to the image. */
  const show = (id: string) => {
    if (imageId !== null) void navigate(hrefFor(id), { preventScrollReset: true })
    else galleryRef.current?.focusImage(id)
  }
  const flow = useReviewFlow({ reviews, visible, autoAdvance, show, say })
  const { actions, dialog: reviewDialog } = flow

  const { selection, select, selectAll, clear: clearSelection } = useSelection(visible)
  const selectedIds = selection.ids
  // In the view's order, for the bulk actions and the export.
  const selectedItems = useMemo(
    () =>
      selectedIds.size === 0 ? NONE : visible.filter((item) => selectedIds.has(item.image.id)),
    [visible, selectedIds],
  )
  const selecting = selectedItems.length > 0
  const bulk = useBulkFlow({
    reviews,
    actions,
    askName: flow.changeName,
    naming: reviewDialog?.kind === 'name',
    say,
  })
  const onImage = (act: (item: (typeof reviewed)[number]) => void) => () => {
    if (showShortcuts) return
    const item = focusedItem()
    if (item) act(item)
    else say('Pick an image first: r goes to the next one that needs review')
  }

  const goToProblem = (direction: 1 | -1) => {
    const step = stepToProblem(visible, brokenUrls, focusedId(), direction)
    if (step === null) {
      setProblem({ text: 'No problems in this view', view: filters })
      return
    }
    setProblem({ text: `Problem ${step.rank} of ${step.count}`, view: filters })
    if (imageId !== null) {
      void navigate(hrefFor(step.imageId), { preventScrollReset: true })
    } else {
      galleryRef.current?.focusImage(step.imageId)
    }
  }

  useReviewShortcuts({
    '/': () => {
      if (imageId === null) searchRef.current?.focus()
    },
    '?': () => {
      if (imageId === null) setShowShortcuts(true)
    },
    n: () => goToProblem(1),
    N: () => goToProblem(-1),
    '[': () => {
      if (imageId === null) setRailOpen((open) => !open)
    },
    '-': () => {
      if (imageId === null) setSize(stepThumbnailSize(size, -1))
    },
    '=': () => {
      if (imageId === null) setSize(stepThumbnailSize(size, 1))
    },
    a: onImage(actions.approve),
    x: onImage(actions.reject),
    u: onImage(actions.clear),
    r: () => {
      if (showShortcuts) return
      const next = nextToReview(visible, (item) => reviews.reviewOf(item).state, focusedId(), null)
      if (next) show(next.image.id)
      else say('Every image in this view is reviewed')
    },
    undo: () => {
      if (!showShortcuts) flow.undo()
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

  // Stable props for the parts of the page a decision does not change, which are memoized:
  // a key press re-renders the tiles, counts and filters that show decisions, not the bars.
  const reviewerControls = useMemo(
    () => <ReviewerControls reviewer={reviews.reviewer} onChange={flow.changeName} />,
    [reviews.reviewer, flow.changeName],
  )
  const signOffRequests = useSignOff(pack.id, reviews.reviewer)
  const { whenNamed } = flow
  const runSignOff = signOffRequests.run
  const signOff = useMemo(
    () => (
      <>
        <SignOffControls
          availability={reviews.availability}
          totals={totalsOf(reviewCounts, pack.reviewed.length)}
          signOff={reviews.signOff}
          revision={reviews.revision}
          requests={signOffRequests}
          onRun={(action) => whenNamed(() => runSignOff(action))}
        />
        <Link to={`${packPath}/report`} className={buttonStyles.secondary}>
          <ChartColumn aria-hidden="true" className="size-4" />
          QA report
        </Link>
      </>
    ),
    [
      reviews.availability,
      reviewCounts,
      pack.reviewed.length,
      reviews.signOff,
      reviews.revision,
      signOffRequests,
      whenNamed,
      runSignOff,
      packPath,
    ],
  )
  const autoAdvanceToggle = useMemo(
    () => <AutoAdvanceToggle on={autoAdvance} onChange={setAutoAdvance} />,
    [autoAdvance, setAutoAdvance],
  )
  // The export reads the reviews when clicked, so it takes a function that never changes.
  const latestReviewOf = useRef(reviewOf)
  useLayoutEffect(() => {
    latestReviewOf.current = reviewOf
  })
  const exportReviewOf = useCallback(
    (item: (typeof reviewed)[number]) => latestReviewOf.current(item),
    [],
  )
  const exportButtons = useMemo(
    () => (
      <ExportButtons
        items={visible}
        brokenUrls={brokenUrls}
        pack={{ id: pack.id, name: pack.name }}
        reviewOf={exportReviewOf}
      />
    ),
    [visible, brokenUrls, pack.id, pack.name, exportReviewOf],
  )
  const selectionExport = useMemo(
    () => (
      <ExportButtons
        items={selectedItems}
        brokenUrls={brokenUrls}
        pack={{ id: pack.id, name: pack.name }}
        reviewOf={exportReviewOf}
        label="Export selection"
      />
    ),
    [selectedItems, brokenUrls, pack.id, pack.name, exportReviewOf],
  )
  // Read when clicked, so the error groups' button does not re-render them per decision.
  const latestView = useRef({ reviewed, filters, brokenUrls })
  useLayoutEffect(() => {
    latestView.current = { reviewed, filters, brokenUrls }
  })
  const retryErrors = useMemo(
    () =>
      imageEdits && {
        enabled: imageEdits.enabled,
        onRetry: (message: string) => {
          const view = latestView.current
          imageEdits.retryMetadata(
            errorGroupItems(
              view.reviewed,
              message,
              view.filters,
              view.brokenUrls,
              latestReviewOf.current,
            ),
          )
        },
      },
    [imageEdits],
  )
  const selectionRetryable = useMemo(
    () => selectedItems.filter((item) => canRetryMetadata(item, reviewOf(item).state)),
    [selectedItems, reviewOf],
  )
  const toggleRail = useCallback(() => setRailOpen((open) => !open), [])
  const openSheet = useCallback(() => setSheetOpen(true), [])
  const openShortcuts = useCallback(() => setShowShortcuts(true), [setShowShortcuts])

  const returned = pack.images.length
  const mismatch = pack.image_count !== null && pack.image_count !== returned
  const completed = pack.facets.statuses.completed
  const live = pack.facets.statuses.pending + pack.facets.statuses.processing > 0
  const filterPanel = (
    <FilterPanel filters={filters} facets={facets} onChange={update} retryErrors={retryErrors} />
  )

  return (
    // The Selection toolbar floats over the bottom of the window: the last row stays above it.
    <div className={`flex flex-col gap-3 ${selecting ? 'pb-32 md:pb-20' : ''}`}>
      <PackBar
        pack={pack}
        onRefresh={onRefresh}
        refreshing={refreshing}
        review={reviewerControls}
        signOff={signOff}
        edit={edit}
      />
      {editNotice}
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
          <PackToolbar
            ref={toolbarRef}
            filters={filters}
            statuses={facets.statuses}
            completed={completed}
            total={returned}
            withUnknown={pack.facets.statuses.unknown > 0}
            onChange={update}
            onReset={reset}
            filtersActive={filtered}
            searchRef={searchRef}
            size={size}
            onSizeChange={setSize}
            railOpen={railOpen}
            onToggleRail={toggleRail}
            onOpenSheet={openSheet}
            onShowShortcuts={openShortcuts}
            autoAdvance={autoAdvanceToggle}
            exportButtons={exportButtons}
            selection={
              selecting && (
                <Suspense fallback={null}>
                  <SelectionToolbar
                    count={selectedItems.length}
                    onApprove={() => bulk.request('approve', selectedItems)}
                    onReject={() => bulk.request('reject', selectedItems)}
                    onClearDecisions={() => bulk.request('clear', selectedItems)}
                    onClearSelection={clearSelection}
                    exportButtons={selectionExport}
                    edit={
                      imageEdits && {
                        enabled: imageEdits.enabled,
                        retryable: selectionRetryable.length,
                        onRetryMetadata: () => imageEdits.retryMetadata(selectionRetryable),
                        onRemove: () => imageEdits.remove(selectedItems),
                      }
                    }
                  />
                </Suspense>
              )
            }
            summary={
              <>
                <div className="flex items-center gap-2">
                  <p className="font-medium text-slate-900" aria-live="polite">
                    Showing{' '}
                    <FixedCount
                      value={visible.length.toLocaleString()}
                      widest={returned.toLocaleString()}
                    />{' '}
                    of {returned.toLocaleString()} images
                  </p>
                  {visible.length > 0 && (
                    <button
                      type="button"
                      onClick={selectAll}
                      className="rounded-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
                    >
                      Select all {visible.length.toLocaleString()} shown
                    </button>
                  )}
                </div>
                <ReviewProgress
                  availability={reviews.availability}
                  reviewed={reviewedCount}
                  total={returned}
                />
                <StatusSummary
                  completed={completed}
                  total={returned}
                  updatedAt={updatedAt}
                  live={live}
                />
                <ImageCheckStatus check={imageCheck} />
                <p role="status" className="font-medium text-indigo-800">
                  {problemMessage}
                </p>
              </>
            }
          />
          <div
            className="flex items-start gap-6"
            style={{ '--pack-sticky-top': `${toolbarHeight}px` } as CSSProperties}
          >
            <div className="min-w-0 flex-1">
              {visible.length === 0 ? (
                <NoMatches onReset={reset} />
              ) : (
                <div onPointerOver={preloadImageDetailDialog} onFocus={preloadImageDetailDialog}>
                  {filters.view === 'list' ? (
                    <Suspense fallback={<div className="min-h-screen" />}>
                      <PackListView
                        ref={galleryRef}
                        items={visible}
                        brokenUrls={brokenUrls}
                        query={filters.q}
                        hrefFor={hrefFor}
                        stickyTop={toolbarHeight}
                        reviewOf={reviewOf}
                        actions={actions}
                        edits={imageEdits}
                        selectedIds={selectedIds}
                        onSelect={select}
                      />
                    </Suspense>
                  ) : (
                    <PackGallery
                      ref={galleryRef}
                      items={visible}
                      brokenUrls={brokenUrls}
                      query={filters.q}
                      hrefFor={hrefFor}
                      size={size}
                      stickyTop={toolbarHeight}
                      reviewOf={reviewOf}
                      actions={actions}
                      edits={imageEdits}
                      selectedIds={selectedIds}
                      onSelect={select}
                    />
                  )}
                </div>
              )}
            </div>
            {railOpen && (
              <aside
                id="filter-rail"
                aria-label="Filters"
                className="sticky top-[calc(var(--pack-sticky-top)+0.75rem)] hidden max-h-[calc(100dvh-var(--pack-sticky-top)-1.5rem)] w-64 shrink-0 overflow-y-auto rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:block"
              >
                {filterPanel}
              </aside>
            )}
          </div>
          {sheetOpen && (
            <Suspense>
              <FilterSheet shownCount={visible.length} onClose={() => setSheetOpen(false)}>
                {filterPanel}
              </FilterSheet>
            </Suspense>
          )}
        </>
      )}
      <Suspense>
        {current !== null ? (
          <ImageDetailDialog
            item={current}
            flags={flagsOf(current, brokenUrls)}
            closeHref={`${packPath}${search}`}
            previousHref={indexInView > 0 ? hrefFor(visible[indexInView - 1]!.image.id) : null}
            nextHref={
              indexInView !== -1 && indexInView < visible.length - 1
                ? hrefFor(visible[indexInView + 1]!.image.id)
                : null
            }
            indexInView={indexInView === -1 ? null : indexInView}
            countInView={visible.length}
            items={visible}
            hrefFor={hrefFor}
            packId={pack.id}
            review={reviewOf(current)}
            actions={actions}
            edits={imageEdits}
            notices={writeNotices}
          />
        ) : (
          imageId !== null && <ImageNotFoundNotice closeHref={`${packPath}${search}`} />
        )}
        {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
        {reviewDialog?.kind === 'name' && (
          <NameDialog
            initial={reviews.reviewer.name}
            onSave={(name) => flow.saveName(name, reviewDialog.then)}
            onCancel={flow.cancel}
          />
        )}
        {reviewDialog?.kind === 'reject' && (
          <RejectDialog
            key={reviewDialog.item.image.id}
            position={reviewDialog.item.position}
            initial={reviewDialog.initial}
            onReject={(rejection) => flow.reject(reviewDialog.item, rejection)}
            onCancel={flow.cancel}
          />
        )}
        {current === null && writeNotices && (
          // Top right, clear of the Selection toolbar at the bottom; across a phone's top.
          <div className="fixed inset-x-2 top-2 z-40 md:top-16 md:right-4 md:left-auto md:w-96">
            {writeNotices}
          </div>
        )}
        <BulkDialogs
          selecting={selecting}
          dialog={bulk.dialog}
          onConfirm={bulk.confirm}
          onCancel={bulk.cancel}
        />
      </Suspense>
    </div>
  )
}
