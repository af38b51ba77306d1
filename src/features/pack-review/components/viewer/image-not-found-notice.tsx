import { ImageOff, X } from 'lucide-react'
import { useEffect, useEffectEvent } from 'react'
import { Link, useNavigate } from 'react-router'

/**
 * Said over the pack when the URL names an image it does not have. Not a dialog: the pack
 * underneath stays in reach, and Esc, the close button or the link take the image off the URL.
 */
export function ImageNotFoundNotice({ closeHref }: { closeHref: string }) {
  const navigate = useNavigate()
  const dismiss = () => void navigate(closeHref, { replace: true, preventScrollReset: true })

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) dismiss()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])

  return (
    <div
      role="alert"
      className="fixed inset-x-3 top-3 z-50 mx-auto flex max-w-lg items-start gap-3 rounded-xl bg-white p-4 shadow-xl ring-1 ring-slate-900/10"
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-900">
        <ImageOff aria-hidden="true" className="size-5" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-slate-900">Image not found in this pack</p>
        <p className="mt-0.5 text-sm text-slate-700">
          The link names an image this pack does not have: it may have been removed, or the link is
          incomplete.
        </p>
        <Link
          to={closeHref}
          preventScrollReset
          className="mt-2 inline-block text-sm font-semibold text-indigo-700 underline-offset-2 hover:underline"
        >
          Back to the pack
        </Link>
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        aria-keyshortcuts="Escape"
        onClick={dismiss}
        className="-mt-1 -mr-1 inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <X aria-hidden="true" className="size-5" />
      </button>
    </div>
  )
}
