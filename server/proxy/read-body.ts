import type { IncomingMessage } from 'node:http'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip } from 'node:zlib'

const unbrotliAsync = promisify(brotliDecompress)
const gunzipAsync = promisify(gunzip)

export class BodyTooLargeError extends Error {}
export class BadEncodingError extends Error {}

/** A message's body, at most `maxBytes` of it (announced or counted as it comes). */
export async function readCapped(message: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(message.headers['content-length'])
  if (declared > maxBytes) {
    message.destroy()
    throw new BodyTooLargeError()
  }
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of message as AsyncIterable<Buffer>) {
    total += chunk.byteLength
    if (total > maxBytes) throw new BodyTooLargeError()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The message's content coding, normalized; '' when it has none. */
export function contentCoding(message: IncomingMessage): string {
  return message.headers['content-encoding']?.trim().toLowerCase() ?? ''
}

/**
 * The body without its content coding, at most `maxBytes` of it; null when it had none.
 * Only br and gzip are asked for; anything else (deflate, stacked codings) is refused.
 */
export async function decode(
  body: Buffer,
  coding: string,
  maxBytes: number,
): Promise<Buffer | null> {
  if (coding === '' || coding === 'identity') return null
  const unpack = coding === 'br' ? unbrotliAsync : coding === 'gzip' ? gunzipAsync : null
  if (!unpack) throw new BadEncodingError(coding)
  try {
    return await unpack(body, { maxOutputLength: maxBytes })
  } catch (error) {
    throw error instanceof RangeError ? new BodyTooLargeError() : new BadEncodingError(coding)
  }
}
