import type { ReactNode } from 'react'

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
    <div aria-busy="true">
      <p role="status" className="mb-4 text-sm text-slate-600">
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
      <div aria-hidden="true" className="motion-safe:animate-pulse">
        <div className="h-8 w-2/3 max-w-md rounded-lg bg-slate-200" />
        <div className="mt-3 h-4 w-1/2 max-w-sm rounded bg-slate-200" />
        <div className="mt-6 h-24 rounded-xl bg-slate-200/70" />
        <div className="mt-6 grid grid-cols-1 gap-4 min-[440px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="overflow-hidden rounded-xl border border-slate-200 bg-white">
              <div className="aspect-[4/3] bg-slate-200" />
              <div className="space-y-2 p-3">
                <div className="h-3 rounded bg-slate-200" />
                <div className="h-3 w-4/5 rounded bg-slate-200" />
                <div className="h-3 w-2/5 rounded bg-slate-200" />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
