import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { TEST_API_TOKEN } from './ports'
import { PACKS_PATH } from '../../contract/partner-api/paths'

/** One scripted answer. `raw` is sent as is; otherwise `body` as JSON. */
export interface ScriptedResponse {
  status: number
  body?: unknown
  raw?: string
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

/**
 * A stand-in for Genviral that the e2e suite starts: answers `/api/partner/v1/packs/<id>`
 * from per-pack scripts (each request takes the next answer; the last one repeats) and
 * records every request it receives. List Packs (`/api/partner/v1/packs?…`) answers from
 * scripts keyed by the request's `search` (so tests running side by side do not take each
 * other's answers), and with an empty list when unscripted. `/__control/*` is for the
 * tests only; the proxy never forwards there.
 */
export function createTestUpstream(): Server {
  const scripts = new Map<string, ScriptedResponse[]>()
  const listScripts = new Map<string, ScriptedResponse[]>()
  const received: RecordedRequest[] = []

  return createServer((req, res) => {
    const url = req.url ?? '/'
    if (url.startsWith('/__control/')) {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const send = (body: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(JSON.stringify(body))
        }
        const script = /^\/__control\/packs\/([^/?]+)$/.exec(url)
        if (script && req.method === 'PUT') {
          scripts.set(
            script[1]!,
            JSON.parse(Buffer.concat(chunks).toString()) as ScriptedResponse[],
          )
          return send({ ok: true })
        }
        const list = /^\/__control\/list\?search=([^&]*)$/.exec(url)
        if (list && req.method === 'PUT') {
          listScripts.set(
            decodeURIComponent(list[1]!),
            JSON.parse(Buffer.concat(chunks).toString()) as ScriptedResponse[],
          )
          return send({ ok: true })
        }
        if (url === '/__control/requests') return send(received)
        res.writeHead(404)
        res.end()
      })
      return
    }

    received.push({ method: req.method ?? '', url, headers: req.headers, at: Date.now() })
    const respond = (answer: ScriptedResponse) => {
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

    if (req.headers.authorization !== `Bearer ${TEST_API_TOKEN}`) {
      return respond({
        status: 401,
        body: { ok: false, code: 401, message: 'API key not found', error_code: 'invalid_token' },
      })
    }
    const { pathname, searchParams } = new URL(url, 'http://upstream.invalid')
    if (pathname === PACKS_PATH) {
      const queue = listScripts.get(searchParams.get('search') ?? '')
      if (!queue || queue.length === 0) {
        return respond({
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
      return take(queue)
    }
    const match = pathname.startsWith(`${PACKS_PATH}/`)
      ? /^([^/]+)/.exec(pathname.slice(PACKS_PATH.length + 1))
      : null
    const queue = match ? scripts.get(match[1]!) : undefined
    if (!queue || queue.length === 0) {
      return respond({
        status: 404,
        body: { ok: false, code: 404, message: 'Pack not found', error_code: 'not_found' },
      })
    }
    take(queue)

    function take(queue: ScriptedResponse[]) {
      const answer = queue.length > 1 ? queue.shift()! : queue[0]!
      if (answer.delayMs) setTimeout(() => respond(answer), answer.delayMs)
      else respond(answer)
    }
  })
}
