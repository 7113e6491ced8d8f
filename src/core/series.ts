import type { IndicatorRows } from './datasetIndex'
import type { FigureBlock, Indicator, Observation } from './model'

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
  /**
   * One of its figures, for what all of them share (indicator, breakdown values): read it rather
   * than `points[0]` where the points are not needed (a series built from columns makes its points
   * on first read).
   */
  readonly sample?: Observation
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

// A memo, not state: an indicator's rows, as the dataset index holds them, never change, so the
// series built from them are reused when the filters come back to the same figures.
const built = new WeakMap<IndicatorRows, Series[]>()

/**
 * The series of each indicator, in the order of `indicators`, from its rows in `groups` (time
 * order). A group that is the dataset index's own (an unfiltered indicator) is built once.
 * Series are grouped on the columns; each makes its points (and its figures' objects) on first
 * read, so only the series something draws or lists cost an object per figure.
 */
export function buildSeriesByIndicator(indicators: readonly Indicator[], groups: ReadonlyMap<string, IndicatorRows>): Series[] {
  const series: Series[] = []
  for (const indicator of indicators) {
    const group = groups.get(indicator.id)
    if (!group) continue
    let own = built.get(group)
    if (!own || own[0]?.indicator !== indicator) built.set(group, (own = seriesOfRows(group, indicator)))
    series.push(...own)
  }
  return series
}

/** An indicator's rows split by breakdown (first-seen order, as buildSeries does), each a series with lazy points. */
function seriesOfRows(group: IndicatorRows, indicator: Indicator): Series[] {
  const { block, rows } = group
  const keyOf = breakdownKey(block)
  const first = new Map<number | string, number>()
  for (const r of rows) {
    const key = keyOf(r)
    if (!first.has(key)) first.set(key, r)
  }
  return [...first].map(([key, r]) => lazySeries(group, r, (row) => keyOf(row) === key, indicator))
}

/** A row's breakdown (age group, gender, region) as one key of codes, without making its text. */
function breakdownKey(block: FigureBlock): (r: number) => number | string {
  const code = (column: 'ageGroup' | 'gender' | 'region', r: number): number => {
    const codes = block.text[column]
    return typeof codes === 'string' ? 0 : codes[r]!
  }
  const width = block.strings.length + 1
  return width < 200_000
    ? (r) => (code('ageGroup', r) * width + code('gender', r)) * width + code('region', r)
    : (r) => `${code('ageGroup', r)},${code('gender', r)},${code('region', r)}`
}

/** A series holding only its first row: its rows are found again, and made objects, when its points are first read. */
function lazySeries({ block, rows }: IndicatorRows, first: number, belongs: (r: number) => boolean, indicator: Indicator): Series {
  const sample = block.row(first)
  const breakdown = breakdownOf(sample)
  let points: SeriesPoint[] | null = null
  return {
    key: `${indicator.id}|${breakdown}`,
    indicator,
    breakdown,
    sample,
    get points() {
      if (!points) {
        points = []
        for (const r of rows) {
          if (!belongs(r)) continue
          const observation = block.row(r)
          points.push({ x: observation.period.mid, value: observation.value, observation })
        }
        points.sort((a, b) => a.x - b.x)
      }
      return points
    },
  }
}
