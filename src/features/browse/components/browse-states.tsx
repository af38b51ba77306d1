import { FilterX, FolderOpen } from 'lucide-react'
import { NoMatchesIcon } from '@/components/icons'
import type { ReactNode } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { ErrorScreen } from '@/components/error-screen'
import { NextTryCountdown } from '@/components/next-try-countdown'
import type { ApiError } from '@/lib/api-error'
import { NO_ERROR_CODE } from '@/lib/error-report'

// The browse list's states other than a page of packs.

const SKELETON_CARDS = 6

/** Placeholder cards the size of real ones, so nothing moves when the packs arrive. */
export function BrowseSkeleton({ nextTryAt = null }: { nextTryAt?: number | null }) {
  return (
    <div aria-busy="true">
      {/* Said out loud only, until a try has failed: then when the next one happens is news. */}
      <p role="status" className={nextTryAt === null ? 'sr-only' : 'mb-3 text-sm text-slate-700'}>
        Loading packs…
        {nextTryAt !== null && (
          <>
            {' '}
            still trying. <NextTryCountdown at={nextTryAt} />
          </>
        )}
      </p>
      <div
        aria-hidden="true"
        className="grid grid-cols-1 gap-4 motion-safe:animate-pulse sm:grid-cols-2 lg:grid-cols-3"
      >
        {Array.from({ length: SKELETON_CARDS }, (_, i) => (
          <div
            key={i}
            className="flex flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
          >
            <div className="aspect-[4/3] border-b border-slate-100 bg-slate-200" />
            <div className="flex flex-col gap-2 p-4">
              <div className="flex h-12 flex-col gap-2 pt-1">
                <div className="h-4 w-4/5 rounded bg-slate-200" />
              </div>
              <div className="flex h-5 items-center">
                <div className="h-3.5 w-1/2 rounded bg-slate-200" />
              </div>
              <div className="flex h-4 items-center">
                <div className="h-3 w-1/3 rounded bg-slate-200" />
              </div>
            </div>
          </div>
        ))}
      </div>
    </div>
  )
}

function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: ReactNode
  title: ReactNode
  children: ReactNode
  action?: ReactNode
}) {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      {icon}
      <h3 className="mt-3 max-w-full text-lg font-semibold [overflow-wrap:anywhere] text-slate-900">
        {title}
      </h3>
      <p className="mt-1 max-w-md text-sm text-slate-600">{children}</p>
      {action && <div className="mt-4">{action}</div>}
    </div>
  )
}

const iconClass = 'size-10 text-slate-400'

export function NoMatchingPacks({ q, onClear }: { q: string; onClear: () => void }) {
  return (
    <EmptyState
      icon={<NoMatchesIcon aria-hidden="true" className={iconClass} />}
      title={<>No packs match “{q.trim()}”.</>}
      action={
        <button type="button" onClick={onClear} className={buttonStyles.primary}>
          Clear search
        </button>
      }
    >
      Check the spelling, or search for part of a pack’s name.
    </EmptyState>
  )
}

export function NoPrivatePacks({ onIncludePublic }: { onIncludePublic: () => void }) {
  return (
    <EmptyState
      icon={<FolderOpen aria-hidden="true" className={iconClass} />}
      title="No packs of your own"
      action={
        <button type="button" onClick={onIncludePublic} className={buttonStyles.primary}>
          Include public packs
        </button>
      }
    >
      Public packs are hidden. Include them to see packs shared by other workspaces.
    </EmptyState>
  )
}

export function NoPacks() {
  return (
    <EmptyState icon={<FolderOpen aria-hidden="true" className={iconClass} />} title="No packs yet">
      Packs created in Genviral with this workspace’s key show up here.
    </EmptyState>
  )
}

export function PastLastPage({
  page,
  pageCount,
  onFirstPage,
}: {
  page: number
  pageCount: number
  onFirstPage: () => void
}) {
  return (
    <EmptyState
      icon={<FolderOpen aria-hidden="true" className={iconClass} />}
      title={`There is no page ${page.toLocaleString()}`}
      action={
        <button type="button" onClick={onFirstPage} className={buttonStyles.primary}>
          Go to page 1
        </button>
      }
    >
      {pageCount === 1
        ? 'All packs fit on one page.'
        : `The packs fit on ${pageCount.toLocaleString()} pages.`}
    </EmptyState>
  )
}

/** 422 `invalid_query`: the API refused the list's parameters; starting over fixes it. */
export function InvalidQueryScreen({ error, onReset }: { error: ApiError; onReset: () => void }) {
  return (
    <ErrorScreen
      title="That search could not be run"
      icon={<FilterX className="size-6" />}
      details={[
        { label: 'API message', value: error.message },
        {
          label: 'Error code',
          value: error.errorCode ?? <span className="font-sans">{NO_ERROR_CODE}</span>,
        },
        { label: 'HTTP status', value: String(error.status) },
      ]}
      actions={
        <button type="button" onClick={onReset} className={buttonStyles.primary}>
          Clear search and filters
        </button>
      }
    >
      <p>
        Genviral refused the search, filter or page this list asked for. Clear them to start again
        from the first page of all packs.
      </p>
    </ErrorScreen>
  )
}
