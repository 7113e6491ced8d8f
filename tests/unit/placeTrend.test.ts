/**
 * The placement (src/core/chart/placeTrend.ts): its point index finds the figure each drawn item
 * shows (the tooltips, the keyboard's tooltip and the picture's hit test read it), a withheld figure's
 * own value is placed nowhere, and a line is never joined across a definition break, a withheld
 * figure or a missing period: over the fixtures, a long thinned series, and generated data sets.
 */
import fc from 'fast-check'
import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { layoutChart, type ChartProfile } from '../../src/core/chart/chartLayout'
import { deriveTrendView, numberMilestones, type TrendView } from '../../src/core/chart/chartState'
import { drawnFigure, figureAnchor, figureAt, placeTrend, type PlacedTrend } from '../../src/core/chart/placeTrend'
import { buildTrendOption } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { runPipeline, withheldOf } from '../../src/core/pipeline'
import { buildSeries } from '../../src/core/series'
import { applyView, startsNewSegment } from '../../src/core/transform'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { files } from '../helpers/csv'
import { generatedCase, type GeneratedCase } from '../helpers/generatedData'
import { TEXT } from '../helpers/text'

function viewOf(f = files()): TrendView {
  const { value } = readDataset(f)
  return deriveTrendView({
    locale: 'en',
    series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
    milestones: numberMilestones(value.milestones),
    sources: new Map(value.sources.map((s) => [s.id, s])),
  })
}

/** A generated data set through the whole pipeline, its small counts withheld. */
function generatedView(generated: GeneratedCase): TrendView {
  const suppressBelow = () => generated.below
  const state: ViewState = { ...DEFAULT_VIEW, indicators: generated.dataset.indicators.map((i) => i.id), milestones: 'all' }
  return deriveTrendView(runPipeline(generated.dataset, state, { suppressBelow, withheld: withheldOf(generated.dataset, suppressBelow) }).spec)
}

/**
 * One long series of daily figures: definition breaks, provisional figures and withheld small
 * counts (a withheld part too) along it, thinned to the layout's budget.
 */
function longView(): TrendView {
  const rows = Array.from({ length: 2400 }, (_, i) => ({
    indicator: 'cf_hotline_reports',
    period: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    value: 100 + ((i * 37) % 90),
    source: 'knack',
    status: i % 97 === 5 ? 'provisional' : 'reported',
    note: i === 800 || i === 1700 ? 'series break' : '',
  }))
  const view = viewOf(files({ observations: rows }))
  const withhold = (s: TrendView['series'][number]) => ({
    ...s,
    points: s.points.map((p, i) => (i % 131 === 7 ? { ...p, suppressed: 5 } : i % 211 === 9 ? { ...p, suppressed: 5, withheld: 'linked' as const } : p)),
  })
  const series = view.series.map(withhold)
  return { ...view, series, panels: view.panels.map((p) => ({ ...p, series: series.filter((s) => s.panel === view.panels.indexOf(p)) })) }
}

/** The value ECharts is given for a data item, whatever its form. */
function drawnValue(item: unknown): [number, number | null] {
  return (Array.isArray(item) ? item : (item as { value: [number, number | null] }).value) as [number, number | null]
}

/** Every promise of the placement, checked on one view at one layout. */
function checkPlacement(view: TrendView, profile: ChartProfile, width: number): void {
  const layout = layoutChart(view, { width, height: 600 }, profile)
  const placed = placeTrend(view, layout)
  const option = buildTrendOption(view, layout, TEXT, placed)
  const series = option.series as LineSeriesOption[]
  checkIndex(view, placed, series)
  checkWithheld(view, placed, series)
  checkNoBridge(view, placed)
}

/** The point index and the drawn option agree: each indexed figure is drawn where the index says, and back. */
function checkIndex(view: TrendView, placed: PlacedTrend, series: LineSeriesOption[]): void {
  let indexed = 0
  view.series.forEach((s, si) => {
    s.points.forEach((p, pi) => {
      const at = drawnFigure(placed, si, pi)
      const anchor = figureAnchor(view, si, pi)!
      expect([anchor.x, anchor.panel]).toEqual([p.x, s.panel])
      if (!at) return
      indexed++
      const drawn = series[at.line]!
      expect(String(drawn.id).split('#')[0]).toBe(s.key)
      expect(drawnValue((drawn.data as unknown[])[at.item])).toEqual([p.x, p.suppressed ?? p.value])
      expect(figureAt(placed, at.line, at.item)).toEqual({ series: si, point: pi })
    })
  })
  // And every drawn figure (not a gap, not a dashed stretch) is in the index.
  const figures = placed.lines.filter((l) => l.kind !== 'tentative').flatMap((l) => l.items.filter((i) => i.value !== null))
  expect(figures).toHaveLength(indexed)
}

/** A withheld figure's value reaches neither the placement nor the option: a gap, or a marker at its threshold. */
function checkWithheld(view: TrendView, placed: PlacedTrend, series: LineSeriesOption[]): void {
  view.series.forEach((s, si) => {
    const own = placed.lines.map((l, n) => ({ l, n })).filter(({ l }) => l.series === si)
    s.points.forEach((p, pi) => {
      if (p.suppressed === undefined) return
      for (const { l, n } of own) {
        for (const [k, item] of l.items.entries()) {
          if (item.x !== p.x) continue
          expect([null, p.suppressed]).toContain(item.value)
          expect([null, p.suppressed]).toContain(drawnValue((series[n]!.data as unknown[])[k])[1])
        }
      }
      const at = drawnFigure(placed, si, pi)
      // A small count is marked at its threshold; a part withheld with it is not drawn at all.
      if (p.withheld === undefined) expect(placed.lines[at!.line]!.kind).toBe('withheld')
      else expect(at).toBeNull()
      expect(figureAnchor(view, si, pi)!.y).toBe(p.suppressed)
    })
  })
}

