import { useEffect } from 'react'

/** Sets the tab's title; null leaves it to another part of the page. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = `${title} · Pack Explorer`
  }, [title])
}
