import { useEffect, useRef, useState } from 'react'
import { ModalDialog } from '@/components/modal-dialog'
import type { ApiError } from '@/lib/api-error'
import { packNameProblem } from '@/features/pack-edit/lib/pack-name'
import { PackNameField } from './pack-name-field'
import { WriteError } from './write-error'

interface WriteState {
  /** The write is on its way. */
  busy: boolean
  /** Why the last try failed; the dialog stays open to try again. */
  error: ApiError | null
  onCancel: () => void
}

/**
 * The `Pack name` field of a dialog, focused (what is in it selected, so typing replaces it),
 * and `checked()`: the name to save, trimmed, or null once the field says why it cannot be.
 */
function usePackName(initial: string) {
  const [value, setValue] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])
  const field = (
    <PackNameField
      value={value}
      onChange={(next) => {
        setValue(next)
        setProblem(null)
      }}
      problem={problem}
      inputRef={inputRef}
    />
  )
  const checked = () => {
    const why = packNameProblem(value)
    setProblem(why)
    if (why !== null) inputRef.current?.focus()
    return why === null ? value.trim() : null
  }
  return { field, checked }
}

/** `Rename`: the pack's name in a `Pack name` field, selected so typing replaces it. */
export function RenamePackDialog({
  name,
  onSave,
  ...state
}: WriteState & { name: string; onSave: (name: string) => void }) {
  const { field, checked } = usePackName(name)
  return (
    <ModalDialog
      title="Rename pack"
      description="The new name shows wherever the pack is listed."
      submit={{ label: 'Save' }}
      busy={state.busy}
      onCancel={state.onCancel}
      onSubmit={() => {
        const next = checked()
        if (next !== null) onSave(next)
      }}
    >
      {field}
      <WriteError error={state.error} />
    </ModalDialog>
  )
}

/** `New pack`: a name and whether it is public; creating opens it. */
export function NewPackDialog({
  onCreate,
  ...state
}: WriteState & { onCreate: (pack: { name: string; isPublic: boolean }) => void }) {
  const { field, checked } = usePackName('')
  const [isPublic, setIsPublic] = useState(false)
  return (
    <ModalDialog
      title="New pack"
      description="An empty pack in this server’s workspace. Add images to it once it is open."
      submit={{ label: 'Create' }}
      busy={state.busy}
      onCancel={state.onCancel}
      onSubmit={() => {
        const name = checked()
        if (name !== null) onCreate({ name, isPublic })
      }}
    >
      {field}
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(event) => setIsPublic(event.target.checked)}
          className="mt-0.5 size-4 accent-indigo-700"
        />
        <span>
          <span className="font-semibold">Public</span>
          <span className="block text-slate-600">Other workspaces can find and read it.</span>
        </span>
      </label>
      <WriteError error={state.error} />
    </ModalDialog>
  )
}

/**
 * `Delete pack`: nothing is deleted until the pack's name is typed exactly, so that a
 * stray Enter cannot delete a pack of 10,000 images.
 */
export function DeletePackDialog({
  name,
  imageCount,
  onDelete,
  ...state
}: WriteState & { name: string; imageCount: number; onDelete: () => void }) {
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => inputRef.current?.focus(), [])
  const images = `${imageCount.toLocaleString('en-US')} image${imageCount === 1 ? '' : 's'}`
  return (
    <ModalDialog
      title={`Delete ${name}?`}
      description={
        <>
          The pack and its {images} are deleted from Genviral for everyone. This cannot be undone.
          Review decisions stay in Pack Explorer’s history.
        </>
      }
      submit={{ label: 'Delete pack', danger: true }}
      busy={state.busy}
      onCancel={state.onCancel}
      onSubmit={() => {
        if (typed.trim() === name.trim()) return onDelete()
        setProblem('Type the pack’s name exactly as shown to delete it.')
        inputRef.current?.focus()
      }}
    >
      <PackNameField
        label="Type the pack name to confirm"
        value={typed}
        onChange={(next) => {
          setTyped(next)
          setProblem(null)
        }}
        problem={problem}
        inputRef={inputRef}
      />
      <WriteError error={state.error} />
    </ModalDialog>
  )
}
