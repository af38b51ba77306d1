import type { ReactNode } from 'react'

/** Renders `text` with case-insensitive matches of `query` marked. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const needle = query.trim()
  if (!needle) return text
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu')
  const parts: ReactNode[] = []
  let start = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > start) parts.push(text.slice(start, match.index))
    parts.push(
      <mark key={match.index} className="rounded-sm bg-yellow-200 text-inherit">
        {match[0]}
      </mark>,
    )
    start = match.index + match[0].length
  }
  parts.push(text.slice(start))
  return parts
}
