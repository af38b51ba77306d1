import { Braces, ExternalLink, Link2 } from 'lucide-react'
import { useId, type ReactNode, type Ref } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { CopyButton } from '@/components/copy-button'
import { statusTitle } from '@/features/pack-review/lib/image-status'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import { FlagChips } from '@/features/pack-review/components/flag-chips'
import { StatusBadge } from '@/features/pack-review/components/status-badge'
import { RawJsonDrawer } from './raw-json-drawer'
import { ViewerDetails } from './viewer-details'
import { ViewerProblems } from './viewer-problems'

/**
 * Everything about the image, what is wrong first; then the full description, every keyword
 * and the API's fields. Raw JSON opens in a drawer over this column.
 */
export function ViewerInspector({
  item,
  flags,
  showRaw,
  onToggleRaw,
  rawToggleRef,
  review,
  fix,
  history,
}: {
  item: ReviewedImage
  flags: readonly QaFlag[]
  showRaw: boolean
  onToggleRaw: () => void
  rawToggleRef: Ref<HTMLButtonElement>
  /** The decision and its buttons, near the top: deciding is what a reviewer is here for. */
  review?: ReactNode
  /** What changes the image in the pack (retry its metadata, remove it), by what is wrong. */
  fix?: ReactNode
  /** Every change of the decision, after the image's own fields. */
  history?: ReactNode
}) {
  const { image, status, safeUrl } = item
  const metadata = image.metadata
  const description = metadata?.description?.trim() || null
  const keywords = metadata?.keywords ?? []
  const rawId = useId()

  return (
    <aside
      aria-label="Image details"
      className="relative bg-white text-slate-900 md:min-h-0 md:border-l md:border-slate-200"
    >
      {/* Covered by the drawer while it is open: out of reach of Tab and screen readers too. */}
      <div
        inert={showRaw}
        className="flex flex-col gap-5 p-4 sm:p-5 md:h-full md:overflow-y-auto md:overscroll-contain"
      >
        <ViewerProblems item={item} flags={flags} />
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={status} title={statusTitle(image)} />
          <FlagChips flags={flags} />
        </div>
        {fix && <div className="flex flex-wrap gap-2">{fix}</div>}
        {review && <Section title="Review">{review}</Section>}
        <Section title="Description">
          {description ? (
            <p className="text-[0.9375rem] leading-relaxed break-words whitespace-pre-line text-slate-900">
              {description}
            </p>
          ) : (
            <p className="text-sm text-slate-600 italic">
              {status === 'pending' || status === 'processing' ? 'Not generated yet' : 'None'}
            </p>
          )}
        </Section>
        <Section title={keywords.length ? `Keywords (${keywords.length})` : 'Keywords'}>
          {keywords.length ? (
            <ul aria-label="Keywords" className="flex flex-wrap gap-1.5">
              {keywords.map((keyword, index) => (
                <li
                  key={`${keyword}-${index}`}
                  className="max-w-full rounded-md bg-slate-100 px-2 py-0.5 text-sm break-words text-slate-800"
                >
                  {keyword}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600 italic">None</p>
          )}
        </Section>
        <Section title="Details">
          <ViewerDetails item={item} />
        </Section>
        <div className="flex flex-wrap gap-2">
          <CopyButton text={() => image.url ?? ''} label="Copy image URL" />
          <CopyButton text={() => image.id} label="Copy image ID" />
          <CopyButton
            text={() => window.location.href}
            label="Copy link to this image"
            icon={<Link2 aria-hidden="true" className="size-4" />}
          />
          {safeUrl && (
            <a
              href={safeUrl}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonStyles.secondary}
            >
              <ExternalLink aria-hidden="true" className="size-4" />
              Open original
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          )}
          <button
            ref={rawToggleRef}
            type="button"
            aria-expanded={showRaw}
            aria-controls={showRaw ? rawId : undefined}
            onClick={onToggleRaw}
            className={buttonStyles.secondary}
          >
            <Braces aria-hidden="true" className="size-4" />
            {showRaw ? 'Hide raw JSON' : 'Show raw JSON'}
          </button>
        </div>
        {history && <Section title="History">{history}</Section>}
      </div>
      {showRaw && <RawJsonDrawer id={rawId} image={image} onClose={onToggleRaw} />}
    </aside>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h3>
      {children}
    </section>
  )
}
