/**
 * The chart's words: the UI words it is given (TrendText, translated by the caller), values with
 * their units, the tooltips' HTML (every piece of data escaped) and the screen-reader description.
 * Shared by the renderer (trendOption.ts), the keyboard readout, the table and the exports. Pure.
 */
import type { ConsistencyCheck } from '../consistency'
import type { DisplayUnit, Locale, Observation, Status } from '../model'
import type { ViewSeries } from '../transform'
import { escapeHtml, formatBaseline, formatDate, formatNumber, formatPeriod, punctuate } from '../format'
import { isImportedSource } from '../import/ids'
import type { SeriesPoint } from '../series'
import { withheldText } from '../suppression'
import { milestoneTag, type ChartMilestone, type ChartSeries, type TrendView } from './chartState'

/** The UI words the chart needs, translated by the caller (core holds no message catalogue). */
export interface TrendText {
  readonly unitAxis: Record<DisplayUnit, string>
  /** A panel's title: what its bundled numbers count ("Reports, case files and offences (number)"); the unit name when absent. */
  readonly panelTitle?: Record<DisplayUnit, string>
  readonly status: Record<Status, string>
  /** The status of an imported figure with no status of its own ("as in the imported file"). */
  readonly importedStatus?: string
  /** The mark of the reader's own milestones: "yours". */
  readonly ownMark?: string
  /** Why a figure is withheld: a small count below its threshold, or (`reason`) so that one cannot be worked out. */
  readonly suppressedNote?: (below: number, reason?: 'secondary' | 'linked') => string
  readonly category: Record<string, string>
  readonly source: string
  readonly baseline: string
  readonly milestones: string
  readonly chartDescription: (summary: string) => string
  /** "published +136 %, computed +132 % (746 → 1,728)" and its mismatch flag. */
  readonly consistency: (published: string, computed: string, counts: string, mismatch: boolean) => string
  /**
   * A part-year claim set against a whole year's counts ("tripled during the lockdown" vs the 2020 total):
   * the two cannot confirm or refute each other, so the text says the comparison is uncertain.
   */
  readonly claimVsTotal?: (published: string, computed: string, counts: string) => string
  /** "Part of “…”: do not add the two", for a series that is a subset of another (absent in the picture). */
  readonly partOf?: (whole: string) => string
  /** The label before an indicator's caveat ("What this number is not"). */
  readonly caveat?: string
  /** The index axis' name with its base: `base` holds "{base}" ("Index, {base} = 100"), `first` when each line has its own. */
  readonly indexAxis?: { readonly base: string; readonly first: string }
}

/** The base of an index view: the year every line shares, else the base period they all share, else null (each its own). */
export function indexBaseOf(view: Pick<TrendView, 'indexBase' | 'series'>): string | null {
  if (view.indexBase != null) return String(view.indexBase)
  const bases = new Set(view.series.filter((s) => s.unit === 'index').map((s) => s.viewBaseline))
  return bases.size === 1 ? [...bases][0]! : null
}

/** A unit's axis name; for the index, with the base it is computed on ("Index, 2015 = 100"). */
export function unitName(unit: DisplayUnit, view: Pick<TrendView, 'indexBase' | 'series'>, text: Pick<TrendText, 'unitAxis' | 'indexAxis'>): string {
  if (unit !== 'index' || !text.indexAxis) return text.unitAxis[unit]
  const base = indexBaseOf(view)
  return base === null ? text.indexAxis.first : text.indexAxis.base.replace('{base}', base)
}

