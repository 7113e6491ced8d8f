/**
 * The chart's state: what a reader sees, derived once from the view (series already filtered and
 * transformed, milestones numbered), with no pixels and no functions. Every surface reads it: the
 * dashboard, the embed, Present, the preview worker, every export and the legend. Pixel decisions
 * are the layout's (layout.ts); the ECharts option is the renderer's (trendOption.ts).
 */
import type { ConsistencyCheck } from '../consistency'
import { sourceIn, type DisplayUnit, type Locale, type Milestone, type Observation, type Source } from '../model'
import type { ViewSeries } from '../transform'
import type { Scale } from '../view'

/**
 * Okabe–Ito palette without its yellow (too faint on white to tell apart): distinguishable with
 * the common colour-vision deficiencies. Past seven visible series, symbols tell lines apart.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000'] as const
export const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'] as const

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

/**
 * Series whose largest values differ by more than this factor do not share a linear axis: the
 * smaller would lie flat on zero (Child Focus's 36–2,421 next to NCMEC's ~50,000).
 */
export const MAGNITUDE_SPLIT = 10

/** A milestone with the number it carries everywhere: its place in the whole data set, by date. */
export interface NumberedMilestone {
  readonly number: number
  readonly milestone: Milestone
}

/** What the chart is asked to show: the view's series and milestones, already filtered. */
export interface TrendSpec {
  readonly locale: Locale
  readonly series: readonly ViewSeries[]
  /** The milestones the filters leave, numbered in the whole data set (numbers never change with filters). */
  readonly milestones: readonly NumberedMilestone[]
  readonly sources: ReadonlyMap<string, Source>
  readonly scale?: Scale
  /** Consistency checks of published relative figures, keyed by the observation they concern. */
  readonly checks?: ReadonlyMap<Observation, ConsistencyCheck>
  /** Period slider position, as years (inclusive), or null for the whole range. */
  readonly zoom?: { readonly from: number | null; readonly to: number | null }
  /** Each indicator's place in the catalogue: its colour follows it from view to view. */
  readonly colourSlots?: ReadonlyMap<string, number>
  /** Draw secondary milestones too (default: key milestones only). */
  readonly allMilestones?: boolean
  /** The index view's base year when every line shares it. */
  readonly indexBase?: number | null
  /** Small charts (src/core/breakdown.ts): one group of panels per breakdown value, by series key. */
  readonly groups?: readonly { readonly value: string; readonly keys: readonly string[] }[]
}

export interface ChartSeries extends ViewSeries {
  /** The full label: what one cites (tooltip, readout, table, notes, screen-reader text). */
  readonly label: string
  /** The label where room is tight (legend, line labels): the data's short label, else the full one. */
  readonly shortLabel: string
  readonly colour: string
  readonly symbol: (typeof SYMBOLS)[number]
  /** Index of the panel the series is drawn in. */
  readonly panel: number
}

export interface ChartPanel {
  readonly unit: DisplayUnit
  readonly series: readonly ChartSeries[]
  /** In small charts: the breakdown value the panel shows ('' for figures with no value). */
  readonly label?: string
}

export interface ChartMilestone extends NumberedMilestone {
  readonly kind: 'point' | 'interval'
}

export interface LegendEntry {
  readonly key: string
  readonly label: string
  readonly fullLabel: string
  readonly colour: string
  readonly symbol: ChartSeries['symbol']
}

/** The chart state. */
export interface TrendView {
  readonly locale: Locale
  readonly scale: Scale
  readonly panels: readonly ChartPanel[]
  /** Every drawn series, in panel order. */
  readonly series: readonly ChartSeries[]
  /**
   * The key of the lines: one entry per drawn series, or per indicator in small charts. `label` is
   * the short label (full labels where two short ones would read the same); `fullLabel` the full one.
   */
  readonly legend: readonly LegendEntry[]
  /** The milestones drawn (inside the plotted range, key ones unless all are asked for), by date. */
  readonly milestones: readonly ChartMilestone[]
  /** Milestones inside the plotted range left out because they are secondary ("show all" draws them). */
  readonly hiddenMilestones: number
  /** The plotted time range (UTC axis numbers, see period.ts), or null when nothing is drawn. */
  readonly domain: { readonly min: number; readonly max: number } | null
  readonly sources: ReadonlyMap<string, Source>
  readonly checks?: ReadonlyMap<Observation, ConsistencyCheck>
  readonly zoom?: TrendSpec['zoom']
  readonly indexBase?: number | null
}

