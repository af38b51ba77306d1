import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { appConfigQuery } from '@/app/app-config'
import { ApiErrorScreen } from '@/components/api-error-screen'
import { NextTryCountdown } from '@/components/next-try-countdown'
import { RefreshFailedNotice } from '@/components/refresh-failed-notice'
import { useLivePack } from '@/features/pack-review/api/use-live-pack'
import { PackSkeleton } from '@/features/pack-review/components/pack-skeleton'
import { InvalidPackId } from '@/features/pack-review/components/pack-states'
import { PackReport } from '@/features/pack-review/components/report/pack-report'
import { useNextTryAt } from '@/lib/next-try'
import { useDocumentTitle } from '@/lib/use-document-title'
import { isPackId } from '@contract/partner-api/paths'

/** `/packs/:packId/report`: the QA report, from the same queries as the pack page. */
export function ReportPage() {
  const { packId = '' } = useParams()
  if (!isPackId(packId)) return <InvalidPackId packId={packId} />
  return <LiveReport key={packId} packId={packId.toLowerCase()} />
}

function LiveReport({ packId }: { packId: string }) {
  const query = useLivePack(packId)
  const { data: config } = useQuery(appConfigQuery)
  const { data, error, isFetching, failureCount, refetch, fetchStatus } = query
  const nextTryAt = useNextTryAt(query)
  useDocumentTitle(
    data ? `QA report: ${data.name || 'Untitled pack'}` : error ? null : 'Loading QA report',
  )

  if (data) {
    return (
      <>
        {error && !isFetching && (
          <div className="mb-4 print:hidden">
            <RefreshFailedNotice error={error} subject="pack" />
          </div>
        )}
        <PackReport
          pack={data}
          packPath={`/packs/${packId}`}
          authenticatedUser={config?.user ?? null}
        />
      </>
    )
  }
  if (error) {
    return (
      <ApiErrorScreen
        error={error}
        subject="pack"
        packId={packId}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    )
  }
  return (
    <PackSkeleton
      attempt={failureCount + 1}
      offline={fetchStatus === 'paused'}
      nextTry={nextTryAt !== null && <NextTryCountdown at={nextTryAt} />}
    />
  )
}
