import { isApiError } from '@/lib/api-error'

export type ErrorTopic =
  | 'input'
  | 'key'
  | 'plan'
  | 'access'
  | 'missing'
  | 'rate'
  | 'server'
  | 'offline'
  | 'contract'
  | 'bug'

export interface ErrorDescription {
  /** What kind of trouble, for the screen's icon. */
  topic: ErrorTopic
  /** The screen's heading: part of the product's test contract, keep exact. */
  title: string
  explanation: string
  /** Whether trying again could plausibly give another answer. */
  canRetry: boolean
  /** 402/403: the fix is a plan change on Genviral. */
  showPlans: boolean
}

/** Maps any failure of loading a pack to the screen that explains it. */
export function describePackError(error: unknown): ErrorDescription {
  if (!isApiError(error)) {
    return {
      topic: 'bug',
      title: 'Something went wrong',
      explanation:
        'Pack Explorer hit an unexpected problem while loading this pack. Try again; if it keeps happening, look up another pack.',
      canRetry: true,
      showPlans: false,
    }
  }

  if (error.kind === 'network' || error.kind === 'timeout') return unreachable(error.kind)
  if (error.kind === 'invalid-response') {
    return {
      topic: 'contract',
      title: 'Unexpected response from the API',
      explanation:
        'Genviral answered, but not with a pack Pack Explorer can read. The detail below says which part was wrong. Trying again may help if the API was mid-deploy.',
      canRetry: true,
      showPlans: false,
    }
  }

  const { status } = error
  switch (status) {
    case 400:
      return {
        topic: 'input',
        title: 'Missing pack ID',
        explanation: 'The API did not receive a pack ID. Look up the pack again with its full ID.',
        canRetry: false,
        showPlans: false,
      }
    case 401:
      return {
        topic: 'key',
        title: 'API key not accepted',
        explanation:
          'Genviral did not accept the Partner API key. The key is configured on the server that runs Pack Explorer (GENVIRAL_API_TOKEN), not in your browser: ask whoever runs it to check that the key is present, complete and not revoked.',
        canRetry: false,
        showPlans: false,
      }
    case 402:
      return {
        topic: 'plan',
        title: 'Subscription required',
        explanation:
          'The Partner API needs an active Creator, Professional or Business plan on the Genviral account that owns the key. Once the subscription is active, retry.',
        canRetry: true,
        showPlans: true,
      }
    case 403:
      return error.errorCode === 'tier_not_allowed'
        ? {
            topic: 'plan',
            title: 'Partner API not included in your plan',
            explanation:
              'The account behind the key is on the Scheduler tier, which cannot use the Partner API. Upgrade to Creator, Professional or Business to open packs here.',
            canRetry: false,
            showPlans: true,
          }
        : {
            topic: 'access',
            title: 'Access denied',
            explanation:
              'Genviral refused access to this pack for the configured key. Check that the key belongs to the workspace that owns the pack.',
            canRetry: false,
            showPlans: true,
          }
    case 404:
      return {
        topic: 'missing',
        title: 'Pack not found',
        explanation:
          'No pack with this ID is visible to the configured key. It may have been deleted, the ID may be mistyped, or the pack belongs to another workspace and is not public.',
        canRetry: false,
        showPlans: false,
      }
    case 429:
      return {
        topic: 'rate',
        title: 'Too many requests',
        explanation:
          'Genviral is rate-limiting the key after too many requests in a short time. Wait a moment, then retry.',
        canRetry: true,
        showPlans: false,
      }
  }

  if (status === 502 || status === 504 || (status >= 500 && !error.hasEnvelope)) {
    return unreachable(status === 504 ? 'timeout' : 'network')
  }
  if (status >= 500) {
    return {
      topic: 'server',
      title: 'Pack could not be loaded',
      explanation:
        'Genviral had a problem retrieving this pack. This is usually temporary: retry in a moment.',
      canRetry: true,
      showPlans: false,
    }
  }
  return {
    topic: 'access',
    title: 'Request refused',
    explanation: `Genviral refused the request with HTTP ${status}. Look up another pack, or retry if you think this was temporary.`,
    canRetry: true,
    showPlans: false,
  }
}

function unreachable(kind: 'network' | 'timeout'): ErrorDescription {
  return {
    topic: 'offline',
    title: 'Genviral API unreachable',
    explanation:
      kind === 'timeout'
        ? 'Genviral did not answer in time. It may be slow or down, or the network between this server and Genviral is failing. Retry in a moment.'
        : 'Pack Explorer could not reach the Genviral API. Check your connection; if it is fine, Genviral or the server running Pack Explorer may be down. Retry in a moment.',
    canRetry: true,
    showPlans: false,
  }
}
