import { lookup } from 'node:dns/promises'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/** A host name's addresses, as `dns.promises.lookup(name, { all: true })` gives them. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>

export const resolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true })

/** Where the bytes may go: the URL, and the address to connect to (null: as the API's base). */
export interface UploadTarget {
  url: URL
  address: { address: string; family: 4 | 6 } | null
}

/**
 * Addresses an upload URL from the Partner API must never reach: this machine, the networks
 * it sits in, and what is no single host. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`)
 * is checked as its IPv4 address (BlockList does that itself).
 */
const NOT_PUBLIC = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fe80::', 10], // link-local
  ['fec0::', 10], // the old site-local
  ['fc00::', 7], // unique local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6')
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return false
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * Where an upload URL the Partner API gave may be sent, or why not. On the API's own origin
 * (`apiBase`: the configured API, the demo API's loopback URL included) it may go as that
 * origin is reached. Anywhere else it must be `https:` and every address of its host public;
 * the request then connects to the address checked here (see pinnedLookup), so a second DNS
 * answer cannot send it elsewhere. A host that does not resolve is thrown as it came.
 */
export async function checkUploadTarget(
  uploadUrl: string,
  apiBase: URL,
  resolve: ResolveHost = resolveHost,
): Promise<UploadTarget | { refused: string }> {
  if (!URL.canParse(uploadUrl)) return { refused: 'it is not a URL' }
  const url = new URL(uploadUrl)
  if (url.origin === apiBase.origin) return { url, address: null }
  if (url.protocol !== 'https:') return { refused: 'it is not https: and not the API’s origin' }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host)
  const first = addresses[0]
  if (!first) return { refused: 'its host has no address' }
  if (!addresses.every(({ address }) => isPublicAddress(address))) {
    return { refused: 'its host is not a public address' }
  }
  return { url, address: { address: first.address, family: first.family === 6 ? 6 : 4 } }
}

/**
 * A `lookup` for node:http that answers every name with `address`: the connection goes where
 * the check looked, whatever DNS says by then. Node asks with `all: true` when it tries
 * several addresses (autoSelectFamily), else for one.
 */
export function pinnedLookup(address: { address: string; family: 4 | 6 }): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [address])
    else callback(null, address.address, address.family)
  }
}
