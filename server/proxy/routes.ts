import { z, type ZodMiniType } from 'zod/mini'
import {
  LIST_QUERY_PARAMS,
  PACK_PATH_PATTERN,
  PACKS_PATH,
  packPath,
} from '../../contract/partner-api/paths.ts'
import type { JsonBodyRule } from '../request-body.ts'

export type ProxyMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a route accepts as a request body, and how much of it. */
export type RequestBodyRule = JsonBodyRule

/**
 * One forwarded Partner API route. Everything the proxy does not find in this table stays
 * on this server: a path no row matches is 404, a method its row does not list is 405.
 */
export interface ProxyRoute {
  /** The Partner API's name for it, for readers and tests. */
  name: string
  methods: readonly ProxyMethod[]
  /** Matches the path exactly as the browser wrote it; no decoding, no normalizing. */
  path: RegExp
  /** The upstream path for a match: rebuilt from what was matched, never the raw path. */
  upstreamPath: (match: RegExpExecArray) => string
  /** Query parameters passed on (the first value of each); every other one is dropped. */
  query: readonly string[]
  /**
   * Checks what would be passed on (name to value, the parameters `query` kept) before
   * anything is sent: a failure is the proxy's own 422 `invalid_query`. The values are passed
   * on as given. null: any value is.
   */
  querySchema: ZodMiniType | null
  /** null: a request body is never read or sent. */
  body: RequestBodyRule | null
}

/** A whole number written in plain digits, from `min` to `max`. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .check(
      z.refine((value) => /^\d{1,15}$/.test(value) && Number(value) >= min && Number(value) <= max),
    )

/** List Packs' paging as the Partner API documents it: `limit` 1-100, `offset` 0 or more. */
const listPacksQuery = z.object({
  limit: z.optional(wholeNumber(1, 100)),
  offset: z.optional(wholeNumber(0, Number.MAX_SAFE_INTEGER)),
})

export const PROXY_ROUTES: readonly ProxyRoute[] = [
  {
    name: 'Get Pack',
    methods: ['GET', 'HEAD'],
    path: PACK_PATH_PATTERN,
    upstreamPath: (match) => packPath(match[1]!.toLowerCase()),
    query: [],
    querySchema: null,
    body: null,
  },
  {
    name: 'List Packs',
    methods: ['GET', 'HEAD'],
    path: new RegExp(`^${PACKS_PATH}$`),
    upstreamPath: () => PACKS_PATH,
    query: LIST_QUERY_PARAMS,
    querySchema: listPacksQuery,
    body: null,
  },
]

export interface RouteMatch {
  route: ProxyRoute
  match: RegExpExecArray
}

/** The first row whose pattern matches `rawPath`, or null. */
export function matchRoute(routes: readonly ProxyRoute[], rawPath: string): RouteMatch | null {
  for (const route of routes) {
    const match = route.path.exec(rawPath)
    if (match) return { route, match }
  }
  return null
}

/** The parameters a row passes on, the first value of each (`rawUrl` as the browser sent it). */
export function keptQuery(route: ProxyRoute, rawUrl: string): URLSearchParams {
  const start = rawUrl.indexOf('?')
  const given = new URLSearchParams(start === -1 ? '' : rawUrl.slice(start + 1))
  const kept = new URLSearchParams()
  for (const name of route.query) {
    const value = given.get(name)
    if (value !== null) kept.set(name, value)
  }
  return kept
}

/** Whether the row's `querySchema` takes what it would pass on. */
export function queryAccepted(route: ProxyRoute, kept: URLSearchParams): boolean {
  return route.querySchema === null || route.querySchema.safeParse(Object.fromEntries(kept)).success
}

/** The upstream path and query for a matched request (`rawUrl` as the browser sent it). */
export function upstreamTarget({ route, match }: RouteMatch, rawUrl: string): string {
  const query = keptQuery(route, rawUrl).toString()
  return route.upstreamPath(match) + (query ? `?${query}` : '')
}