/** Numbers milestones in date order, 1..n (same-day ties by English title, in code-unit order). */
export function numberMilestones(milestones: readonly Milestone[]): NumberedMilestone[] {
  return [...milestones]
    .sort((a, b) => a.date.start - b.date.start || (a.title.en < b.title.en ? -1 : a.title.en > b.title.en ? 1 : 0))
    .map((milestone, i) => ({ number: i + 1, milestone }))
}

/** The numbers of the whole data set, kept for the milestones a selection leaves. */
export function numberedSelection(all: readonly NumberedMilestone[], selected: readonly Milestone[]): NumberedMilestone[] {
  const keep = new Set(selected)
  return all.filter((m) => keep.has(m.milestone))
}

export function seriesLabel(series: Pick<ViewSeries, 'indicator' | 'breakdown'>, locale: Locale): string {
  const label = series.indicator.label[locale]
  return series.breakdown ? `${label} (${series.breakdown})` : label
}

/** The series' label where room is tight: the indicator's short label when the data give one. */
export function seriesShortLabel(series: Pick<ViewSeries, 'indicator' | 'breakdown'>, locale: Locale): string {
  const label = series.indicator.short?.[locale] ?? series.indicator.label[locale]
  return series.breakdown ? `${label} (${series.breakdown})` : label
}

function largest(series: ViewSeries): number {
  let max = 0
  for (const p of series.points) max = Math.max(max, Math.abs(p.value))
  return max
}

/**
 * Groups series into panels: one unit per panel, in UNIT_ORDER; inside a unit, series whose
 * largest values differ by more than MAGNITUDE_SPLIT go to separate panels, largest first.
 */
export function panelsOf<S extends ViewSeries>(series: readonly S[]): { unit: DisplayUnit; series: S[] }[] {
  const panels: { unit: DisplayUnit; series: S[] }[] = []
  for (const unit of UNIT_ORDER) {
    const ofUnit = series.filter((s) => s.unit === unit).map((s) => ({ s, max: largest(s) }))
    if (ofUnit.length === 0) continue
    // Largest first; a stable sort keeps the given order among equals.
    const sorted = [...ofUnit].sort((a, b) => b.max - a.max)
    let current: { unit: DisplayUnit; series: S[]; top: number } | null = null
    const groups: { unit: DisplayUnit; series: S[]; top: number }[] = []
    for (const { s, max } of sorted) {
      if (!current || (max > 0 && current.top / max > MAGNITUDE_SPLIT)) {
        current = { unit, series: [], top: max }
        groups.push(current)
      }
      current.series.push(s)
    }
    // Within a panel, keep the view's order (the legend reads in the order the user chose).
    for (const g of groups) panels.push({ unit, series: ofUnit.filter((o) => g.series.includes(o.s)).map((o) => o.s) })
  }
  return panels
}

/**
 * Colours and symbols: each series asks for its indicator's catalogue slot, so an indicator keeps
 * its colour from view to view; no two visible series share a colour while seven or fewer are
 * drawn, and never a colour and a symbol together.
 */
function assignStyles(
  series: readonly ViewSeries[],
  slots: ReadonlyMap<string, number> | undefined,
  byIndicator: boolean,
): { colour: string; symbol: ChartSeries['symbol'] }[] {
  const usedColours = new Set<number>()
  const usedCombos = new Set<number>()
  const order = new Map<string, number>()
  // In small charts an indicator keeps its colour from one chart to the next.
  const given = new Map<string, { colour: string; symbol: ChartSeries['symbol'] }>()
  return series.map((s, i) => {
    const again = byIndicator ? given.get(s.indicator.id) : undefined
    if (again) return again
    const slot = slots?.get(s.indicator.id) ?? (order.get(s.indicator.id) ?? order.set(s.indicator.id, 1000 + i).get(s.indicator.id)!)
    let colour = slot % PALETTE.length
    if (usedColours.size < PALETTE.length) {
      while (usedColours.has(colour)) colour = (colour + 1) % PALETTE.length
    }
    let symbol = series.length > PALETTE.length ? Math.floor(slot / PALETTE.length) % SYMBOLS.length : 0
    while (usedCombos.has(colour * SYMBOLS.length + symbol) && usedCombos.size < PALETTE.length * SYMBOLS.length) {
      symbol = (symbol + 1) % SYMBOLS.length
    }
    usedColours.add(colour)
    usedCombos.add(colour * SYMBOLS.length + symbol)
    const style = { colour: PALETTE[colour]!, symbol: SYMBOLS[symbol]! }
    given.set(s.indicator.id, style)
    return style
  })
}