/**
 * Two neighbouring figures of a line are joined only inside one stretch of the definition, both
 * reported and shown; a dashed stretch joins two shown neighbours inside one stretch.
 */
function checkNoBridge(view: TrendView, placed: PlacedTrend): void {
  for (const line of placed.lines) {
    const s = view.series[line.series]!
    const segment: number[] = []
    s.points.forEach((p, i) => segment.push((segment[i - 1] ?? 0) + (i > 0 && startsNewSegment(p.observation) ? 1 : 0)))
    const pointAtX = new Map(s.points.map((p, i) => [p.x, i]))
    if (line.kind === 'withheld') continue
    for (let k = 1; k < line.items.length; k++) {
      const a = line.items[k - 1]!
      const b = line.items[k]!
      if (a.value === null || b.value === null) continue
      const i = line.kind === 'line' ? a.point! : pointAtX.get(a.x)!
      const j = line.kind === 'line' ? b.point! : pointAtX.get(b.x)!
      expect(segment[i], `${line.id} joins ${i} and ${j} across a break`).toBe(segment[j])
      expect(s.points[i]!.suppressed ?? s.points[j]!.suppressed).toBeUndefined()
      const reported = s.points[i]!.observation.status === 'reported' && s.points[j]!.observation.status === 'reported'
      // The plain line joins reported figures; the dashed overlay joins a provisional one.
      expect(reported).toBe(line.kind === 'line')
      if (line.kind === 'tentative') expect(j).toBeGreaterThan(i)
    }
  }
}

describe('placeTrend', () => {
  it('indexes every drawn figure where the option draws it, on the fixtures at every profile', () => {
    const view = viewOf()
    for (const profile of ['screen', 'phone', 'embed', 'present', 'slide', 'picture'] as const) checkPlacement(view, profile, 1000)
    const placed = placeTrend(view, layoutChart(view, { width: 1000, height: 600 }, 'screen'))
    expect(placed.lines.map((l) => l.id)).toEqual(view.series.map((s) => s.key))
    expect(placed.milestones.map((m) => m.number)).toEqual(view.milestones.map((m) => m.number))
  })

  it('keeps the index, the withheld figures and the breaks on a long series thinned to the width', () => {
    const view = longView()
    const layout = layoutChart(view, { width: 700, height: 500 }, 'screen')
    const placed = placeTrend(view, layout)
    const line = placed.lines.find((l) => l.kind === 'line')!
    expect(line.compact).toBe(true)
    // Thinned: each of the three stretches to the budget, fewer figures drawn than the series has.
    const drawn = line.items.filter((i) => i.value !== null).length
    expect(drawn).toBeLessThan(view.series[0]!.points.length - 300)
    expect(drawn).toBeLessThanOrEqual(3 * layout.pointBudget)
    expect(placed.lines.map((l) => l.kind).sort()).toEqual(['line', 'tentative', 'withheld'])
    // A break: the null item between the two stretches.
    const breakAt = view.series[0]!.points.findIndex((p, i) => i > 0 && startsNewSegment(p.observation))
    const first = line.items.findIndex((i) => i.point !== undefined && i.point >= breakAt)
    expect(line.items[first - 1]!.value).toBeNull()
    checkPlacement(view, 'screen', 700)
    checkPlacement(view, 'slide', 1920)
  })

  it('draws the same items whatever a withheld figure’s own value is, on a thinned line too', () => {
    const view = longView()
    const layout = layoutChart(view, { width: 700, height: 500 }, 'screen')
    const other = (v: number) => ({
      ...view,
      series: view.series.map((s) => ({ ...s, points: s.points.map((p) => (p.suppressed !== undefined ? { ...p, value: v } : p)) })),
    })
    const items = (v: TrendView) => JSON.stringify(placeTrend(v, layout).lines)
    expect(items(other(0))).toBe(items(other(1_000_000)))
  })

  it('holds on generated data sets (withheld small counts, provisional figures, breaks, many panels)', () => {
    fc.assert(
      fc.property(generatedCase, fc.constantFrom<ChartProfile>('screen', 'phone', 'slide', 'picture'), fc.integer({ min: 320, max: 1600 }), (generated, profile, width) => {
        checkPlacement(generatedView(generated), profile, width)
      }),
      { numRuns: 60, seed: 20_2026 },
    )
  })

  it('places interval milestones inside the domain and label rows above the plot', () => {
    const view = viewOf(
      files({
        milestones: [
          { date: '2010-03-18', end_date: '2025-05-04', precision: 'day', category: 'event', jurisdiction: 'BE', offences: 'general', title_en: 'Long', source: 'knack' },
          { date: '2019-06', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'csam', title_en: 'A', source: 'knack' },
          { date: '2019-07', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'csam', title_en: 'B', source: 'knack' },
        ],
      }),
    )
    const layout = layoutChart(view, { width: 900, height: 500 }, 'screen')
    const placed = placeTrend(view, layout)
    const band = placed.milestones.find((m) => m.kind === 'interval')!
    expect([band.from, band.to]).toEqual([view.domain!.min, view.domain!.max])
    // Two close milestones: their numbers on two rows, one row higher than the other.
    const [a, b] = placed.milestones.filter((m) => m.kind === 'point')
    expect(Math.abs(a!.labelDistance - b!.labelDistance)).toBe(layout.labelRowHeight)
  })
})
