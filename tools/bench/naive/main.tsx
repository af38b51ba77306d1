// The naive reference for `npm run bench`: the same pack, fetched and validated by the app's
// client, every image rendered as the app's card in a plain list. No virtualization, no
// filters, no polling. Open /?id=<pack id>.
import { useEffect, useMemo, useState, type CSSProperties } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { packSchema, type Pack } from '@contract/partner-api/pack'
import { packPath } from '@contract/partner-api/paths'
import { ImageCard } from '@/features/pack-review/components/image-card'
import { StatusSummary } from '@/features/pack-review/components/status-summary'
import { facetsOf } from '@/features/pack-review/lib/pack-filters'
import { countUrls, reviewImage } from '@/features/pack-review/lib/qa-flags'
import type { ReviewActions } from '@/features/pack-review/lib/review-actions'
import type { ImageReview } from '@/features/pack-review/lib/use-pack-reviews'
import { apiGet } from '@/lib/api-client'
import './naive.css'

// The app's card as an unreviewed image shows it, with its review buttons.
const UNREVIEWED: ImageReview = { state: 'unreviewed', decision: null, saving: null, error: null }
const NO_ACTIONS: ReviewActions = { approve() {}, reject() {}, clear() {}, retry() {} }
const NO_SELECT = () => {}

function NaivePack({ packId }: { packId: string }) {
  const [pack, setPack] = useState<Pack | null>(null)
  const [updatedAt, setUpdatedAt] = useState(0)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    apiGet(packPath(packId), packSchema).then(
      (data) => {
        setPack(data)
        setUpdatedAt(Date.now())
      },
      (reason: unknown) => setError(String(reason)),
    )
  }, [packId])

  const reviewed = useMemo(() => {
    const images = pack?.images ?? []
    const urlCounts = countUrls(images)
    return images.map((image, index) => reviewImage(image, index, urlCounts))
  }, [pack])
  const counts = useMemo(() => facetsOf(reviewed, new Set()).statuses, [reviewed])

  if (error) return <p role="alert">{error}</p>
  if (!pack) return <p>Loading…</p>
  const total = pack.images.length
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-slate-900">{pack.name}</h1>
      <StatusSummary
        completed={counts.completed}
        total={total}
        updatedAt={updatedAt}
        live={false}
      />
      <p className="text-sm text-slate-700" aria-live="polite">
        Showing {total.toLocaleString()} of {total.toLocaleString()} images
      </p>
      <ul
        aria-label="Images"
        className="grid grid-cols-5 gap-3"
        style={{ '--tile-body-height': '64px' } as CSSProperties}
      >
        {reviewed.map((item, index) => (
          <li key={item.image.id}>
            <ImageCard
              item={item}
              flags={item.flags}
              query=""
              href={`/packs/${packId}/images/${encodeURIComponent(item.image.id)}`}
              tabbable={index === 0}
              priority={index < 5}
              review={UNREVIEWED}
              actions={NO_ACTIONS}
              selected={false}
              onSelect={NO_SELECT}
            />
          </li>
        ))}
      </ul>
    </div>
  )
}

const packId = new URLSearchParams(window.location.search).get('id') ?? ''

createRoot(document.getElementById('root')!).render(
  <BrowserRouter>
    <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <NaivePack packId={packId} />
    </main>
  </BrowserRouter>,
)
