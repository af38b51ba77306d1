import { useQuery } from '@tanstack/react-query'
import { LinkCard } from '@/components/link-card'
import { PackLookupForm } from '@/features/packs/components/pack-lookup-form'
import { RecentPacks } from '@/features/packs/components/recent-packs'
import { useDocumentTitle } from '@/lib/use-document-title'
import { appConfigQuery } from '../app-config'

export function Component() {
  useDocumentTitle('Look up a pack')
  const { data: config } = useQuery(appConfigQuery)
  const examples = config?.examples ?? []

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8 py-6 sm:py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Open an image pack</h1>
        <p className="mt-2 text-base text-slate-600">
          See every image in a Genviral pack with the status of its AI-generated metadata, and share
          the link with your team.
        </p>
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <PackLookupForm />
      </div>
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
  )
}
