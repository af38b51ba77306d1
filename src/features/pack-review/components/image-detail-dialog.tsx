import { ChevronLeft, ChevronRight, ExternalLink, Link2, X } from 'lucide-react'
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { CopyButton } from '@/components/copy-button'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import { statusTitle } from '@/features/pack-review/lib/image-status'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import { FlagChips } from './flag-chips'
import { ImageThumbnail } from './image-thumbnail'
import { StatusBadge } from './status-badge'

/**
 * One image over the gallery, as a modal `<dialog>` (focus stays inside, Esc closes).
 * Every move is a navigation, so the URL always names the image on screen.
 */
export function ImageDetailDialog({
  item,
  flags,
  closeHref,
  previousHref,
  nextHref,
  indexInView,
  countInView,
}: {
  /** Null when the URL names an image this pack does not have. */
  item: ReviewedImage | null
  flags: readonly QaFlag[]
  closeHref: string
  previousHref: string | null
  nextHref: string | null
  /** Position in the current filtered and sorted view, when the image is in it. */
  indexInView: number | null
  countInView: number
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const navigate = useNavigate()
  const titleId = useId()

  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    // Start at the title, not on "Previous image": screen readers read what was opened, and
    // an early Enter does not leave the image.
    headingRef.current?.focus()
  }, [])

  const go = (href: string | null) => {
    if (href) void navigate(href, { preventScrollReset: true })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'ArrowLeft' && previousHref) {
      event.preventDefault()
      go(previousHref)
    } else if (event.key === 'ArrowRight' && nextHref) {
      event.preventDefault()
      go(nextHref)
    }
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        go(closeHref)
      }}
      className="m-0 h-full max-h-none w-full max-w-none overflow-hidden bg-white p-0 backdrop:bg-slate-950/70 sm:m-auto sm:h-auto sm:max-h-[92dvh] sm:w-[min(72rem,94vw)] sm:rounded-2xl sm:shadow-2xl"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <h2
            id={titleId}
            ref={headingRef}
            tabIndex={-1}
            className="min-w-0 truncate text-lg font-semibold text-slate-900 focus:outline-none"
          >
            {item ? `Image #${item.position}` : 'Image not found in this pack'}
          </h2>
          <div className="flex shrink-0 items-center gap-1">
            {item && indexInView !== null && (
              <span className="mr-1 hidden text-sm text-slate-600 sm:inline">
                {indexInView + 1} of {countInView.toLocaleString()} in this view
              </span>
            )}
            <NavLink href={previousHref} label="Previous image" shortcut="ArrowLeft">
              <ChevronLeft aria-hidden="true" className="size-5" />
            </NavLink>
            <NavLink href={nextHref} label="Next image" shortcut="ArrowRight">
              <ChevronRight aria-hidden="true" className="size-5" />
            </NavLink>
            <Link
              to={closeHref}
              preventScrollReset
              aria-label="Close"
              aria-keyshortcuts="Escape"
              className="rounded-lg p-2 text-slate-700 hover:bg-slate-100"
            >
              <X aria-hidden="true" className="size-5" />
            </Link>
          </div>
        </div>
        {item ? (
          <ImageDetails key={item.image.id} item={item} flags={flags} />
        ) : (
          <div className="p-6">
            <p className="text-slate-700">
              This link names an image that is not in this pack. It may have been removed from the
              pack, or the link is incomplete.
            </p>
            <Link to={closeHref} preventScrollReset className={`${buttonStyles.primary} mt-4`}>
              Back to the pack
            </Link>
          </div>
        )}
      </div>
    </dialog>
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
  const className = 'rounded-lg p-2 text-slate-700 hover:bg-slate-100'
  if (!href) {
    return (
      <span aria-hidden="true" className={`${className} opacity-30`}>
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
      className={className}
    >
      {children}
    </Link>
  )
}

function ImageDetails({ item, flags }: { item: ReviewedImage; flags: readonly QaFlag[] }) {
  const [showRaw, setShowRaw] = useState(false)
  const { image, status, safeUrl } = item
  const metadata = image.metadata
  const generated = parseDate(metadata?.generated_at)
  const description = metadata?.description?.trim() || null
  const rawId = useId()

  return (
    <div className="grid min-h-0 flex-1 overflow-y-auto md:grid-cols-[3fr_2fr]">
      <div className="flex items-center bg-slate-900">
        <ImageThumbnail
          src={safeUrl}
          alt={description ?? `Image #${item.position} (no description)`}
          broken={flags.includes('broken')}
          className="[&_img]:object-contain"
        />
      </div>
      <div className="flex flex-col gap-4 p-4 sm:p-5">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={status} title={statusTitle(image)} />
          <FlagChips flags={flags} />
        </div>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          <Field label="Description">
            {description ?? <span className="text-slate-600 italic">None</span>}
          </Field>
          <Field label="Keywords">
            {metadata?.keywords.length ? (
              <ul aria-label="Keywords" className="flex flex-wrap gap-1">
                {metadata.keywords.map((keyword, index) => (
                  <li
                    key={`${keyword}-${index}`}
                    className="rounded-md bg-slate-100 px-1.5 py-0.5 text-xs"
                  >
                    {keyword}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-600 italic">None</span>
            )}
          </Field>
          <Field label="Status">
            {metadata?.status ?? <span className="italic">missing</span>}
          </Field>
          {metadata?.error && <Field label="Error">{metadata.error}</Field>}
          <Field label="Model">{metadata?.model ?? '—'}</Field>
          <Field label="Generated">
            {generated ? (
              <>
                <time dateTime={generated.toISOString()}>{formatAbsolute(generated)}</time> (
                {formatRelative(generated)})
              </>
            ) : (
              'Not yet'
            )}
          </Field>
          <Field label="Position">#{item.position}</Field>
          <Field label="Image ID">
            <span className="font-mono text-xs break-all">{image.id}</span>
          </Field>
          <Field label="URL">
            <span className="font-mono text-xs break-all">{image.url ?? '—'}</span>
          </Field>
        </dl>
        <div className="flex flex-wrap gap-2">
          <CopyButton text={() => image.url ?? ''} label="Copy image URL" />
          <CopyButton text={() => image.id} label="Copy image ID" />
          <CopyButton
            text={() => window.location.href}
            label="Copy link to this image"
            icon={<Link2 aria-hidden="true" className="size-4" />}
          />
          {safeUrl && (
            <a
              href={safeUrl}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonStyles.secondary}
            >
              <ExternalLink aria-hidden="true" className="size-4" />
              Open original
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          )}
        </div>
        <div>
          <button
            type="button"
            aria-expanded={showRaw}
            aria-controls={rawId}
            onClick={() => setShowRaw((value) => !value)}
            className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
          >
            {showRaw ? 'Hide raw JSON' : 'Show raw JSON'}
          </button>
          {showRaw && (
            <pre
              id={rawId}
              className="mt-2 max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100"
            >
              {JSON.stringify(image, null, 2)}
            </pre>
          )}
        </div>
      </div>
    </div>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  )
}
