import { LoaderCircle } from 'lucide-react'
import { useImageCheckProgress, type ImageCheck } from '@/features/pack-review/lib/use-image-check'

/**
 * "Checking images… 120 of 2,000" while the background check runs. Read out when it starts
 * and when it ends; the running figures are for the eye only, or a screen reader would
 * speak after every image.
 */
export function ImageCheckStatus({ check }: { check: ImageCheck }) {
  const progress = useImageCheckProgress(check)
  const running = progress !== null && progress.checked < progress.total
  return (
    <p role="status" className="flex items-center gap-1.5 text-sm text-slate-600 tabular-nums">
      {running ? (
        <>
          <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" />
          Checking images…{' '}
          <span aria-hidden="true">
            {progress.checked.toLocaleString()} of {progress.total.toLocaleString()}
          </span>
        </>
      ) : (
        progress !== null && <span className="sr-only">Every image checked.</span>
      )}
    </p>
  )
}
