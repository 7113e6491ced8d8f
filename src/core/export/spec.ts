import { deriveTrendView, type TrendView } from '../chart/chartState'
import { checkConsistency, type ConsistencyCheck } from '../consistency'
import type { Dataset, Observation } from '../model'
import { runPipeline } from '../pipeline'
import type { ViewState } from '../view'

/**
 * The chart state of any view state, through the one pipeline the dashboard uses: for saved views
 * shown in Present mode and exported as a deck.
 */
export function viewFor(dataset: Dataset, state: ViewState): TrendView {
  const checks = new Map<Observation, ConsistencyCheck>(checkConsistency(dataset).map((c) => [c.observation, c]))
  return deriveTrendView(runPipeline(dataset, state, { checks }).spec)
}
