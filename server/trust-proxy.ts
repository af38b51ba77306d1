import { BlockList, isIP, isIPv6 } from 'node:net'

/** Express's `trust proxy`: none, a hop count, or a comma list of addresses and subnets. */
export type TrustProxy = false | number | string

/** More hops than any real chain of proxies: past it, the client picks its own address. */
export const MAX_PROXY_HOPS = 5
/**
 * The widest subnets that may be trusted. An IPv4 /8 is one organisation's (10.0.0.0/8); an
 * IPv6 /32 is a whole provider's allocation, already far more than any proxy fleet. Wider
 * ones come close to trusting everyone, whose X-Forwarded-For then picks the client's address.
 */
export const WIDEST_IPV4_PREFIX = 8
export const WIDEST_IPV6_PREFIX = 32

/** Express's (proxy-addr's) names for fixed private ranges: allowed whatever their width. */
const NAMED_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

/** IPv4 written as IPv6 (::ffff:10.0.0.1): refused, so one family has one spelling. */
const IPV4_MAPPED = new BlockList()
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6')

interface Subnet {
  address: string
  prefix: number
  family: 'ipv4' | 'ipv6'
}

const NAME = 'PACK_EXPLORER_TRUST_PROXY'

/** Reads PACK_EXPLORER_TRUST_PROXY, or throws one line saying why it would trust too much. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? ''
  if (text === '' || text === 'false' || text === '0') return false
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops > MAX_PROXY_HOPS) {
      throw new Error(
        `${NAME}=${text}: more than ${MAX_PROXY_HOPS} hops would let any client choose its ` +
          'own address with X-Forwarded-For; give the real number of proxies, or their addresses.',
      )
    }
    return hops
  }
  if (text === 'true' || text === '*') {
    throw new Error(
      `${NAME}=${text} would trust an X-Forwarded-For from anyone; give the number of proxy ` +
        'hops (1) or their addresses (loopback).',
    )
  }
  for (const entry of text.split(',')) subnetsOf(entry.trim())
  return text
}

/** The addresses an address list names, for checking where a connection comes from. */
export function trustedProxies(list: string): BlockList {
  const blockList = new BlockList()
  for (const entry of list.split(',')) {
    for (const { address, prefix, family } of subnetsOf(entry.trim())) {
      blockList.addSubnet(address, prefix, family)
    }
  }
  return blockList
}

/** Whether a socket's address (IPv4, IPv6 or IPv4-mapped IPv6) is in the list. */
export function isTrusted(proxies: BlockList, address: string | undefined): boolean {
  if (!address || !isIP(address)) return false
  return proxies.check(address, isIPv6(address) ? 'ipv6' : 'ipv4')
}

function subnetsOf(entry: string): Subnet[] {
  if (Object.hasOwn(NAMED_RANGES, entry)) return NAMED_RANGES[entry]!.map(parseSubnet)
  const subnet = parseSubnet(entry)
  const widest = subnet.family === 'ipv4' ? WIDEST_IPV4_PREFIX : WIDEST_IPV6_PREFIX
  if (subnet.prefix < widest) {
    throw new Error(
      `${NAME}: ${entry} is wider than /${widest} (${subnet.family === 'ipv4' ? 'IPv4' : 'IPv6'}) ` +
        "and would trust almost anyone; name the proxies' own addresses or subnet " +
        '(or loopback, linklocal, uniquelocal).',
    )
  }
  return [subnet]
}

function parseSubnet(entry: string): Subnet {
  const slash = entry.lastIndexOf('/')
  const address = slash === -1 ? entry : entry.slice(0, slash)
  const version = isIP(address)
  if (version === 0 || address.includes('%')) {
    throw new Error(
      `${NAME}: "${entry}" is not an IP address, a subnet (10.0.0.0/8), loopback, linklocal ` +
        'or uniquelocal.',
    )
  }
  const family = version === 4 ? 'ipv4' : 'ipv6'
  if (family === 'ipv6' && IPV4_MAPPED.check(address, 'ipv6')) {
    throw new Error(`${NAME}: write the IPv4-mapped "${entry}" as an IPv4 address or subnet.`)
  }
  const max = family === 'ipv4' ? 32 : 128
  const mask = slash === -1 ? String(max) : entry.slice(slash + 1)
  const prefix = /^\d{1,3}$/.test(mask)
    ? Number(mask)
    : family === 'ipv4' && isIP(mask) === 4
      ? netmaskPrefix(mask)
      : NaN
  if (!(prefix >= 1 && prefix <= max)) {
    throw new Error(`${NAME}: "${entry}" has no valid prefix length (1 to ${max}).`)
  }
  return { address, prefix, family }
}

/** 255.255.0.0 is /16; a mask with a gap (255.0.255.0) is no prefix at all. */
function netmaskPrefix(mask: string): number {
  const bits = mask
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('')
  if (!/^1*0*$/.test(bits)) return NaN
  const firstZero = bits.indexOf('0')
  return firstZero === -1 ? 32 : firstZero
}
