import type { IncomingMessage } from 'node:http'
import {
  INTENT_HEADER,
  MAX_REVIEWER_LENGTH,
  REVIEWER_HEADER,
  WRITE_INTENTS,
  type WriteIntent,
} from '../../contract/review-api/reviewer.ts'
import { reviewerOf } from '../reviewer.ts'
import type { WriteRecord } from './write-record.ts'

/** Who may write through the proxy, and where each write is recorded. */
export interface WritePolicy {
  /** Whether this request may write at all (PACK_EXPLORER_WRITE_ACCESS; Vite: everyone). */
  allowed: (req: IncomingMessage) => boolean
  /** Behind an authenticating proxy: a write without its user is refused. */
  proxyAuth: boolean
  /** Stores a write's record; the browser's answer waits for it. */
  record: (record: WriteRecord) => Promise<void>
  /** Whether `record` can store now: a write that could not be logged is not made. */
  canRecord: () => boolean
  /** The URL of a pack's image (null: unknown), for the record of its removal. */
  imageUrl?: (packId: string, imageId: string, req: IncomingMessage) => Promise<string | null>
}

export interface WriteRefusal {
  status: number
  errorCode: string
  message: string
}

export interface Writer {
  actor: string
  intent: WriteIntent | null
}

/**
 * Whether a write may go on, and as whom: refused when this server does not allow this
 * request to write, when the activity log cannot record it, or when nobody says who it is
 * (the signed-in user, else the name in the reviewer header).
 */
export function admitWrite(
  req: IncomingMessage,
  policy: WritePolicy | undefined,
): { refusal: WriteRefusal } | { writer: Writer } {
  if (!policy?.allowed(req)) {
    return {
      refusal: {
        status: 403,
        errorCode: 'writes_disabled',
        message: 'Editing is turned off on this server.',
      },
    }
  }
  if (!policy.canRecord()) {
    return {
      refusal: {
        status: 503,
        errorCode: 'activity_unavailable',
        message: 'Changes are paused: the activity log cannot record them right now.',
      },
    }
  }
  const named = reviewerOf(req, headerName(req), policy)
  if (!named.ok) return { refusal: named }
  if ([...named.name].length > MAX_REVIEWER_LENGTH) {
    return {
      refusal: {
        status: 422,
        errorCode: 'reviewer_too_long',
        message: `A reviewer name has at most ${MAX_REVIEWER_LENGTH} characters.`,
      },
    }
  }
  return { writer: { actor: named.name, intent: intentOf(req) } }
}

/** The reviewer header, decoded; undefined when absent or not percent-encoded UTF-8. */
function headerName(req: IncomingMessage): string | undefined {
  const value = req.headers[REVIEWER_HEADER.toLowerCase()]
  if (typeof value !== 'string') return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

function intentOf(req: IncomingMessage): WriteIntent | null {
  const value = req.headers[INTENT_HEADER.toLowerCase()]
  return (WRITE_INTENTS as readonly unknown[]).includes(value) ? (value as WriteIntent) : null
}
