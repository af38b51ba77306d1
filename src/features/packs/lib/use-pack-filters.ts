import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { NO_FILTERS, parseFilters, writeFilters, type PackFilters } from './pack-filters'

/**
 * The pack page's filters live in the URL, so reload and share keep them and the browser's
 * back and forward buttons step through them.
 */
export function usePackFilters() {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseFilters(params), [params])

  const update = useCallback(
    (patch: Partial<PackFilters>, options: { replace?: boolean } = {}) =>
      setParams((previous) => writeFilters(previous, { ...parseFilters(previous), ...patch }), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      }),
    [setParams],
  )

  const reset = useCallback(
    () =>
      setParams(
        (previous) => writeFilters(previous, { ...NO_FILTERS, sort: parseFilters(previous).sort }),
        { preventScrollReset: true },
      ),
    [setParams],
  )

  return { filters, update, reset }
}
