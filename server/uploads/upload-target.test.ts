// Where an upload URL from the Partner API may send the file: the API's own origin, or an
// https: host whose every address is public, connected to at the address checked.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { callUpstream } from '../proxy/upstream-client.ts'
import {
  checkUploadTarget,
  isPublicAddress,
  pinnedLookup,
  type ResolveHost,
} from './upload-target.ts'

const BASE = new URL('http://127.0.0.1:4010')
const resolving =
  (answers: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const addresses = answers[hostname]
    if (!addresses) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
const nowhere = resolving({})

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('%s is not', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each([
    '203.0.113.9',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('%s is', (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })
})

describe('checkUploadTarget', () => {
  it('takes the API’s own origin as it is, http: and loopback alike, without resolving', async () => {
    const target = await checkUploadTarget(`${BASE.origin}/upload/abc?sig=1`, BASE, nowhere)
    expect(target).toEqual({ url: new URL(`${BASE.origin}/upload/abc?sig=1`), address: null })
  })

  it('takes https: to a host whose every address is public, pinned to the first', async () => {
    const resolve = resolving({ 'uploads.example': ['203.0.113.9', '2606:4700::1111'] })
    const target = await checkUploadTarget('https://uploads.example/put?sig=1', BASE, resolve)
    expect(target).toEqual({
      url: new URL('https://uploads.example/put?sig=1'),
      address: { address: '203.0.113.9', family: 4 },
    })
    const literal = await checkUploadTarget('https://[2606:4700::1111]/put', BASE, nowhere)
    expect(literal).toMatchObject({ address: { address: '2606:4700::1111', family: 6 } })
  })

  it.each([
    ['http: elsewhere', 'http://uploads.example/put'],
    ['http: on the API’s host, another port', 'http://127.0.0.1:4011/put'],
    ['https: on the API’s host', 'https://127.0.0.1:4010/put'],
    ['a loopback address', 'https://127.0.0.1/put'],
    ['loopback written in hex', 'https://0x7f.1/put'],
    ['a private address', 'https://10.0.0.8/put'],
    ['a home network', 'https://192.168.1.20/put'],
    ['the metadata service', 'https://169.254.169.254/latest/meta-data'],
    ['CGNAT', 'https://100.64.1.1/put'],
    ['IPv6 loopback', 'https://[::1]/put'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/put'],
    ['unique-local IPv6', 'https://[fd00::5]/put'],
    ['a name that resolves to loopback', 'https://sneaky.example/put'],
    ['a name with one private address among public ones', 'https://mixed.example/put'],
    ['a name without addresses', 'https://empty.example/put'],
    ['not a URL', 'uploads.example/put'],
    ['another scheme', 'ftp://uploads.example/put'],
  ])('refuses %s', async (_what, url) => {
    const resolve = resolving({
      'sneaky.example': ['127.0.0.1'],
      'mixed.example': ['203.0.113.9', '10.0.0.1'],
      'empty.example': [],
      'uploads.example': ['203.0.113.9'],
    })
    expect(await checkUploadTarget(url, BASE, resolve)).toEqual({ refused: expect.any(String) })
  })

  it('throws when the host does not resolve', async () => {
    await expect(checkUploadTarget('https://gone.example/', BASE, nowhere)).rejects.toThrow()
  })
})

describe('pinnedLookup', () => {
  it('answers every name with the checked address, one or all', () => {
    const lookup = pinnedLookup({ address: '203.0.113.9', family: 4 })
    const one: unknown[] = []
    lookup('elsewhere.example', {}, (...args) => one.push(args))
    lookup('elsewhere.example', { all: true }, (...args) => one.push(args))
    expect(one).toEqual([
      [null, '203.0.113.9', 4],
      [null, [{ address: '203.0.113.9', family: 4 }]],
    ])
  })
})

describe('a request with a pinned lookup', () => {
  it('connects to the checked address, on a connection of its own, whatever DNS would say', async () => {
    const hosts: Array<string | undefined> = []
    const server = createServer((req, res) => {
      hosts.push(req.headers.host)
      res.end('ok')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      // .invalid never resolves: only the pinned address can be where the request went.
      const { response, result } = await callUpstream(
        {
          target: new URL(`http://uploads.invalid:${port}/put?sig=1`),
          method: 'PUT',
          headers: { 'content-length': '2' },
          body: Buffer.from('hi'),
          timeoutMs: 5_000,
          signal: new AbortController().signal,
          lookup: pinnedLookup({ address: '127.0.0.1', family: 4 }),
        },
        async (answer) => {
          let text = ''
          for await (const chunk of answer) text += String(chunk)
          return text
        },
      )
      expect([response.statusCode, result]).toEqual([200, 'ok'])
      expect(response.headers.connection).toBe('close')
      expect(hosts).toEqual([`uploads.invalid:${port}`])
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
