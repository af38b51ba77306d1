/** Set once the person ticked "Don't ask again" in the first retry's confirmation. */
export const RETRY_CONFIRMED_KEY = 'pack-explorer:retry-confirmed'

/** Where the choice lives when the browser refuses storage (privacy settings): this page. */
let confirmedHere = false

export function hasConfirmedRetry(): boolean {
  try {
    return localStorage.getItem(RETRY_CONFIRMED_KEY) === 'yes' || confirmedHere
  } catch {
    return confirmedHere
  }
}

export function rememberRetryConfirmed(): void {
  confirmedHere = true
  try {
    localStorage.setItem(RETRY_CONFIRMED_KEY, 'yes')
  } catch {
    // Kept for this page only.
  }
}
