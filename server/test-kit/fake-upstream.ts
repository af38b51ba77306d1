import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { PACKS_PATH } from '../../contract/partner-api/paths.ts'

/** One scripted answer. `raw` is sent as is; otherwise `body` as JSON. */
export interface ScriptedResponse {
  status: number
  body?: unknown
  raw?: string | Buffer
  headers?: Record<string, string>
  delayMs?: number
  /** Destroy the socket instead of answering. */
  reset?: boolean
}

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  /** When it arrived (ms since the epoch), to check the gaps between retries. */
  at: number
}

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse) => void

export interface FakeUpstream {
  url: string
  port: number
  /** Every request it answered (control requests aside), oldest first. */
  received: RecordedRequest[]
  /** Scripts Get Pack answers for `packId` (a fresh one by default) and returns the id. */
  scriptPack: (answers: ScriptedResponse[], packId?: string) => string
  /** Scripts List Packs answers for requests whose `search` is `search`. */
  scriptList: (search: string, answers: ScriptedResponse[]) => void
  /** Answers every request with the right key with `handler` instead of the scripts. */
  handleWith: (handler: UpstreamHandler | null) => void
  /** Forgets what it received, the scripts and the handler. */
  reset: () => void
  close: () => Promise<void>
}

/** Writes `body` as JSON with a Content-Length, like most real APIs. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}

/**
 * A stand-in for Genviral on a loopback port (0: a free one). Requests without
 * `Bearer <token>` get a 401 envelope. Get Pack (`/api/partner/v1/packs/<id>`) answers from
 * per-pack scripts (each request takes the next answer; the last one repeats), else 404;
 * List Packs from scripts keyed by the request's `search` (so tests running side by side
 * do not take each other's answers), else an empty list. `/__control/*` scripts it over
 * HTTP from other processes (see fake-upstream-control.ts); the proxy never forwards there.
 */
export async function startFakeUpstream(options: {
  token: string
  port?: number
}): Promise<FakeUpstream> {
  const scripts = new Map<string, ScriptedResponse[]>()
  const listScripts = new Map<string, ScriptedResponse[]>()
  const received: RecordedRequest[] = []
  let handler: UpstreamHandler | null = null

  const scriptPack = (answers: ScriptedResponse[], packId: string = randomUUID()) => {
    scripts.set(packId, answers)
    return packId
  }
  const scriptList = (search: string, answers: ScriptedResponse[]) => {
    listScripts.set(search, answers)
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (url.startsWith('/__control/')) return control(req, res, url)
    received.push({ method: req.method ?? '', url, headers: req.headers, at: Date.now() })
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return respond(req, res, {
        status: 401,
        body: { ok: false, code: 401, message: 'API key not found', error_code: 'invalid_token' },
      })
    }
    if (handler) return handler(req, res)
    const { pathname, searchParams } = new URL(url, 'http://upstream.invalid')
    if (pathname === PACKS_PATH) {
      const queue = listScripts.get(searchParams.get('search') ?? '')
      if (queue?.length) return take(req, res, queue)
      return respond(req, res, {
        status: 200,
        body: {
          ok: true,
          code: 200,
          message: 'Packs retrieved',
          data: {
            packs: [],
            total: 0,
            limit: Number(searchParams.get('limit') ?? 20),
            offset: Number(searchParams.get('offset') ?? 0),
          },
        },
      })
    }
    const id = pathname.startsWith(`${PACKS_PATH}/`)
      ? /^([^/]+)/.exec(pathname.slice(PACKS_PATH.length + 1))?.[1]
      : undefined
    const queue = id === undefined ? undefined : scripts.get(id)
    if (queue?.length) return take(req, res, queue)
    respond(req, res, {
      status: 404,
      body: { ok: false, code: 404, message: 'Pack not found', error_code: 'not_found' },
    })
  })

  function control(req: IncomingMessage, res: ServerResponse, url: string) {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const answers = () => JSON.parse(Buffer.concat(chunks).toString()) as ScriptedResponse[]
      const pack = /^\/__control\/packs\/([^/?]+)$/.exec(url)
      const list = /^\/__control\/list\?search=([^&]*)$/.exec(url)
      if (pack && req.method === 'PUT') scriptPack(answers(), pack[1]!)
      else if (list && req.method === 'PUT') scriptList(decodeURIComponent(list[1]!), answers())
      else if (url !== '/__control/requests') {
        res.writeHead(404)
        return void res.end()
      }
      sendJson(res, 200, url === '/__control/requests' ? received : { ok: true })
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    scriptPack,
    scriptList,
    handleWith: (next) => void (handler = next),
    reset: () => {
      received.length = 0
      scripts.clear()
      listScripts.clear()
      handler = null
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function take(req: IncomingMessage, res: ServerResponse, queue: ScriptedResponse[]) {
  const answer = queue.length > 1 ? queue.shift()! : queue[0]!
  if (answer.delayMs) setTimeout(() => respond(req, res, answer), answer.delayMs)
  else respond(req, res, answer)
}

function respond(req: IncomingMessage, res: ServerResponse, answer: ScriptedResponse) {
  if (answer.reset) return void req.socket.destroy()
  const headers = { ...answer.headers }
  let payload = answer.raw
  if (payload === undefined) {
    payload = JSON.stringify(answer.body ?? null)
    headers['content-type'] ??= 'application/json'
  }
  res.writeHead(answer.status, headers)
  res.end(req.method === 'HEAD' ? undefined : payload)
}
