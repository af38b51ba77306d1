import { errorEnvelope } from './envelope.ts'

/** The documented failures of Get Pack, one per HTTP status (PARTNER-API.md). */
export const DOCUMENTED_ERRORS = {
  400: errorEnvelope(400, 'Pack ID is required', 'missing_pack_id'),
  401: errorEnvelope(401, 'API key not found', 'invalid_token'),
  402: errorEnvelope(
    402,
    'An active Creator, Professional or Business subscription is required',
    'subscription_required',
  ),
  403: errorEnvelope(403, 'Scheduler tier cannot use the Partner API', 'tier_not_allowed'),
  404: errorEnvelope(404, 'Pack not found', 'not_found'),
  429: errorEnvelope(429, 'Too many requests', 'rate_limited'),
  500: errorEnvelope(500, 'Failed to retrieve pack', 'pack_get_failed'),
} as const
