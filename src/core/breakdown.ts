import type { Indicator, Observation, Status } from './model'
import { breakdownOf, type Series, type SeriesPoint } from './series'

/**
 * Breakdowns (by region, age group or gender) drawn three ways: one line per value (`lines`, the
 * figures as they are), their `total`, or one small chart per value (`small`). A total is computed
 * only where the parts are known to add up: counts, every value of the breakdown present in the
 * period and none of them suppressed; anywhere else there is no total, and the result says where.
 */
export const BREAKDOWN_MODES = ['lines', 'total', 'small'] as const
export type BreakdownMode = (typeof BREAKDOWN_MODES)[number]
export const BREAKDOWN_DIMENSIONS = ['region', 'age', 'gender'] as const
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number]

const FIELD = { region: 'region', age: 'ageGroup', gender: 'gender' } as const satisfies Record<BreakdownDimension, keyof Observation>

/**
 * Values that are themselves the whole (a "Total" row, "World", "Belgique"): never summed with the
 * parts. The widest first: a table of countries with a World row totals to World, not Belgium.
 */
const WHOLE: readonly RegExp[] = [
  /^(total|totaal|totale?|tous|toutes|all|alle|overall|ensemble|tout)$/i,
  /^(world|monde|wereld)$/i,
  /^(belgi(um|que|ë)|national|nationaal|royaume|rijk)$/i,
]

/** How wide a whole a value names: 0 (the widest) to 2, or -1 for a part. */
export function wholeRank(value: string): number {
  return WHOLE.findIndex((pattern) => pattern.test(value.trim()))
}

const STATUS_RANK: Readonly<Record<Status, number>> = { reported: 0, provisional: 1, estimate: 2 }

/** A series' value on a dimension (all its points share it), '' when it is not broken down on it. */
export function valueOf(series: Series, dimension: BreakdownDimension): string {
  const first = series.sample ?? series.points[0]?.observation
  return first ? first[FIELD[dimension]] : ''
}

/** The values of a dimension found in these series, in first-seen order. */
export function breakdownValues(series: readonly Series[], dimension: BreakdownDimension): string[] {
  const values: string[] = []
  for (const s of series) {
    const v = valueOf(s, dimension)
    if (v && !values.includes(v)) values.push(v)
  }
  return values
}

