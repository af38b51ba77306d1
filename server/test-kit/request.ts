import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http'
import { connect } from 'node:net'

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  /** The body as it came on the wire: not decompressed. */
  body: Buffer
  text: string
}

export interface RawRequestOptions {
  method?: string
  /** Exactly these headers (an array value sends the header once per element). */
  headers?: OutgoingHttpHeaders
  body?: string
}

/**
 * One request with node:http and no agent: the path is sent exactly as written (fetch would
 * normalize `..`), no header is added but Host and Connection, nothing is decompressed.
 */
export function rawRequest(
  origin: string,
  path: string,
  { method = 'GET', headers = {}, body }: RawRequestOptions = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname.replace(/^\[|\]$/g, ''), port, path, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bytes,
            text: String(bytes),
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Headers as one string each (repeated ones joined with ", "). */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/**
 * Writes `head` on a bare socket, for request lines no HTTP client writes (an absolute-form
 * target). `head` must ask for `Connection: close`: the answer ends there.
 */
export function socketRequest(origin: string, head: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    // Not end(): a half-closed socket makes Node abort the request before it is answered.
    const socket = connect(Number(port), hostname, () => socket.write(head))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [top = '', ...rest] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')
      const [statusLine = '', ...lines] = top.split('\r\n')
      const headers: IncomingHttpHeaders = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      const text = rest.join('\r\n\r\n')
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: Buffer.from(text), text })
    })
  })
}
