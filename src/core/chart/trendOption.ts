/**
 * The chart's renderer: placed items (placeTrend.ts) → ECharts option. It only maps what the
 * placement decided to ECharts' option objects (series, mark lines and areas, axes, tooltip,
 * slider); it decides nothing a reader would notice. No consumer changes the option after it is
 * built. Pure: same state, layout and words, same option.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { DisplayUnit } from '../model'
import { yearOf, yearStart } from '../period'
import type { ChartLayout } from './chartLayout'
import { milestoneTag, type ChartSeries, type TrendView } from './chartState'
import { chartDescription, formatValue, milestoneTooltip, pointTooltip, unitName, type TrendText } from './chartText'
import { figureAt, placeTrend, type PlacedLabel, type PlacedLine, type PlacedTrend } from './placeTrend'

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
export {
  baselineText,
  chartDescription,
  consistencyText,
  describeChart,
  formatPoint,
  formatValue,
  indexBaseOf,
  milestoneDate,
  unitName,
  type TrendText,
} from './chartText'
export { SYMBOL_LIMIT } from './placeTrend'

type Data = NonNullable<LineSeriesOption['data']>

/** A figure in its series' symbol: hollow (and 2 px larger) when provisional or estimated; a bare pair on a long series. */
function lineData(line: PlacedLine, s: ChartSeries, size: number): Data {
  const hollow = `empty${s.symbol[0]!.toUpperCase()}${s.symbol.slice(1)}`
  return line.items.map((item) =>
    item.value === null || line.compact
      ? [item.x, item.value]
      : { value: [item.x, item.value], symbol: item.hollow ? hollow : s.symbol, symbolSize: item.hollow ? size + 2 : size },
  ) as Data
}

/**
 * The line's name at its last drawn figure (ECharts skips the gaps of withheld values and breaks),
 * in the column the placement gives, shifted apart vertically where two would overlap (ECharts
 * draws no leader line for an end label: the label's colour ties it to its line). Broken at a
 * space onto a second line when the layout found one line too wide. A given line height and a
 * backing box: the label's box is its full height wherever it is measured (zrender derives a
 * text's height from a CJK glyph, tiny where no such font is).
 */
function endLabel(s: ChartSeries, label: PlacedLabel, direct: NonNullable<ChartLayout['directLabels']>): Partial<LineSeriesOption> {
  return {
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
    labelLayout: () => ({ x: label.x, moveOverlap: 'shiftY' as const }),
  }
}

/** The series' own line: its figures, gaps at breaks and withheld figures, and its direct label. */
function figureSeries(line: PlacedLine, n: number, s: ChartSeries, placed: PlacedTrend, layout: ChartLayout): LineSeriesOption {
  const label = placed.labels.find((l) => l.line === n)
  return {
    type: 'line',
    // The key holds `|`, so it is never an Object.prototype member; the name is generated:
    // ECharts keeps series names as keys of plain objects, so a label such as `hasOwnProperty`
    // must never reach it (the legend and tooltips take the label from the state).
    id: line.id,
    name: `s${line.series}`,
    xAxisIndex: line.panel,
    yAxisIndex: line.panel,
    color: s.colour,
    symbol: s.symbol,
    connectNulls: false,
    showSymbol: !line.compact,
    emphasis: layout.interactive ? { focus: 'series' } : { disabled: true },
    data: lineData(line, s, layout.symbolSize),
    ...(label && layout.directLabels ? endLabel(s, label, layout.directLabels) : {}),
  }
}

/** A placed line as an ECharts line series on its panel's axes, in its series' colour. */
function onPanel(line: PlacedLine, s: ChartSeries): Pick<LineSeriesOption, 'type' | 'id' | 'xAxisIndex' | 'yAxisIndex' | 'color'> {
  return { type: 'line', id: line.id, xAxisIndex: line.panel, yAxisIndex: line.panel, color: s.colour }
}

/** An open triangle pointing down at the threshold ("below 5"), hoverable for its tooltip; no line. */
function withheldSeries(line: PlacedLine, s: ChartSeries): LineSeriesOption {
  return {
    ...onPanel(line, s),
    lineStyle: { opacity: 0 },
    connectNulls: false,
    showSymbol: true,
    data: line.items.map((item) => ({ value: [item.x, item.value], symbol: 'emptyTriangle', symbolRotate: 180, symbolSize: 11 })) as Data,
  }
}

