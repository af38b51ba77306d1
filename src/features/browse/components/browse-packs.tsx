import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useCallback, useId, useRef } from 'react'
import { ApiErrorScreen } from '@/components/api-error-screen'
import { SearchField } from '@/components/search-field'
import { isApiError } from '@/lib/api-error'
import { useNextTryAt } from '@/lib/next-try'
import { packListQueries } from '@/features/browse/api/pack-list-queries'
import type { PackList } from '@contract/partner-api/pack-list'
import { pageCount, type BrowseParams } from '@/features/browse/lib/browse-params'
import { useBrowseParams } from '@/features/browse/lib/use-browse-params'
import { BrowsePagination } from './browse-pagination'
import {
  BrowseSkeleton,
  InvalidQueryScreen,
  NoMatchingPacks,
  NoPacks,
  NoPrivatePacks,
  PastLastPage,
} from './browse-states'
import { PackCard } from './pack-card'

/**
 * The packs the key can see, a page at a time, with search and the public toggle in the
 * URL. Prefetching a pack comes from the caller, which knows where the pack page's code lives.
 */
export function BrowsePacks({ onPrefetchPack }: { onPrefetchPack: (packId: string) => void }) {
  const headingId = useId()
  const sectionRef = useRef<HTMLElement>(null)
  const { params, update } = useBrowseParams()
  const query = useQuery({
    ...packListQueries.list(params),
    // The last page stays on screen, dimmed, while the next one loads.
    placeholderData: keepPreviousData,
  })
  const { data, error, isPlaceholderData, isFetching, refetch } = query
  const nextTryAt = useNextTryAt(query)

  const search = useCallback((q: string) => update({ q }, { replace: true }), [update])
  const goToPage = (page: number) => {
    update({ page })
    // Clicked at the bottom of a page: show the next one from its top.
    const section = sectionRef.current
    if (section && section.getBoundingClientRect().top < 0) section.scrollIntoView()
  }
  const reset = () => update({ q: '', includePublic: true })

  let body
  if (data) {
    body = (
      <PackListView
        list={data}
        params={params}
        busy={isPlaceholderData}
        onPrefetchPack={onPrefetchPack}
        onPage={goToPage}
        onClearSearch={() => update({ q: '' })}
        onIncludePublic={() => update({ includePublic: true })}
      />
    )
  } else if (error) {
    body =
      isApiError(error) && error.status === 422 && error.errorCode === 'invalid_query' ? (
        <InvalidQueryScreen error={error} onReset={reset} />
      ) : (
        <ApiErrorScreen
          error={error}
          subject="pack-list"
          onRetry={() => void refetch()}
          retrying={isFetching}
          embedded
        />
      )
  } else {
    body = <BrowseSkeleton nextTryAt={nextTryAt} />
  }

  return (
    <section ref={sectionRef} aria-labelledby={headingId} className="scroll-mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight text-slate-900">
          Browse packs
        </h2>
        <p aria-live="polite" className="text-sm text-slate-600 tabular-nums">
          {data ? packCount(data.total) : ''}
        </p>
      </div>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-center sm:gap-5">
        <SearchField
          label="Search packs"
          placeholder="Search packs by name…"
          delayMs={300}
          value={params.q}
          onChange={search}
        />
        <label className="flex shrink-0 items-center gap-2 text-sm font-medium text-slate-700">
          <input
            type="checkbox"
            checked={params.includePublic}
            onChange={(event) => update({ includePublic: event.target.checked })}
            className="size-4 accent-indigo-700"
          />
          Include public packs
        </label>
      </div>
      <div className="mt-5">{body}</div>
    </section>
  )
}

function PackListView({
  list,
  params,
  busy,
  onPrefetchPack,
  onPage,
  onClearSearch,
  onIncludePublic,
}: {
  list: PackList
  params: BrowseParams
  busy: boolean
  onPrefetchPack: (packId: string) => void
  onPage: (page: number) => void
  onClearSearch: () => void
  onIncludePublic: () => void
}) {
  const pages = pageCount(list.total)
  if (list.packs.length === 0) {
    if (list.total > 0 && params.page > 1) {
      return <PastLastPage page={params.page} pageCount={pages} onFirstPage={() => onPage(1)} />
    }
    if (params.q.trim()) return <NoMatchingPacks q={params.q} onClear={onClearSearch} />
    if (!params.includePublic) return <NoPrivatePacks onIncludePublic={onIncludePublic} />
    return <NoPacks />
  }
  return (
    <>
      <ul
        aria-label="Packs"
        aria-busy={busy}
        className={`grid grid-cols-1 gap-4 transition-opacity sm:grid-cols-2 lg:grid-cols-3 ${busy ? 'opacity-60' : ''}`}
      >
        {list.packs.map((pack, index) => (
          <li key={`${index}-${pack.id}`}>
            <PackCard pack={pack} onPrefetch={onPrefetchPack} />
          </li>
        ))}
      </ul>
      {(pages > 1 || params.page > 1) && (
        <BrowsePagination page={params.page} pageCount={pages} onPage={onPage} />
      )}
    </>
  )
}

function packCount(total: number): string {
  return `${total.toLocaleString()} ${total === 1 ? 'pack' : 'packs'}`
}
