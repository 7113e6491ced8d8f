import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { ConsistencyCheck } from '../consistency'
import type { DisplayUnit, Locale, Milestone, Observation, Source, Status } from '../model'
import type { ViewSeries } from '../transform'
import { segmentsOf } from '../transform'
import { lttb } from '../sample'
import type { Scale } from '../view'
import { escapeHtml, formatDate, formatNumber, formatPeriod } from '../format'

/**
 * Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. Yellow comes last
 * because it is faint on white.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#F0E442']

/** Fixed order of the panels, top to bottom: counts first, then each relative unit on its own axis. */
export const UNIT_ORDER: readonly DisplayUnit[] = [
  'count',
  'index',
  'rate_per_100k',
  'percent',
  'percent_change',
  'multiple',
  'target_percent_yearly',
]

/** A milestone with the number it carries on the chart and in the list below it. */
export interface NumberedMilestone {
  readonly number: number
  readonly milestone: Milestone
}

/** Everything the chart shows, already filtered and transformed: what the builder turns into an option. */
export interface TrendSpec {
  readonly locale: Locale
  readonly series: readonly ViewSeries[]
  readonly milestones: readonly NumberedMilestone[]
  readonly sources: ReadonlyMap<string, Source>
  readonly scale?: Scale
  /** Consistency checks of published relative figures, keyed by the observation they concern. */
  readonly checks?: ReadonlyMap<Observation, ConsistencyCheck>
  /** Period slider position, as years (inclusive), or null for the whole range. */
  readonly zoom?: { readonly from: number | null; readonly to: number | null }
  /** Height of the chart in pixels, to stack the panels (default 480). */
  readonly height?: number
  /** Width of the chart in pixels: long series are thinned to about one point per pixel (default 1200). */
  readonly width?: number
}

/** The UI words the chart needs, translated by the caller (core holds no message catalogue). */
export interface TrendText {
  readonly unitAxis: Record<DisplayUnit, string>
  readonly status: Record<Status, string>
  readonly category: Record<string, string>
  readonly source: string
  readonly baseline: string
  readonly milestones: string
  readonly chartDescription: (summary: string) => string
  /** "published +136 %, computed +132 % (746 → 1,728)" and its mismatch flag. */
  readonly consistency: (published: string, computed: string, counts: string, mismatch: boolean) => string
}

/** Numbers the milestones in date order, 1..n. */
export function numberMilestones(milestones: readonly Milestone[]): NumberedMilestone[] {
  return [...milestones]
    // Same-day ties by English title in code-unit order: stable numbers without loading Intl's collator.
    .sort((a, b) => a.date.start - b.date.start || (a.title.en < b.title.en ? -1 : a.title.en > b.title.en ? 1 : 0))
    .map((milestone, i) => ({ number: i + 1, milestone }))
}

/** Groups series into panels by unit, in UNIT_ORDER. */
export function panelsOf<S extends { unit: DisplayUnit }>(series: readonly S[]): { unit: DisplayUnit; series: S[] }[] {
  return UNIT_ORDER.map((unit) => ({ unit, series: series.filter((s) => s.unit === unit) })).filter(
    (panel) => panel.series.length > 0,
  )
}

/**
 * The drawn lines' labels and colours, in the option's order (the exported legend). The option
 * itself gives ECharts generated names (`s0`, `s1`…): ECharts keeps series names as keys of plain
 * objects, so a user's label such as `hasOwnProperty` must never reach it.
 */
export function trendLegend(spec: Pick<TrendSpec, 'series' | 'locale'>): { name: string; color: string }[] {
  return panelsOf(spec.series)
    .flatMap((panel) => panel.series)
    .map((s, i) => ({ name: seriesLabel(s, spec.locale), color: PALETTE[i % PALETTE.length]! }))
}