/** A value with its unit, e.g. "1,232", "×3", "+118 %". */
export function formatValue(value: number, unit: DisplayUnit, locale: Locale): string {
  const n = formatNumber(Math.abs(value), locale)
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, locale)} %`
    case 'percent_change':
    case 'target_percent_yearly':
      return `${value < 0 ? '−' : '+'}${n} %`
    case 'multiple':
      return `×${formatNumber(value, locale)}`
    case 'index':
      return formatNumber(value, locale, 1)
    default:
      return formatNumber(value, locale)
  }
}

/** A point's value as shown: its number with the unit, or its withheld form ("< 5", or "withheld" for a part or rate withheld with it). */
export function formatPoint(point: Pick<SeriesPoint, 'value' | 'suppressed' | 'withheld'>, unit: DisplayUnit, locale: Locale): string {
  return point.suppressed !== undefined ? withheldText({ suppressed: point.suppressed, withheld: point.withheld }, locale) : formatValue(point.value, unit, locale)
}

/** "compared with: 2019", "par rapport à : non précisé", for a relative figure's label, in the reader's language. */
export function baselineText(baseline: string, text: Pick<TrendText, 'baseline'>, locale: Locale = 'en'): string {
  return baseline ? punctuate(`${text.baseline}: ${formatBaseline(baseline, locale)}`, locale) : ''
}

/** The published-vs-computed line of a consistency check, localised. */
export function consistencyText(
  check: ConsistencyCheck,
  locale: Locale,
  text: Pick<TrendText, 'consistency' | 'claimVsTotal'>,
): string {
  const unit = check.indicator.unit
  const counts = punctuate(`${check.base.period}: ${formatNumber(check.base.value, locale)} → ${check.compared.period}: ${formatNumber(check.compared.value, locale)}`, locale)
  if (check.kind === 'claim_vs_total' && text.claimVsTotal) {
    return text.claimVsTotal(
      formatValue(check.published, unit, locale),
      formatValue(Math.round(check.computed * 100) / 100, unit, locale),
      counts,
    )
  }
  return text.consistency(
    formatValue(check.published, unit, locale),
    formatValue(Math.round(check.computed * 100) / 100, unit, locale),
    counts,
    check.mismatch,
  )
}

/** A milestone's date as the data gives it, with its end for an interval. */
export function milestoneDate(m: ChartMilestone | { milestone: ChartMilestone['milestone'] }, locale: Locale): string {
  const { milestone } = m
  const date = formatDate(milestone.date.start, milestone.precision, locale)
  return milestone.endDate ? `${date} – ${formatDate(milestone.endDate.start, milestone.precision, locale)}` : date
}

export function milestoneTooltip(m: ChartMilestone, view: TrendView, text: TrendText): string {
  const { milestone } = m
  const source = view.sources.get(milestone.source)
  return [
    `<div class="vg-tip"><strong>${escapeHtml(milestoneTag(m))}. ${escapeHtml(milestone.title[view.locale])}</strong>${m.tag && text.ownMark ? ` (${escapeHtml(text.ownMark)})` : ''}`,
    milestone.note && m.tag ? `<div class="vg-tip-note">${escapeHtml(milestone.note)}</div>` : '',
    `<div>${escapeHtml(milestoneDate(m, view.locale))} · ${escapeHtml(text.category[milestone.category] ?? milestone.category)} · ${escapeHtml(milestone.jurisdiction)}</div>`,
    milestone.quote ? `<blockquote>“${escapeHtml(milestone.quote)}”</blockquote>` : '',
    source ? `<div class="vg-tip-source">${escapeHtml(text.source)}: ${escapeHtml(source.title)}</div>` : '',
    '</div>',
  ].join('')
}

/** What the series' number is not, and what it is a part of: shown before its source, escaped. */
function indicatorNotes(series: ViewSeries, locale: Locale, text: TrendText): string {
  const { caveat, partOf } = series.indicator
  return [
    caveat[locale] && text.caveat ? `<div class="vg-tip-caveat">${escapeHtml(text.caveat)}: ${escapeHtml(caveat[locale])}</div>` : '',
    partOf && text.partOf ? `<div class="vg-tip-part">${escapeHtml(text.partOf(partOf.label[locale]))}</div>` : '',
  ].join('')
}

export function pointTooltip(series: ChartSeries, point: Pick<SeriesPoint, 'value' | 'suppressed' | 'withheld'>, o: Observation, view: TrendView, text: TrendText): string {
  const source = view.sources.get(o.source)
  const baseline = series.viewBaseline || o.baseline
  const check = view.checks?.get(o)
  const status = o.status === 'reported' && isImportedSource(o.source) && text.importedStatus ? text.importedStatus : text.status[o.status]
  return [
    `<div class="vg-tip"><strong>${escapeHtml(series.label)}</strong>`,
    `<div>${escapeHtml(formatPeriod(o.period, view.locale))}: <b>${escapeHtml(formatPoint(point, series.unit, view.locale))}</b>${
      baseline ? ` (${escapeHtml(baselineText(baseline, text, view.locale))})` : ''
    }</div>`,
    `<div>${escapeHtml(text.unitAxis[series.unit])} · ${escapeHtml(status)}</div>`,
    point.suppressed !== undefined && text.suppressedNote ? `<div>${escapeHtml(text.suppressedNote(point.suppressed, point.withheld))}</div>` : '',
    check ? `<div class="${check.mismatch ? 'vg-tip-flag' : 'vg-tip-ok'}">${escapeHtml(consistencyText(check, view.locale, text))}</div>` : '',
    indicatorNotes(series, view.locale, text),
    source ? `<div class="vg-tip-source">${escapeHtml(text.source)}: ${escapeHtml(source.title)}</div>` : '',
    o.quote ? `<blockquote>“${escapeHtml(o.quote)}”</blockquote>` : '',
    o.note ? `<div class="vg-tip-note">${escapeHtml(o.note)}</div>` : '',
    '</div>',
  ].join('')
}

/** A plain-language summary of the chart for screen readers: every line, then every milestone drawn. */
export function describeChart(view: Pick<TrendView, 'series' | 'milestones' | 'locale'>): string {
  const parts = view.series.map((s) => {
    const first = s.points[0]
    const last = s.points[s.points.length - 1]
    if (!first || !last) return s.label
    const one = `${formatPeriod(first.observation.period, view.locale)} ${formatPoint(first, s.unit, view.locale)}`
    const two = s.points.length > 1 ? `, ${formatPeriod(last.observation.period, view.locale)} ${formatPoint(last, s.unit, view.locale)}` : ''
    return `${s.label}: ${one}${two} (${s.points.length})`
  })
  const marks = view.milestones.map((m) => `${milestoneTag(m)}. ${milestoneDate(m, view.locale)} ${m.milestone.title[view.locale]}`)
  return punctuate([...parts, ...marks].join('; '), view.locale)
}

/** The chart's accessible description: ECharts' aria text, and the chart's name while its picture stands in. */
export function chartDescription(view: Pick<TrendView, 'series' | 'milestones' | 'locale'>, text: Pick<TrendText, 'chartDescription'>): string {
  return text.chartDescription(describeChart(view))
}
