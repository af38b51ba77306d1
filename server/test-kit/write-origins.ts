import { request as httpRequest } from 'node:http'
import { REVIEW_API_PREFIX } from '../../contract/review-api/paths.ts'

/** A write's headers, what the guard makes of them: let through, or refused cross-site. */
export type WriteOriginCase = [what: string, headers: Record<string, string>, refused: boolean]

const JSON_TYPE = { 'content-type': 'application/json' }

/**
 * Every way a browser (or a script) can say where a write comes from, for a server reached
 * as `host` (`localhost:5173`): server/same-origin-writes.ts lets only the app's own pages
 * through.
 */
export function writeOriginCases(host: string): WriteOriginCase[] {
  const [name = '', port = ''] = host.split(/:(?=\d+$)/)
  const otherPort = String(Number(port) === 3000 ? 3001 : 3000)
  const cases: WriteOriginCase[] = [
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }, false],
    ['Sec-Fetch-Site: same-origin (any case)', { 'sec-fetch-site': 'Same-Origin' }, false],
    ['Sec-Fetch-Site: same-site (another port)', { 'sec-fetch-site': 'same-site' }, true],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, true],
    ['Sec-Fetch-Site: none (typed in)', { 'sec-fetch-site': 'none' }, true],
    [
      'Sec-Fetch-Site: same-site with its own Origin',
      { 'sec-fetch-site': 'same-site', origin: `http://${host}` },
      true,
    ],
    ['no Sec-Fetch-Site, its own Origin', { origin: `http://${host}` }, false],
    ['no Sec-Fetch-Site, another port’s Origin', { origin: `http://${name}:${otherPort}` }, true],
    ['no Sec-Fetch-Site, another site’s Origin', { origin: 'https://evil.example' }, true],
    [
      'no Sec-Fetch-Site, an Origin naming the host in another way',
      { origin: `http://${name === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${port}` },
      true,
    ],
    ['no Sec-Fetch-Site, no Origin', {}, true],
    ['Origin: null', { origin: 'null' }, true],
  ]
  return cases.map(([what, headers, refused]) => [
    what,
    { host, ...JSON_TYPE, ...headers },
    refused,
  ])
}

/** Bodies no JSON API takes: what a form or a `text/plain` fetch sends. */
export const NOT_JSON: Array<[what: string, contentType: string | null]> = [
  ['text/plain', 'text/plain;charset=UTF-8'],
  ['a form', 'application/x-www-form-urlencoded'],
  ['a multipart form', 'multipart/form-data; boundary=x'],
  ['JSON under another name', 'text/json'],
  ['no Content-Type', null],
]

/** Paths under /api a write may aim at, routed or not. */
export const WRITE_PATHS = [
  `${REVIEW_API_PREFIX}/packs/6f1c2b7e-9d4a-4e3b-8c5f-0a1b2c3d4e5f/images/0b7e5a2c-3f1d-4c8e-9a6b-5d4c3b2a1f0e`,
  '/api/partner/v1/packs/6f1c2b7e-9d4a-4e3b-8c5f-0a1b2c3d4e5f',
  '/api/anything-later',
  '/API/Review/v1/packs/x',
]

/**
 * Sends a write's headers and the first byte of a body it announced as 1,000, then waits:
 * the status of an answer given before the body was read, or null if the server waited for
 * the rest (after `waitMs`).
 */
export function answerBeforeBody(
  origin: string,
  path: string,
  headers: Record<string, string>,
  waitMs = 2_000,
): Promise<number | null> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: hostname,
      port,
      path,
      method: 'PUT',
      headers: { ...headers, 'content-length': '1000' },
      agent: false,
    })
    const timer = setTimeout(() => {
      req.destroy()
      resolve(null)
    }, waitMs)
    req.on('response', (res) => {
      clearTimeout(timer)
      res.resume()
      req.destroy()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.write('{')
  })
}
