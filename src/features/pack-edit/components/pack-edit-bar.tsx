import { PencilLine, Trash2 } from 'lucide-react'
import { Suspense, useState } from 'react'
import { PrivateIcon, PublicIcon } from '@/components/icons'
import { Notice } from '@/components/notice'
import { Toolbar } from '@/components/toolbar'
import { ApiError } from '@/lib/api-error'
import { lazyNamed } from '@/lib/lazy-named'
import type { Pack } from '@contract/partner-api/pack'
import { useWriter } from '@/features/pack-edit/lib/use-writer'

const RenamePackDialog = lazyNamed(() => import('./pack-settings-dialogs'), 'RenamePackDialog')
const DeletePackDialog = lazyNamed(() => import('./pack-settings-dialogs'), 'DeletePackDialog')
/** The writes and their messages: fetched with the first change, not with the page. */
const writes = () => import('@/features/pack-edit/lib/pack-settings-writes')

/** A change to the pack's settings, shown at once while it is saved. */
export interface PackPatch {
  name?: string
  is_public?: boolean
}

/** Quiet buttons: they change the pack rarely, and sit under its name. */
const quiet =
  'inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-200/70 disabled:cursor-not-allowed disabled:opacity-60'

/**
 * What can be changed about the pack itself: its name and visibility (shown at once, put back
 * with a message if the API refuses), and deleting it. With editing off on this server, the
 * buttons are there but disabled, and say why.
 */
export function PackEditBar({
  pack,
  editing,
  user,
  onChange,
  onSettled,
  onDeleted,
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
}) {
  const { asWriter, nameDialog } = useWriter(user)
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  /** A change that was refused and put back, with why. */
  const [undone, setUndone] = useState<string | null>(null)
  const name = pack.name.trim() || 'Untitled pack'

  const save = (patch: PackPatch, what: string, intent: 'rename' | 'publish') =>
    asWriter((by) => {
      setUndone(null)
      onChange(patch)
      setDialog(null)
      void writes()
        .then((module) => module.savePackPatch(pack.id, patch, { ...by, intent }))
        .catch(() => 'this page could not load what it needs. Reload it, then try again.')
        .then((why) => {
          onSettled(patch, why === null)
          if (why !== null) setUndone(`${what} did not work, so it was put back: ${why}`)
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

  return (
    <div className="flex flex-col gap-2">
      <Toolbar
        label="Edit pack"
        className="-mx-2 -mt-2 flex flex-wrap items-center gap-x-1 gap-y-1"
      >
        <button
          type="button"
          disabled={!editing}
          onClick={() => setDialog('rename')}
          className={`${quiet} text-slate-700`}
        >
          <PencilLine aria-hidden="true" className="size-4" />
          Rename
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
          className={`${quiet} text-slate-700`}
        >
          {pack.is_public ? (
            <PrivateIcon aria-hidden="true" className="size-4" />
          ) : (
            <PublicIcon aria-hidden="true" className="size-4" />
          )}
          {pack.is_public ? 'Make private' : 'Make public'}
        </button>
        <button
          type="button"
          disabled={!editing}
          onClick={() => setDialog('delete')}
          className={`${quiet} text-rose-800`}
        >
          <Trash2 aria-hidden="true" className="size-4" />
          Delete pack
        </button>
        {!editing && (
          <span className="px-2 text-sm text-slate-600">Editing is turned off on this server</span>
        )}
      </Toolbar>
      {undone && <Notice role="alert">{undone}</Notice>}
      <Suspense fallback={null}>
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
  )
}
