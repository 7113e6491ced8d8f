import type { Dataset, Observation } from './model'

/** Observations grouped by indicator, each group in time order, and counts: built once per dataset. */
export interface DatasetIndex {
  readonly byIndicator: ReadonlyMap<string, readonly Observation[]>
  readonly countByIndicator: ReadonlyMap<string, number>
}

// A memo, not state: a dataset is immutable, so its index never changes. Filter changes on a large
// dataset then walk the chosen indicators' figures instead of every figure, and never re-sort.
const cache = new WeakMap<Dataset, DatasetIndex>()

export function indexDataset(dataset: Dataset): DatasetIndex {
  let index = cache.get(dataset)
  if (index) return index
  const byIndicator = new Map<string, Observation[]>()
  for (const o of dataset.observations) {
    let group = byIndicator.get(o.indicator)
    if (!group) byIndicator.set(o.indicator, (group = []))
    group.push(o)
  }
  const countByIndicator = new Map<string, number>()
  for (const [id, group] of byIndicator) {
    group.sort((a, b) => a.period.start - b.period.start)
    countByIndicator.set(id, group.length)
  }
  index = { byIndicator, countByIndicator }
  cache.set(dataset, index)
  return index
}
