import type { Indicator } from './model'
import type { Series, SeriesPoint } from './series'
import type { ViewResult, ViewSeries } from './transform'
import type { ViewMode } from './view'

/**
 * Small-count suppression, as statistical offices do for tables about children: a count above
 * zero and below a dataset's threshold (default 5) is shown as "< 5", never as its number. It is
 * not drawn as a point, not summed into totals, and no index or change is computed from it (a
 * change from 2 to 6 is not "+200 %"); exports write the suppressed form. Bundled data are
 * published national figures and are not suppressed; each imported dataset has its threshold.
 */
export const DEFAULT_SUPPRESS_BELOW = 5

/** Whether a figure is a small count to withhold under a threshold (0: no suppression). */
export function isSmallCount(value: number, indicator: Pick<Indicator, 'unit'>, below: number): boolean {
  return below > 0 && indicator.unit === 'count' && value > 0 && value < below
}

/** The suppressed form of a figure: "< 5". */
export function suppressedText(below: number): string {
  return `< ${below}`
}

/** Marks the small counts of each series with their threshold (`thresholdOf` gives it per indicator). */
export function markSmallCounts(series: readonly Series[], thresholdOf: (indicator: Indicator) => number): Series[] {
  return series.map((s) => {
    const below = thresholdOf(s.indicator)
    if (!(below > 0) || s.indicator.unit !== 'count' || !s.points.some((p) => isSmallCount(p.value, s.indicator, below))) return s
    return { ...s, points: s.points.map((p) => (isSmallCount(p.value, s.indicator, below) ? { ...p, suppressed: below } : p)) }
  })
}

export const isSuppressed = (p: SeriesPoint): boolean => p.suppressed !== undefined

/** A series whose index or change could not be computed where small counts are withheld. */
export interface Blocked {
  readonly series: Series
  /** The periods (ISO text) with no index or change; empty when the base itself is withheld. */
  readonly periods: readonly string[]
  readonly reason: 'base' | 'points'
}

/**
 * Removes from an index or change view every value computed from a withheld count: an index of a
 * withheld figure, every index on a withheld base, a change to or from a withheld figure. The
 * absolute view keeps the marked points (drawn as "< 5", not as a value).
 */
export function suppressView(result: ViewResult, input: readonly Series[], mode: ViewMode): ViewResult & { readonly blocked: readonly Blocked[] } {
  if (mode === 'absolute') return { ...result, blocked: [] }
  const sources = new Map(input.map((s) => [s.key, s]))
  const blocked: Blocked[] = []
  const series: ViewSeries[] = []
  for (const s of result.series) {
    const source = sources.get(s.key)
    if (!source || !source.points.some(isSuppressed)) {
      series.push(s)
      continue
    }
    if (mode === 'index') {
      const base = source.points.find((p) => p.observation.period.text === s.viewBaseline)
      if (base && isSuppressed(base)) {
        blocked.push({ series: source, periods: [], reason: 'base' })
        continue
      }
      const kept = s.points.filter((p) => !isSuppressed(p))
      blocked.push({ series: source, periods: s.points.filter(isSuppressed).map((p) => p.observation.period.text), reason: 'points' })
      if (kept.length) series.push({ ...s, points: kept })
      continue
    }
    // Change: the point before each one in the source series is the figure it was computed from.
    const previous = new Map<unknown, SeriesPoint | undefined>(source.points.map((p, i) => [p.observation, source.points[i - 1]]))
    const kept: SeriesPoint[] = []
    const lost: string[] = []
    for (const p of s.points) {
      const prev = previous.get(p.observation)
      if (isSuppressed(p) || (prev && isSuppressed(prev))) lost.push(p.observation.period.text)
      else kept.push(p)
    }
    if (lost.length) blocked.push({ series: source, periods: lost, reason: 'points' })
    if (kept.length) series.push({ ...s, points: kept })
  }
  return { series, excluded: result.excluded, blocked }
}
