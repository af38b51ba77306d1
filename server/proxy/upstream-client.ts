import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'

export interface UpstreamRequest {
  target: URL
  method: string
  headers: Record<string, string>
  body?: Buffer
  timeoutMs: number
  /** Aborts the call (the browser went away). */
  signal: AbortSignal
  /**
   * Where the host name leads, instead of DNS (an address checked beforehand). The request
   * then gets a connection of its own: a pooled one may have been opened to another address.
   */
  lookup?: LookupFunction
}

export class UpstreamTimeoutError extends Error {}

/**
 * One request to the upstream, and `read` of its answer, within one deadline: an answer
 * whose headers or body stall past `timeoutMs` throws UpstreamTimeoutError. Redirects are
 * never followed (node:http does not) and a protocol upgrade is refused. Any other failure
 * is thrown as it came, for the caller to map.
 */
export async function callUpstream<T>(
  request: UpstreamRequest,
  read: (response: IncomingMessage) => Promise<T>,
): Promise<{ response: IncomingMessage; result: T }> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, request.timeoutMs)
  const onAbort = () => controller.abort()
  request.signal.addEventListener('abort', onAbort)
  try {
    const response = await send(request, controller.signal)
    return { response, result: await read(response) }
  } catch (error) {
    throw timedOut ? new UpstreamTimeoutError() : error
  } finally {
    clearTimeout(timer)
    request.signal.removeEventListener('abort', onAbort)
  }
}

function send(request: UpstreamRequest, signal: AbortSignal): Promise<IncomingMessage> {
  const { target, method, headers, body, lookup } = request
  const connection = lookup ? { lookup, agent: false } : {}
  return new Promise((resolve, reject) => {
    const outgoing = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method, headers, signal, ...connection },
      resolve,
    )
    outgoing.on('error', reject)
    // A protocol switch nobody asked for: not an answer.
    outgoing.on('upgrade', (_response, socket) => {
      socket.destroy()
      reject(new Error('Unexpected protocol upgrade'))
    })
    outgoing.end(body)
  })
}
