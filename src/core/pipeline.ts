/**
 * The one pipeline from data to what is drawn: filters → series → view mode (index, change) →
 * chart spec. The dashboard store, saved views, Present mode and exports all call it, so a view
 * state gives the same chart wherever it is shown.
 */
import { milestoneTag, numberedSelection, numberMilestones, type NumberedMilestone, type TrendSpec } from './chart/chartState'
import type { ConsistencyCheck } from './consistency'
import { DEFAULT_MAX_SERIES, selectFigures, type Selection } from './filters'
import type { Dataset, Observation } from './model'
import { applyBreakdown, type BreakdownResult } from './breakdown'
import { buildSeriesByIndicator, type Series } from './series'
import { isSuppressed, markSmallCounts, suppressView, withheldInDataset, type Blocked, type Withheld } from './suppression'
import { applyView, effectiveScale, type ViewResult } from './transform'
import type { ViewState } from './view'

export interface ViewPipeline {
  readonly selection: Selection
  /** The series as the filters leave them, small counts marked. */
  readonly series: readonly Series[]
  /** Breakdowns drawn as lines, a total or small charts (src/core/breakdown.ts). */
  readonly breakdown: BreakdownResult
  /** The view mode applied; `blocked` names what a withheld count kept from being computed. */
  readonly viewResult: ViewResult & { readonly blocked: readonly Blocked[] }
  readonly milestones: readonly NumberedMilestone[]
  readonly spec: TrendSpec
  /** Set when more lines were there than are drawn, counted after breakdowns. */
  readonly lineCap: LineCap | null
}

/** "Showing 20 of 20,000 lines": how many lines are drawn, of how many the view has after breakdowns. */
export interface LineCap {
  readonly shown: number
  readonly total: number
}

/**
 * The cap on lines, applied after breakdowns: 50 series by 400 regions is 20,000 lines, which no
 * chart, legend or table can show (the page froze for minutes). At least DEFAULT_MAX_SERIES, or as
 * many as indicators the user picked.
 */
export function lineLimit(state: Pick<ViewState, 'indicators'>): number {
  return Math.max(DEFAULT_MAX_SERIES, state.indicators.length)
}

/** The first `limit` of `series`, taken in turn from each indicator (its first line, then its second…), in their order. */
function takeInTurn<S extends { readonly indicator: { readonly id: string } }>(series: readonly S[], limit: number): Set<number> {
  const rank = new Map<string, number>()
  const ranked = series.map((s, i) => {
    const n = rank.get(s.indicator.id) ?? 0
    rank.set(s.indicator.id, n + 1)
    return { i, n }
  })
  return new Set(ranked.sort((a, b) => a.n - b.n || a.i - b.i).slice(0, limit).map((r) => r.i))
}

/**
 * `limit` lines of a breakdown, taken in turn from each indicator so the lines drawn show as many
 * series as they can. Small charts are paged (a page of charts at a time, chartState.ts), so there
 * the cap applies to each chart's lines, and every chart keeps its place in the pages.
 */
function capLines(result: BreakdownResult, limit: number): { breakdown: BreakdownResult; cap: LineCap | null } {
  if (result.groups.length === 0) {
    if (result.series.length <= limit) return { breakdown: result, cap: null }
    const chosen = takeInTurn(result.series, limit)
    return { breakdown: { ...result, series: result.series.filter((_, i) => chosen.has(i)) }, cap: { shown: limit, total: result.series.length } }
  }
  const byKey = new Map(result.series.map((s) => [s.key, s]))
  let cut = false
  const groups = result.groups.map((g) => {
    if (g.keys.length <= limit) return g
    cut = true
    const chosen = takeInTurn(g.keys.map((k) => byKey.get(k)!), limit)
    return { ...g, keys: g.keys.filter((_, i) => chosen.has(i)) }
  })
  if (!cut) return { breakdown: result, cap: null }
  const kept = new Set(groups.flatMap((g) => g.keys))
  const series = result.series.filter((s) => kept.has(s.key))
  return { breakdown: { ...result, series, groups }, cap: { shown: series.length, total: result.series.length } }
}

/** Each indicator's place in the catalogue: what keeps its colour the same in every view. */
export function colourSlots(dataset: Dataset): Map<string, number> {
  return new Map(dataset.indicators.map((indicator, i) => [indicator.id, i]))
}

/** Milestones numbered once in the whole data set, so a number never changes with the filters. */
export function numberedMilestones(dataset: Dataset): NumberedMilestone[] {
  return numberMilestones(dataset.milestones)
}

export interface PipelineContext {
  /** Published relative figures checked against counts (shown in absolute view only). */
  readonly checks?: ReadonlyMap<Observation, ConsistencyCheck>
  /** Precomputed per data set (the store keeps them between filter changes). */
  readonly numbered?: readonly NumberedMilestone[]
  readonly slots?: ReadonlyMap<string, number>
  /** Small counts below this are withheld, per indicator (its imported dataset's setting; 0: none). */
  readonly suppressBelow?: (indicator: Series['indicator']) => number
  /** Every withheld figure of the data set (withheldFigures), computed once per data set. */
  readonly withheld?: ReadonlyMap<Observation, Withheld>
}

/** Withheld figures of a whole data set: small counts, the parts that would give them away, their rates. */
export function withheldOf(dataset: Dataset, suppressBelow: PipelineContext['suppressBelow']): Map<Observation, Withheld> {
  return withheldInDataset(dataset, suppressBelow ?? (() => 0))
}

export function runPipeline(dataset: Dataset, state: ViewState, context: PipelineContext = {}): ViewPipeline {
  const selection = selectFigures(dataset, state)
  // Withheld over the whole data set, never the selection: a filter must not change what can be combined.
  const withheld = context.withheld ?? withheldOf(dataset, context.suppressBelow)
  const series = markSmallCounts(buildSeriesByIndicator(selection.indicators, selection.groups), context.suppressBelow ?? (() => 0), withheld)
  const { breakdown, cap: lineCap } = capLines(applyBreakdown(series, state.breakdown, state.by, isSuppressed, state.chartsOrder), lineLimit(state))
  // No index or change is ever computed from a withheld count.
  const applied = applyView(breakdown.series, state.mode, state.base)
  const viewResult = { ...suppressView(applied, breakdown.series, state.mode), base: applied.base }
  const numbered = context.numbered ?? numberedMilestones(dataset)
  const milestones = numberedSelection(numbered, selection.milestones)
  // The compared milestone is found in the whole data set: a filter on milestones does not undo a comparison.
  const compared = state.compare ? numbered.find((m) => milestoneTag(m) === state.compare) : undefined
  const spec: TrendSpec = {
    locale: state.locale,
    series: viewResult.series,
    milestones,
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    scale: effectiveScale(state.scale, viewResult.series),
    checks: state.mode === 'absolute' ? context.checks : undefined,
    colourSlots: context.slots ?? colourSlots(dataset),
    allMilestones: state.milestones === 'all',
    indexBase: viewResult.base ?? null,
    groups: breakdown.groups.length ? breakdown.groups : undefined,
    ...(breakdown.groups.length ? { chartsPage: state.chartsPage } : {}),
    ...(compared ? { compare: { milestone: compared, years: state.compareYears } } : {}),
  }
  return { selection, series, breakdown, viewResult, milestones, spec, lineCap }
}
