/**
 * The chart's state: what a reader sees, derived once from the view (series already filtered and
 * transformed, milestones numbered), with no pixels and no functions. Every surface reads it: the
 * dashboard, the embed, Present, the preview worker, every export and the legend. Pixel decisions
 * are the layout's (chartLayout.ts), where each item goes the placement's (placeTrend.ts), the
 * ECharts option the renderer's (trendOption.ts).
 */
import { compareView, type CompareChoice, type Comparison } from '../compare'
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
  /** The reader's own milestone's mark ("Y3"): numbered apart, so the data set's numbers never shift. */
  readonly tag?: string
}

/** What a milestone is called on the chart, in its key and in every export: "12", or "Y3" for one of the reader's own. */
export function milestoneTag(m: Pick<NumberedMilestone, 'number' | 'tag'>): string {
  return m.tag ?? String(m.number)
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
  /** Each indicator's place in the catalogue: its colour follows it from view to view. */
  readonly colourSlots?: ReadonlyMap<string, number>
  /** Draw secondary milestones too (default: key milestones only). */
  readonly allMilestones?: boolean
  /** The index view's base year when every line shares it. */
  readonly indexBase?: number | null
  /** Small charts (src/core/breakdown.ts): one group of panels per breakdown value, by series key. */
  readonly groups?: readonly { readonly value: string; readonly keys: readonly string[] }[]
  /** Small charts: the page asked for (from 1; past the last, the last). */
  readonly chartsPage?: number
  /** "Compare before and after" a milestone (src/core/compare.ts). */
  readonly compare?: CompareChoice
}

/** Small charts per page: twelve fit a screen or a slide as a grid and stay readable. */
export const CHARTS_PER_PAGE = 12

export interface ChartsPage {
  readonly from: number
  readonly to: number
  readonly of: number
  readonly page: number
  readonly pages: number
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
  /** The milestone compared before and after: drawn stronger. */
  readonly compared?: boolean
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
  readonly indexBase?: number | null
  /** A panel has more lines than colour and symbol can tell apart (DISTINCT_STYLES): the notice says so. */
  readonly indistinct?: boolean
  /** Small charts on pages: "charts 1–12 of 28". */
  readonly chartsPage?: ChartsPage
  /** "Compare before and after": each count series drawn, its figures before and after the milestone. */
  readonly compare?: Comparison
}

const byDate = (a: Milestone, b: Milestone): number => a.date.start - b.date.start || (a.title.en < b.title.en ? -1 : a.title.en > b.title.en ? 1 : 0)

/**
 * Numbers milestones in date order, 1..n (same-day ties by English title, in code-unit order). The
 * reader's own keep the number they were given ("Y3") and are not counted: adding or deleting one
 * never shifts a number of the data set's. The result is in date order.
 */
