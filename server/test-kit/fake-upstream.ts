import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, randomUUID } from 'node:crypto'
import { PACKS_PATH, PARTNER_API_PREFIX } from '../../contract/partner-api/paths.ts'
import { controlAnswer } from './fake-control.ts'
import { createFaults, type FaultRule } from './fake-faults.ts'
import { createUploads, MAX_UPLOAD_BYTES, UPLOADS_PREFIX } from './fake-uploads.ts'
import { createWorkspace, type Workspace } from './fake-workspace.ts'

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
  /** A write's body as UTF-8 text (not while `handleWith` answers: the handler reads it). */
  body?: string
  /** For a PUT to an upload URL, instead of `body`: how many bytes came and their SHA-256 (hex). */
  bytes?: number
  sha256?: string
}

/** The most a write or control body may be (uploads may be MAX_UPLOAD_BYTES). */
const MAX_BODY_BYTES = 1024 * 1024
const FILES_PATH = `${PARTNER_API_PREFIX}/files`

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
  /** The packs it owns and changes (see fake-workspace.ts); `PUT /__control/workspace/...`. */
  workspace: Pick<Workspace, 'put' | 'get' | 'setMetadata'>
  /** Adds rules that answer matching requests instead (see fake-faults.ts); `PUT /__control/faults`. */
  addFaults: (rules: FaultRule[]) => void
  /** Forgets what it received, the scripts, the handler, the workspace, uploads and faults. */
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
 * the workspace when it owns the pack, else from per-pack scripts (each request takes the next
 * answer; the last one repeats), else 404; List Packs from scripts keyed by the request's
 * `search` (so tests running side by side do not take each other's answers), else an empty
 * list. The writes change workspace packs and answer 404 for any other pack; Upload File hands
 * out URLs under `/__uploads/` on this origin, which need no key. A matching fault rule answers
 * before all of that. `/__control/*` scripts it over HTTP from other processes (see
 * fake-upstream-control.ts); the proxy never forwards there.
 */
export async function startFakeUpstream(options: {
  token: string
  port?: number
}): Promise<FakeUpstream> {
  const scripts = new Map<string, ScriptedResponse[]>()
  const listScripts = new Map<string, ScriptedResponse[]>()
  const received: RecordedRequest[] = []
  let handler: UpstreamHandler | null = null
  const workspace = createWorkspace()
  const uploads = createUploads()
  const faults = createFaults()
  // Where upload URLs point: known once it listens.
  let origin = ''

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
    const record: RecordedRequest = {
      method: req.method ?? '',
      url,
      headers: req.headers,
      at: Date.now(),
    }
    received.push(record)
    const upload = url.startsWith(UPLOADS_PREFIX)
    if (!upload && req.headers.authorization !== `Bearer ${options.token}`) {
      return respond(req, res, {
        status: 401,
        body: { ok: false, code: 401, message: 'API key not found', error_code: 'invalid_token' },
      })
    }
    if (handler && !upload) return handler(req, res)
    if (req.method === 'GET' || req.method === 'HEAD') return answer(req, res, Buffer.alloc(0))
    readBody(req, upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES, (body, tooLarge) => {
      if (upload && req.method === 'PUT') {
        record.bytes = body.length
        record.sha256 = createHash('sha256').update(body).digest('hex')
      } else {
        record.body = body.toString('utf8')
      }
      if (tooLarge) {
        return respond(req, res, {
          status: 413,
          body: { ok: false, code: 413, message: 'Body too large', error_code: 'too_large' },
        })
      }
      answer(req, res, body)
    })
  })

  function answer(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const method = req.method ?? ''
    const url = req.url ?? '/'
    const text = body.toString('utf8')
    const fault = faults.take(method, url, text)
    if (fault) return send(req, res, fault)
    const { pathname, searchParams } = new URL(url, 'http://upstream.invalid')
    if (pathname.startsWith(UPLOADS_PREFIX)) {
      const token = pathname.slice(UPLOADS_PREFIX.length)
      return send(req, res, uploads.serve(method, token, req.headers['content-type'] ?? '', body))
    }
    if (pathname === FILES_PATH && method === 'POST') {
      return send(req, res, uploads.uploadFile(text, origin))
    }
    const own = workspace.answer(method, pathname, text)
    if (own) return send(req, res, own)
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
  }

  function control(req: IncomingMessage, res: ServerResponse, url: string) {
    readBody(req, MAX_UPLOAD_BYTES, (body) => {
      let result: [number, unknown]
      try {
        result = controlAnswer(
          { received, scriptPack, scriptList, workspace, faults },
          req.method ?? '',
          url,
          body.toString('utf8'),
        )
      } catch {
        // Not JSON, or not the shape the route takes.
        result = [400, { ok: false }]
      }
      if (result[0] === 404) {
        res.writeHead(404)
        return void res.end()
      }
      sendJson(res, ...result)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    port,
    received,
    scriptPack,
    scriptList,
    handleWith: (next) => void (handler = next),
    workspace,
    addFaults: faults.add,
    reset: () => {
      received.length = 0
      scripts.clear()
      listScripts.clear()
      handler = null
      workspace.clear()
      uploads.clear()
      faults.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function take(req: IncomingMessage, res: ServerResponse, queue: ScriptedResponse[]) {
  send(req, res, queue.length > 1 ? queue.shift()! : queue[0]!)
}

function send(req: IncomingMessage, res: ServerResponse, answer: ScriptedResponse) {
  if (answer.delayMs) setTimeout(() => respond(req, res, answer), answer.delayMs)
  else respond(req, res, answer)
}

/** The whole body, or as much as `limit` allows and `tooLarge` (the rest is read and dropped). */
function readBody(
  req: IncomingMessage,
  limit: number,
  done: (body: Buffer, tooLarge: boolean) => void,
) {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
  })
  req.on('end', () => done(Buffer.concat(chunks), size > limit))
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
