import {
  Bug,
  CircleSlash,
  CreditCard,
  ExternalLink,
  FileWarning,
  Hourglass,
  KeyRound,
  SearchX,
  ServerCrash,
  ShieldX,
  WifiOff,
  type LucideIcon,
} from 'lucide-react'
import { Link } from 'react-router'
import { isApiError } from '@/lib/api-error'
import { describeApiError, type ErrorTopic, type LoadSubject } from '@/lib/describe-api-error'
import { errorCodeOf, errorReport, NO_ERROR_CODE } from '@/lib/error-report'
import { useDocumentTitle } from '@/lib/use-document-title'
import { buttonStyles } from './button-styles'
import { CopyButton } from './copy-button'
import { Countdown } from './countdown'
import { ErrorScreen, type ErrorDetail } from './error-screen'
import { RefreshButton } from './refresh-button'

const GENVIRAL_PLANS_URL = 'https://www.genviral.io/pricing'

const ICONS: Record<ErrorTopic, LucideIcon> = {
  input: CircleSlash,
  key: KeyRound,
  plan: CreditCard,
  access: ShieldX,
  missing: SearchX,
  rate: Hourglass,
  server: ServerCrash,
  offline: WifiOff,
  contract: FileWarning,
  bug: Bug,
}

/**
 * A failed Partner API request, explained, with the way forward. The whole page on the pack
 * page (it names the tab); `embedded` in another page, such as the home page's pack list.
 */
export function ApiErrorScreen({
  error,
  subject,
  packId,
  onRetry,
  retrying = false,
  embedded = false,
}: {
  error: unknown
  subject: LoadSubject
  /** The pack that was asked for, named in the details copied for an admin. */
  packId?: string
  onRetry: () => void
  retrying?: boolean
  embedded?: boolean
}) {
  const { topic, title, explanation, canRetry, showPlans, askAdmin } = describeApiError(
    error,
    subject,
  )
  const primaryTaken = showPlans || askAdmin
  // The server said how long to wait (429): say when a retry can get another answer.
  const retryAllowedAt =
    canRetry && isApiError(error) && error.retryAfterSeconds !== null
      ? error.occurredAt + error.retryAfterSeconds * 1000
      : null
  const Icon = ICONS[topic]
  useDocumentTitle(embedded ? null : title)
  return (
    <ErrorScreen
      title={title}
      level={embedded ? 2 : 1}
      icon={<Icon className="size-6" />}
      details={errorDetails(error)}
      actions={
        <>
          {askAdmin && (
            <CopyButton
              variant="primary"
              label="Copy details for your admin"
              text={() =>
                errorReport({
                  error,
                  title,
                  requested: packId === undefined ? 'the pack list' : `pack ${packId}`,
                  pageUrl: window.location.href,
                })
              }
            />
          )}
          {showPlans && (
            <a
              href={GENVIRAL_PLANS_URL}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonStyles.primary}
            >
              See Genviral plans
              <ExternalLink aria-hidden="true" className="size-4" />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          )}
          {canRetry && (
            <RefreshButton
              label="Retry"
              busyLabel="Retrying…"
              busy={retrying}
              onClick={onRetry}
              primary={!primaryTaken}
            />
          )}
          {retryAllowedAt !== null && (
            <p role="status" className="self-center text-sm text-slate-700">
              <Countdown at={retryAllowedAt} waiting={retryIn} done="You can retry now." />
            </p>
          )}
          {!embedded && (
            <Link
              to="/"
              className={canRetry || primaryTaken ? buttonStyles.secondary : buttonStyles.primary}
            >
              Look up another pack
            </Link>
          )}
        </>
      }
    >
      <p>{explanation}</p>
    </ErrorScreen>
  )
}

const retryIn = (seconds: string) => `Genviral asked to wait: you can retry in ${seconds} s…`

function errorDetails(error: unknown): ErrorDetail[] {
  if (!isApiError(error)) {
    return [{ label: 'Error', value: error instanceof Error ? error.message : String(error) }]
  }
  const code = errorCodeOf(error)
  return [
    { label: 'API message', value: error.message },
    {
      label: 'Error code',
      // Said in words, in the page's font: "none" in code type reads as a code.
      value: code ?? <span className="font-sans text-slate-700">{NO_ERROR_CODE}</span>,
    },
    { label: 'HTTP status', value: error.status === 0 ? 'no response' : String(error.status) },
  ]
}
