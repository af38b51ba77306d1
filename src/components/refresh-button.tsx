import { buttonStyles } from './button-styles'
import { RefreshIcon } from './icons'

/** Fetch-again buttons (Refresh, Retry, Fetch again): spinning and disabled while busy. */
export function RefreshButton({
  label,
  busyLabel,
  busy,
  onClick,
  primary = false,
}: {
  label: string
  busyLabel: string
  busy: boolean
  onClick: () => void
  primary?: boolean
}) {
  return (
    <button
      type="button"
      className={primary ? buttonStyles.primary : buttonStyles.secondary}
      onClick={onClick}
      disabled={busy}
    >
      <RefreshIcon
        aria-hidden="true"
        className={`size-4 ${busy ? 'motion-safe:animate-spin' : ''}`}
      />
      {busy ? busyLabel : label}
    </button>
  )
}
