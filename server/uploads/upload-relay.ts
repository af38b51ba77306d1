import type { IncomingMessage, ServerResponse } from 'node:http'
import { isPackId, packPath, PARTNER_API_PREFIX } from '../../contract/partner-api/paths.ts'
import { addImageBodySchema, uploadFileBodySchema } from '../../contract/partner-api/writes.ts'
import { sendError } from '../envelope.ts'
import { closeWhenRefusedUnread } from '../http-limits.ts'
import { DEFAULT_TIMEOUT_MS } from '../proxy/proxy.ts'
import { keyScanner } from '../proxy/key-scanner.ts'
import { admitWrite, type WritePolicy, type Writer } from '../proxy/write-gate.ts'
import { describeWrite, type WriteRecord } from '../proxy/write-record.ts'
import { API_SECURITY_HEADERS } from '../security-headers.ts'
import { callPartner, own, type PartnerAnswer, type PartnerUpstream } from './partner-call.ts'
import { putFile } from './put-file.ts'
import { UPLOADS_PREFIX } from './upload-paths.ts'
import { readUpload, tooLarge, uploadFileOf, type UploadFile } from './upload-request.ts'
import { checkUploadTarget, resolveHost, type ResolveHost } from './upload-target.ts'

export interface UploadRelayOptions {
  /** The Partner API's origin, as the proxy has it; an upload URL on it needs no other check. */
  baseUrl: string
  token: string
  /** Each of the two Partner API calls (the proxy's 15 s by default). */
  timeoutMs?: number
  /** The PUT of the file to its upload URL: 25 MB takes a while on a slow link. */
  uploadTimeoutMs?: number
  /** The demo API only: it is told the browser's origin, as the proxy tells it. */
  forwardOrigin?: boolean
  /** The largest file taken (bytes). */
  maxFileBytes?: number
  /** Uploads held in memory at once; beyond, 503 `uploads_busy`. */
  maxConcurrentUploads?: number
  /** The proxy's: who may write, and where writes are recorded. Absent: every upload is refused. */
  writes?: WritePolicy
  /** One line per call made; never given headers, the key or an upload URL. */
  log?: (line: string) => void
  /** How an upload URL's host name is resolved (tests give their own). */
  resolveHost?: ResolveHost
}

/** Upload File's largest image, 25 MB. */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024
/** Two minutes: 25 MB at about 2 Mbit/s. The upload URL itself is good for ten. */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000
/** Four files at the cap: 100 MB of memory at most. */
export const DEFAULT_MAX_CONCURRENT_UPLOADS = 4

const FILES_PATH = `${PARTNER_API_PREFIX}/files`
const UPLOAD_PATH = new RegExp(`^${UPLOADS_PREFIX}/([^/]+)$`)

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * `POST /api/uploads/{packId}`: the browser's image file, as its raw body, into a pack. Once
 * the whole file is in and checked, it asks Upload File for an upload URL, checks where that
 * URL leads, PUTs the bytes there (without the key), and adds the file's URL to the pack; the
 * browser gets Add Pack Image's answer. Both writes are admitted and recorded as the proxy's
 * are. Everything not under /api/uploads goes to `next`.
 */
