import { CircleCheck, LoaderCircle, Undo2 } from 'lucide-react'
import { useState } from 'react'
import { buttonStyles } from '@/components/button-styles'
import type { ApiError } from '@/lib/api-error'
import type { WriteBy } from '@/features/pack-edit/api/pack-writes'
import { describeWriteError } from '@/features/pack-edit/lib/describe-write-error'
import { addImages } from '@/features/pack-edit/lib/remove-images'
import { ErrorIcon } from '@/components/icons'

type State =
  | { step: 'idle' }
  | { step: 'adding' }
  | { step: 'added' }
  /** `urls`: those still not added, for Try again. */
  | { step: 'failed'; error: ApiError; urls: string[] }

const smallButton = `${buttonStyles.secondary} px-3 py-1.5`

/**
 * `Add back` of a removal: adds its URLs to the pack again (new images, with new IDs, at the
 * end), says while it does, then `Added back` or why not, with a way to try again.
 */
export function AddBack({
  packId,
  urls,
  editing,
  addedBack,
  asWriter,
  onImagesAdded,
}: {
  packId: string
  urls: string[]
  editing: boolean
  /** The log says its URLs were added again since: nothing left to offer. */
  addedBack: boolean
  asWriter: (go: (by: Omit<WriteBy, 'intent'>) => void) => void
  onImagesAdded: () => void
}) {
  const [state, setState] = useState<State>({ step: 'idle' })

  const add = (which: string[]) =>
    asWriter((by) => {
      setState({ step: 'adding' })
      void addImages(packId, which, { ...by, intent: 'add-back' }).then((outcomes) => {
        const failed = outcomes.flatMap((outcome) => (outcome.added ? [] : [outcome]))
        setState(
          failed.length === 0
            ? { step: 'added' }
            : { step: 'failed', error: failed[0]!.error, urls: failed.map((f) => f.url) },
        )
        // Even a failed add may have added (no idempotency), and each try is in the log.
        onImagesAdded()
      })
    })

  const done = state.step === 'added' || (addedBack && state.step === 'idle')
  const off = editing ? undefined : 'Editing is turned off on this server'
  const count = urls.length === 1 ? 'its URL' : `its ${urls.length} URLs`
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
      {!done && state.step !== 'failed' && (
        <button
          type="button"
          disabled={!editing || state.step === 'adding'}
          title={off ?? `Add ${count} to the pack again, as new images at the end`}
          onClick={() => add(urls)}
          className={smallButton}
        >
          {state.step === 'adding' ? (
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          ) : (
            <Undo2 aria-hidden="true" className="size-4" />
          )}
          Add back
        </button>
      )}
      <p role="status" className="text-sm">
        {state.step === 'adding' && <span className="text-slate-700">Adding back…</span>}
        {done && (
          <span className="inline-flex items-center gap-1 font-medium text-emerald-800">
            <CircleCheck aria-hidden="true" className="size-4 shrink-0" />
            Added back
          </span>
        )}
      </p>
      {state.step === 'failed' && (
        <>
          <p
            role="alert"
            className="flex w-full items-start gap-1.5 text-sm font-medium text-red-800"
          >
            <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>Not added back: {describeWriteError(state.error)}</span>
          </p>
          <button
            type="button"
            disabled={!editing}
            title={off}
            onClick={() => add(state.urls)}
            className={smallButton}
          >
            <Undo2 aria-hidden="true" className="size-4" />
            Try again
          </button>
        </>
      )}
    </div>
  )
}
