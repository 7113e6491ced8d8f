import type { Dataset, Observation } from './model'
import { yearOf } from './period'

/**
 * How many of an indicator's figures share a source, a jurisdiction and a span of years: what the
 * filters look at. An indicator has a handful of these however many figures it has.
 */
export interface Tally {
  readonly source: string
  /** The figures' `region`, empty for Belgium (`jurisdictionOf` in filters.ts reads it as BE). */
  readonly region: string
  readonly firstYear: number
  readonly lastYear: number
  readonly count: number
}

/** Observations grouped by indicator, each group in time order, counts and tallies: built once per dataset. */
export interface DatasetIndex {
  readonly byIndicator: ReadonlyMap<string, readonly Observation[]>
  readonly countByIndicator: ReadonlyMap<string, number>
  readonly talliesByIndicator: ReadonlyMap<string, readonly Tally[]>
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
  const talliesByIndicator = new Map<string, Tally[]>()
  for (const [id, group] of byIndicator) {
    group.sort((a, b) => a.period.start - b.period.start)
    countByIndicator.set(id, group.length)
    talliesByIndicator.set(id, tallies(group))
  }
  index = { byIndicator, countByIndicator, talliesByIndicator }
  cache.set(dataset, index)
  return index
}

function tallies(group: readonly Observation[]): Tally[] {
  const byKey = new Map<string, { source: string; region: string; firstYear: number; lastYear: number; count: number }>()
  for (const o of group) {
    const firstYear = yearOf(o.period.start)
    const lastYear = yearOf(o.period.end - 1)
    const key = `${o.source}\u0000${o.region}\u0000${firstYear}\u0000${lastYear}`
    const tally = byKey.get(key)
    if (tally) tally.count++
    else byKey.set(key, { source: o.source, region: o.region, firstYear, lastYear, count: 1 })
  }
  return [...byKey.values()]
}
