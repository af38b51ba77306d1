import { useQuery, useQueryClient } from '@tanstack/react-query'
import { CircleCheck } from 'lucide-react'
import { useCallback, useEffect, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { LinkCard } from '@/components/link-card'
import { BrowsePacks } from '@/features/browse/components/browse-packs'
import { NewPackButton } from '@/features/pack-edit/components/new-pack-button'
import { PackLookupForm } from '@/features/lookup/components/pack-lookup-form'
import { RecentPacks } from '@/features/lookup/components/recent-packs'
import { isPackId } from '@contract/partner-api/paths'
import { useDocumentTitle } from '@/lib/use-document-title'
import { appConfigQuery } from '@/app/app-config'

/**
 * Loads the pack page's code and the pack itself, so opening it is instant. The query's
 * staleTime keeps a pack fetched a moment ago from being asked for again.
 */
function usePrefetchPack() {
  const queryClient = useQueryClient()
  return useCallback(
    (packId: string) => {
      Promise.all([import('./pack-route'), import('@/features/pack-review/api/pack-queries')])
        .then(([, { packQueries }]) => {
          // The pack page keys its query by the lower-case id, and asks for nothing else.
          if (isPackId(packId)) {
            return queryClient.prefetchQuery(packQueries.detail(packId.toLowerCase()))
          }
        })
        .catch(() => {}) // Offline or a new deploy: opening the pack will say what is wrong.
    },
    [queryClient],
  )
}

export function LookupPage() {
  useDocumentTitle('Look up a pack')
  const { data: config } = useQuery(appConfigQuery)
  const examples = config?.examples ?? []
  const prefetchPack = usePrefetchPack()
  const navigate = useNavigate()
  const notice = useArrivalNotice()

  return (
    <div className="flex flex-col gap-12 py-6 sm:py-10">
      <div className="mx-auto flex w-full max-w-2xl flex-col gap-8">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">
            Open an image pack
          </h1>
          <p className="mt-2 text-base text-slate-600">
            See every image in a Genviral pack with the status of its AI-generated metadata, and
            share the link with your team.
          </p>
        </div>
        {notice && (
          <p
            role="status"
            className="flex items-center gap-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900 ring-1 ring-emerald-600/30 ring-inset"
          >
            <CircleCheck aria-hidden="true" className="size-4 shrink-0" />
            {notice}
          </p>
        )}
        <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <PackLookupForm />
        </div>
        <NewPackButton
          editing={config?.editing ?? false}
          user={config?.user ?? null}
          onCreated={(packId) => void navigate(`/packs/${packId}`)}
        />
        <RecentPacks />
        {examples.length > 0 && (
          <section aria-labelledby="examples-heading">
            <h2 id="examples-heading" className="text-sm font-semibold text-slate-900">
              Try a demo pack
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              These come from the built-in demo API. Set{' '}
              <code className="font-mono">GENVIRAL_API_TOKEN</code> on the server to open your own
              packs.
            </p>
            <ul className="mt-3 grid gap-2 sm:grid-cols-2">
              {examples.map((example) => (
                <li key={example.id}>
                  <LinkCard to={`/packs/${example.id}`}>
                    <span className="block font-medium text-slate-900">{example.name}</span>
                    <span className="block text-sm text-slate-600">{example.note}</span>
                  </LinkCard>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="mx-auto w-full max-w-5xl">
        <BrowsePacks onPrefetchPack={prefetchPack} />
      </div>
    </div>
  )
}

/**
 * What the page that sent us here had to say (`Pack deleted`), once: taken out of the
 * history entry, so that Back or a reload does not say it again.
 */
function useArrivalNotice(): string | null {
  const location = useLocation()
  const navigate = useNavigate()
  const given = (location.state as { notice?: unknown } | null)?.notice
  const [notice] = useState(typeof given === 'string' ? given : null)
  useEffect(() => {
    if (typeof given !== 'string') return
    const { pathname, search, hash } = location
    void navigate({ pathname, search, hash }, { replace: true, state: null })
  }, [given, location, navigate])
  return notice
}
