import type { ReactNode } from 'react'

/** The pack page's shape while it loads: pack bar, toolbar, tiles and rail where they will be. */
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
      <div aria-hidden="true" className="flex flex-col gap-3 motion-safe:animate-pulse">
        <div className="flex h-9 items-center justify-between gap-4">
          <div className="h-6 w-2/3 max-w-md rounded-lg bg-slate-200" />
          <div className="hidden h-9 w-48 rounded-lg bg-slate-200 sm:block" />
        </div>
        <div className="flex flex-col gap-2 border-b border-slate-200 py-2">
          <div className="flex flex-wrap gap-2">
            <div className="h-9 w-full rounded-md bg-slate-200 md:w-auto md:flex-1" />
            <div className="h-9 w-96 max-w-full rounded-lg bg-slate-200" />
          </div>
          <div className="flex gap-4">
            <div className="h-9 w-full rounded-lg bg-slate-200 sm:w-80" />
            <div className="hidden h-5 w-96 self-center rounded bg-slate-200 sm:block" />
          </div>
        </div>
        <div className="flex items-start gap-6">
          <div className="grid min-w-0 flex-1 grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 xl:grid-cols-5">
            {Array.from({ length: 10 }, (_, i) => (
              <div key={i} className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
                <div className="aspect-square bg-slate-200" />
                <div className="flex h-16 flex-col gap-2 p-2">
                  <div className="h-3 w-2/5 rounded bg-slate-200" />
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
