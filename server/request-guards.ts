import { isIP } from 'node:net'
import type { RequestHandler } from 'express'
import { fetchMetadataPolicy } from './fetch-metadata.ts'
import type { ProductionConfig } from './production-config.ts'
import { proxyUser } from './proxy-user.ts'
import { sameOriginWrites } from './same-origin-writes.ts'
import { isTrusted, trustedProxies } from './trust-proxy.ts'

/**
 * What `npm start` checks about every request before anything answers it: whose address it
 * is, that it came through the authenticating proxy when one is declared, that no other
 * site's page sent it, and that a write under /api comes from the app's own pages; and who the
 * proxy says the user is. `openPath` (/healthz) reveals nothing and may be probed from anywhere.
 */
export function requestGuards(config: ProductionConfig, openPath: string): RequestHandler[] {
  const guards: RequestHandler[] = [clientAddress]
  if (config.trustProxyAuth && typeof config.trustProxy === 'string') {
    guards.push(onlyFromProxies(config.trustProxy, openPath))
  }
  if (config.userHeader) guards.push(proxyUser(config.userHeader))
  guards.push(fetchMetadataPolicy(), sameOriginWrites())
  return guards
}

/**
 * Express takes the client's address from X-Forwarded-For as written there, IP or not, so
 * `X-Forwarded-For: x1`, `x2`, ... would each get a rate limit of their own. Only an IP
 * address is believed; anything else is the socket's address.
 */
const clientAddress: RequestHandler = (req, _res, next) => {
  const claimed = req.ip
  const ip = claimed !== undefined && isIP(claimed) !== 0 ? claimed : req.socket.remoteAddress
  Object.defineProperty(req, 'ip', { value: ip, configurable: true, enumerable: true })
  next()
}

/**
 * With PACK_EXPLORER_TRUST_PROXY_AUTH=1 the proxy is what checks who asks: a connection
 * from any other address (another container, a host on the same network) is refused, or it
 * would get the key's answers without signing in.
 */
function onlyFromProxies(list: string, openPath: string): RequestHandler {
  const proxies = trustedProxies(list)
  return (req, res, next) => {
    if (req.path === openPath || isTrusted(proxies, req.socket.remoteAddress)) return next()
    res
      .status(403)
      .set('cache-control', 'no-store')
      .type('text/plain')
      .send('This server answers only through its authenticating proxy.\n')
  }
}
