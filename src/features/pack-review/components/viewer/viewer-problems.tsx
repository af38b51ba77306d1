import { ImageOff } from 'lucide-react'
import type { ReactNode } from 'react'
import { ErrorIcon } from '@/components/icons'
import type { QaFlag, ReviewedImage } from '@/features/pack-review/lib/qa-flags'

/**
 * What is wrong with the image, first thing in the inspector: the API's error message, and
 * whether the picture itself can be seen. Nothing when all is well.
 */
export function ViewerProblems({ item, flags }: { item: ReviewedImage; flags: readonly QaFlag[] }) {
  const { image, status, safeUrl } = item
  const failed = status === 'error'
  const unloadable = safeUrl === null || flags.includes('broken')
  if (!failed && !unloadable) return null
  return (
    <div className="flex flex-col gap-2">
      {failed && (
        <Problem
          icon={<ErrorIcon aria-hidden="true" className="size-5" />}
          title="Metadata generation failed"
          className="bg-red-50 text-red-900 ring-red-600/30"
        >
          <span className="text-base font-medium whitespace-pre-line text-red-950">
            {image.metadata?.error?.trim() || 'The API gave no error message.'}
          </span>
        </Problem>
      )}
      {unloadable && (
        <Problem
          icon={<ImageOff aria-hidden="true" className="size-5" />}
          title="Image does not load"
          className="bg-amber-50 text-amber-950 ring-amber-600/40"
        >
          {safeUrl !== null
            ? 'The browser could not load the picture from its URL.'
            : image.url
              ? 'Its URL is not an http(s) address, so it is never loaded or linked.'
              : 'The API sent no URL for this image.'}
        </Problem>
      )}
    </div>
  )
}

function Problem({
  icon,
  title,
  className,
  children,
}: {
  icon: ReactNode
  title: string
  className: string
  children: ReactNode
}) {
  return (
    <div className={`flex gap-3 rounded-lg p-3 ring-1 ring-inset ${className}`}>
      <span className="mt-0.5 shrink-0">{icon}</span>
      <div className="flex min-w-0 flex-col gap-1 text-sm break-words">
        <p className="font-semibold">{title}</p>
        {children}
      </div>
    </div>
  )
}