export function seriesLabel(series: Pick<ViewSeries, 'indicator' | 'breakdown'>, locale: Locale): string {
  const label = series.indicator.label[locale]
  return series.breakdown ? `${label} (${series.breakdown})` : label
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

/** "compared with 2019", "compared with: not stated", for a relative figure's label. */
export function baselineText(baseline: string, text: Pick<TrendText, 'baseline'>): string {
  return baseline ? `${text.baseline}: ${baseline}` : ''
}

/** The published-vs-computed line of a consistency check, localised. */
export function consistencyText(check: ConsistencyCheck, locale: Locale, text: Pick<TrendText, 'consistency'>): string {
  const unit = check.indicator.unit
  const counts = `${check.base.period}: ${formatNumber(check.base.value, locale)} → ${check.compared.period}: ${formatNumber(check.compared.value, locale)}`
  return text.consistency(
    formatValue(check.published, unit, locale),
    formatValue(Math.round(check.computed * 100) / 100, unit, locale),
    counts,
    check.mismatch,
  )
}

function milestoneTooltip(m: NumberedMilestone, spec: TrendSpec, text: TrendText): string {
  const { milestone } = m
  const date = formatDate(milestone.date.start, milestone.precision, spec.locale)
  const end = milestone.endDate ? ` – ${formatDate(milestone.endDate.start, milestone.precision, spec.locale)}` : ''
  const source = spec.sources.get(milestone.source)
  return [
    `<div class="vg-tip"><strong>${m.number}. ${escapeHtml(milestone.title[spec.locale])}</strong>`,
    `<div>${escapeHtml(date + end)} · ${escapeHtml(text.category[milestone.category] ?? milestone.category)} · ${escapeHtml(milestone.jurisdiction)}</div>`,
    milestone.quote ? `<blockquote>“${escapeHtml(milestone.quote)}”</blockquote>` : '',
    source ? `<div class="vg-tip-source">${escapeHtml(text.source)}: ${escapeHtml(source.title)}</div>` : '',
    '</div>',
  ].join('')
}

function pointTooltip(series: ViewSeries, o: Observation, value: number, spec: TrendSpec, text: TrendText): string {
  const source = spec.sources.get(o.source)
  const baseline = series.viewBaseline || o.baseline
  const check = spec.checks?.get(o)
  return [
    `<div class="vg-tip"><strong>${escapeHtml(seriesLabel(series, spec.locale))}</strong>`,
    `<div>${escapeHtml(formatPeriod(o.period, spec.locale))}: <b>${escapeHtml(formatValue(value, series.unit, spec.locale))}</b>${
      baseline ? ` (${escapeHtml(baselineText(baseline, text))})` : ''
    }</div>`,
    `<div>${escapeHtml(text.unitAxis[series.unit])} · ${escapeHtml(text.status[o.status])}</div>`,
    check ? `<div class="${check.mismatch ? 'vg-tip-flag' : 'vg-tip-ok'}">${escapeHtml(consistencyText(check, spec.locale, text))}</div>` : '',
    source ? `<div class="vg-tip-source">${escapeHtml(text.source)}: ${escapeHtml(source.title)}</div>` : '',
    o.quote ? `<blockquote>“${escapeHtml(o.quote)}”</blockquote>` : '',
    o.note ? `<div class="vg-tip-note">${escapeHtml(o.note)}</div>` : '',
    '</div>',
  ].join('')
}

/** A plain-language summary of the chart for screen readers (ECharts aria description). */
export function describeChart(spec: TrendSpec): string {
  const parts = spec.series.map((s) => {
    const first = s.points[0]
    const last = s.points[s.points.length - 1]
    if (!first || !last) return seriesLabel(s, spec.locale)
    const one = `${formatPeriod(first.observation.period, spec.locale)} ${formatValue(first.value, s.unit, spec.locale)}`
    const two = s.points.length > 1 ? `, ${formatPeriod(last.observation.period, spec.locale)} ${formatValue(last.value, s.unit, spec.locale)}` : ''
    return `${seriesLabel(s, spec.locale)}: ${one}${two} (${s.points.length})`
  })
  const marks = spec.milestones.map(
    (m) => `${m.number}. ${formatDate(m.milestone.date.start, m.milestone.precision, spec.locale)} ${m.milestone.title[spec.locale]}`,
  )
  return [...parts, ...marks].join('; ')
}

/** The chart's accessible description: ECharts' aria text, and the chart's name while its picture stands in. */
export function chartDescription(spec: TrendSpec, text: Pick<TrendText, 'chartDescription'>): string {
  return text.chartDescription(describeChart(spec))
}

const PANEL_GAP = 48
const TOP = 64
const BOTTOM = 64
type Gap = [number, null]

/** Above this many points a series is drawn as a plain line: symbols would hide the trend and cost time. */
export const SYMBOL_LIMIT = 200

type Item = { value: [number, number]; symbol: string; symbolSize: number } | [number, number]

/** A point's data item: hollow symbol for provisional and estimated values; a bare pair on long series. */
function dataItem(x: number, value: number, status: Status, compact: boolean): Item {
  if (compact) return [x, value]
  const tentative = status !== 'reported'
  return { value: [x, value], symbol: tentative ? 'emptyCircle' : 'circle', symbolSize: tentative ? 9 : 7 }
}

/** Label rows for milestone numbers: a number closer than ~1.8 % of the axis to the previous one on a row moves up a row (up to 3 rows). */
export function staggerLabels(xs: readonly number[], span: number): number[] {
  const ROWS = 3
  const minGap = span * 0.018
  const lastOnRow: number[] = Array(ROWS).fill(-Infinity)
  return xs.map((x) => {
    let row = lastOnRow.findIndex((last) => x - last >= minGap)
    if (row < 0) row = lastOnRow.indexOf(Math.min(...lastOnRow))
    lastOnRow[row] = x
    return row
  })
}

/**
 * Builds the ECharts option of the trend chart: one stacked panel per unit sharing the time axis
 * (counts and relative figures never share an axis), milestones as numbered vertical lines,
 * intervals as shaded areas, a period slider. A series is not joined across a definition break,
 * and the segment towards a provisional or estimated value is dashed. Pure: same spec, same option.
 */
export function buildTrendOption(spec: TrendSpec, text: TrendText): EChartsOption {
  const panels = panelsOf(spec.series)
  const panelCount = Math.max(panels.length, 1)
  // The time axis spans the figures; milestones outside it stay in the key below the chart.
  // With no figure, it spans the milestones.
  let min = Infinity
  let max = -Infinity
  for (const s of spec.series) {
    for (const p of s.points) {
      if (p.x < min) min = p.x
      if (p.x > max) max = p.x
    }
  }
  if (!Number.isFinite(min)) {
    for (const m of spec.milestones) {
      min = Math.min(min, m.milestone.date.mid)
      max = Math.max(max, m.milestone.endDate?.end ?? m.milestone.date.mid)
    }
  }
  const hasRange = Number.isFinite(min) && Number.isFinite(max)
  const pad = hasRange ? Math.max((max - min) * 0.03, 86_400_000 * 180) : 0
  const axisMin = min - pad
  const axisMax = max + pad
  const inRange = (m: NumberedMilestone) =>
    hasRange && (m.milestone.endDate?.end ?? m.milestone.date.mid) >= axisMin && m.milestone.date.start <= axisMax

  // Stack the panels in pixels: the caller passes the chart's height.
  const height = spec.height ?? 480
  const panelHeight = Math.max((height - TOP - BOTTOM - PANEL_GAP * (panelCount - 1)) / panelCount, 60)
  const grid = Array.from({ length: panelCount }, (_, i) => ({
    left: 72,
    right: 28,
    top: TOP + i * (panelHeight + PANEL_GAP),
    height: panelHeight,
  }))

  const lines: LineSeriesOption[] = []
  // The series each drawn line stands for, to find the observation behind a hovered point.
  const drawn: { series: ViewSeries; points: ViewSeries['points'] }[] = []
  let colourIndex = 0
  panels.forEach((panel, panelIndex) => {
    for (const s of panel.series) {
      const n = colourIndex++
      const color = PALETTE[n % PALETTE.length]
      // A null value keeps two points apart: across a definition break, and where a
      // provisional or estimated value joins (the dashed overlay draws that stretch).
      const compact = s.points.length > SYMBOL_LIMIT
      const data: (Item | Gap)[] = []
      const points: (ViewSeries['points'][number] | null)[] = []
      const dashed: ([number, number] | Gap)[] = []
      // Thin a long segment to ~1 point per pixel: the same line, far less to draw. Zooming sets the
      // period filter, so a zoomed view is thinned again from the full data at its own range.
      const budget = Math.max(Math.round(spec.width ?? 1200), 100)
      for (const full of segmentsOf(s.points)) {
        const segment = full.length > budget ? (lttb(full, budget, (p) => p.x, (p) => p.value) as typeof full) : full
        if (data.length > 0) {
          data.push([segment[0]!.x, null])
          points.push(null)
        }
        segment.forEach((p, i) => {
          const prev = segment[i - 1]
          if (prev && (p.observation.status !== 'reported' || prev.observation.status !== 'reported')) {
            data.push([p.x, null])
            points.push(null)
            dashed.push([prev.x, prev.value], [p.x, p.value], [p.x, null])
          }
          data.push(dataItem(p.x, p.value, p.observation.status, compact))
          points.push(p)
        })
      }
      drawn.push({ series: s, points: points as ViewSeries['points'] })
      lines.push({
        type: 'line',
        // The key holds `|`, so it is never an Object.prototype member; the name is generated.
        id: s.key,
        name: `s${n}`,
        xAxisIndex: panelIndex,
        yAxisIndex: panelIndex,
        color,
        connectNulls: false,
        showSymbol: !compact,
        emphasis: { focus: 'series' },
        sampling: 'lttb',
        data: data as LineSeriesOption['data'],
      })
      if (dashed.length > 0) {
        lines.push({
          type: 'line',
          id: `${s.key}#tentative`,
          xAxisIndex: panelIndex,
          yAxisIndex: panelIndex,
          color,
          silent: true,
          showSymbol: false,
          connectNulls: false,
          lineStyle: { type: 'dashed', width: 2 },
          tooltip: { show: false },
          data: dashed as LineSeriesOption['data'],
        })
        drawn.push({ series: s, points: [] })
      }
    }
  })

  const pointMilestones = spec.milestones.filter((m) => !m.milestone.endDate && inRange(m))
  const intervalMilestones = spec.milestones.filter((m) => m.milestone.endDate && inRange(m))
  const labelRows = staggerLabels(pointMilestones.map((m) => m.milestone.date.mid), axisMax - axisMin)
  const markers: LineSeriesOption[] = Array.from({ length: panelCount }, (_, panelIndex) => ({
    type: 'line',
    id: `milestones-${panelIndex}`,
    name: text.milestones,
    xAxisIndex: panelIndex,
    yAxisIndex: panelIndex,
    data: [],
    markLine: {
      symbol: ['none', 'none'],
      animation: false,
      lineStyle: { color: '#6b7280', type: 'dashed', width: 1 },
      emphasis: { lineStyle: { width: 2, color: '#111827' } },
      label: { show: panelIndex === 0, formatter: '{b}', position: 'end', color: '#111827', fontSize: 11 },
      data: pointMilestones.map((m, i) => ({
        xAxis: m.milestone.date.mid,
        name: String(m.number),
        // Close milestones get their numbers on successive rows so they stay legible.
        label: { distance: [0, 2 + (labelRows[i] ?? 0) * 12] },
      })),
    },
    markArea: {
      itemStyle: { color: 'rgba(107,114,128,0.14)' },
      label: { show: panelIndex === 0, position: 'insideTop', color: '#111827', fontSize: 11 },
      data: intervalMilestones.map((m) => [
        { xAxis: m.milestone.date.start, name: String(m.number) },
        { xAxis: m.milestone.endDate!.end },
      ]),
    },
  }))

  const byNumber = new Map(spec.milestones.map((m) => [String(m.number), m]))
  const scale = spec.scale ?? 'linear'
  const axisIndexes = panels.map((_, i) => i)
  const zoomStart = spec.zoom?.from != null ? new Date(spec.zoom.from, 0, 1).getTime() : undefined
  const zoomEnd = spec.zoom?.to != null ? new Date(spec.zoom.to + 1, 0, 1).getTime() : undefined

  return {
    animation: false,
    color: PALETTE,
    aria: {
      enabled: true,
      decal: { show: true },
      label: { description: chartDescription(spec, text) },
    },
    grid,
    tooltip: {
      trigger: 'item',
      confine: true,
      className: 'vg-tooltip',
      enterable: false,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        if (!p) return ''
        if (p.componentType === 'markLine' || p.componentType === 'markArea') {
          const m = byNumber.get(String(p.name))
          return m ? milestoneTooltip(m, spec, text) : ''
        }
        const entry = drawn[p.seriesIndex ?? -1]
        const point = entry?.points[p.dataIndex]
        return entry && point ? pointTooltip(entry.series, point.observation, point.value, spec, text) : ''
      },
    },
    xAxis: Array.from({ length: panelCount }, (_, i) => ({
      type: 'time' as const,
      gridIndex: i,
      min: hasRange ? axisMin : undefined,
      max: hasRange ? axisMax : undefined,
      axisLabel: { show: i === panelCount - 1, hideOverlap: true },
      splitLine: { show: false },
    })),
    yAxis: Array.from({ length: panelCount }, (_, i) => {
      const unit = panels[i]?.unit ?? 'count'
      return {
        type: scale === 'log' ? ('log' as const) : ('value' as const),
        gridIndex: i,
        name: panels[i] ? text.unitAxis[unit] : '',
        nameLocation: 'end' as const,
        // The top panel's unit name goes above the milestone numbers' rows, so they never overlap.
        nameGap: i === 0 && labelRows.length > 0 ? 2 + 3 * 12 + 8 : 15,
        nameTextStyle: { align: 'left' as const, color: '#374151' },
        axisLabel: { formatter: (value: number) => formatValue(value, unit, spec.locale) },
      }
    }),
    dataZoom: [
      {
        type: 'slider',
        xAxisIndex: axisIndexes,
        filterMode: 'none',
        left: 72,
        right: 28,
        bottom: 8,
        height: 22,
        startValue: zoomStart,
        endValue: zoomEnd,
        labelFormatter: (v: number) => String(new Date(v).getFullYear()),
      },
      { type: 'inside', xAxisIndex: axisIndexes, filterMode: 'none', startValue: zoomStart, endValue: zoomEnd, zoomOnMouseWheel: 'shift' },
    ],
    series: [...lines, ...markers],
  } satisfies EChartsOption
}
