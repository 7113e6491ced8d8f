/**
 * The chart's renderer: chart state (chartState.ts) + layout (chartLayout.ts) → ECharts option.
 * It decides nothing a reader would notice that the state or the layout has not already decided;
 * no consumer changes the option after it is built. Pure: same state and layout, same option.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { ConsistencyCheck } from '../consistency'
import type { DisplayUnit, Locale, Observation, Status } from '../model'
import type { ViewSeries } from '../transform'
import { segmentsOf } from '../transform'
import { yearOf, yearStart } from '../period'
import { lttb } from '../sample'
import { escapeHtml, formatBaseline, formatDate, formatNumber, formatPeriod, punctuate } from '../format'
import { isImportedSource } from '../import/ids'
import type { SeriesPoint } from '../series'
import { withheldText } from '../suppression'
import { LABEL_CLEARANCE, type ChartLayout } from './chartLayout'
import type { ChartMilestone, ChartSeries, TrendView } from './chartState'

export {
  deriveTrendView,
  numberMilestones,
  numberedSelection,
  panelsOf,
  PALETTE,
  seriesLabel,
  UNIT_ORDER,
  type NumberedMilestone,
  type TrendSpec,
  type TrendView,
} from './chartState'

/** The UI words the chart needs, translated by the caller (core holds no message catalogue). */
export interface TrendText {
  readonly unitAxis: Record<DisplayUnit, string>
  /** A panel's title: what its bundled numbers count ("Reports, case files and offences (number)"); the unit name when absent. */
  readonly panelTitle?: Record<DisplayUnit, string>
  readonly status: Record<Status, string>
  /** The status of an imported figure with no status of its own ("as in the imported file"). */
  readonly importedStatus?: string
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

function milestoneTooltip(m: ChartMilestone, view: TrendView, text: TrendText): string {
  const { milestone } = m
  const source = view.sources.get(milestone.source)
  return [
    `<div class="vg-tip"><strong>${m.number}. ${escapeHtml(milestone.title[view.locale])}</strong>`,
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

function pointTooltip(series: ChartSeries, point: Pick<SeriesPoint, 'value' | 'suppressed' | 'withheld'>, o: Observation, view: TrendView, text: TrendText): string {
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
  const marks = view.milestones.map((m) => `${m.number}. ${milestoneDate(m, view.locale)} ${m.milestone.title[view.locale]}`)
  return punctuate([...parts, ...marks].join('; '), view.locale)
}

/** The chart's accessible description: ECharts' aria text, and the chart's name while its picture stands in. */
export function chartDescription(view: Pick<TrendView, 'series' | 'milestones' | 'locale'>, text: Pick<TrendText, 'chartDescription'>): string {
  return text.chartDescription(describeChart(view))
}

type Gap = [number, null]

const YEAR_MS = 365 * 86_400_000

/** Above this many points a series is drawn as a plain line: symbols would hide the trend and cost time. */
export const SYMBOL_LIMIT = 200

type Item = { value: [number, number]; symbol: string; symbolSize: number } | [number, number]

/** A point's data item in the series' own symbol: hollow for provisional and estimated values; a bare pair on long series. */
function dataItem(x: number, value: number, status: Status, series: ChartSeries, compact: boolean, size = 7): Item {
  if (compact) return [x, value]
  const tentative = status !== 'reported'
  const hollow = `empty${series.symbol[0]!.toUpperCase()}${series.symbol.slice(1)}`
  return { value: [x, value], symbol: tentative ? hollow : series.symbol, symbolSize: tentative ? size + 2 : size }
}

// A memo, not state: a series' points never change, and on a long series thinning them is most of
// the cost of a redraw that only changed the filters (the same series come back).
const sampled = new WeakMap<readonly SeriesPoint[], { budget: number; segments: ViewSeries['points'][] }>()

/** A series' segments (split at definition breaks), each thinned to the layout's point budget. */
function sampledSegments(points: ViewSeries['points'], budget: number): ViewSeries['points'][] {
  const known = sampled.get(points)
  if (known?.budget === budget) return known.segments
  const segments = segmentsOf(points).map((full) => (full.length > budget ? (lttb(full, budget, (p) => p.x, (p) => p.value) as typeof full) : full))
  sampled.set(points, { budget, segments })
  return segments
}

/**
 * Builds the ECharts option: one stacked panel per unit and magnitude sharing the time axis,
 * milestones as numbered vertical lines and intervals as shaded bands (numbers placed by the
 * layout so none overlaps), and, where the layout says so, tooltips and the period slider. A series
 * is not joined across a definition break, and the segment towards a provisional or estimated
 * value is dashed.
 */
export function buildTrendOption(view: TrendView, layout: ChartLayout, text: TrendText): EChartsOption {
  const panelCount = Math.max(view.panels.length, 1)
  const domain = view.domain
  const grid = layout.panels.map((p) => ({ left: p.left, right: p.right, top: p.top, height: p.height }))

  const lines: LineSeriesOption[] = []
  const direct = layout.directLabels
  // Direct labels in one column at the right of their panel's plot, whatever the date of a line's
  // last point, level with it, shifted apart vertically where two would overlap (ECharts draws no
  // leader line for an end label: the label's colour ties it to its line).
  const labelled = new Map<number, number>()
  const endLabelPlace = (params: { seriesIndex?: number }) => {
    const panel = layout.panels[labelled.get(params.seriesIndex ?? -1) ?? 0]
    return { x: panel ? layout.width - panel.right + (direct?.distance ?? 0) : undefined, moveOverlap: 'shiftY' as const }
  }
  // The series each drawn line stands for, to find the observation behind a hovered point.
  const drawn: { series: ChartSeries; points: ViewSeries['points'] }[] = []
  view.series.forEach((s, n) => {
    // A null value keeps two points apart: across a definition break, and where a provisional or
    // estimated value joins (the dashed overlay draws that stretch).
    const compact = s.points.length > SYMBOL_LIMIT
    const data: (Item | Gap)[] = []
    const points: (ViewSeries['points'][number] | null)[] = []
    const dashed: ([number, number] | Gap)[] = []
    for (const segment of sampledSegments(s.points, layout.pointBudget)) {
      if (data.length > 0) {
        data.push([segment[0]!.x, null])
        points.push(null)
      }
      segment.forEach((p, i) => {
        // A withheld small count is no point on the line: a gap, and a "below" marker (further down).
        if (p.suppressed !== undefined) {
          data.push([p.x, null])
          points.push(null)
          return
        }
        const prev = segment[i - 1]
        if (prev && prev.suppressed === undefined && (p.observation.status !== 'reported' || prev.observation.status !== 'reported')) {
          data.push([p.x, null])
          points.push(null)
          dashed.push([prev.x, prev.value], [p.x, p.value], [p.x, null])
        }
        data.push(dataItem(p.x, p.value, p.observation.status, s, compact, layout.symbolSize))
        points.push(p)
      })
    }
    drawn.push({ series: s, points: points as ViewSeries['points'] })
    if (direct) labelled.set(lines.length, s.panel)
    lines.push({
      type: 'line',
      // The key holds `|`, so it is never an Object.prototype member; the name is generated:
      // ECharts keeps series names as keys of plain objects, so a label such as `hasOwnProperty`
      // must never reach it (the legend and tooltips take the label from the state).
      id: s.key,
      name: `s${n}`,
      xAxisIndex: s.panel,
      yAxisIndex: s.panel,
      color: s.colour,
      symbol: s.symbol,
      connectNulls: false,
      showSymbol: !compact,
      emphasis: layout.interactive ? { focus: 'series' } : { disabled: true },
      data: data as LineSeriesOption['data'],
      // The line's name at its last drawn point (ECharts skips the gaps of withheld values and breaks).
      ...(direct
        ? {
            // Broken at a space onto a second line when the layout found one line too wide.
            // A given line height and a backing box: the label's box is its full height wherever it is
            // measured (zrender derives a text's height from a CJK glyph, tiny where no such font is).
            endLabel: {
              show: true,
              formatter: () => s.shortLabel,
              color: s.colour,
              fontSize: direct.fontSize,
              lineHeight: Math.round(direct.fontSize * 1.25),
              backgroundColor: 'rgba(255,255,255,0.85)',
              padding: [1, 2],
              distance: direct.distance,
              width: direct.width,
              overflow: 'break',
            },
            labelLayout: endLabelPlace,
          }
        : {}),
    })
    // Only a small count has a place to point at ("below 5"); a part or rate withheld with it is a gap.
    const withheld = s.points.filter((p) => p.suppressed !== undefined && p.withheld === undefined)
    if (withheld.length > 0) {
      // An open triangle pointing down at the threshold: "below 5", hoverable for its tooltip.
      lines.push({
        type: 'line',
        id: `${s.key}#withheld`,
        xAxisIndex: s.panel,
        yAxisIndex: s.panel,
        color: s.colour,
        lineStyle: { opacity: 0 },
        connectNulls: false,
        showSymbol: true,
        data: withheld.map((p) => ({ value: [p.x, p.suppressed!], symbol: 'emptyTriangle', symbolRotate: 180, symbolSize: 11 })),
      })
      drawn.push({ series: s, points: withheld })
    }
    if (dashed.length > 0) {
      lines.push({
        type: 'line',
        id: `${s.key}#tentative`,
        xAxisIndex: s.panel,
        yAxisIndex: s.panel,
        color: s.colour,
        silent: true,
        showSymbol: false,
        connectNulls: false,
        lineStyle: { type: 'dashed', width: 2 },
        tooltip: { show: false },
        data: dashed as LineSeriesOption['data'],
      })
      drawn.push({ series: s, points: [] })
    }
  })

  const labelOf = new Map(layout.milestoneLabels.map((l) => [l.number, l]))
  // Clear of the plot's top edge by more than a point symbol's radius: a figure never covers a number.
  const labelDistance = (number: number) => LABEL_CLEARANCE + (labelOf.get(number)?.row ?? 0) * layout.labelRowHeight
  const points = view.milestones.filter((m) => m.kind === 'point')
  const intervals = view.milestones.filter((m) => m.kind === 'interval')
  const clampStart = (t: number) => (domain ? Math.max(t, domain.min) : t)
  const clampEnd = (t: number) => (domain ? Math.min(t, domain.max) : t)
  const markers: LineSeriesOption[] = Array.from({ length: panelCount }, (_, panelIndex) => ({
    type: 'line',
    id: `milestones-${panelIndex}`,
    name: text.milestones,
    xAxisIndex: panelIndex,
    yAxisIndex: panelIndex,
    data: [],
    silent: !layout.interactive,
    markLine: {
      symbol: ['none', 'none'],
      animation: false,
      silent: !layout.interactive,
      lineStyle: { color: '#6b7280', type: 'dashed', width: 1 },
      emphasis: { lineStyle: { width: 2, color: '#111827' } },
      // Numbers above the top row only (in a grid, above each chart of the first row).
      label: { show: panelIndex < (layout.columns ?? 1), formatter: '{b}', position: 'end', color: '#111827', fontSize: layout.milestoneFontSize },
      data: points.map((m) => ({
        xAxis: m.milestone.date.mid,
        name: String(m.number),
        // Rows placed by the layout: close milestones' numbers stack instead of overprinting.
        label: { distance: [0, labelDistance(m.number)] },
      })),
    },
    markArea: {
      silent: !layout.interactive,
      itemStyle: { color: 'rgba(107,114,128,0.14)' },
      label: { show: panelIndex < (layout.columns ?? 1), position: 'top', color: '#111827', fontSize: layout.milestoneFontSize },
      data: intervals.map((m) => [
        { xAxis: clampStart(m.milestone.date.start), name: String(m.number), label: { distance: labelDistance(m.number) } },
        { xAxis: clampEnd(m.milestone.endDate!.end) },
      ]),
    },
  }))

  const byNumber = new Map(view.milestones.map((m) => [String(m.number), m]))
  const panelTitle = (unit: DisplayUnit) => text.panelTitle?.[unit] ?? text.unitAxis[unit]
  // Over more than two years the time axis names years only: a tick between two New Years ("Jul
  // 2017") would read as the month of a yearly figure, which is drawn mid-year.
  const multiYear = domain !== null && domain.max - domain.min > 2 * YEAR_MS
  const yearLabel = (value: number) => (yearStart(yearOf(value)) === value ? String(yearOf(value)) : '')
  const axisIndexes = view.panels.map((_, i) => i)
  const zoomStart = view.zoom?.from != null ? yearStart(view.zoom.from) : undefined
  const zoomEnd = view.zoom?.to != null ? yearStart(view.zoom.to + 1) : undefined
  const topNameGap = LABEL_CLEARANCE + Math.max(0, ...layout.milestoneLabels.map((l) => l.row + 1)) * layout.labelRowHeight + 4

  const tooltip: EChartsOption['tooltip'] = {
    trigger: 'item',
    confine: true,
    className: 'vg-tooltip',
    enterable: false,
    formatter: (params) => {
      const p = Array.isArray(params) ? params[0] : params
      if (!p) return ''
      if (p.componentType === 'markLine' || p.componentType === 'markArea') {
        const m = byNumber.get(String(p.name))
        return m ? milestoneTooltip(m, view, text) : ''
      }
      const entry = drawn[p.seriesIndex ?? -1]
      const point = entry?.points[p.dataIndex]
      return entry && point ? pointTooltip(entry.series, point, point.observation, view, text) : ''
    },
  }
  const slider: EChartsOption['dataZoom'] = [
    {
      type: 'slider',
      xAxisIndex: axisIndexes,
      filterMode: 'none',
      // Across the whole width, under every column of a grid.
      left: layout.panels[0]?.left ?? 72,
      right: layout.panels.length ? Math.min(...layout.panels.map((p) => p.right)) : 28,
      bottom: 8,
      height: 22,
      startValue: zoomStart,
      endValue: zoomEnd,
      labelFormatter: (v: number) => String(yearOf(v)),
    },
    { type: 'inside', xAxisIndex: axisIndexes, filterMode: 'none', startValue: zoomStart, endValue: zoomEnd, zoomOnMouseWheel: 'shift' },
  ]

  return {
    // Tooltip and slider only where the layout has them: a picture leaves them out of the option.
    ...(layout.interactive ? { tooltip } : {}),
    ...(layout.slider ? { dataZoom: slider } : {}),
    // The x values are UTC calendar positions (period.ts): ticks and labels must be read in UTC too.
    useUTC: true,
    animation: false,
    aria: {
      enabled: true,
      decal: { show: true },
      label: { description: chartDescription(view, text) },
    },
    grid,
    xAxis: Array.from({ length: panelCount }, (_, i) => ({
      type: 'time' as const,
      gridIndex: i,
      // Over several years, ticks fall on years: a half-year tick ("Jul") would read as the month of
      // a yearly figure, which is drawn mid-year.
      minInterval: domain && domain.max - domain.min > 3 * YEAR_MS ? YEAR_MS : undefined,
      min: domain ? domain.min : undefined,
      max: domain ? domain.max : undefined,
      // Years under the bottom chart of each column.
      axisLabel: { show: i + (layout.columns ?? 1) >= panelCount, hideOverlap: true, fontSize: layout.fontSize, color: '#374151', ...(multiYear ? { formatter: yearLabel } : {}) },
      splitLine: { show: false },
    })),
    yAxis: Array.from({ length: panelCount }, (_, i) => {
      const panel = view.panels[i]
      const unit = panel?.unit ?? 'count'
      return {
        type: view.scale === 'log' ? ('log' as const) : ('value' as const),
        gridIndex: i,
        splitNumber: layout.panels[i]?.ticks,
        // Small charts name their breakdown value before the unit.
        // What the panel counts, for the bundled series it describes; an imported or small-chart panel keeps its unit's name.
        name: panel
          ? panel.label !== undefined
            ? `${panel.label || '—'} · ${unitName(unit, view, text)}`
            : panel.series.every((s) => s.indicator.dataset === 'bundled') && unit !== 'index'
              ? panelTitle(unit)
              : unitName(unit, view, text)
          : '',
        nameLocation: 'end' as const,
        // The top panel's unit name goes above the milestone numbers' rows, so they never overlap.
        nameGap: i < (layout.columns ?? 1) ? topNameGap : 8,
        nameTextStyle: { align: 'left' as const, color: '#374151', fontSize: layout.fontSize },
        axisLabel: { fontSize: layout.fontSize, color: '#374151', formatter: (value: number) => formatValue(value, unit, view.locale) },
      }
    }),
    series: [...lines, ...markers],
  } satisfies EChartsOption
}
