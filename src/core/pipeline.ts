/**
 * The one pipeline from data to what is drawn: filters → series → view mode (index, change) →
 * chart spec. The dashboard store, saved views, Present mode and exports all call it, so a view
 * state gives the same chart wherever it is shown.
 */
import { numberedSelection, numberMilestones, type NumberedMilestone, type TrendSpec } from './chart/chartState'
import type { ConsistencyCheck } from './consistency'
import { selectFigures, type Selection } from './filters'
import type { Dataset, Observation } from './model'
import { applyBreakdown, type BreakdownResult } from './breakdown'
import { buildSeriesByIndicator, type Series } from './series'
import { isSuppressed, markSmallCounts, suppressView, withheldFigures, type Blocked, type Withheld } from './suppression'
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
  return withheldFigures(dataset.observations, dataset.indicators, suppressBelow ?? (() => 0))
}

export function runPipeline(dataset: Dataset, state: ViewState, context: PipelineContext = {}): ViewPipeline {
  const selection = selectFigures(dataset, state)
  // Withheld over the whole data set, never the selection: a filter must not change what can be combined.
  const withheld = context.withheld ?? withheldOf(dataset, context.suppressBelow)
  const series = markSmallCounts(buildSeriesByIndicator(selection.indicators, selection.groups), context.suppressBelow ?? (() => 0), withheld)
  const breakdown = applyBreakdown(series, state.breakdown, state.by, isSuppressed, state.chartsOrder)
  // No index or change is ever computed from a withheld count.
  const applied = applyView(breakdown.series, state.mode, state.base)
  const viewResult = { ...suppressView(applied, breakdown.series, state.mode), base: applied.base }
  const milestones = numberedSelection(context.numbered ?? numberedMilestones(dataset), selection.milestones)
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
  }
  return { selection, series, breakdown, viewResult, milestones, spec }
}
