import { z, type ZodMiniType } from 'zod/mini'
import {
  isPackId,
  LIST_QUERY_PARAMS,
  PARTNER_API_PREFIX,
  PACKS_PATH,
  packPath,
} from '../../contract/partner-api/paths.ts'
import {
  addImageBodySchema,
  createPackBodySchema,
  MAX_WRITE_BODY_BYTES,
  updatePackBodySchema,
  uploadFileBodySchema,
} from '../../contract/partner-api/writes.ts'
import type { JsonBodyRule } from '../request-body.ts'

export type ProxyMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a route accepts as a request body, and how much of it. */
export type RequestBodyRule = JsonBodyRule

/** The writes, by what they do (the activity log's names for them). */
export type WriteAction =
  'create_pack' | 'update_pack' | 'delete_pack' | 'add_image' | 'delete_image' | 'upload_file'

/**
 * One forwarded Partner API route. Everything the proxy does not find in this table stays
 * on this server: a path no row matches is 404, a method its row does not list is 405.
 */
export interface ProxyRoute {
  /** The Partner API's name for it, for readers and tests. */
  name: string
  methods: readonly ProxyMethod[]
  /**
   * Matches the path exactly as the browser wrote it; no decoding, no normalizing. Each group
   * is an ID, which must be a UUID (else 400 `invalid_id`).
   */
  path: RegExp
  /** The upstream path for a match (its IDs lowercased): rebuilt, never the raw path. */
  upstreamPath: (ids: readonly string[]) => string
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
  /** What the row changes; null for a read. Writes are gated, attributed and logged. */
  write: WriteAction | null
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

/** One path segment that holds an ID; the proxy then checks that it is a UUID. */
const ID = '([^/]+)'
const PACK = new RegExp(`^${PACKS_PATH}/${ID}$`)
const PACK_IMAGES = new RegExp(`^${PACKS_PATH}/${ID}/images$`)
const PACK_IMAGE = new RegExp(`^${PACKS_PATH}/${ID}/images/${ID}$`)
const PACKS = new RegExp(`^${PACKS_PATH}$`)
const FILES_PATH = `${PARTNER_API_PREFIX}/files`

const jsonBody = (schema: JsonBodyRule['schema']): JsonBodyRule => ({
  schema,
  maxBytes: MAX_WRITE_BODY_BYTES,
})

const read = { query: [], querySchema: null, body: null, write: null } as const
const write = { query: [], querySchema: null } as const

export const PROXY_ROUTES: readonly ProxyRoute[] = [
  {
    ...read,
    name: 'Get Pack',
    methods: ['GET', 'HEAD'],
    path: PACK,
    upstreamPath: ([packId]) => packPath(packId!),
  },
  {
    ...read,
    name: 'List Packs',
    methods: ['GET', 'HEAD'],
    path: PACKS,
    upstreamPath: () => PACKS_PATH,
    query: LIST_QUERY_PARAMS,
    querySchema: listPacksQuery,
  },
  {
    ...write,
    name: 'Create Pack',
    methods: ['POST'],
    path: PACKS,
    upstreamPath: () => PACKS_PATH,
    body: jsonBody(createPackBodySchema),
    write: 'create_pack',
  },
  {
    ...write,
    name: 'Update Pack',
    methods: ['PATCH'],
    path: PACK,
    upstreamPath: ([packId]) => packPath(packId!),
    body: jsonBody(updatePackBodySchema),
    write: 'update_pack',
  },
  {
    ...write,
    name: 'Delete Pack',
    methods: ['DELETE'],
    path: PACK,
    upstreamPath: ([packId]) => packPath(packId!),
    body: null,
    write: 'delete_pack',
  },
  {
    ...write,
    name: 'Add Pack Image',
    methods: ['POST'],
    path: PACK_IMAGES,
    upstreamPath: ([packId]) => `${packPath(packId!)}/images`,
    body: jsonBody(addImageBodySchema),
    write: 'add_image',
  },
  {
    ...write,
    name: 'Delete Pack Image',
    methods: ['DELETE'],
    path: PACK_IMAGE,
    upstreamPath: ([packId, imageId]) => `${packPath(packId!)}/images/${imageId!}`,
    body: null,
    write: 'delete_image',
  },
  {
    ...write,
    name: 'Upload File',
    methods: ['POST'],
    path: new RegExp(`^${FILES_PATH}$`),
    upstreamPath: () => FILES_PATH,
    body: jsonBody(uploadFileBodySchema),
    write: 'upload_file',
  },
]

export interface RouteMatch {
  route: ProxyRoute
  /** The path's IDs, lowercased, in order; null when one of them is not a UUID. */
  ids: string[] | null
}

/**
 * The row for `method` among those whose pattern matches `rawPath`; else, when some match
 * the path, the methods they take (for a 405); null when none does.
 */
export function matchRoute(
  routes: readonly ProxyRoute[],
  rawPath: string,
  method: string,
): RouteMatch | { allow: ProxyMethod[] } | null {
  const allow: ProxyMethod[] = []
  for (const route of routes) {
    const match = route.path.exec(rawPath)
    if (!match) continue
    if (!(route.methods as readonly string[]).includes(method)) {
      allow.push(...route.methods)
      continue
    }
    const ids = match.slice(1)
    return { route, ids: ids.every(isPackId) ? ids.map((id) => id.toLowerCase()) : null }
  }
  return allow.length > 0 ? { allow } : null
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
export function upstreamTarget(route: ProxyRoute, ids: readonly string[], rawUrl: string): string {
  const query = keptQuery(route, rawUrl).toString()
  return route.upstreamPath(ids) + (query ? `?${query}` : '')
}