export function createUploadRelay(options: UploadRelayOptions): Middleware {
  const base = new URL(options.baseUrl)
  const log = options.log ?? (() => {})
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const uploadTimeoutMs = options.uploadTimeoutMs ?? Math.max(timeoutMs, DEFAULT_UPLOAD_TIMEOUT_MS)
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const maxConcurrent = options.maxConcurrentUploads ?? DEFAULT_MAX_CONCURRENT_UPLOADS
  const upstream: PartnerUpstream = {
    base,
    token: options.token,
    scanner: keyScanner(options.token),
    forwardOrigin: options.forwardOrigin ?? false,
    timeoutMs,
    log,
  }
  let active = 0

  const handle: Middleware = (req, res, next) => {
    // Connect strips the mount path from req.url; originalUrl keeps what the browser sent.
    const rawUrl = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
    const rawPath = rawUrl.split('?')[0] ?? ''
    if (rawPath !== UPLOADS_PREFIX && !rawPath.startsWith(`${UPLOADS_PREFIX}/`)) return next()
    // Whatever is refused from here on is refused unread: the connection is not kept for it.
    closeWhenRefusedUnread(req, res)
    const match = UPLOAD_PATH.exec(rawPath)
    if (!match) return sendError(res, 404, 'not_found', `Upload to ${UPLOADS_PREFIX}/{packId}.`)
    if (req.method !== 'POST') {
      return sendError(res, 405, 'method_not_allowed', 'Only POST uploads a file.', {
        allow: 'POST',
      })
    }
    const admitted = admitWrite(req, options.writes)
    if ('refusal' in admitted) return refuse(res, admitted.refusal)
    const packId = match[1]!
    if (!isPackId(packId)) return sendError(res, 400, 'invalid_id', 'The pack ID is not a UUID.')
    const checked = uploadFileOf(req, maxFileBytes)
    if ('refusal' in checked) return refuse(res, checked.refusal)
    if (active >= maxConcurrent) {
      return sendError(
        res,
        503,
        'uploads_busy',
        'Too many uploads are in progress. Try again in a moment.',
        { 'retry-after': '5' },
      )
    }
    active += 1
    const writer = { ...admitted.writer, intent: admitted.writer.intent ?? 'upload' }
    relay(req, res, packId.toLowerCase(), checked.file, writer)
      .catch(() => {
        // The browser's body broke off, or the answer could not be written: nobody to tell.
        res.destroy()
      })
      .finally(() => {
        active -= 1
      })
  }

  async function relay(
    req: IncomingMessage,
    res: ServerResponse,
    packId: string,
    file: UploadFile,
    writer: Writer,
  ): Promise<void> {
    const bytes = await readUpload(req, maxFileBytes)
    if (bytes === null) return refuse(res, tooLarge(maxFileBytes).refusal)
    if (bytes.length === 0) return sendError(res, 422, 'invalid_payload', 'The file is empty.')
    const policy = options.writes!
    const record = (entry: WriteRecord) =>
      // The write was made (or may have been): its answer still goes to the browser.
      policy.record(entry).catch((error: unknown) => {
        log(
          `${entry.action} ${entry.status}: the activity log did not record it (${String(error)})`,
        )
      })

    const uploadBody = uploadFileBodySchema.parse({
      contentType: file.contentType,
      filename: file.fileName,
    })
    const upload = { action: 'upload_file' as const, ids: [], body: uploadBody, imageUrl: null }
    // Upload File knows no pack; its record is kept with the pack it was made for.
    const uploaded = (status: number, answer: unknown) =>
      record({ ...describeWrite(upload, writer, status, answer), packId })
    const failUpload = async (status: number, errorCode: string, message: string) => {
      const failure = own(status, errorCode, message)
      await uploaded(failure.status, failure.answer)
      send(res, failure)
    }

    const granted = await callPartner(upstream, req, FILES_PATH, uploadBody)
    if (granted.status < 200 || granted.status >= 300) {
      await uploaded(granted.status, granted.answer)
      return send(res, granted)
    }
    const urls = urlsOf(granted.answer)
    if (!urls) {
      return failUpload(
        502,
        'upload_url_failed',
        'The Genviral API did not answer Upload File with an upload URL and a file URL.',
      )
    }

    const target = await checkUploadTarget(
      urls.uploadUrl,
      base,
      options.resolveHost ?? resolveHost,
    ).catch(() => null)
    if (target === null) {
      return failUpload(502, 'upload_failed', 'The upload URL’s host could not be resolved.')
    }
    if ('refused' in target) {
      return failUpload(
        502,
        'upload_url_refused',
        `The file was not sent to the upload URL the Genviral API gave: ${target.refused}.`,
      )
    }
    const started = Date.now()
    const put = await putFile(target, { bytes, contentType: file.contentType }, uploadTimeoutMs)
    log(`PUT upload URL -> ${put.ok ? put.status : 'failed'} (${Date.now() - started} ms)`)
    if (!put.ok) return failUpload(502, 'upload_failed', `The file was not uploaded: ${put.why}.`)
    await uploaded(granted.status, granted.answer)

    const addBody = { image_url: urls.url, file_name: file.fileName }
    const added = await callPartner(upstream, req, `${packPath(packId)}/images`, addBody)
    await record(
      describeWrite(
        { action: 'add_image', ids: [packId], body: addBody, imageUrl: null },
        writer,
        added.status,
        added.answer,
      ),
    )
    send(res, added)
  }

  return handle
}

/** Upload File's two URLs, when its answer has them as Add Pack Image would take the file's. */
function urlsOf(answer: unknown): { uploadUrl: string; url: string } | null {
  const data = (answer as { data?: { uploadUrl?: unknown; url?: unknown } } | null)?.data
  const uploadUrl = data?.uploadUrl
  const url = data?.url
  if (typeof uploadUrl !== 'string' || typeof url !== 'string') return null
  if (!addImageBodySchema.safeParse({ image_url: url }).success) return null
  return { uploadUrl, url }
}

function refuse(
  res: ServerResponse,
  refusal: { status: number; errorCode: string; message: string },
) {
  sendError(res, refusal.status, refusal.errorCode, refusal.message)
}

/** A call's answer to the browser, as the proxy would relay it. */
function send(res: ServerResponse, answer: PartnerAnswer): void {
  if (res.destroyed) return
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(answer.payload.length),
    'cache-control': 'no-store',
    ...API_SECURITY_HEADERS,
  })
  res.end(answer.payload)
}
