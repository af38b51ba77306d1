import { ChevronLeft, ChevronRight, Maximize, Minimize, X } from 'lucide-react'
import type { ReactNode, Ref } from 'react'
import { Link } from 'react-router'

const ICON_BUTTON =
  'inline-flex size-10 items-center justify-center rounded-lg text-slate-100 hover:bg-white/10 focus-visible:outline-sky-300'

/** Title, place in the view, and the viewer's controls. */
export function ViewerHeader({
  title,
  titleId,
  headingRef,
  indexInView,
  countInView,
  previousHref,
  nextHref,
  closeHref,
  actualSize,
  canZoom,
  onToggleSize,
}: {
  title: string
  titleId: string
  headingRef: Ref<HTMLHeadingElement>
  indexInView: number | null
  countInView: number
  previousHref: string | null
  nextHref: string | null
  closeHref: string
  actualSize: boolean
  /** False when there is no loaded image to show at another size. */
  canZoom: boolean
  onToggleSize: () => void
}) {
  return (
    <div className="flex h-16 shrink-0 items-center justify-between gap-2 border-b border-white/10 bg-slate-900 px-2 sm:px-4">
      <div className="flex min-w-0 flex-col px-2 sm:flex-row sm:items-baseline sm:gap-3">
        <h2
          id={titleId}
          ref={headingRef}
          tabIndex={-1}
          className="truncate text-lg font-semibold text-white focus:outline-none"
        >
          {title}
        </h2>
        {indexInView !== null && (
          <p className="truncate text-sm text-slate-300">
            {indexInView + 1} of {countInView.toLocaleString()} in this view
          </p>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-0.5 sm:gap-1">
        <NavLink href={previousHref} label="Previous image" shortcut="ArrowLeft">
          <ChevronLeft aria-hidden="true" className="size-5" />
        </NavLink>
        <NavLink href={nextHref} label="Next image" shortcut="ArrowRight">
          <ChevronRight aria-hidden="true" className="size-5" />
        </NavLink>
        <span aria-hidden="true" className="mx-1 h-6 w-px bg-white/15" />
        <button
          type="button"
          aria-pressed={actualSize}
          aria-keyshortcuts="z"
          title={actualSize ? 'Fit to window (Z)' : 'Actual size (Z)'}
          disabled={!canZoom}
          onClick={onToggleSize}
          className={`${ICON_BUTTON} gap-2 disabled:opacity-40 disabled:hover:bg-transparent sm:w-auto sm:px-3 ${actualSize ? 'bg-white/15' : ''}`}
        >
          {actualSize ? (
            <Minimize aria-hidden="true" className="size-5" />
          ) : (
            <Maximize aria-hidden="true" className="size-5" />
          )}
          <span className="sr-only sm:not-sr-only sm:text-sm sm:font-medium">Actual size</span>
        </button>
        <Link
          to={closeHref}
          preventScrollReset
          aria-label="Close"
          aria-keyshortcuts="Escape"
          className={ICON_BUTTON}
        >
          <X aria-hidden="true" className="size-5" />
        </Link>
      </div>
    </div>
  )
}

function NavLink({
  href,
  label,
  shortcut,
  children,
}: {
  href: string | null
  label: string
  shortcut: string
  children: ReactNode
}) {
  if (!href) {
    return (
      <span aria-hidden="true" className={`${ICON_BUTTON} opacity-30 hover:bg-transparent`}>
        {children}
      </span>
    )
  }
  return (
    <Link
      to={href}
      preventScrollReset
      aria-label={label}
      aria-keyshortcuts={shortcut}
      className={ICON_BUTTON}
    >
      {children}
    </Link>
  )
}
