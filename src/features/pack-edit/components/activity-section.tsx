import { Suspense, useEffect, useId, useRef, useState, type RefObject } from 'react'
import { buttonStyles } from '@/components/button-styles'
import { lazyNamed } from '@/lib/lazy-named'

/** The list, its query and its writes: fetched as the section nears the screen, not before. */
const ActivityList = lazyNamed(() => import('./activity-list'), 'ActivityList')

/** How far below the screen the list starts loading as the page is scrolled: before it shows. */
const NEAR_MARGIN = '800px 0px'

/**
 * The pack's `Activity`: every write made through Pack Explorer, newest first, at the end of
 * the pack page. Only the heading is first-screen code; the list, and the request for it,
 * come once the section is on the screen or close to it (see useNear).
 */
export function ActivitySection({
  packId,
  editing,
  user,
  onImagesAdded,
}: {
  packId: string
  /** This server lets this user change packs: `Add back` is offered. */
  editing: boolean
  user: string | null
  /** An `Add back` added images (or tried): the pack is read again. */
  onImagesAdded: () => void
}) {
  const headingId = useId()
  const ref = useRef<HTMLElement>(null)
  const [near, setNear] = useNear(ref)
  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      className="mt-12 border-t border-slate-200 pt-8 print:hidden"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Activity
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Changes made to this pack through Pack Explorer, newest first.
      </p>
      <div className="mt-4">
        {near === 'unsupported' ? (
          <button type="button" className={buttonStyles.secondary} onClick={() => setNear(true)}>
            Show activity
          </button>
        ) : (
          <Suspense fallback={<Loading />}>
            {near ? (
              <ActivityList
                packId={packId}
                editing={editing}
                user={user}
                onImagesAdded={onImagesAdded}
              />
            ) : (
              <Loading />
            )}
          </Suspense>
        )}
      </div>
    </section>
  )
}

/** Room kept for the list while it loads, so the page moves less when it comes. */
function Loading() {
  return <p className="min-h-96 text-sm text-slate-600">Loading activity…</p>
}

/**
 * Whether the list may load (once true, it stays): the section is on the screen, or within
 * NEAR_MARGIN of it once the page has been scrolled. Not merely near on a page just loaded:
 * a short pack's page would then load it with its first screen. 'unsupported' without
 * IntersectionObserver: then the person asks for it.
 */
function useNear(ref: RefObject<HTMLElement | null>) {
  const [near, setNear] = useState<boolean | 'unsupported'>(() =>
    typeof IntersectionObserver === 'undefined' ? 'unsupported' : false,
  )
  useEffect(() => {
    const element = ref.current
    if (near !== false || !element) return
    let inMargin = false
    const check = () => {
      if (!inMargin) return
      if (window.scrollY > 0 || element.getBoundingClientRect().top < window.innerHeight)
        setNear(true)
    }
    const observer = new IntersectionObserver(
      (entries) => {
        inMargin = entries.some((entry) => entry.isIntersecting)
        check()
      },
      { rootMargin: NEAR_MARGIN },
    )
    observer.observe(element)
    window.addEventListener('scroll', check, { passive: true })
    return () => {
      observer.disconnect()
      window.removeEventListener('scroll', check)
    }
  }, [ref, near])
  return [near, setNear] as const
}
