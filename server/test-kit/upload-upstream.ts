import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { PARTNER_API_PREFIX } from '../../contract/partner-api/paths.ts'
import { sendJson } from './fake-upstream.ts'

/** One request as it arrived: the body byte for byte. */
export interface SeenRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Buffer
}

export type SeenHandler = (seen: SeenRequest, res: ServerResponse, origin: string) => void

export interface RecordingServer {
  url: string
  port: number
  /** Every request, once its body was in. */
  seen: SeenRequest[]
  /** Every connection opened to it, requests or not (a TLS hello is no request). */
  connections: () => number
  handleWith: (handler: SeenHandler) => void
  close: () => Promise<void>
}

/** A loopback server that keeps every request whole before `handler` answers it. */
export async function startRecordingServer(handler: SeenHandler): Promise<RecordingServer> {
  const seen: SeenRequest[] = []
  let connections = 0
  let handle = handler
  let origin = ''
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      seen.push(request)
      handle(request, res, origin)
    })
  })
  server.on('connection', () => void (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    port,
    seen,
    connections: () => connections,
    handleWith: (next) => void (handle = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The signed part of the upload URLs the fake API hands out: never logged or recorded. */
export const UPLOAD_SIGNATURE = 'sig=UPLOAD-SIGNATURE-5d1e'
export const FILE_URL = 'https://cdn.example/files/cat.png'

export interface UploadApiScript {
  /** Upload File's answer; by default 201 with an upload URL on this server's own origin. */
  files?: (origin: string) => { status: number; body: unknown }
  /** The upload URL's answer to the PUT; by default 200. */
  put?: (res: ServerResponse) => void
  /** Add Pack Image's answer; by default 201 with the image. */
  images?: (body: { image_url: string; file_name?: string }) => { status: number; body: unknown }
}

/**
 * The Partner API as the upload relay uses it: Upload File, the PUT to the upload URL it
 * gave (on its own origin, without a key) and Add Pack Image, each answering as `script`
 * says. An API call without `Bearer <token>` gets 401, as Genviral answers it.
 */
export function uploadApi(token: string, script: UploadApiScript = {}): SeenHandler {
  return (seen, res, origin) => {
    if (seen.method === 'PUT' && seen.url.startsWith('/upload/')) {
      if (script.put) return script.put(res)
      res.writeHead(200)
      return void res.end()
    }
    if (seen.headers.authorization !== `Bearer ${token}`) {
      return sendJson(res, 401, {
        ok: false,
        code: 401,
        message: 'API key not found',
        error_code: 'invalid_token',
      })
    }
    if (seen.method === 'POST' && seen.url === `${PARTNER_API_PREFIX}/files`) {
      const { contentType } = JSON.parse(String(seen.body)) as { contentType: string }
      const { status, body } = script.files?.(origin) ?? {
        status: 201,
        body: {
          ok: true,
          code: 201,
          message: 'Upload URL generated',
          data: {
            uploadUrl: `${origin}/upload/cat.png?${UPLOAD_SIGNATURE}`,
            url: FILE_URL,
            contentType,
            expiresIn: 600,
          },
        },
      }
      return sendJson(res, status, body)
    }
    const images = /^\/api\/partner\/v1\/packs\/([^/]+)\/images$/.exec(seen.url)
    if (seen.method === 'POST' && images) {
      const added = JSON.parse(String(seen.body)) as { image_url: string; file_name?: string }
      const { status, body } = script.images?.(added) ?? {
        status: 201,
        body: {
          ok: true,
          code: 201,
          message: 'Pack image added',
          data: {
            id: '44444444-4444-4444-8444-444444444444',
            url: added.image_url,
            file_name: added.file_name ?? 'image',
            content_type: 'image/png',
          },
        },
      }
      return sendJson(res, status, body)
    }
    sendJson(res, 404, { ok: false, code: 404, message: 'Not found', error_code: 'not_found' })
  }
}
