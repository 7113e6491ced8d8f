/**
 * The chart's placement: chart state (chartState.ts) + layout (chartLayout.ts) → every item the
 * chart draws, in axis numbers (time on x, the unit's value on y) and layout pixels: each line's
 * figures and the gaps that keep them apart, the dashed stretches towards provisional figures, the
 * "below the threshold" markers of withheld small counts, milestone lines and bands with their
 * label rows, direct labels, and the panels' axes. It owns the point index: which drawn item shows
 * which figure of the state, read by the tooltips, the keyboard cursor and the picture's hit test.
 * The renderer (trendOption.ts) only maps these items to ECharts. Pure, no ECharts.
 */
import { startsNewSegment } from '../transform'
import { lttb } from '../sample'
import type { SeriesPoint } from '../series'
import { LABEL_CLEARANCE, type ChartLayout } from './chartLayout'
import { milestoneTag, type ChartSeries, type TrendView } from './chartState'

/** Above this many figures a series is drawn as a plain line: symbols would hide the trend and cost time. */
export const SYMBOL_LIMIT = 200

const YEAR_MS = 365 * 86_400_000

/** One drawn item of a line: a figure at (x, value), or a gap (value null) that keeps two figures apart. */
export interface PlacedItem {
  readonly x: number
  readonly value: number | null
  /** The figure's index in its series' points; absent on a gap and on the dashed overlay (which shows no figure). */
  readonly point?: number
  /** A provisional or estimated figure: drawn hollow. */
  readonly hollow?: boolean
}

/**
 * A drawn line: a series' figures (`line`), its withheld small counts as markers (`withheld`), the
 * dashed stretches that join a provisional or estimated figure (`tentative`, silent), or the fitted
 * trend over the figures before or after a compared milestone (`compare`, src/core/compare.ts).
 */
export interface PlacedLine {
  readonly id: string
  readonly kind: 'line' | 'withheld' | 'tentative' | 'compare'
  /** A `compare` line: the side of the milestone it describes. */
  readonly side?: 'before' | 'after'
  /** The series' index in the chart state. */
  readonly series: number
  readonly panel: number
  /** Past SYMBOL_LIMIT figures: no symbols. */
  readonly compact: boolean
  readonly items: readonly PlacedItem[]
}

/** A line's name at its end, in the column right of its panel's plot (pixels from the chart's left edge). */
export interface PlacedLabel {
  /** The drawn line it names (an index in `lines`). */
  readonly line: number
  readonly x: number
}

/** A milestone: a vertical line at `from` (= `to`), or a band from `from` to `to`, clamped to the domain. */
export interface PlacedMilestone {
  /** Its index in the chart state's milestones. */
  readonly index: number
  readonly number: number
  /** What its label says: "12", or "Y3" for one of the reader's own (drawn dash-dot). */
  readonly tag: string
  readonly own: boolean
  readonly kind: 'point' | 'interval'
  readonly from: number
  readonly to: number
  /** How far above the plot's top edge its number sits (its row, placed by the layout so none overlaps). */
  readonly labelDistance: number
  /** The milestone compared before and after: drawn solid and darker. */
  readonly compared?: boolean
}

export interface PlacedPanel {
  /** Milestone numbers and the unit's name above the milestone rows: the top row of panels only. */
  readonly top: boolean
  /** Time labels: under the bottom panel of each column. */
  readonly bottom: boolean
  /** Room between the plot and its unit's name: above the milestone numbers on the top row. */
  readonly nameGap: number
}

/** Where a drawn figure is: its line (an ECharts series index) and item (its data index). */
export interface DrawnAt {
  readonly line: number
  readonly item: number
}

export interface PlacedTrend {
  readonly panels: readonly PlacedPanel[]
  /** The time axis every panel shares, or null with nothing to draw. */
  readonly time: { readonly min: number; readonly max: number; readonly yearTicks: boolean; readonly yearsOnly: boolean } | null
  /** Every line in drawing order; their index is their ECharts series index (milestones come after). */
  readonly lines: readonly PlacedLine[]
  readonly labels: readonly PlacedLabel[]
  readonly milestones: readonly PlacedMilestone[]
  /** The point index: for each series of the state, figure index → where it is drawn (absent: not drawn). */
  readonly drawn: readonly ReadonlyMap<number, DrawnAt>[]
  /** The period slider's ends in pixels, or null where the layout has none. */
  readonly slider: { readonly left: number; readonly right: number } | null
}

// A memo, not state: a series' points never change, and on a long series thinning them is most of
// the cost of a redraw that only changed the filters (the same series come back).
const sampled = new WeakMap<readonly SeriesPoint[], { budget: number; segments: readonly (readonly number[])[] }>()

