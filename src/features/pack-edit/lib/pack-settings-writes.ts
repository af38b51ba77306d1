import type { ApiError } from '@/lib/api-error'
import { deletePack, updatePack, type WriteBy } from '@/features/pack-edit/api/pack-writes'
import { describeWriteError } from './describe-write-error'
import { asApiError } from './retry-metadata'

/**
 * The pack's own writes with their failures in words, loaded on first use (the pack page's
 * first code has only the buttons). Each resolves with why it failed, or null.
 */
export function savePackPatch(
  packId: string,
  patch: { name?: string; is_public?: boolean },
  by: WriteBy,
): Promise<string | null> {
  return updatePack(packId, patch, by).then(
    () => null,
    (failure: unknown) => describeWriteError(asApiError(failure)),
  )
}

/** Deletes the pack: null once deleted, else the error for the dialog to show. */
export function removePack(packId: string, by: WriteBy): Promise<ApiError | null> {
  return deletePack(packId, by).then(
    () => null,
    (failure: unknown) => asApiError(failure),
  )
}