/** The dimensions with two values or more in these series: those a breakdown control offers. */
export function availableDimensions(series: readonly Series[]): BreakdownDimension[] {
  return BREAKDOWN_DIMENSIONS.filter((d) => breakdownValues(series, d).length >= 2)
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/**
 * The small charts' order, stable whatever the data's row order: the whole (`Total`, `Belgique`…)
 * first, then the largest (by the largest figure shown; withheld ones count as nothing) or by name;
 * ties by name.
 */
export function orderedValues(series: readonly Series[], dimension: BreakdownDimension, order: 'size' | 'name'): string[] {
  const size = new Map<string, number>()
  for (const s of series) {
    const v = valueOf(s, dimension)
    if (!v) continue
    let top = size.get(v) ?? 0
    for (const p of s.points) if (p.suppressed === undefined) top = Math.max(top, Math.abs(p.value))
    size.set(v, top)
  }
  return [...size.keys()].sort((a, b) => {
    const wa = wholeRank(a)
    const wb = wholeRank(b)
    if ((wa >= 0) !== (wb >= 0)) return wa >= 0 ? -1 : 1
    if (wa >= 0 && wa !== wb) return wa - wb
    return (order === 'size' ? size.get(b)! - size.get(a)! : 0) || byName.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
  })
}

/** Where a total could not be computed, and why. */
export interface MissingTotal {
  readonly indicator: Indicator
  /** The series' other breakdown (`age · gender` when totalling regions), '' if none. */
  readonly breakdown: string
  readonly reason: 'not_additive' | 'incomplete' | 'suppressed'
  /** For `incomplete` and `suppressed`: the periods (ISO text) with no total. */
  readonly periods: readonly string[]
}

export interface BreakdownResult {
  /** What the chart draws (`small`: every series, in panel order). */
  readonly series: readonly Series[]
  /** `small`: one group per value of the dimension, its series' keys, in order. */
  readonly groups: readonly { readonly value: string; readonly keys: readonly string[] }[]
  readonly missing: readonly MissingTotal[]
}

/** The breakdown label without the dimension's value (`15-17 · Liège` -> `15-17` when by region). */
function otherParts(series: Series, dimension: BreakdownDimension): string {
  const o = series.points[0]?.observation
  if (!o) return series.breakdown
  return breakdownOf({ ...o, [FIELD[dimension]]: '' })
}

/**
 * Applies a breakdown mode on one dimension. `suppressed` tells a point that must not be shown or
 * summed (small counts): a period where one part is suppressed gets no total.
 */
export function applyBreakdown(
  series: readonly Series[],
  mode: BreakdownMode,
  dimension: BreakdownDimension,
  suppressed: (point: SeriesPoint) => boolean = () => false,
  order: 'size' | 'name' = 'size',
): BreakdownResult {
  if (mode === 'lines') return { series, groups: [], missing: [] }
  if (mode === 'small') {
    const values = orderedValues(series, dimension, order)
    const groups = values.map((value) => ({ value, keys: series.filter((s) => valueOf(s, dimension) === value).map((s) => s.key) }))
    const rest = series.filter((s) => !valueOf(s, dimension)).map((s) => s.key)
    if (rest.length) groups.push({ value: '', keys: rest })
    const place = new Map(groups.flatMap((g, i) => g.keys.map((k) => [k, i] as const)))
    return { series: [...series].sort((a, b) => place.get(a.key)! - place.get(b.key)!), groups, missing: [] }
  }
  // Total: group the series of an indicator that differ only on this dimension.
  const families = new Map<string, Series[]>()
  const out: Series[] = []
  /** Series not broken down on this dimension: a file's own total, which the parts are not summed beside. */
  const given = new Set<string>()
  for (const s of series) {
    if (!valueOf(s, dimension)) {
      out.push(s)
      given.add(`${s.indicator.id}|${s.breakdown}`)
      continue
    }
    const key = `${s.indicator.id}|${otherParts(s, dimension)}`
    const family = families.get(key)
    if (family) family.push(s)
    else families.set(key, [s])
  }
  const missing: MissingTotal[] = []
  for (const [key, family] of families) {
    if (given.has(key)) continue
    const first = family[0]!
    const breakdown = otherParts(first, dimension)
    const ranked = family.map((s) => ({ s, rank: wholeRank(valueOf(s, dimension)) })).filter((r) => r.rank >= 0)
    const whole = ranked.sort((a, b) => a.rank - b.rank)[0]?.s
    if (whole) {
      // The file gives the total itself: show it, not a sum of the parts beside it.
      out.push({ ...whole, breakdown })
      continue
    }
    if (first.indicator.unit !== 'count') {
      missing.push({ indicator: first.indicator, breakdown, reason: 'not_additive', periods: [] })
      continue
    }
    const byPeriod = new Map<string, SeriesPoint[]>()
    for (const s of family) {
      for (const p of s.points) {
        const text = p.observation.period.text
        const list = byPeriod.get(text)
        if (list) list.push(p)
        else byPeriod.set(text, [p])
      }
    }
    const points: SeriesPoint[] = []
    const incomplete: string[] = []
    const hidden: string[] = []
    for (const [period, parts] of byPeriod) {
      if (parts.length < family.length) {
        incomplete.push(period)
        continue
      }
      if (parts.some(suppressed)) {
        hidden.push(period)
        continue
      }
      const base = parts[0]!
      let value = 0
      let status: Status = 'reported'
      for (const p of parts) {
        value += p.value
        if (STATUS_RANK[p.observation.status] > STATUS_RANK[status]) status = p.observation.status
      }
      const observation: Observation = {
        ...base.observation,
        value,
        status,
        [FIELD[dimension]]: '',
        quote: '',
        note: '',
      }
      points.push({ x: base.x, value, observation })
    }
    points.sort((a, b) => a.x - b.x)
    if (incomplete.length) missing.push({ indicator: first.indicator, breakdown, reason: 'incomplete', periods: incomplete.sort() })
    if (hidden.length) missing.push({ indicator: first.indicator, breakdown, reason: 'suppressed', periods: hidden.sort() })
    if (points.length) out.push({ key: `${first.indicator.id}|${breakdown}|total:${dimension}`, indicator: first.indicator, breakdown, points })
  }
  return { series: out, groups: [], missing }
}
