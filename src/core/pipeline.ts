/**
 * The one pipeline from data to what is drawn: filters → series → view mode (index, change) →
 * chart spec. The dashboard store, saved views, Present mode and exports all call it, so a view
 * state gives the same chart wherever it is shown.
 */
import { numberedSelection, numberMilestones, type NumberedMilestone, type TrendSpec } from './chart/chartState'
import type { ConsistencyCheck } from './consistency'
import { selectFigures, type Selection } from './filters'
import type { Dataset, Observation } from './model'
import { buildSeries, type Series } from './series'
import { applyView, effectiveScale, type ViewResult } from './transform'
import type { ViewState } from './view'

export interface ViewPipeline {
  readonly selection: Selection
  readonly series: readonly Series[]
  readonly viewResult: ViewResult
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
}

export function runPipeline(dataset: Dataset, state: ViewState, context: PipelineContext = {}): ViewPipeline {
  const selection = selectFigures(dataset, state)
  const series = buildSeries(selection.observations, selection.indicators)
  const viewResult = applyView(series, state.mode, state.base)
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
  }
  return { selection, series, viewResult, milestones, spec }
}
