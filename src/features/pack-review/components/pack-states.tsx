import { ImagePlus } from 'lucide-react'
import { NoMatchesIcon } from '@/components/icons'
import { Link } from 'react-router'
import { buttonStyles } from '@/components/button-styles'
import { ErrorScreen } from '@/components/error-screen'
import { useDocumentTitle } from '@/lib/use-document-title'

// The pack page's states other than a loaded, non-empty gallery.

export function NoMatches({ onReset }: { onReset: () => void }) {
  return (
    <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <NoMatchesIcon aria-hidden="true" className="size-10 text-slate-400" />
      <h2 className="mt-3 text-lg font-semibold text-slate-900">No images match these filters</h2>
      <p className="mt-1 max-w-md text-sm text-slate-600">
        None of this pack’s images pass every filter and the search at once. Remove a filter, or
        reset them all to see every image again.
      </p>
      <button type="button" onClick={onReset} className={`${buttonStyles.primary} mt-4`}>
        Reset filters
      </button>
    </section>
  )
}

export function EmptyPack() {
  return (
    <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <ImagePlus aria-hidden="true" className="size-10 text-slate-400" />
      <h2 className="mt-3 text-lg font-semibold text-slate-900">This pack has no images yet</h2>
      <p className="mt-1 max-w-md text-sm text-slate-600">
        Images added to the pack in Genviral appear here with the status of their AI metadata. Use
        Refresh to check again.
      </p>
    </section>
  )
}

export function InvalidPackId({ packId }: { packId: string }) {
  useDocumentTitle('Invalid pack ID')
  return (
    <ErrorScreen
      title="Invalid pack ID"
      actions={
        <Link to="/" className={buttonStyles.primary}>
          Look up another pack
        </Link>
      }
    >
      <p>
        <q className="font-mono break-all">{packId}</q> is not a pack ID, so nothing was requested.
        Pack IDs are UUIDs such as{' '}
        <span className="font-mono break-all">11111111-1111-1111-1111-111111111111</span>. Copy the
        full link or ID from Genviral and look it up again.
      </p>
    </ErrorScreen>
  )
}
