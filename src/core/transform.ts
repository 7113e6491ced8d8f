import type { DisplayUnit, Observation } from './model'
import { previousPeriod } from './consistency'
import { firstYear } from './period'
import type { Series, SeriesPoint } from './series'
import type { Scale, ViewMode } from './view'

/** A note saying the series' definition changes at this figure: the line is not joined across it. */
const BREAK_NOTE = /series break|break in series|rupture de série|breuk in de reeks/i

export function startsNewSegment(o: Observation): boolean {
  return BREAK_NOTE.test(o.note)
}

/** Splits a series' points where its definition changes. */
export function segmentsOf(points: readonly SeriesPoint[]): SeriesPoint[][] {
  const segments: SeriesPoint[][] = []
  for (const point of points) {
    const current = segments[segments.length - 1]
    if (!current || startsNewSegment(point.observation)) segments.push([point])
    else current.push(point)
  }
  return segments
}

/** A series after a view transform, with the unit it is now drawn in. */
export interface ViewSeries extends Series {
  readonly unit: DisplayUnit
  /** For index: the base period; for change: 'previous period'. */
  readonly viewBaseline: string
}

/**
 * A series, or part of one, left out of a view, for the notice above the chart. `other_segment`:
 * the series is drawn as an index within its base's segment; `periods` are its figures across a
 * series break, which cannot be indexed against that base.
 */
export interface Excluded {
  readonly series: Series
  readonly reason: 'not_count' | 'no_base' | 'too_short' | 'other_segment'
  readonly periods?: readonly string[]
  /** For `other_segment`: the base period the drawn part is indexed on. */
  readonly base?: string
}

/**
 * The notice's lines: exclusions of one indicator for the same reason (every line of a breakdown,
 * say 14 arrondissements' rates) make one line naming how many, not one line each.
 */
export interface ExcludedGroup {
  readonly reason: Excluded['reason']
  /** The one series excluded, or the first of several lines of one indicator. */
  readonly series: Series
  /** How many lines of the indicator are left out for this reason (1: name the series itself). */
  readonly lines: number
  readonly periods?: readonly string[]
  readonly base?: string
}

export function groupExcluded(excluded: readonly Excluded[]): ExcludedGroup[] {
  const groups = new Map<string, { first: Excluded; lines: number }>()
  for (const e of excluded) {
    const key = `${e.reason}\u0000${e.series.indicator.id}\u0000${(e.periods ?? []).join(',')}\u0000${e.base ?? ''}`
    const g = groups.get(key)
    if (g) g.lines++
    else groups.set(key, { first: e, lines: 1 })
  }
  return [...groups.values()].map(({ first, lines }) => ({ ...first, lines }))
}

export interface ViewResult {
  readonly series: readonly ViewSeries[]
  /** Series left out of this view, with the reason, for the notice under the chart. */
  readonly excluded: readonly Excluded[]
  /** The index view's base year when every line shares it (chosen, or common to all); null otherwise. */
  readonly base?: number | null
}

function yearOf(point: SeriesPoint): number {
  return firstYear(point.observation.period)
}

/**
 * The base year an index view uses when the user has not chosen one, so that every line shares
 * one base: the year with a yearly figure above zero in the most count series (the latest such
 * year on a tie). Lines without a figure that year are left out of the index view, and the notice
 * under the chart says so. Null when no count series has a yearly figure.
 */
export function commonBaseYear(series: readonly Series[]): number | null {
  const coverage = new Map<number, number>()
  for (const s of series) {
    if (s.indicator.unit !== 'count') continue
    const years = new Set(s.points.filter((p) => p.observation.period.kind === 'year' && p.value !== 0).map((p) => yearOf(p)))
    for (const y of years) coverage.set(y, (coverage.get(y) ?? 0) + 1)
  }
  let best: number | null = null
  for (const [year, count] of coverage) {
    const bestCount = best === null ? 0 : coverage.get(best)!
    if (count > bestCount || (count === bestCount && year > best!)) best = year
  }
  return best
}

/**
 * Applies the view mode. Absolute keeps every series. Index (base = 100) and change from the
 * previous period apply to counts only; a change is computed only between consecutive periods of
 * the same segment, never across a series break.
 */
export function applyView(series: readonly Series[], mode: ViewMode, chosenBase: number | null): ViewResult {
  // Without a chosen base, the index uses one base common to every line, or each line's first figure.
  const base = mode === 'index' && chosenBase === null ? commonBaseYear(series) : chosenBase
  if (mode === 'absolute') {
    return { series: series.map((s) => ({ ...s, unit: s.indicator.unit, viewBaseline: '' })), excluded: [] }
  }
  const out: ViewSeries[] = []
  const excluded: ViewResult['excluded'][number][] = []
  for (const s of series) {
    if (s.indicator.unit !== 'count') {
      excluded.push({ series: s, reason: 'not_count' })
      continue
    }
    if (mode === 'index') {
      const basePoint = base === null ? s.points[0] : s.points.find((p) => p.observation.period.kind === 'year' && yearOf(p) === base)
      if (!basePoint || basePoint.value === 0) {
        excluded.push({ series: s, reason: 'no_base' })
        continue
      }
      // Index within the base's segment only: a definition change makes the ratio meaningless. The
      // figures of the other segments are named in the notice, never dropped silently.
      const segment = segmentsOf(s.points).find((seg) => seg.includes(basePoint)) ?? []
      if (segment.length < s.points.length) {
        const inSegment = new Set(segment)
        const periods = s.points.filter((p) => !inSegment.has(p)).map((p) => p.observation.period.text)
        excluded.push({ series: s, reason: 'other_segment', periods, base: basePoint.observation.period.text })
      }
      out.push({
        ...s,
        unit: 'index',
        viewBaseline: basePoint.observation.period.text,
        points: segment.map((p) => ({ ...p, value: (p.value / basePoint.value) * 100 })),
      })
      continue
    }
    const points: SeriesPoint[] = []
    for (const segment of segmentsOf(s.points)) {
      for (let i = 1; i < segment.length; i++) {
        const prev = segment[i - 1]!
        const cur = segment[i]!
        if (prev.value === 0) continue
        if (previousPeriod(cur.observation.period.text) !== prev.observation.period.text) continue
        points.push({ ...cur, value: (cur.value / prev.value - 1) * 100 })
      }
    }
    if (points.length === 0) {
      excluded.push({ series: s, reason: 'too_short' })
      continue
    }
    out.push({ ...s, unit: 'percent_change', viewBaseline: 'previous period', points })
  }
  return { series: out, excluded, base: mode === 'index' ? base : null }
}

/** Log scale needs every shown value above zero; says why not otherwise. */
export function logScaleAvailability(series: readonly { points: readonly { value: number }[] }[]): { ok: true } | { ok: false; reason: 'non_positive' | 'empty' } {
  // A walk, not a flattened copy: it runs on every filter change, over up to 100,000 points.
  let any = false
  for (const s of series) {
    for (const p of s.points) {
      if (!(p.value > 0)) return { ok: false, reason: 'non_positive' }
      any = true
    }
  }
  return any ? { ok: true } : { ok: false, reason: 'empty' }
}

export function effectiveScale(requested: Scale, series: readonly { points: readonly { value: number }[] }[]): Scale {
  return requested === 'log' && logScaleAvailability(series).ok ? 'log' : 'linear'
}