export function numberMilestones(milestones: readonly Milestone[]): NumberedMilestone[] {
  const numbered: NumberedMilestone[] = milestones
    .filter((m) => !m.own)
    .sort(byDate)
    .map((milestone, i) => ({ number: i + 1, milestone }))
  const own = milestones.flatMap((m) => (m.own ? [{ number: m.own.seq, milestone: m, tag: `Y${m.own.seq}` }] : []))
  if (own.length === 0) return numbered
  return [...numbered, ...own].sort((a, b) => byDate(a.milestone, b.milestone) || (a.tag ? 1 : 0) - (b.tag ? 1 : 0))
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

/** Colour × symbol pairs the chart can tell apart: past this many lines in one panel, two look alike. */
export const DISTINCT_STYLES = PALETTE.length * SYMBOLS.length

type Style = { colour: string; symbol: ChartSeries['symbol'] }

/**
 * Colours and symbols. Each line asks for its indicator's catalogue slot, so an indicator keeps its
 * colour from view to view when it can. Rules, strongest first: no two lines in one panel share a
 * colour while the panel has at most seven; no two lines in one panel share a colour and a symbol
 * while it has at most 49 (the view's `indistinct` says when a panel has more); across panels,
 * distinct pairs while there are enough. In small charts (`byIndicator`) an indicator keeps one style
 * in every chart. Each line tries at most 49 pairs per rule, so this ends for any number of lines.
 */
function assignStyles(
  panels: readonly { readonly series: readonly ViewSeries[] }[],
  slots: ReadonlyMap<string, number> | undefined,
  byIndicator: boolean,
): { styles: Style[]; indistinct: boolean } {
  // One style per key: a series, or in small charts an indicator, with the panels it is drawn in.
  const keyOf = (s: ViewSeries) => (byIndicator ? s.indicator.id : s.key)
  const keys = new Map<string, { indicator: string; index: number; panels: Set<number> }>()
  panels.forEach((panel, p) => {
    for (const s of panel.series) {
      const key = keyOf(s)
      const entry = keys.get(key) ?? { indicator: s.indicator.id, index: keys.size, panels: new Set<number>() }
      entry.panels.add(p)
      keys.set(key, entry)
    }
  })
  const many = keys.size > PALETTE.length
  const pair = (colour: number, symbol: number) => colour * SYMBOLS.length + symbol
  const usedColours = new Set<number>()
  const usedPairs = new Set<number>()
  const panelColours = panels.map(() => new Set<number>())
  const panelPairs = panels.map(() => new Set<number>())
  const chosen = new Map<string, number>()
  let indistinct = false
  for (const [key, { indicator, index, panels: own }] of keys) {
    const slot = slots?.get(indicator) ?? 1000 + index
    const colour0 = slot % PALETTE.length
    const symbol0 = many ? Math.floor(slot / PALETTE.length) % SYMBOLS.length : 0
    const freeInPanels = (test: (p: number) => boolean) => [...own].every(test)
    const rules: ((c: number, pr: number) => boolean)[] = [
      (c) => !usedColours.has(c),
      (c, pr) => freeInPanels((p) => !panelColours[p]!.has(c)) && !usedPairs.has(pr),
      (c) => freeInPanels((p) => !panelColours[p]!.has(c)),
      (_, pr) => freeInPanels((p) => !panelPairs[p]!.has(pr)) && !usedPairs.has(pr),
      (_, pr) => freeInPanels((p) => !panelPairs[p]!.has(pr)),
    ]
    let found: number | undefined
    for (const rule of rules) {
      // The catalogue's colour first, then its symbols, then the next colours.
      for (let dc = 0; dc < PALETTE.length && found === undefined; dc++) {
        for (let ds = 0; ds < SYMBOLS.length && found === undefined; ds++) {
          const c = (colour0 + dc) % PALETTE.length
          const pr = pair(c, (symbol0 + ds) % SYMBOLS.length)
          if (rule(c, pr)) found = pr
        }
      }
      if (found !== undefined) break
    }
    if (found === undefined) {
      // More lines in a panel than colour and symbol can tell apart: said by the view, not looped over.
      indistinct = true
      found = pair(colour0, symbol0)
    }
    chosen.set(key, found)
    usedColours.add(Math.floor(found / SYMBOLS.length))
    usedPairs.add(found)
    for (const p of own) {
      panelColours[p]!.add(Math.floor(found / SYMBOLS.length))
      panelPairs[p]!.add(found)
    }
  }
  const styles = panels.flatMap((panel) =>
    panel.series.map((s) => {
      const pr = chosen.get(keyOf(s))!
      return { colour: PALETTE[Math.floor(pr / SYMBOLS.length)]!, symbol: SYMBOLS[pr % SYMBOLS.length]! }
    }),
  )
  return { styles, indistinct }
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

/** Panels with small charts: each group's own panels by unit and magnitude, labelled with the group's value. */
function groupedPanels(spec: TrendSpec): { unit: DisplayUnit; series: ViewSeries[]; label?: string }[] {
  if (!spec.groups) return panelsOf(spec.series)
  return spec.groups.flatMap((g) => {
    const keys = new Set(g.keys)
    return panelsOf(spec.series.filter((s) => keys.has(s.key))).map((p) => ({ ...p, label: g.value }))
  })
}

/** Derives the chart state from what the view asks to show. Pure: same spec, same state. */
export function deriveTrendView(spec: TrendSpec): TrendView {
  const grouped = groupedPanels(spec)
  // Styles over every chart, so that a line keeps its style from one page of small charts to the next.
  const { styles, indistinct } = assignStyles(grouped, spec.colourSlots, spec.groups !== undefined)
  let k = 0
  const all = grouped.map((g) => ({
    unit: g.unit,
    ...(g.label !== undefined ? { label: g.label } : {}),
    series: g.series.map((s) => ({ ...s, label: seriesLabel(s, spec.locale), shortLabel: seriesShortLabel(s, spec.locale), ...styles[k++]! })),
  }))
  // Small charts past a page: the page's charts only ("charts 13–24 of 28").
  let chartsPage: ChartsPage | undefined
  let shownPanels = all
  if (spec.groups && all.length > CHARTS_PER_PAGE) {
    const pages = Math.ceil(all.length / CHARTS_PER_PAGE)
    const page = Math.min(Math.max(1, Math.floor(spec.chartsPage ?? 1) || 1), pages)
    shownPanels = all.slice((page - 1) * CHARTS_PER_PAGE, page * CHARTS_PER_PAGE)
    chartsPage = { from: (page - 1) * CHARTS_PER_PAGE + 1, to: (page - 1) * CHARTS_PER_PAGE + shownPanels.length, of: all.length, page, pages }
  }
  const panels: ChartPanel[] = shownPanels.map((p, panel) => ({ ...p, series: p.series.map((s) => ({ ...s, panel })) }))
  const domain = domainOf(spec.series, spec.milestones)
  const inRange = (m: NumberedMilestone) =>
    domain !== null && (m.milestone.endDate?.end ?? m.milestone.date.mid) >= domain.min && m.milestone.date.start <= domain.max
  const plotted = spec.milestones.filter(inRange)
  const comparedId = spec.compare?.milestone.milestone.id
  // The compared milestone is drawn even when secondary: the reader chose it.
  const shown = spec.allMilestones ? plotted : plotted.filter((m) => m.milestone.importance !== 'secondary' || m.milestone.id === comparedId)
  const drawnSeries = panels.flatMap((p) => p.series)
  return {
    locale: spec.locale,
    scale: spec.scale ?? 'linear',
    panels,
    series: drawnSeries,
    legend: legendOf(drawnSeries, spec),
    milestones: shown.map((m) => ({ ...m, kind: m.milestone.endDate ? 'interval' : 'point', ...(m.milestone.id === comparedId ? { compared: true } : {}) })),
    hiddenMilestones: plotted.length - shown.length,
    domain,
    // Every surface cites a source in the reader's language (title and publisher where the data have them).
    sources: spec.locale === 'en' ? spec.sources : new Map([...spec.sources].map(([id, source]) => [id, sourceIn(source, spec.locale)])),
    checks: spec.checks,
    indexBase: spec.indexBase ?? null,
    indistinct,
    ...(chartsPage ? { chartsPage } : {}),
    ...(spec.compare ? { compare: compareView(drawnSeries, spec.compare) } : {}),
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
