import { useCallback, useMemo } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { parseBrowseParams, writeBrowseParams, type BrowseParams } from './browse-params'

/**
 * The browse list's search, public toggle and page live in the URL, so reload and share
 * keep them and Back steps through pages. A new search or toggle starts at page 1.
 */
export function useBrowseParams() {
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const params = useMemo(() => parseBrowseParams(searchParams), [searchParams])

  const update = useCallback(
    (patch: Partial<BrowseParams>, { replace = false }: { replace?: boolean } = {}) => {
      // The address bar, not this render's params: a debounced search landing just after a
      // click must build on that click (as on the pack page).
      const current = new URLSearchParams(window.location.search)
      const next = { ...parseBrowseParams(current), page: 1, ...patch }
      const search = writeBrowseParams(current, next).toString()
      void navigate({ search: search ? `?${search}` : '' }, { replace, preventScrollReset: true })
    },
    [navigate],
  )

  return { params, update }
}
