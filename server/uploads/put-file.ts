import type { IncomingMessage } from 'node:http'
import { readCapped } from '../proxy/read-body.ts'
import { callUpstream, UpstreamTimeoutError } from '../proxy/upstream-client.ts'
import { pinnedLookup, type UploadTarget } from './upload-target.ts'

/** What an upload target says beside its status is never used: read this much, then dropped. */
const MAX_TARGET_ANSWER_BYTES = 64 * 1024

/**
 * PUTs the file's bytes to a checked upload target, as Upload File's notes say: the same
 * Content-Type, and no key or header of the browser's (the URL is its own credential). A
 * redirect is not followed and any status from 300 up is a failure, with the reason in
 * words (never the URL: its query is the credential).
 */
export async function putFile(
  target: UploadTarget,
  file: { bytes: Buffer; contentType: string },
  timeoutMs: number,
): Promise<{ ok: true; status: number } | { ok: false; why: string }> {
  let response: IncomingMessage
  try {
    ;({ response } = await callUpstream(
      {
        target: target.url,
        method: 'PUT',
        headers: {
          'content-type': file.contentType,
          'content-length': String(file.bytes.length),
          'user-agent': 'pack-explorer-proxy',
        },
        body: file.bytes,
        timeoutMs,
        // Halfway, nobody would know whether the file arrived.
        signal: new AbortController().signal,
        lookup: target.address ? pinnedLookup(target.address) : undefined,
      },
      (response) => readCapped(response, MAX_TARGET_ANSWER_BYTES).catch(() => null),
    ))
  } catch (error) {
    if (error instanceof UpstreamTimeoutError) {
      return { ok: false, why: `the upload did not finish within ${timeoutMs / 1000} seconds` }
    }
    return { ok: false, why: 'the upload URL could not be reached' }
  }
  const status = response.statusCode ?? 0
  if (status >= 200 && status < 300) return { ok: true, status }
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      why: `the upload URL answered ${status}, a redirect, which is not followed`,
    }
  }
  return { ok: false, why: `the upload URL answered ${status}` }
}
