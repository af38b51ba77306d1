import type { KeyboardEvent } from 'react'
import { flagsOf, type ReviewedImage } from '../lib/qa-flags'
import { ImageCard } from './image-card'

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])

/** The images, as a list; arrow keys move between cards, Enter opens one. */
export function PackGallery({
  items,
  brokenUrls,
  query,
  hrefFor,
}: {
  items: readonly ReviewedImage[]
  brokenUrls: ReadonlySet<string>
  query: string
  hrefFor: (imageId: string) => string
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!NAVIGATION_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return
    const list = event.currentTarget
    const links = [...list.querySelectorAll<HTMLElement>('[data-card-link]')]
    const index = links.indexOf(event.target as HTMLElement)
    if (index === -1) return
    const columns = getComputedStyle(list).gridTemplateColumns.split(' ').length
    const target = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      ArrowUp: index - columns,
      ArrowDown: index + columns,
      Home: 0,
      End: links.length - 1,
    }[event.key]
    const next = target === undefined ? undefined : links[target]
    if (!next) return
    event.preventDefault()
    next.focus()
    next.scrollIntoView({ block: 'nearest' })
  }

  return (
    <ul
      aria-label="Images"
      onKeyDown={onKeyDown}
      className="grid grid-cols-1 gap-4 min-[440px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4"
    >
      {items.map((item) => (
        <li
          key={`${item.image.id}-${item.position}`}
          className="[contain-intrinsic-size:auto_380px] [content-visibility:auto]"
        >
          <ImageCard
            item={item}
            flags={flagsOf(item, brokenUrls)}
            query={query}
            href={hrefFor(item.image.id)}
          />
        </li>
      ))}
    </ul>
  )
}