/** A line drawn without symbols or tooltip: the words for it are elsewhere (the point's tooltip, the table, the cursor). */
function silentLine(line: PlacedLine, s: ChartSeries, style: Pick<LineSeriesOption, 'lineStyle' | 'z'>): LineSeriesOption {
  return {
    ...onPanel(line, s),
    silent: true,
    showSymbol: false,
    connectNulls: false,
    tooltip: { show: false },
    ...style,
    data: line.items.map((item) => [item.x, item.value]) as Data,
  }
}

/** The dashed stretches towards provisional or estimated figures. */
function tentativeSeries(line: PlacedLine, s: ChartSeries): LineSeriesOption {
  return silentLine(line, s, { lineStyle: { type: 'dashed', width: 2 } })
}

/**
 * A trend segment of "Compare before and after": thin and dashed in the series' colour, set apart
 * from the series' own solid line with its symbols (the table and the cursor say it in words).
 */
function compareSeries(line: PlacedLine, s: ChartSeries): LineSeriesOption {
  return silentLine(line, s, { z: 3, lineStyle: { type: [6, 3], width: 1.5, opacity: 0.95 } })
}

function lineSeries(view: TrendView, layout: ChartLayout, placed: PlacedTrend): LineSeriesOption[] {
  return placed.lines.map((line, n) => {
    const s = view.series[line.series]!
    if (line.kind === 'compare') return compareSeries(line, s)
    if (line.kind === 'withheld') return withheldSeries(line, s)
    if (line.kind === 'tentative') return tentativeSeries(line, s)
    return figureSeries(line, n, s, placed, layout)
  })
}

/** The reader's own milestones' colour and stroke (dash-dot), apart from the data's grey dashes. */
export const OWN_COLOUR = '#6d28d9'
const OWN_LINE = { color: OWN_COLOUR, type: [8, 3, 2, 3], width: 1.5 }
const OWN_AREA = { color: 'rgba(109,40,217,0.10)', borderColor: OWN_COLOUR, borderType: [8, 3, 2, 3], borderWidth: 1 }

/** Each panel's milestones: numbered dashed vertical lines and shaded bands, numbers above the top row only. */
function milestoneSeries(layout: ChartLayout, placed: PlacedTrend, text: TrendText): LineSeriesOption[] {
  const points = placed.milestones.filter((m) => m.kind === 'point')
  const intervals = placed.milestones.filter((m) => m.kind === 'interval')
  return placed.panels.map((panel, panelIndex) => ({
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
      label: { show: panel.top, formatter: '{b}', position: 'end', color: '#111827', fontSize: layout.milestoneFontSize },
      // Rows placed by the layout: close milestones' numbers stack instead of overprinting.
      // The compared milestone is drawn solid and darker; the reader's own milestones dash-dot and
      // violet, their mark ("Y3") in the same colour.
      data: points.map((m) => ({
        xAxis: m.from,
        name: m.tag,
        label: { distance: [0, m.labelDistance], ...(m.own ? { color: OWN_COLOUR } : {}), ...(m.own || m.compared ? { fontWeight: 'bold' as const } : {}) },
        ...(m.compared ? { lineStyle: { color: m.own ? OWN_COLOUR : '#111827', type: 'solid' as const, width: 2 } } : m.own ? { lineStyle: OWN_LINE } : {}),
      })),
    },
    markArea: {
      silent: !layout.interactive,
      itemStyle: { color: 'rgba(107,114,128,0.14)' },
      label: { show: panel.top, position: 'top', color: '#111827', fontSize: layout.milestoneFontSize },
      data: intervals.map((m) => [
        {
          xAxis: m.from,
          name: m.tag,
          label: { distance: m.labelDistance, ...(m.own ? { color: OWN_COLOUR } : {}), ...(m.own || m.compared ? { fontWeight: 'bold' as const } : {}) },
          ...(m.compared ? { itemStyle: { color: 'rgba(17,24,39,0.10)', borderColor: m.own ? OWN_COLOUR : '#111827', borderWidth: 1.5 } } : m.own ? { itemStyle: OWN_AREA } : {}),
        },
        { xAxis: m.to },
      ]),
    },
  }))
}

