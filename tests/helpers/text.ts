import type { TrendText } from '../../src/core/chart/trendOption'

/** English chart words, as the UI would pass them. */
export const TEXT: TrendText = {
  unitAxis: {
    count: 'Number',
    index: 'Index',
    percent: 'Percent',
    percent_change: 'Change (%)',
    multiple: 'Multiple (×)',
    rate_per_100k: 'Per 100,000',
    target_percent_yearly: 'Target',
  },
  status: { reported: 'reported', provisional: 'provisional', estimate: 'estimate' },
  category: { law: 'Law' },
  source: 'Source',
  baseline: 'compared with',
  milestones: 'Milestones',
  chartDescription: (s) => `Chart. ${s}`,
  consistency: (published, computed, counts, mismatch) =>
    `published ${published}, computed ${computed} (${counts})${mismatch ? ' MISMATCH' : ''}`,
  claimVsTotal: (published, computed, counts) => `published ${published} for part of the year; the whole year gives ${computed} (${counts}): uncertain`,
  partOf: (whole) => `Part of “${whole}”: do not add the two`,
  caveat: 'What this number is not',
}
