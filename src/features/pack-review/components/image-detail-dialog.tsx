import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { useModalDialog } from '@/lib/use-modal-dialog'
import { usePageScrollLock } from '@/lib/use-page-scroll-lock'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import type { ImageEdits } from '@/features/pack-review/lib/image-edits'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { ImageEditButtons } from './image-edit-buttons'
import { ReviewHistory } from './viewer/review-history'
import { ViewerFilmstrip } from './viewer/viewer-filmstrip'
import { ViewerHeader } from './viewer/viewer-header'
import { ViewerInspector } from './viewer/viewer-inspector'
import { ViewerReview } from './viewer/viewer-review'
import { ViewerStage, type ZoomOrigin } from './viewer/viewer-stage'

const CENTRE: ZoomOrigin = { x: 0.5, y: 0.5 }

/**
 * One image in a full-window modal `<dialog>` over the gallery (focus stays inside, Esc
 * closes): the image on a stage, an inspector beside it (below it on a phone) and the
 * neighbouring images of the view in a filmstrip. Every move is a navigation, so the URL
 * always names the image on screen.
 */
export function ImageDetailDialog({
  item,
  flags,
  closeHref,
  previousHref,
  nextHref,
  indexInView,
  countInView,
  items,
  hrefFor,
  packId,
  review,
  actions,
  edits,
  notices,
}: {
  item: ReviewedImage
  flags: readonly QaFlag[]
  closeHref: string
  previousHref: string | null
  nextHref: string | null
  /** Position in the current filtered and sorted view, when the image is in it. */
  indexInView: number | null
  countInView: number
  /** The current filtered and sorted view, for the filmstrip. */
  items: readonly ReviewedImage[]
  hrefFor: (imageId: string) => string
  /** The pack's ID, for the image's review history. */
  packId: string
  /** The image's decision, shown with its buttons and its history in the inspector. */
  review: ImageReview
  actions: ReviewActions
  /** What can change the image in the pack; none where the page cannot edit. */
  edits?: ImageEdits
  /** Notices of the page's writes: inside the dialog, or the modal dialog would hide them. */
  notices?: ReactNode
}) {
  const dialogRef = useModalDialog()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const rawToggleRef = useRef<HTMLButtonElement>(null)
  const navigate = useNavigate()
  const titleId = useId()
  // Kept from image to image, as a reviewer stepping through at actual size expects.
  const [zoom, setZoom] = useState<{ actual: boolean; origin: ZoomOrigin }>({
    actual: false,
    origin: CENTRE,
  })
  const [showRaw, setShowRaw] = useState(false)
  usePageScrollLock()

  useEffect(() => {
    // Start at the title, not on "Previous image": screen readers read what was opened, and
    // an early Enter does not leave the image.
    headingRef.current?.focus()
  }, [])

  // A control that had focus may be gone with the previous image; the keys must keep working.
  useEffect(() => {
    if (!dialogRef.current?.contains(document.activeElement)) headingRef.current?.focus()
  }, [dialogRef, item.image.id])

  const { safeUrl } = item
  const broken = flags.includes('broken')
  const canZoom = safeUrl !== null && !broken
  const toggleSize = (origin: ZoomOrigin = CENTRE) => {
    if (canZoom) setZoom((previous) => ({ actual: !previous.actual, origin }))
  }
  const toggleRaw = () => setShowRaw((open) => !open)
  // Closing the drawer hands focus back to the button that opened it, once it is not inert.
  const drawerWasOpen = useRef(false)
  useEffect(() => {
    if (!showRaw && drawerWasOpen.current) rawToggleRef.current?.focus()
    drawerWasOpen.current = showRaw
  }, [showRaw])

  const go = (href: string | null) => {
    if (href) void navigate(href, { preventScrollReset: true })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return
    if (event.key === 'ArrowLeft' && previousHref) {
      event.preventDefault()
      go(previousHref)
    } else if (event.key === 'ArrowRight' && nextHref) {
      event.preventDefault()
      go(nextHref)
    } else if (event.key === 'z' || event.key === 'Z') {
      event.preventDefault()
      toggleSize()
    }
  }

  const description = item.image.metadata?.description?.trim() || null
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        go(closeHref)
      }}
      className="fixed inset-0 m-0 size-full max-h-none max-w-none overflow-hidden border-0 bg-slate-950 p-0 text-slate-100 backdrop:bg-slate-950"
    >
      <div className="flex h-full flex-col">
        <ViewerHeader
          title={`Image #${item.position}`}
          titleId={titleId}
          headingRef={headingRef}
          indexInView={indexInView}
          countInView={countInView}
          previousHref={previousHref}
          nextHref={nextHref}
          closeHref={closeHref}
          actualSize={zoom.actual && canZoom}
          canZoom={canZoom}
          onToggleSize={() => toggleSize()}
        />
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain md:grid md:grid-cols-[minmax(0,1fr)_24rem] md:grid-rows-[minmax(0,1fr)] md:overflow-hidden xl:grid-cols-[minmax(0,1fr)_28rem]">
          <div className="flex min-h-0 flex-col">
            <ViewerStage
              key={item.image.id}
              src={safeUrl}
              alt={description ?? `Image #${item.position} (no description)`}
              broken={broken}
              actualSize={zoom.actual && canZoom}
              zoomOrigin={zoom.origin}
              onToggleSize={toggleSize}
            />
            {indexInView !== null && (
              <ViewerFilmstrip items={items} index={indexInView} hrefFor={hrefFor} />
            )}
          </div>
          <ViewerInspector
            item={item}
            flags={flags}
            showRaw={showRaw}
            onToggleRaw={toggleRaw}
            rawToggleRef={rawToggleRef}
            review={<ViewerReview item={item} review={review} actions={actions} />}
            fix={
              edits && (
                <ImageEditButtons item={item} state={review.state} edits={edits} compact={false} />
              )
            }
            history={
              <ReviewHistory
                packId={packId}
                imageId={item.image.id}
                revision={review.decision?.revision ?? null}
              />
            }
          />
        </div>
      </div>
      {notices && (
        // Over the image's stage, above the filmstrip: the header's buttons stay in reach.
        <div className="fixed inset-x-2 bottom-2 z-10 md:right-auto md:bottom-24 md:left-4 md:w-96">
          {notices}
        </div>
      )}
    </dialog>
  )
}