/** The tooltip of a hovered figure or milestone, from the placement's point index (HTML escaped in chartText.ts). */
function tooltip(view: TrendView, placed: PlacedTrend, text: TrendText): EChartsOption['tooltip'] {
  const byNumber = new Map(view.milestones.map((m) => [milestoneTag(m), m]))
  return {
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
      const figure = figureAt(placed, p.seriesIndex ?? -1, p.dataIndex)
      const s = figure ? view.series[figure.series] : undefined
      const point = figure ? s?.points[figure.point] : undefined
      return s && point ? pointTooltip(s, point, point.observation, view, text) : ''
    },
  }
}

function slider(placed: PlacedTrend, slider: NonNullable<PlacedTrend['slider']>): EChartsOption['dataZoom'] {
  const xAxisIndex = placed.panels.map((_, i) => i)
  return [
    { type: 'slider', xAxisIndex, filterMode: 'none', left: slider.left, right: slider.right, bottom: 8, height: 22, labelFormatter: (v: number) => String(yearOf(v)) },
    { type: 'inside', xAxisIndex, filterMode: 'none', zoomOnMouseWheel: 'shift' },
  ]
}

function xAxes(layout: ChartLayout, placed: PlacedTrend): EChartsOption['xAxis'] {
  const time = placed.time
  const yearLabel = (value: number) => (yearStart(yearOf(value)) === value ? String(yearOf(value)) : '')
  return placed.panels.map((panel, i) => ({
    type: 'time' as const,
    gridIndex: i,
    minInterval: time?.yearTicks ? 365 * 86_400_000 : undefined,
    min: time?.min,
    max: time?.max,
    axisLabel: { show: panel.bottom, hideOverlap: true, fontSize: layout.fontSize, color: '#374151', ...(time?.yearsOnly ? { formatter: yearLabel } : {}) },
    splitLine: { show: false },
  }))
}

/**
 * A panel's value-axis name: small charts name their breakdown value before the unit; a panel of
 * bundled series says what it counts; an imported panel keeps its unit's name.
 */
function panelName(view: TrendView, i: number, text: TrendText): string {
  const panel = view.panels[i]
  if (!panel) return ''
  const unit = panel.unit
  if (panel.label !== undefined) return `${panel.label || '—'} · ${unitName(unit, view, text)}`
  const bundled = panel.series.every((s) => s.indicator.dataset === 'bundled') && unit !== 'index'
  return bundled ? (text.panelTitle?.[unit] ?? text.unitAxis[unit]) : unitName(unit, view, text)
}

function yAxes(view: TrendView, layout: ChartLayout, placed: PlacedTrend, text: TrendText): EChartsOption['yAxis'] {
  return placed.panels.map((panel, i) => {
    const unit: DisplayUnit = view.panels[i]?.unit ?? 'count'
    return {
      type: view.scale === 'log' ? ('log' as const) : ('value' as const),
      gridIndex: i,
      splitNumber: layout.panels[i]?.ticks,
      name: panelName(view, i, text),
      nameLocation: 'end' as const,
      // The top panel's unit name goes above the milestone numbers' rows, so they never overlap.
      nameGap: panel.nameGap,
      nameTextStyle: { align: 'left' as const, color: '#374151', fontSize: layout.fontSize },
      axisLabel: { fontSize: layout.fontSize, color: '#374151', formatter: (value: number) => formatValue(value, unit, view.locale) },
    }
  })
}

/**
 * Builds the ECharts option from the placed chart (placed here unless given): one stacked panel
 * per unit and magnitude sharing the time axis, and, where the layout says so, tooltips and the
 * period slider.
 */
export function buildTrendOption(view: TrendView, layout: ChartLayout, text: TrendText, placed: PlacedTrend = placeTrend(view, layout)): EChartsOption {
  return {
    // Tooltip and slider only where the layout has them: a picture leaves them out of the option.
    ...(layout.interactive ? { tooltip: tooltip(view, placed, text) } : {}),
    ...(placed.slider ? { dataZoom: slider(placed, placed.slider) } : {}),
    // The x values are UTC calendar positions (period.ts): ticks and labels must be read in UTC too.
    useUTC: true,
    animation: false,
    aria: { enabled: true, decal: { show: true }, label: { description: chartDescription(view, text) } },
    grid: layout.panels.map((p) => ({ left: p.left, right: p.right, top: p.top, height: p.height })),
    xAxis: xAxes(layout, placed),
    yAxis: yAxes(view, layout, placed, text),
    series: [...lineSeries(view, layout, placed), ...milestoneSeries(layout, placed, text)],
  } satisfies EChartsOption
}
