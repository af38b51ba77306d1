import { ImagePlus, PencilLine, Trash2 } from 'lucide-react'
import { Suspense, useState } from 'react'
import { PrivateIcon, PublicIcon } from '@/components/icons'
import { ApiError } from '@/lib/api-error'
import { EDITING_OFF } from '@/lib/editing'
import { lazyNamed } from '@/lib/lazy-named'
import type { Pack } from '@contract/partner-api/pack'
import { useWriter } from '@/features/pack-edit/lib/use-writer'

const RenamePackDialog = lazyNamed(() => import('./pack-settings-dialogs'), 'RenamePackDialog')
const DeletePackDialog = lazyNamed(() => import('./pack-settings-dialogs'), 'DeletePackDialog')
const AddImagesDialog = lazyNamed(() => import('./add-images-dialog'), 'AddImagesDialog')
/** The writes and their messages: fetched with the first change, not with the page. */
const writes = () => import('@/features/pack-edit/lib/pack-settings-writes')

/** A change to the pack's settings, shown at once while it is saved. */
export interface PackPatch {
  name?: string
  is_public?: boolean
}

/**
 * Icon buttons, named for what they do (and saying it on hover): they change the pack rarely,
 * and sit in the pack's toolbar without taking a row of the first screen.
 */
const iconButton =
  'inline-flex size-9 items-center justify-center rounded-lg bg-white ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60'

/**
 * What can be changed about the pack itself, as items of the pack's toolbar: adding images
 * (URLs and files), its name and visibility (shown at once, put back with the reason if the
 * API refuses), and deleting it.
 * With editing off on this server they are disabled; the page says why (`onProblem` too).
 */
export function PackEditButtons({
  pack,
  editing,
  user,
  onChange,
  onSettled,
  onDeleted,
  onProblem,
  onImagesAdded,
}: {
  pack: Pack
  /** This server lets this user change packs (the app config says). */
  editing: boolean
  user: string | null
  /** Shows `patch` over the pack while it is saved. */
  onChange: (patch: PackPatch) => void
  /** `patch` was saved (it becomes the pack's, read again) or refused (taken away). */
  onSettled: (patch: PackPatch, saved: boolean) => void
  onDeleted: () => void
  /** A change that was refused and put back, with why; null once another change starts. */
  onProblem: (text: string | null) => void
  /** Images were added (or may have been): the pack is read again. */
  onImagesAdded: () => void
}) {
  const { asWriter, nameDialog } = useWriter(user)
  const [dialog, setDialog] = useState<'add' | 'rename' | 'delete' | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const name = pack.name.trim() || 'Untitled pack'

  const save = (patch: PackPatch, what: string, intent: 'rename' | 'publish') =>
    asWriter((by) => {
      onProblem(null)
      onChange(patch)
      setDialog(null)
      void writes()
        .then((module) => module.savePackPatch(pack.id, patch, { ...by, intent }))
        .catch(() => 'this page could not load what it needs. Reload it, then try again.')
        .then((why) => {
          onSettled(patch, why === null)
          if (why !== null) onProblem(`${what} did not work, so it was put back: ${why}`)
        })
    })

  const remove = () =>
    asWriter((by) => {
      setBusy(true)
      setError(null)
      void writes()
        .then((module) => module.removePack(pack.id, { ...by, intent: 'delete' }))
        .catch(
          (cause: unknown) =>
            new ApiError({
              kind: 'network',
              message: 'This page could not load what it needs. Reload it, then try again.',
              cause,
            }),
        )
        .then((failure) => {
          if (failure === null) return onDeleted()
          setBusy(false)
          setError(failure)
        })
    })

  const close = () => {
    setDialog(null)
    setError(null)
    setBusy(false)
  }

  const off = editing ? undefined : EDITING_OFF
  const visibility = pack.is_public ? 'Make private' : 'Make public'
  return (
    <>
      <button
        type="button"
        disabled={!editing}
        onClick={() => setDialog('add')}
        aria-label="Add images"
        title={off ?? 'Add images'}
        className={`${iconButton} text-slate-700`}
      >
        <ImagePlus aria-hidden="true" className="size-4" />
      </button>
      <button
        type="button"
        disabled={!editing}
        onClick={() => setDialog('rename')}
        aria-label="Rename"
        title={off ?? 'Rename'}
        className={`${iconButton} text-slate-700`}
      >
        <PencilLine aria-hidden="true" className="size-4" />
      </button>
      <button
        type="button"
        disabled={!editing}
        onClick={() =>
          save(
            { is_public: !pack.is_public },
            pack.is_public ? 'Making the pack private' : 'Making the pack public',
            'publish',
          )
        }
        aria-label={visibility}
        title={off ?? visibility}
        className={`${iconButton} text-slate-700`}
      >
        {pack.is_public ? (
          <PrivateIcon aria-hidden="true" className="size-4" />
        ) : (
          <PublicIcon aria-hidden="true" className="size-4" />
        )}
      </button>
      <button
        type="button"
        disabled={!editing}
        onClick={() => setDialog('delete')}
        aria-label="Delete pack"
        title={off ?? 'Delete pack'}
        className={`${iconButton} text-rose-800`}
      >
        <Trash2 aria-hidden="true" className="size-4" />
      </button>
      {/* Modal: anywhere in the document, and not items of the toolbar. */}
      <div data-toolbar-skip="" className="contents">
        <Suspense fallback={null}>
          {dialog === 'add' && (
            <AddImagesDialog
              packId={pack.id}
              packName={pack.name}
              asWriter={asWriter}
              onImagesAdded={onImagesAdded}
              onClose={close}
            />
          )}
          {dialog === 'rename' && (
            <RenamePackDialog
              name={pack.name}
              busy={false}
              error={null}
              onCancel={close}
              onSave={(next) =>
                next === pack.name ? close() : save({ name: next }, 'Renaming the pack', 'rename')
              }
            />
          )}
          {dialog === 'delete' && (
            <DeletePackDialog
              name={name}
              imageCount={pack.image_count ?? pack.images.length}
              busy={busy}
              error={error}
              onCancel={close}
              onDelete={remove}
            />
          )}
        </Suspense>
        {nameDialog}
      </div>
    </>
  )
}
