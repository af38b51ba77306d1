import { isApiError } from './api-error'

/** What the failed request was loading; the screen's wording names it. */
export type LoadSubject = 'pack' | 'pack-list'

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
  /** 402 and tier 403: the fix is a plan change on Genviral. */
  showPlans: boolean
  /** 403 `forbidden`: the fix is access someone else grants, so offer the details to send them. */
  askAdmin: boolean
}

/** The sentences that name what was being loaded; the rest is the same for both. */
const WORDING: Record<
  LoadSubject,
  {
    bug: string
    contract: string
    badRequest: { title: string; explanation: string }
    forbidden: string
    missing: { title: string; explanation: string }
    server: { title: string; explanation: string }
    refused: (status: number) => string
  }
> = {
  pack: {
    bug: 'Pack Explorer hit an unexpected problem while loading this pack. Try again; if it keeps happening, look up another pack.',
    contract:
      'Genviral answered, but not with a pack Pack Explorer can read. The detail below says which part was wrong. Trying again may help if the API was mid-deploy.',
    badRequest: {
      title: 'Missing pack ID',
      explanation: 'The API did not receive a pack ID. Look up the pack again with its full ID.',
    },
    forbidden:
      'Genviral refused access to this pack for the configured key. The key must belong to the workspace that owns the pack: copy the details below for whoever manages the key.',
    missing: {
      title: 'Pack not found',
      explanation:
        'No pack with this ID is visible to the configured key. It may have been deleted, the ID may be mistyped, or the pack belongs to another workspace and is not public.',
    },
    server: {
      title: 'Pack could not be loaded',
      explanation:
        'Genviral had a problem retrieving this pack. This is usually temporary: retry in a moment.',
    },
    refused: (status) =>
      `Genviral refused the request with HTTP ${status}. Look up another pack, or retry if you think this was temporary.`,
  },
  'pack-list': {
    bug: 'Pack Explorer hit an unexpected problem while loading the pack list. Try again; if it keeps happening, reload the page.',
    contract:
      'Genviral answered, but not with a pack list Pack Explorer can read. The detail below says which part was wrong. Trying again may help if the API was mid-deploy.',
    badRequest: {
      title: 'Pack list request refused',
      explanation:
        'The API could not read the request for the pack list. Reload the page to start again from the first page of all packs.',
    },
    forbidden:
      'Genviral refused to list packs for the configured key. The key must belong to the workspace whose packs you expect here: copy the details below for whoever manages the key.',
    missing: {
      title: 'Pack list not found',
      explanation:
        'The API has no pack list at the address Pack Explorer asked. The server running Pack Explorer may be pointed at the wrong API address.',
    },
    server: {
      title: 'Pack list could not be loaded',
      explanation:
        'Genviral had a problem retrieving the pack list. This is usually temporary: retry in a moment.',
    },
    refused: (status) =>
      `Genviral refused the request with HTTP ${status}. Retry if you think this was temporary.`,
  },
}

/** Maps any failure of loading a pack or the pack list to the screen that explains it. */
export function describeApiError(error: unknown, subject: LoadSubject): ErrorDescription {
  const wording = WORDING[subject]
  if (!isApiError(error)) {
    return {
      topic: 'bug',
      title: 'Something went wrong',
      explanation: wording.bug,
      canRetry: true,
      showPlans: false,
      askAdmin: false,
    }
  }

  if (error.kind === 'network' || error.kind === 'timeout') return unreachable(error.kind)
  if (error.kind === 'invalid-response') {
    return {
      topic: 'contract',
      title: 'Unexpected response from the API',
      explanation: wording.contract,
      canRetry: true,
      showPlans: false,
      askAdmin: false,
    }
  }

  const { status } = error
  switch (status) {
    case 400:
      return {
        topic: 'input',
        ...wording.badRequest,
        canRetry: false,
        showPlans: false,
        askAdmin: false,
      }
    case 401:
      return {
        topic: 'key',
        title: 'API key not accepted',
        explanation:
          'Genviral did not accept the Partner API key. The key is configured on the server that runs Pack Explorer (GENVIRAL_API_TOKEN), not in your browser: ask whoever runs it to check that the key is present, complete and not revoked.',
        canRetry: false,
        showPlans: false,
        askAdmin: false,
      }
    case 402:
      return {
        topic: 'plan',
        title: 'Subscription required',
        explanation:
          'The Partner API needs an active Creator, Professional or Business plan on the Genviral account that owns the key. Once the subscription is active, retry.',
        canRetry: true,
        showPlans: true,
        askAdmin: false,
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
            askAdmin: false,
          }
        : {
            topic: 'access',
            title: 'Access denied',
            explanation: wording.forbidden,
            canRetry: false,
            showPlans: false,
            askAdmin: true,
          }
    case 404:
      return {
        topic: 'missing',
        ...wording.missing,
        canRetry: false,
        showPlans: false,
        askAdmin: false,
      }
    case 429:
      return {
        topic: 'rate',
        title: 'Too many requests',
        explanation:
          'Genviral is rate-limiting the key after too many requests in a short time. Wait a moment, then retry.',
        canRetry: true,
        showPlans: false,
        askAdmin: false,
      }
  }

  if (status === 502 || status === 504 || (status >= 500 && !error.hasEnvelope)) {
    return unreachable(status === 504 ? 'timeout' : 'network')
  }
  if (status >= 500) {
    return { topic: 'server', ...wording.server, canRetry: true, showPlans: false, askAdmin: false }
  }
  return {
    topic: 'access',
    title: 'Request refused',
    explanation: wording.refused(status),
    canRetry: true,
    showPlans: false,
    askAdmin: false,
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
    askAdmin: false,
  }
}
