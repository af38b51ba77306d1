import type { ReactNode } from 'react'

/**
 * The pack page's shape while it loads: pack bar, toolbar, tiles and rail where they will be,
 * so the page that replaces it appears in place. What is happening is said where the pack's
 * name will be.
 */
export function PackSkeleton({
  attempt,
  offline,
  nextTry,
}: {
  attempt: number
  offline: boolean
  /** When the next try happens, while one is waiting. */
  nextTry?: ReactNode
}) {
  return (
    <div aria-busy="true" className="flex flex-col gap-3">
      <div className="flex min-h-9 flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex flex-col gap-2">
          <p role="status" className="text-sm text-slate-600">
            {offline ? (
              'You are offline. The pack loads as soon as the connection is back.'
            ) : attempt > 1 ? (
              <>
                Loading pack… still trying (attempt {attempt} of 3){nextTry && <>. {nextTry}</>}
              </>
            ) : (
              'Loading pack…'
            )}
          </p>
          {/* On a phone the pack's details wrap under its name. */}
          <div aria-hidden="true" className="h-10 w-56 rounded bg-slate-200/70 sm:hidden" />
          {/* And who is reviewing, on a line of its own, then the sign-off and its reason. */}
          <div aria-hidden="true" className="h-5 w-32 rounded bg-slate-200/70 sm:hidden" />
          <div aria-hidden="true" className="h-9 w-72 rounded-lg bg-slate-200/70 sm:hidden" />
        </div>
        {/* The pack's actions (with the sign-off and the report) take a line under its name;
            on a phone, two. */}
        <div
          aria-hidden="true"
          className="flex flex-col gap-2 motion-safe:animate-pulse sm:w-full sm:items-end"
        >
          <div className="h-9 w-80 rounded-lg bg-slate-200 sm:w-[44rem]" />
          <div className="h-9 w-32 rounded-lg bg-slate-200 sm:hidden" />
        </div>
      </div>
      <div aria-hidden="true" className="flex flex-col gap-3 motion-safe:animate-pulse">
        <div className="-mx-4 flex flex-col gap-2 border-b border-slate-200 px-4 py-2 sm:-mx-6 sm:px-6">
          <div className="flex flex-wrap gap-2">
            <div className="h-9 w-full rounded-md bg-slate-200 md:w-auto md:min-w-72 md:flex-1" />
            <div className="h-9 w-full rounded-lg bg-slate-200 md:w-[36rem]" />
            {/* Sort, view, size, export and Filters take three rows on a phone. */}
            <div className="h-8 w-full rounded-lg bg-slate-200 md:hidden" />
            <div className="h-9 w-full rounded-lg bg-slate-200 md:hidden" />
          </div>
          <div className="flex flex-col gap-x-4 gap-y-1 sm:flex-row sm:items-center">
            <div className="h-9 w-full rounded-lg bg-slate-200 sm:w-80" />
            <div className="h-15 w-full max-w-md rounded bg-slate-200/70 sm:h-5" />
          </div>
        </div>
        <div className="flex items-start gap-6">
          <div className="grid min-w-0 flex-1 grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-3 xl:grid-cols-5">
            {Array.from({ length: 10 }, (_, i) => (
              <div
                key={i}
                data-skeleton-tile=""
                className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200"
              >
                <div className="aspect-square bg-slate-200" />
                <div className="flex h-[72px] flex-col gap-2 p-2">
                  <div className="h-4 w-2/5 rounded bg-slate-200" />
                  <div className="h-3 rounded bg-slate-200" />
                </div>
              </div>
            ))}
          </div>
          <div className="hidden h-96 w-64 shrink-0 rounded-xl bg-slate-200/70 lg:block" />
        </div>
      </div>
    </div>
  )
}
