/** Why an image was rejected: the URL values, in the order the reject dialog lists them. */
export const REJECT_REASONS = [
  'wrong-description',
  'missing-detail',
  'bad-keywords',
  'unsafe',
  'image-problem',
  'other',
] as const

export type RejectReason = (typeof REJECT_REASONS)[number]

/** Checkbox, filter and report text: part of the product's test contract, keep exact. */
export const REASON_LABELS: Record<RejectReason, string> = {
  'wrong-description': 'Wrong description',
  'missing-detail': 'Missing detail',
  'bad-keywords': 'Wrong or missing keywords',
  unsafe: 'Unsafe or off-brand',
  'image-problem': 'Image problem',
  other: 'Other',
}

export function isRejectReason(value: string): value is RejectReason {
  return (REJECT_REASONS as readonly string[]).includes(value)
}
