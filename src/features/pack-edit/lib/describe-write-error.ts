import type { ApiError } from '@/lib/api-error'

/**
 * A failed write in words a marketer can act on. The API answers 404 for a pack outside the
 * key's workspace (another team's public pack), which can be read but never changed.
 */
export function describeWriteError(error: ApiError): string {
  switch (error.errorCode) {
    case 'writes_disabled':
      return 'Editing is turned off on this server.'
    case 'not_found':
    case 'pack_not_found':
      return 'This pack cannot be changed with this server’s key: it belongs to another workspace, or it was deleted.'
    case 'image_not_found':
      return 'That image is no longer in the pack.'
    case 'rate_limited':
      return 'Too many changes at once. Wait a moment, then try again.'
    case 'uploads_busy':
      return 'The server is busy with other uploads. Wait a moment, then try again.'
    case 'payload_too_large':
      return 'The file is larger than 25 MB, the most an upload may be.'
    case 'activity_unavailable':
      return 'Changes are paused: the activity log cannot record them right now. Try again shortly.'
  }
  if (error.kind === 'network')
    return 'The change did not reach the server. Check your connection, then try again.'
  if (error.kind === 'timeout')
    return 'No answer in time: the change may or may not have been made. Reload the pack to see.'
  if (error.status === 413) return 'The file is too large for this server to take.'
  if (error.status >= 500)
    return `The Genviral API could not make the change (${error.message.replace(/\.$/, '')}). Try again.`
  return error.message
}