/**
 * A series' figures as index segments (split at definition breaks), each thinned to the layout's
 * point budget (largest-triangle sampling keeps the points that shape the line).
 */
export function sampledSegments(points: readonly SeriesPoint[], budget: number): readonly (readonly number[])[] {
  const known = sampled.get(points)
  if (known?.budget === budget) return known.segments
  const segments: number[][] = []
  points.forEach((p, i) => {
    const current = segments[segments.length - 1]
    if (!current || startsNewSegment(p.observation)) segments.push([i])
    else current.push(i)
  })
  // A withheld figure weighs by its threshold, never its value: which neighbours are kept must not hint at it.
  const y = (i: number) => points[i]!.suppressed ?? points[i]!.value
  const thinned = segments.map((full) => (full.length > budget ? lttb(full, budget, (i) => points[i]!.x, y) : full))
  sampled.set(points, { budget, segments: thinned })
  return thinned
}

const tentative = (p: SeriesPoint) => p.observation.status !== 'reported'

/**
 * A series' own line and its dashed overlay. A null value keeps two figures apart: across a
 * definition break, at a withheld figure (no point on the line: its marker is drawn apart), and
 * where a provisional or estimated figure joins (the dashed overlay draws that stretch).
 */
function placeLine(s: ChartSeries, budget: number): { items: PlacedItem[]; dashed: PlacedItem[] } {
  const items: PlacedItem[] = []
  const dashed: PlacedItem[] = []
  for (const segment of sampledSegments(s.points, budget)) {
    if (items.length > 0) items.push({ x: s.points[segment[0]!]!.x, value: null })
    segment.forEach((i, n) => {
      const p = s.points[i]!
      if (p.suppressed !== undefined) {
        items.push({ x: p.x, value: null })
        return
      }
      const prev = n > 0 ? s.points[segment[n - 1]!]! : undefined
      if (prev && prev.suppressed === undefined && (tentative(p) || tentative(prev))) {
        items.push({ x: p.x, value: null })
        dashed.push({ x: prev.x, value: prev.value }, { x: p.x, value: p.value }, { x: p.x, value: null })
      }
      items.push({ x: p.x, value: p.value, point: i, ...(tentative(p) ? { hollow: true } : {}) })
    })
  }
  return { items, dashed }
}

/** Only a small count has a place to point at ("below 5", at its threshold); a part or rate withheld with it is a gap. */
function placeWithheld(s: ChartSeries): PlacedItem[] {
  const items: PlacedItem[] = []
  s.points.forEach((p, i) => {
    if (p.suppressed !== undefined && p.withheld === undefined) items.push({ x: p.x, value: p.suppressed, point: i })
  })
  return items
}

/** Every series' lines, in the state's order, and the point index that finds each figure in them. */
function placeLines(view: TrendView, layout: ChartLayout): Pick<PlacedTrend, 'lines' | 'drawn'> {
  const lines: PlacedLine[] = []
  const drawn: Map<number, DrawnAt>[] = []
  view.series.forEach((s, series) => {
    const index = new Map<number, DrawnAt>()
    const compact = s.points.length > SYMBOL_LIMIT
    const { items, dashed } = placeLine(s, layout.pointBudget)
    const withheld = placeWithheld(s)
    const own = [
      { kind: 'line' as const, id: s.key, items },
      ...(withheld.length > 0 ? [{ kind: 'withheld' as const, id: `${s.key}#withheld`, items: withheld }] : []),
      ...(dashed.length > 0 ? [{ kind: 'tentative' as const, id: `${s.key}#tentative`, items: dashed }] : []),
    ]
    for (const line of own) {
      line.items.forEach((item, n) => {
        if (item.point !== undefined) index.set(item.point, { line: lines.length, item: n })
      })
      lines.push({ ...line, series, panel: s.panel, compact: line.kind === 'line' && compact })
    }
    drawn.push(index)
  })
  return { lines, drawn }
}

/**
 * The comparison's trend segments, after every series' own lines (their indexes stay the same): the
 * fitted line over each described side, at the figures it was fitted on. On a log axis a fitted
 * value at or below zero has no place: a gap.
 */
function placeCompare(view: TrendView): PlacedLine[] {
  const rows = view.compare?.rows ?? []
  const byKey = new Map(view.series.map((s, i) => [s.key, i]))
  return rows.flatMap((row) => {
    const series = byKey.get(row.key)
    if (series === undefined) return []
    return (['before', 'after'] as const).flatMap((side) => {
      const described = row[side]
      if (!described.ok) return []
      const items = described.fit.map((f) => ({ x: f.x, value: view.scale === 'log' && f.value <= 0 ? null : f.value }))
      return [{ id: `${row.key}#compare-${side}`, kind: 'compare' as const, side, series, panel: view.series[series]!.panel, compact: true, items }]
    })
  })
}

