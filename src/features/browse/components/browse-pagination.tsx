import { ChevronLeft, ChevronRight } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { buttonStyles } from '@/components/button-styles'

/** Previous / "Page X of Y" / Next. */
export function BrowsePagination({
  page,
  pageCount,
  onPage,
}: {
  page: number
  pageCount: number
  onPage: (page: number) => void
}) {
  const previous = useRef<HTMLButtonElement>(null)
  const next = useRef<HTMLButtonElement>(null)
  // The clicked button is disabled once an end is reached: focus moves to the other one
  // (after the page changed, as a disabled button cannot take focus).
  const refocus = useRef<HTMLButtonElement | null>(null)
  useEffect(() => {
    refocus.current?.focus()
    refocus.current = null
  }, [page])
  const go = (target: number) => {
    refocus.current = target <= 1 ? next.current : target >= pageCount ? previous.current : null
    onPage(target)
  }

  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
      <button
        ref={previous}
        type="button"
        disabled={page <= 1}
        onClick={() => go(Math.min(page - 1, pageCount))}
        className={buttonStyles.secondary}
      >
        <ChevronLeft aria-hidden="true" className="size-4" />
        Previous
      </button>
      <p className="text-sm text-slate-700 tabular-nums">
        Page {page.toLocaleString()} of {pageCount.toLocaleString()}
      </p>
      <button
        ref={next}
        type="button"
        disabled={page >= pageCount}
        onClick={() => go(page + 1)}
        className={buttonStyles.secondary}
      >
        Next
        <ChevronRight aria-hidden="true" className="size-4" />
      </button>
    </nav>
  )
}
