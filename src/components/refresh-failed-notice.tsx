import { describeApiError, type LoadSubject } from '@/lib/describe-api-error'
import { Notice } from './notice'

/** Over data that is still shown when refreshing it failed. */
export function RefreshFailedNotice({ error, subject }: { error: unknown; subject: LoadSubject }) {
  return (
    <Notice role="alert">
      Refreshing failed ({describeApiError(error, subject).title}). Showing the last loaded data.
    </Notice>
  )
}