/** Direct labels in one column right of their panel's plot, whatever the date of a line's last figure. */
function placeLabels(layout: ChartLayout, lines: readonly PlacedLine[]): PlacedLabel[] {
  const direct = layout.directLabels
  if (!direct) return []
  return lines.flatMap((line, n) => {
    const panel = layout.panels[line.panel]
    return line.kind === 'line' && panel ? [{ line: n, x: layout.width - panel.right + direct.distance }] : []
  })
}

function placeMilestones(view: TrendView, layout: ChartLayout): PlacedMilestone[] {
  const rows = new Map(layout.milestoneLabels.map((l) => [l.text, l.row]))
  const domain = view.domain
  return view.milestones.map((m, index) => {
    const { date, endDate } = m.milestone
    const interval = m.kind === 'interval' && endDate
    return {
      index,
      number: m.number,
      tag: milestoneTag(m),
      own: m.tag !== undefined,
      kind: m.kind,
      from: interval ? (domain ? Math.max(date.start, domain.min) : date.start) : date.mid,
      to: interval ? (domain ? Math.min(endDate.end, domain.max) : endDate.end) : date.mid,
      // Clear of the plot's top edge by more than a point symbol's radius: a figure never covers a number.
      labelDistance: LABEL_CLEARANCE + (rows.get(milestoneTag(m)) ?? 0) * layout.labelRowHeight,
      ...(m.compared ? { compared: true } : {}),
    }
  })
}

function placePanels(view: TrendView, layout: ChartLayout): PlacedPanel[] {
  const count = Math.max(view.panels.length, 1)
  const columns = layout.columns ?? 1
  const topNameGap = LABEL_CLEARANCE + Math.max(0, ...layout.milestoneLabels.map((l) => l.row + 1)) * layout.labelRowHeight + 4
  return Array.from({ length: count }, (_, i) => ({ top: i < columns, bottom: i + columns >= count, nameGap: i < columns ? topNameGap : 8 }))
}

/**
 * Over more than three years ticks fall on years, and over more than two the labels name years
 * only: a tick between two New Years ("Jul 2017") would read as the month of a yearly figure, which
 * is drawn mid-year.
 */
function placeTime(view: TrendView): PlacedTrend['time'] {
  const domain = view.domain
  if (!domain) return null
  const span = domain.max - domain.min
  return { min: domain.min, max: domain.max, yearTicks: span > 3 * YEAR_MS, yearsOnly: span > 2 * YEAR_MS }
}

/** Places every item of the chart for a layout. Pure: same state and layout, same placement. */
export function placeTrend(view: TrendView, layout: ChartLayout): PlacedTrend {
  const placed = placeLines(view, layout)
  const lines = [...placed.lines, ...placeCompare(view)]
  const drawn = placed.drawn
  return {
    panels: placePanels(view, layout),
    time: placeTime(view),
    lines,
    labels: placeLabels(layout, lines),
    milestones: placeMilestones(view, layout),
    drawn,
    // Across the whole width, under every column of a grid.
    slider: layout.slider
      ? { left: layout.panels[0]?.left ?? 72, right: layout.panels.length ? Math.min(...layout.panels.map((p) => p.right)) : 28 }
      : null,
  }
}

/** Where figure `point` of series `series` is drawn, or null (thinned away, or withheld and drawn as a gap). */
export function drawnFigure(placed: PlacedTrend, series: number, point: number): DrawnAt | null {
  return placed.drawn[series]?.get(point) ?? null
}

/** The figure a drawn item shows (an ECharts series and data index), or null for a gap, a dashed stretch or a milestone. */
export function figureAt(placed: PlacedTrend, line: number, item: number): { series: number; point: number } | null {
  const l = placed.lines[line]
  const point = l?.items[item]?.point
  return l && point !== undefined ? { series: l.series, point } : null
}

/**
 * Where a figure is anchored in axis numbers: its value, or for a withheld figure its threshold
 * (a withheld figure's own value is never placed anywhere).
 */
export function figureAnchor(view: TrendView, series: number, point: number): { panel: number; x: number; y: number } | null {
  const s = view.series[series]
  const p = s?.points[point]
  return s && p ? { panel: s.panel, x: p.x, y: p.suppressed ?? p.value } : null
}
