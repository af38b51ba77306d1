import { ImagePlus } from 'lucide-react'
import { useMemo } from 'react'
import type { Pack } from '../api/pack-schema'
import { countStatuses } from '../lib/image-status'
import { PackGallery } from './pack-gallery'
import { PackHeader } from './pack-header'
import { StatusSummary } from './status-summary'

export function PackView({
  pack,
  onRefresh,
  refreshing,
}: {
  pack: Pack
  onRefresh: () => void
  refreshing: boolean
}) {
  const counts = useMemo(() => countStatuses(pack.images), [pack.images])
  return (
    <div className="flex flex-col gap-6">
      <PackHeader pack={pack} onRefresh={onRefresh} refreshing={refreshing} />
      {pack.images.length === 0 ? (
        <EmptyPack />
      ) : (
        <>
          <StatusSummary counts={counts} total={pack.images.length} />
          <PackGallery images={pack.images} />
        </>
      )}
    </div>
  )
}

function EmptyPack() {
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
