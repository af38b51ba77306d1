import { describe, expect, it } from 'vitest'
import { createImage, createMetadata, failedMetadata } from '@contract/partner-api/wire'
import type { ReviewDecision } from '@contract/review-api/decision'
import { loadedPack } from '@/testing/review-fixtures'
import { NO_DATE, reportOf } from './report-data'
import type { ReviewCounts } from './review-counts'

function decision(reviewer: string, value: ReviewDecision['decision']): ReviewDecision {
  return {
    image_id: 'x',
    decision: value,
    reasons: [],
    note: null,
    reviewer,
    decided_at: '2026-03-01T10:00:00.000Z',
    fingerprint: 'v1.x',
    revision: 1,
  }
}

const counts: ReviewCounts = {
  reviews: { approved: 2, rejected: 1, unreviewed: 1, outdated: 0 },
  reasons: {
    'wrong-description': 1,
    'missing-detail': 0,
    'bad-keywords': 0,
    unsafe: 0,
    'image-problem': 0,
    other: 0,
  },
}

describe('reportOf', () => {
  const pack = loadedPack([
    createImage({
      metadata: createMetadata({
        generated_at: '2026-02-18T23:30:00.000Z',
        keywords: ['sun', 'sea'],
      }),
    }),
    createImage({
      metadata: createMetadata({ generated_at: '2026-02-17T08:00:00.000Z', keywords: ['sun'] }),
    }),
    createImage({ metadata: failedMetadata('Download failed') }),
    createImage({
      metadata: createMetadata({ generated_at: '2026-02-18T01:00:00.000Z', keywords: [] }),
    }),
  ])
  const decisions = [
    decision('Dana Reyes', 'approved'),
    decision('Sam Okafor', 'rejected'),
    decision('Dana Reyes', 'approved'),
    null,
  ]
  const report = reportOf(pack.reviewed, pack.facets, counts, (item) => ({
    decision: decisions[item.position - 1] ?? null,
  }))

  it('counts statuses, reviews, reasons, errors and keywords as the pack page does', () => {
    expect(report.total).toBe(4)
    expect(report.statuses).toEqual([
      { label: 'Completed', value: 3 },
      { label: 'Pending', value: 0 },
      { label: 'Processing', value: 0 },
      { label: 'Error', value: 1 },
      { label: 'Unknown', value: 0 },
    ])
    expect(report.reviews.map((row) => row.value)).toEqual([2, 1, 1, 0])
    expect(report.reasons[0]).toEqual({ label: 'Wrong description', value: 1 })
    expect(report.errors).toEqual([{ label: 'Download failed', value: 1 }])
    expect(report.keywords).toEqual([
      { label: 'sun', value: 2 },
      { label: 'sea', value: 1 },
    ])
  })

  it('counts decisions by reviewer, most first, and images by UTC day, undated last', () => {
    expect(report.reviewers).toEqual([
      { reviewer: 'Dana Reyes', approved: 2, rejected: 0 },
      { reviewer: 'Sam Okafor', approved: 0, rejected: 1 },
    ])
    expect(report.days).toEqual([
      { label: '2026-02-17', value: 1 },
      { label: '2026-02-18', value: 2 },
      { label: NO_DATE, value: 1 },
    ])
  })

  it('keeps the 20 most used keywords', () => {
    const many = loadedPack(
      Array.from({ length: 25 }, (_, index) =>
        createImage({
          metadata: createMetadata({
            keywords: Array.from({ length: index + 1 }, (_, word) => `word-${word}`),
          }),
        }),
      ),
    )
    const top = reportOf(many.reviewed, many.facets, counts, () => ({ decision: null })).keywords
    expect(top).toHaveLength(20)
    expect(top[0]).toEqual({ label: 'word-0', value: 25 })
    expect(top[19]).toEqual({ label: 'word-19', value: 6 })
  })
})
