import { MAX_PACK_NAME } from '@contract/partner-api/writes'

/** Why a pack name cannot be used, or null: 1-120 characters once trimmed, as the API says. */
export function packNameProblem(name: string): string | null {
  const count = [...name.trim()].length
  if (count === 0) return 'Enter a name for the pack.'
  if (count > MAX_PACK_NAME) return `A pack name has at most ${MAX_PACK_NAME} characters.`
  return null
}