/** The time range the figures span (or, with no figure, the milestones), padded so end points clear the frame. */
function domainOf(series: readonly ViewSeries[], milestones: readonly NumberedMilestone[]): TrendView['domain'] {
  let min = Infinity
  let max = -Infinity
  for (const s of series) {
    for (const p of s.points) {
      if (p.x < min) min = p.x
      if (p.x > max) max = p.x
    }
  }
  if (!Number.isFinite(min)) {
    for (const m of milestones) {
      min = Math.min(min, m.milestone.date.mid)
      max = Math.max(max, m.milestone.endDate?.end ?? m.milestone.date.mid)
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return null
  const pad = Math.max((max - min) * 0.03, 86_400_000 * 180)
  return { min: min - pad, max: max + pad }
}

function legendOf(series: readonly ChartSeries[], spec: TrendSpec): TrendView['legend'] {
  let entries: LegendEntry[]
  if (!spec.groups) {
    entries = series.map((s) => ({ key: s.key, label: s.shortLabel, fullLabel: s.label, colour: s.colour, symbol: s.symbol }))
  } else {
    const seen = new Map<string, LegendEntry>()
    for (const s of series) {
      if (seen.has(s.indicator.id)) continue
      const full = s.indicator.label[spec.locale]
      seen.set(s.indicator.id, { key: s.indicator.id, label: s.indicator.short?.[spec.locale] ?? full, fullLabel: full, colour: s.colour, symbol: s.symbol })
    }
    entries = [...seen.values()]
  }
  // Short labels are distinct within an offence (check-data), not across offences or datasets: two
  // entries that would read the same fall back to their full labels.
  const count = new Map<string, number>()
  for (const e of entries) count.set(e.label, (count.get(e.label) ?? 0) + 1)
  return entries.map((e) => ((count.get(e.label) ?? 0) > 1 ? { ...e, label: e.fullLabel } : e))
}

/** Derives the chart state from what the view asks to show. Pure: same spec, same state. */
/** Panels with small charts: each group's own panels by unit and magnitude, labelled with the group's value. */
function groupedPanels(spec: TrendSpec): { unit: DisplayUnit; series: ViewSeries[]; label?: string }[] {
  if (!spec.groups) return panelsOf(spec.series)
  return spec.groups.flatMap((g) => {
    const keys = new Set(g.keys)
    return panelsOf(spec.series.filter((s) => keys.has(s.key))).map((p) => ({ ...p, label: g.value }))
  })
}

export function deriveTrendView(spec: TrendSpec): TrendView {
  const grouped = groupedPanels(spec)
  const ordered = grouped.flatMap((g) => g.series)
  const styles = assignStyles(ordered, spec.colourSlots, spec.groups !== undefined)
  let k = 0
  const panels: ChartPanel[] = grouped.map((g, panel) => ({
    unit: g.unit,
    ...(g.label !== undefined ? { label: g.label } : {}),
    series: g.series.map((s) => ({ ...s, label: seriesLabel(s, spec.locale), shortLabel: seriesShortLabel(s, spec.locale), ...styles[k++]!, panel })),
  }))
  const domain = domainOf(spec.series, spec.milestones)
  const inRange = (m: NumberedMilestone) =>
    domain !== null && (m.milestone.endDate?.end ?? m.milestone.date.mid) >= domain.min && m.milestone.date.start <= domain.max
  const plotted = spec.milestones.filter(inRange)
  const shown = spec.allMilestones ? plotted : plotted.filter((m) => m.milestone.importance !== 'secondary')
  return {
    locale: spec.locale,
    scale: spec.scale ?? 'linear',
    panels,
    series: panels.flatMap((p) => p.series),
    legend: legendOf(panels.flatMap((p) => p.series), spec),
    milestones: shown.map((m) => ({ ...m, kind: m.milestone.endDate ? 'interval' : 'point' })),
    hiddenMilestones: plotted.length - shown.length,
    domain,
    // Every surface cites a source in the reader's language (title and publisher where the data have them).
    sources: spec.locale === 'en' ? spec.sources : new Map([...spec.sources].map(([id, source]) => [id, sourceIn(source, spec.locale)])),
    checks: spec.checks,
    zoom: spec.zoom,
    indexBase: spec.indexBase ?? null,
  }
}

/**
 * The same chart with only some of its panels, for a slide that cannot hold them all legibly: the
 * same time axis, milestones, colours and symbols, and a legend of the lines it keeps.
 */
export function panelSubset(view: TrendView, indexes: readonly number[]): TrendView {
  const panels = indexes.map((i, panel) => ({ ...view.panels[i]!, series: view.panels[i]!.series.map((s) => ({ ...s, panel })) }))
  const series = panels.flatMap((p) => p.series)
  // Legend entries are keyed by series, or by indicator in small charts.
  const kept = new Set(series.flatMap((s) => [s.key, s.indicator.id]))
  return { ...view, panels, series, legend: view.legend.filter((entry) => kept.has(entry.key)) }
}
