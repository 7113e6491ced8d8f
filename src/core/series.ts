import type { Indicator, Observation } from './model'

/** A plotted point keeps its observation, so tooltips and tables can cite source and quote. */
export interface SeriesPoint {
  readonly x: number
  readonly value: number
  readonly observation: Observation
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
  return [o.ageGroup, o.gender, o.region].filter(Boolean).join(' · ')
}

/**
 * Groups observations into series, one per indicator and breakdown, points in time order.
 * Series come in the order of `indicators`; observations of unknown indicators are ignored.
 */
export function buildSeries(observations: readonly Observation[], indicators: readonly Indicator[]): Series[] {
  const groups = new Map<string, Observation[]>()
  for (const o of observations) {
    const key = `${o.indicator}|${breakdownOf(o)}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = []))
    group.push(o)
  }
  const series: Series[] = []
  for (const indicator of indicators) {
    for (const [key, group] of groups) {
      if (!key.startsWith(`${indicator.id}|`)) continue
      const points = group
        .map((observation) => ({ x: observation.period.mid, value: observation.value, observation }))
        .sort((a, b) => a.x - b.x)
      series.push({ key, indicator, breakdown: breakdownOf(group[0]!), points })
    }
  }
  return series
}
