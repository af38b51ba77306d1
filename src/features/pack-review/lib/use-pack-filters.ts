import { useCallback, useMemo } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { parseFilters, resetFilters, writeFilters, type PackFilters } from './pack-filters'

/**
 * The pack page's filters live in the URL, so reload and share keep them and the browser's
 * back and forward buttons step through them.
 */
export function usePackFilters() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const filters = useMemo(() => parseFilters(params), [params])

  const apply = useCallback(
    (change: (current: PackFilters) => PackFilters, replace = false) => {
      // The address bar, not this render's search params: a debounced search that lands
      // just after a click (before React re-renders) must build on that click, not undo it.
      const current = new URLSearchParams(window.location.search)
      const next = writeFilters(current, change(parseFilters(current))).toString()
      void navigate({ search: next ? `?${next}` : '' }, { replace, preventScrollReset: true })
    },
    [navigate],
  )

  const update = useCallback(
    (patch: Partial<PackFilters>, options: { replace?: boolean } = {}) =>
      apply((current) => ({ ...current, ...patch }), options.replace),
    [apply],
  )
  const reset = useCallback(() => apply(resetFilters), [apply])

  return { filters, update, reset }
}
