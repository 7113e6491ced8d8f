/**
 * "Compare before and after": for a chosen milestone and each count series drawn, the figures
 * before and after the milestone, described per side by how many figures there are, their level
 * (the mean of the side's figures) and their average yearly change (the least-squares slope per
 * calendar year). It describes figures; it says nothing about what caused a change.
 *
 * - Sides: before = figures whose period ends on or before the milestone's first day; after =
 *   figures whose period starts on or after the day after the milestone (after its end date for a
 *   milestone with one). A figure whose period contains the milestone (the 2014 figure of an April
 *   2014 law) belongs to neither side.
 * - Window: the reader's number of whole calendar years each side (UTC), counted from the
 *   milestone's own year (3 years around April 2014: 2011–2013 and 2015–2017), or every figure drawn.
 * - A side never bridges a series break: it keeps only the figures on the milestone's side of the
 *   break nearest to it.
 * - Withheld figures (small counts and what would give them away, suppression.ts) are never used:
 *   neither their value nor their place; only their note can mark a break.
 * - A side with fewer than MIN_FIGURES figures (or periods) is refused: too few to describe a trend.
 * - Counts only (unit `count`): the "each count series drawn". A rate, a percentage or a
 *   change is a relative figure: its yearly change is a change of a ratio (or of a change), which
 *   reads as a count's trend and is not one; the index and change views draw no counts.
 */
import type { Milestone } from './model'
import { calendarDate, yearOf, yearStart } from './period'
import type { SeriesPoint } from './series'
import { startsNewSegment } from './transform'

/** Fewer figures than this on a side: "too few figures to describe a trend". */
export const MIN_FIGURES = 3
/** The longest window a reader may choose, in years each side. */
export const MAX_WINDOW_YEARS = 50

/** A side described, or refused with the number of figures it had. */
export type CompareSide =
  | {
      readonly ok: true
      /** Figures used. */
      readonly figures: number
      /** Mean of the side's figures. */
      readonly level: number
      /** Average yearly change: least-squares slope, per calendar year. */
      readonly yearly: number
      /** First and last period of the figures used (as the data write them). */
      readonly first: string
      readonly last: string
      /** The fitted line at each figure used (time-axis numbers), for drawing it. */
      readonly fit: readonly { readonly x: number; readonly value: number }[]
    }
  | { readonly ok: false; readonly figures: number }

export interface CompareSides {
  readonly before: CompareSide
  readonly after: CompareSide
}

/** What a comparison is asked for: the milestone and the window (years each side; null: every figure drawn). */
export interface CompareChoice {
  /** The milestone with its number (chartState.ts's NumberedMilestone). */
  readonly milestone: { readonly number: number; readonly milestone: Milestone }
  readonly years: number | null
}

/** A time-axis number as a fractional calendar year (the middle of 2014 is 2014.5): yearly changes are per calendar year. */
export function yearFraction(time: number): number {
  const year = calendarDate(time).year
  const start = yearStart(year)
  return year + (time - start) / (yearStart(year + 1) - start)
}

const isWithheld = (p: SeriesPoint): boolean => p.suppressed !== undefined || p.withheld !== undefined

/** Describes one side's figures (time order), or refuses it. */
function describeSide(points: readonly SeriesPoint[]): CompareSide {
  const used = points.filter((p) => !isWithheld(p))
  const xs = used.map((p) => yearFraction(p.x))
  if (used.length < MIN_FIGURES || new Set(xs).size < MIN_FIGURES) return { ok: false, figures: used.length }
  const n = used.length
  const meanX = xs.reduce((a, b) => a + b, 0) / n
  const level = used.reduce((a, p) => a + p.value, 0) / n
  let num = 0
  let den = 0
  used.forEach((p, i) => {
    num += (xs[i]! - meanX) * (p.value - level)
    den += (xs[i]! - meanX) ** 2
  })
  const yearly = num / den
  return {
    ok: true,
    figures: n,
    level,
    yearly,
    first: used[0]!.observation.period.text,
    last: used[n - 1]!.observation.period.text,
    fit: used.map((p, i) => ({ x: p.x, value: level + yearly * (xs[i]! - meanX) })),
  }
}

/**
 * The figures of a series before and after a milestone, each side described or refused. `points`
 * in time order (as series hold them).
 */
export function compareSeries(points: readonly SeriesPoint[], choice: CompareChoice): CompareSides {
  const { date, endDate } = choice.milestone.milestone
  const cutBefore = date.start
  const cutAfter = (endDate ?? date).end
  const years = choice.years
  // The window counts whole calendar years from the milestone's own year: 3 years around April
  // 2014 are 2011–2013 and 2015–2017.
  const from = years === null ? -Infinity : yearStart(yearOf(cutBefore) - years)
  const to = years === null ? Infinity : yearStart(yearOf(cutAfter - 1) + years + 1)
  const before = points.filter((p) => p.observation.period.end <= cutBefore && p.observation.period.start >= from)
  const after = points.filter((p) => p.observation.period.start >= cutAfter && p.observation.period.end <= to)
  // Before: from the last break among the side's figures on; after: up to the first break after its first figure.
  let lastBreak = 0
  before.forEach((p, i) => {
    if (startsNewSegment(p.observation)) lastBreak = i
  })
  let firstBreak = after.length
  for (let i = after.length - 1; i >= 1; i--) if (startsNewSegment(after[i]!.observation)) firstBreak = i
  return { before: describeSide(before.slice(lastBreak)), after: describeSide(after.slice(0, firstBreak)) }
}

/** One compared series: its key, and its sides. */
export interface CompareRow extends CompareSides {
  readonly key: string
  readonly label: string
  readonly colour: string
}

/** The comparison a chart shows: the milestone, the window, a row per count series drawn. */
export interface Comparison extends CompareChoice {
  readonly rows: readonly CompareRow[]
  /** Series drawn that are not counts (rates, percentages, index, change): left out. */
  readonly notCounts: number
}

/** Compares every count series among `series` (the chart's drawn series). */
export function compareView(
  series: readonly { readonly key: string; readonly label: string; readonly colour: string; readonly unit: string; readonly points: readonly SeriesPoint[] }[],
  choice: CompareChoice,
): Comparison {
  const counts = series.filter((s) => s.unit === 'count')
  return {
    ...choice,
    rows: counts.map((s) => ({ key: s.key, label: s.label, colour: s.colour, ...compareSeries(s.points, choice) })),
    notCounts: series.length - counts.length,
  }
}
