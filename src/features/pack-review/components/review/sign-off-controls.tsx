import { BadgeCheck, TriangleAlert } from 'lucide-react'
import { useId, type ReactNode } from 'react'
import { FixedCount } from '@/components/fixed-count'
import { buttonStyles } from '@/components/button-styles'
import { formatAbsolute, formatRelative, parseDate } from '@/lib/format-date'
import type { SignOff } from '@contract/review-api/sign-off'
import { changesSince, type PackTotals } from '@/features/pack-review/lib/sign-off-state'
import type { ReviewAvailability } from '@/features/pack-review/lib/use-pack-reviews'
import type { SignOffAction, SignOffRequests } from '@/features/pack-review/lib/use-sign-off'

/**
 * The pack's sign-off: `Sign off pack` (disabled, saying why, while images need review),
 * then who signed it off and when, whether anything changed since, and a way to withdraw.
 */
export function SignOffControls({
  availability,
  totals,
  signOff,
  revision,
  requests,
  onRun,
}: {
  availability: ReviewAvailability
  totals: PackTotals
  signOff: SignOff | null
  revision: number
  requests: SignOffRequests
  /** Signs off or withdraws, through the name dialog when nobody is named yet. */
  onRun: (action: SignOffAction) => void
}) {
  const reasonId = useId()
  const changes = signOff === null ? null : changesSince(signOff, totals, revision)
  // While the reviews load, the same words with the count to come: nothing after moves.
  const counting = availability.status === 'loading' || totals.needingReview > 0
  const reason: ReactNode =
    availability.status === 'unavailable' ? (
      'Sign-off needs the review store'
    ) : totals.total === 0 ? (
      'No images to review'
    ) : counting ? (
      <>
        <FixedCount
          value={availability.status === 'loading' ? '…' : totals.needingReview.toLocaleString()}
          widest={totals.total.toLocaleString()}
        />{' '}
        {totals.needingReview === 1 ? 'image needs review' : 'images need review'}
      </>
    ) : null
  const { pending, error } = requests
  const signedAt = parseDate(signOff?.signed_at)

  return (
    // Signed off: a line of its own in the pack bar, so who, when and what changed read as one.
    <div
      className={`flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm ${signOff === null ? '' : 'basis-full sm:justify-end'}`}
    >
      {signOff !== null && (
        <p className="flex min-w-0 flex-wrap items-center gap-x-1 text-slate-700">
          <BadgeCheck aria-hidden="true" className="size-4 shrink-0 text-emerald-700" />
          <span className="font-semibold text-slate-900">Signed off by {signOff.reviewer}</span>
          {signedAt && (
            <time
              dateTime={signedAt.toISOString()}
              title={formatRelative(signedAt)}
              className="whitespace-nowrap"
            >
              {formatAbsolute(signedAt)}
            </time>
          )}
        </p>
      )}
      {changes !== null && (
        <p className="flex min-w-0 items-center gap-1 rounded-md bg-amber-100 px-2 py-0.5 text-amber-950">
          <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
          <span className="font-semibold">Changed since sign-off</span>
          <span className="sr-only">: </span>
          <span>{changes.join(', ')}</span>
        </p>
      )}
      {/* Signed off: signed again only once changed and every image decided again (what
          still needs review is in the change). */}
      {(signOff === null || (changes !== null && reason === null)) && (
        <>
          <button
            type="button"
            // aria-disabled, not disabled: it stays focusable, so its reason can be read.
            aria-disabled={reason !== null || pending !== null}
            aria-describedby={reason === null ? undefined : reasonId}
            onClick={() => {
              if (reason === null && pending === null) onRun('sign')
            }}
            className={`${buttonStyles.primary} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}
          >
            {pending === 'sign' ? 'Signing off…' : 'Sign off pack'}
          </button>
          {reason !== null && (
            <span id={reasonId} className="text-slate-700">
              {reason}
            </span>
          )}
        </>
      )}
      {signOff !== null && (
        <button
          type="button"
          aria-disabled={pending !== null}
          onClick={() => {
            if (pending === null) onRun('withdraw')
          }}
          className={`${buttonStyles.secondary} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}
        >
          {pending === 'withdraw' ? 'Withdrawing…' : 'Withdraw sign-off'}
        </button>
      )}
      {error !== null && (
        <p role="alert" className="font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  )
}
