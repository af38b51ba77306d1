import { ImageIcon } from 'lucide-react'
import { ImageCountIcon, PrivateIcon, PublicIcon } from '@/components/icons'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { RelativeTime } from '@/components/relative-time'
import { safeHttpUrl } from '@/lib/safe-url'
import type { PackListItem } from '@contract/partner-api/pack-list'

/** A pointer that rests this long on a card means it; one that crosses the grid does not. */
const HOVER_INTENT_MS = 80

/** One pack of the browse list: a link to its page that loads the pack on hover or focus. */
export function PackCard({
  pack,
  onPrefetch,
}: {
  pack: PackListItem
  onPrefetch: (packId: string) => void
}) {
  const name = pack.name.trim() || 'Untitled pack'
  const preview = safeHttpUrl(pack.preview_image_url)
  const [brokenPreview, setBrokenPreview] = useState<string | null>(null)
  const hover = useRef<number | undefined>(undefined)
  const prefetch = () => onPrefetch(pack.id)

  return (
    <Link
      to={`/packs/${encodeURIComponent(pack.id)}`}
      onPointerEnter={() => {
        window.clearTimeout(hover.current)
        hover.current = window.setTimeout(prefetch, HOVER_INTENT_MS)
      }}
      onPointerLeave={() => window.clearTimeout(hover.current)}
      onFocus={prefetch}
      className="group flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition-[border-color,box-shadow] hover:border-indigo-300 hover:shadow-md"
    >
      {/* A fixed 4:3 box, so nothing shifts while previews load or fail. */}
      <div className="aspect-[4/3] overflow-hidden border-b border-slate-100 bg-gradient-to-br from-slate-100 to-slate-200">
        {preview !== null && brokenPreview !== preview ? (
          <img
            src={preview}
            alt=""
            width={800}
            height={600}
            loading="lazy"
            decoding="async"
            onError={() => setBrokenPreview(preview)}
            className="size-full object-cover"
          />
        ) : (
          <div
            aria-hidden="true"
            className="flex size-full flex-col items-center justify-center gap-1.5 text-slate-500"
          >
            <ImageIcon className="size-7" />
            <span className="text-xs font-medium">No preview</span>
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <span
          title={name}
          className="line-clamp-2 min-h-12 leading-6 font-medium [overflow-wrap:anywhere] text-slate-900 group-hover:text-indigo-800"
        >
          {name}
        </span>
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <span className="inline-flex items-center gap-1.5">
            <ImageCountIcon aria-hidden="true" className="size-4 shrink-0" />
            {imageCount(pack.image_count)}
          </span>
          <Visibility isPublic={pack.is_public} />
        </span>
        <span className="text-xs text-slate-600">
          <RelativeTime value={pack.created_at} prefix="Created" fallback="Creation date unknown" />
        </span>
      </div>
    </Link>
  )
}

function Visibility({ isPublic }: { isPublic: boolean | null }) {
  if (isPublic === null) return <span>Visibility unknown</span>
  const Icon = isPublic ? PublicIcon : PrivateIcon
  return (
    <span className="inline-flex items-center gap-1.5">
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      {isPublic ? 'Public' : 'Private'}
    </span>
  )
}

function imageCount(count: number | null): string {
  if (count === null) return 'Image count unknown'
  return `${count.toLocaleString()} ${count === 1 ? 'image' : 'images'}`
}
