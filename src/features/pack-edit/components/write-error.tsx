import { ErrorIcon } from '@/components/icons'
import { describeWriteError } from '@/features/pack-edit/lib/describe-write-error'
import type { ApiError } from '@/lib/api-error'

/** Why a write failed, in the dialog that made it, which stays open to try again. */
export function WriteError({ error }: { error: ApiError | null }) {
  if (error === null) return null
  return (
    <p
      role="alert"
      className="flex items-start gap-1.5 rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-900 ring-1 ring-red-200 ring-inset"
    >
      <ErrorIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{describeWriteError(error)}</span>
    </p>
  )
}
