import type { Indicator, Observation } from './model'

/** A plotted point keeps its observation, so tooltips and tables can cite source and quote. */
export interface SeriesPoint {
  readonly x: number
  readonly value: number
  readonly observation: Observation
  /** A small count withheld (src/core/suppression.ts): the threshold it is below ("< 5"). */
  readonly suppressed?: number
  /** Withheld though not itself a small count (src/core/suppression.ts): shown as a word, not "< 5". */
  readonly withheld?: 'secondary' | 'linked'
}

/** One line on the chart: an indicator, for one breakdown (age group, gender, region). */
export interface Series {
  readonly key: string
  readonly indicator: Indicator
  /** `age_group · gender · region` when the figures are broken down, else empty. */
  readonly breakdown: string
  readonly points: readonly SeriesPoint[]
}

export function breakdownOf(o: Pick<Observation, 'ageGroup' | 'gender' | 'region'>): string {
  if (!o.ageGroup && !o.gender && !o.region) return '' // the common case, without allocating
  return [o.ageGroup, o.gender, o.region].filter(Boolean).join(' · ')
}

/**
 * Groups observations into series, one per indicator and breakdown, points in time order.
 * Series come in the order of `indicators`; observations of unknown indicators are ignored.
 */
export function buildSeries(observations: readonly Observation[], indicators: readonly Indicator[]): Series[] {
  // indicator -> breakdown -> observations
  const groups = new Map<string, Map<string, Observation[]>>()
  for (const o of observations) {
    let byBreakdown = groups.get(o.indicator)
    if (!byBreakdown) groups.set(o.indicator, (byBreakdown = new Map()))
    const breakdown = breakdownOf(o)
    let group = byBreakdown.get(breakdown)
    if (!group) byBreakdown.set(breakdown, (group = []))
    group.push(o)
  }
  const series: Series[] = []
  for (const indicator of indicators) {
    for (const [breakdown, group] of groups.get(indicator.id) ?? []) {
      const points = group.map((observation) => ({ x: observation.period.mid, value: observation.value, observation }))
      // Usually already in time order (filters walk a time-ordered index): then this is one linear pass.
      points.sort((a, b) => a.x - b.x)
      series.push({ key: `${indicator.id}|${breakdown}`, indicator, breakdown, points })
    }
  }
  return series
}

// A memo, not state: an indicator's figures, as the dataset index holds them, never change, so
// the series built from them can be reused when the filters come back to the same figures.
const built = new WeakMap<readonly Observation[], Series[]>()

/**
 * The series of each indicator, in the order of `indicators`, from its figures in `groups`. A
 * group that is the dataset index's own array (an unfiltered indicator) is built once.
 */
export function buildSeriesByIndicator(indicators: readonly Indicator[], groups: ReadonlyMap<string, readonly Observation[]>): Series[] {
  const series: Series[] = []
  for (const indicator of indicators) {
    const group = groups.get(indicator.id)
    if (!group) continue
    let own = built.get(group)
    if (!own || own[0]?.indicator !== indicator) built.set(group, (own = buildSeries(group, [indicator])))
    series.push(...own)
  }
  return series
}
