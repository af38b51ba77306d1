import { useId } from 'react'
import { LinkCard } from '@/components/link-card'
import { RelativeTime } from '@/components/relative-time'
import { clearRecentPacks, useRecentPacks } from '@/lib/recent-packs'

/** Packs opened in this browser, newest first. Renders nothing until there is one. */
export function RecentPacks() {
  const packs = useRecentPacks()
  const headingId = useId()
  if (packs.length === 0) return null

  const clear = () => {
    // The section (and the focused button) is about to disappear; keep keyboard users on
    // the page by moving to the lookup form's field instead of dropping focus to <body>.
    document.querySelector<HTMLElement>('input[name="packId"]')?.focus()
    clearRecentPacks()
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          Recent packs
        </h2>
        <button
          type="button"
          onClick={clear}
          className="-my-2 rounded-md px-2 py-2 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
        >
          Clear recent packs
        </button>
      </div>
      <ul className="mt-3 grid gap-2">
        {packs.map((pack) => (
          <li key={pack.id}>
            <LinkCard to={`/packs/${pack.id}`}>
              <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="min-w-0 font-medium break-words text-slate-900">
                  {pack.name.trim() || 'Untitled pack'}
                </span>
                <span className="text-xs text-slate-600">
                  <RelativeTime value={pack.openedAt} prefix="Opened" fallback="" />
                </span>
              </span>
              <span className="mt-0.5 block font-mono text-xs break-all text-slate-500">
                {pack.id}
              </span>
            </LinkCard>
          </li>
        ))}
      </ul>
    </section>
  )
}
