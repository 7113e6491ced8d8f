import { numberMilestones, type TrendSpec } from '../chart/trendOption'
import { checkConsistency, type ConsistencyCheck } from '../consistency'
import { selectFigures } from '../filters'
import type { Dataset, Observation } from '../model'
import { buildSeries } from '../series'
import { applyView, effectiveScale } from '../transform'
import type { ViewState } from '../view'

/**
 * The chart spec of any view state, as the dashboard derives it (filters, view mode, scale,
 * milestones): for saved views shown in Present mode and exported as a deck.
 */
export function specForView(dataset: Dataset, state: ViewState, height?: number): TrendSpec {
  const selection = selectFigures(dataset, state)
  const series = applyView(buildSeries(selection.observations, selection.indicators), state.mode, state.base).series
  const checks =
    state.mode === 'absolute'
      ? new Map<Observation, ConsistencyCheck>(checkConsistency(dataset).map((c) => [c.observation, c]))
      : undefined
  return {
    locale: state.locale,
    series,
    milestones: numberMilestones(selection.milestones),
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    scale: effectiveScale(state.scale, series),
    checks,
    height,
  }
}
