import { X } from 'lucide-react'
import { useEffect, useId, type ReactNode } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { useModalDialog } from '@/lib/use-modal-dialog'

/** The side rail's filters on a phone: a modal sheet from the bottom of the screen. */
export function FilterSheet({
  shownCount,
  onClose,
  children,
}: {
  shownCount: number
  onClose: () => void
  children: ReactNode
}) {
  const dialogRef = useModalDialog()
  const titleId = useId()
  useEffect(() => {
    // Grown past the phone layout: the rail shows the same filters, the sheet goes.
    const wide = window.matchMedia('(min-width: 1024px)')
    const onWide = () => wide.matches && onClose()
    wide.addEventListener('change', onWide)
    return () => wide.removeEventListener('change', onWide)
  }, [onClose])

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-0 mt-auto max-h-[85dvh] w-full max-w-none rounded-t-2xl bg-white p-0 shadow-2xl backdrop:bg-slate-950/60"
    >
      <div className="flex max-h-[85dvh] flex-col">
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Filters
          </h2>
          <form method="dialog">
            <button
              type="submit"
              aria-label="Close filters"
              className="rounded-lg p-2 text-slate-700 hover:bg-slate-100"
            >
              <X aria-hidden="true" className="size-5" />
            </button>
          </form>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">{children}</div>
        <form method="dialog" className="border-t border-slate-200 px-4 py-3">
          <button type="submit" className={`${buttonStyles.primary} w-full`}>
            Show {shownCount.toLocaleString()} {shownCount === 1 ? 'image' : 'images'}
          </button>
        </form>
      </div>
    </dialog>
  )
}
