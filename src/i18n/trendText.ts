import type { TrendText } from '../core/chart/chartText'
import type { CompareText } from '../core/compareText'
import type { LabelText } from '../core/export/labels'
import { MILESTONE_CATEGORIES, OFFENCES, STATUSES, UNITS, type DisplayUnit, type Locale } from '../core/model'

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/** The words the pure chart builder needs, from any translate function (the UI's, or an export's language). */
export function buildTrendText(t: Translate): TrendText {
  return {
    unitAxis: Object.fromEntries([...UNITS, 'index' as DisplayUnit].map((u) => [u, t(`unit.${u}`)])) as TrendText['unitAxis'],
    panelTitle: Object.fromEntries([...UNITS, 'index' as DisplayUnit].map((u) => [u, t(`chart.panelTitle.${u}`)])) as TrendText['unitAxis'],
    status: Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as TrendText['status'],
    importedStatus: t('status.imported'),
    ownMark: t('own.yours'),
    suppressedNote: (below: number, reason?: 'secondary' | 'linked') => (reason ? t('chart.withheldWhy') : t('chart.suppressed', { below })),
    category: Object.fromEntries(MILESTONE_CATEGORIES.map((c) => [c, t(`category.${c}`)])),
    source: t('chart.source'),
    baseline: t('chart.baseline'),
    milestones: t('chart.milestones'),
    chartDescription: (summary: string) => t('chart.description', { summary }),
    consistency: (published: string, computed: string, counts: string, mismatch: boolean) =>
      t(mismatch ? 'consistency.mismatch' : 'consistency.match', { published, computed, counts }),
    claimVsTotal: (published: string, computed: string, counts: string) =>
      t('consistency.claimVsTotal', { published, computed, counts }),
    partOf: (whole: string) => t('chart.partOf', { whole }),
    caveat: t('chart.caveat'),
    indexAxis: { base: t('unit.indexBase', { base: '{base}' }), first: t('unit.indexFirst') },
  }
}

/** The words of a chart's title, subtitle and source line (main catalogue: the dashboard shows the subtitle at once). */
export function buildLabelText(t: Translate, locale: Locale): LabelText {
  return {
    title: t('chart.title'),
    offence: Object.fromEntries(OFFENCES.map((o) => [o, t(`offence.${o}`)])) as LabelText['offence'],
    base: (year) => t('subtitle.base', { year }),
    logScale: t('subtitle.logScale'),
    what: Object.fromEntries([...UNITS, 'index' as DisplayUnit].map((u) => [u, t(`subtitle.what.${u}`)])) as LabelText['what'],
    from: t('subtitle.from'),
    sources: t('subtitle.sources'),
    more: (n) => t('subtitle.more', { n }),
    checkedUpTo: (date) => t('app.dataChecked', { date }),
    ownMark: t('own.yours'),
    locale,
  }
}

/** The words of "Compare before and after" (main catalogue: the dashboard's table, the cursor, every export). */
export function buildCompareText(t: Translate): CompareText {
  return {
    heading: (number, date, title) => t('compare.heading', { number, date, title }),
    before: t('compare.before'),
    after: t('compare.after'),
    side: (words) => t('compare.side', words),
    tooFew: (figures) => t('compare.tooFew', { figures }),
    window: (years) => (years === null ? t('compare.windowAll') : t('compare.windowYears', { n: years }, years)),
    interval: t('compare.interval'),
    notCounts: (n) => t('compare.notCounts', { n }, n),
    noCounts: t('compare.noCounts'),
    method: t('compare.method'),
    disclaimer: t('compare.disclaimer'),
  }
}
