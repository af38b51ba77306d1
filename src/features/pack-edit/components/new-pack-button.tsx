import { Plus } from 'lucide-react'
import { Suspense, useState } from 'react'
import { buttonStyles } from '@/components/button-styles'
import type { ApiError } from '@/lib/api-error'
import { EDITING_OFF } from '@/lib/editing'
import { lazyNamed } from '@/lib/lazy-named'
import { createPack } from '@/features/pack-edit/api/pack-writes'
import { asApiError } from '@/features/pack-edit/lib/retry-metadata'
import { useWriter } from '@/features/pack-edit/lib/use-writer'

const NewPackDialog = lazyNamed(() => import('./pack-settings-dialogs'), 'NewPackDialog')

/** `New pack` on the home page: creates an empty pack and opens it. */
export function NewPackButton({
  editing,
  user,
  onCreated,
}: {
  editing: boolean
  user: string | null
  onCreated: (packId: string) => void
}) {
  const { asWriter, nameDialog } = useWriter(user)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const close = () => {
    setOpen(false)
    setBusy(false)
    setError(null)
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <button
        type="button"
        disabled={!editing}
        onClick={() => setOpen(true)}
        className={buttonStyles.secondary}
      >
        <Plus aria-hidden="true" className="size-4" />
        New pack
      </button>
      {!editing && <span className="text-sm text-slate-600">{EDITING_OFF}</span>}
      {open && (
        <Suspense fallback={null}>
          <NewPackDialog
            busy={busy}
            error={error}
            onCancel={close}
            onCreate={({ name, isPublic }) =>
              asWriter((by) => {
                setBusy(true)
                setError(null)
                createPack({ name, is_public: isPublic }, { ...by, intent: 'create' }).then(
                  (pack) => onCreated(pack.id),
                  (failure: unknown) => {
                    setBusy(false)
                    setError(asApiError(failure))
                  },
                )
              })
            }
          />
        </Suspense>
      )}
      {nameDialog}
    </div>
  )
}
