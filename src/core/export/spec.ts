import { deriveTrendView, type TrendView } from '../chart/chartState'
import { checkConsistency, type ConsistencyCheck } from '../consistency'
import type { Dataset, Observation } from '../model'
import { runPipeline, type PipelineContext } from '../pipeline'
import type { ViewState } from '../view'

/**
 * The chart state of any view state, through the one pipeline the dashboard uses. The app passes
 * the dashboard store's context (checks, numbering, colours and small-count thresholds, computed
 * once per data set); without one, it is computed here.
 */
export function viewFor(dataset: Dataset, state: ViewState, context?: PipelineContext): TrendView {
  const checks = context?.checks ?? new Map<Observation, ConsistencyCheck>(checkConsistency(dataset).map((c) => [c.observation, c]))
  return deriveTrendView(runPipeline(dataset, state, { ...context, checks }).spec)
}
