import { TriangleAlert } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { buttonStyles } from '@/components/button-styles'

/**
 * Asked when the person closes `Add images` while images are on their way: closing stops
 * them, and one already sent may be added all the same, so it is their choice.
 */
export function StopAddingPanel({
  waiting,
  onKeep,
  onStop,
}: {
  /** Images not added or failed yet. */
  waiting: number
  onKeep: () => void
  onStop: () => void
}) {
  const keepRef = useRef<HTMLButtonElement>(null)
  useEffect(() => keepRef.current?.focus(), [])
  const images = waiting === 1 ? '1 image is' : `${waiting.toLocaleString('en-US')} images are`
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-lg bg-amber-50 px-3 py-3 text-sm text-amber-950 ring-1 ring-amber-300 ring-inset"
    >
      <p className="flex items-start gap-1.5 font-semibold">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {images} still being added. Stop and close?
      </p>
      <p>
        Those not sent yet are not added. One already on its way may be added all the same: the pack
        shows what arrived.
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <button ref={keepRef} type="button" onClick={onKeep} className={buttonStyles.secondary}>
          Keep adding
        </button>
        <button type="button" onClick={onStop} className={buttonStyles.danger}>
          Stop and close
        </button>
      </div>
    </div>
  )
}
