import { wholeRank } from './breakdown'
import { figuresOf } from './figures'
import type { Dataset, Indicator, Locale, Observation } from './model'
import { breakdownOf, type Series, type SeriesPoint } from './series'
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

/**
 * Why a figure is withheld: a small count itself; a count withheld so that a shown total minus the
 * parts shown does not give a small one away (secondary suppression); a rate, share or change of
 * the same cell as a withheld count (it would give the count away with the population).
 */
export type WithheldReason = 'small' | 'secondary' | 'linked'

export interface Withheld {
  /** The dataset's threshold ("< 5"). */
  readonly below: number
  readonly reason: WithheldReason
}

/** How a withheld figure reads where its number would be: "< 5" for a small count, else a word. */
const WITHHELD_WORD: Readonly<Record<Locale, string>> = { en: 'withheld', fr: 'masqué', nl: 'verborgen', de: 'zurückgehalten' }

export function withheldText(withheld: Pick<SeriesPoint, 'suppressed' | 'withheld'> & { suppressed: number }, locale: Locale): string {
  return withheld.withheld ? WITHHELD_WORD[locale] : suppressedText(withheld.suppressed)
}

/** A cell of a table: offence, period and breakdown values. A rate and a count of one cell tell each other. */
function cellOf(o: Observation, indicator: Indicator): string {
  return [indicator.offence, indicator.dataset, o.period.text, o.ageGroup, o.gender, o.region].join('\u0000')
}

const DIMENSIONS = ['region', 'ageGroup', 'gender'] as const

/**
 * Statistical disclosure control over a whole data set (never a selection: a filter must not
 * change what a reader can combine). Returns every withheld figure with its reason:
 * 1. a count above zero and below its dataset's threshold (primary);
 * 2. secondary: in each group of parts with a shown whole (`Total`, `Belgique`, `Totaal`; the
 *    same indicator, period and other breakdown values), while exactly one part is withheld, or
 *    the withheld parts add up to less than the threshold, or a reader who knows this rule could
 *    still pin one withheld small count to one value from the whole minus the parts shown, the
 *    next smallest part above zero is withheld too (the whole itself when no part is left);
 * 3. linked: every other figure (rate, share, change) of the same cell as a withheld count.
 * Each step adds a figure or stops, so this ends after at most as many steps as figures.
 */
export function withheldFigures(
  observations: readonly Observation[],
  indicators: readonly Indicator[],
  thresholdOf: (indicator: Indicator) => number,
): Map<Observation, Withheld> {
  const byId = new Map(indicators.map((i) => [i.id, i]))
  // Thresholds per indicator, read once; indicators without one (bundled data) are skipped at once.
  const thresholds = new Map<string, number>()
  for (const i of indicators) {
    const below = thresholdOf(i)
    if (below > 0) thresholds.set(i.id, below)
  }
  const withheld = new Map<Observation, Withheld>()
  for (const o of observations) {
    const below = thresholds.get(o.indicator)
    if (below !== undefined && isSmallCount(o.value, byId.get(o.indicator)!, below)) withheld.set(o, { below, reason: 'small' })
  }
  if (withheld.size === 0) return withheld
  // Secondary suppression stays within an indicator: only those with a withheld count are grouped.
  const affected = new Set([...withheld.keys()].map((o) => o.indicator))
  const counts = observations.filter((o) => affected.has(o.indicator))
  // Groups of parts and their whole, per breakdown dimension; each group's parts above zero sorted
  // once, smallest first: the order in which they are withheld.
  const groups: { whole: Observation; parts: Observation[]; order: Observation[]; below: number }[] = []
  for (const dimension of DIMENSIONS) {
    const byGroup = new Map<string, { wholes: Observation[]; parts: Observation[] }>()
    for (const o of counts) {
      if (!o[dimension]) continue
      const key = [o.indicator, o.period.text, ...DIMENSIONS.map((d) => (d === dimension ? '' : o[d]))].join('\u0000')
      const group = byGroup.get(key) ?? { wholes: [], parts: [] }
      if (wholeRank(o[dimension]) >= 0) group.wholes.push(o)
      else group.parts.push(o)
      byGroup.set(key, group)
    }
    for (const { wholes, parts } of byGroup.values()) {
      if (wholes.length === 0 || parts.length === 0 || !parts.some((p) => withheld.has(p))) continue
      const order = parts.filter((p) => p.value > 0).sort((a, b) => a.value - b.value)
      for (const whole of wholes) groups.push({ whole, parts, order, below: thresholds.get(whole.indicator)! })
    }
  }
  // Until no group gives a part away; each pass withholds at least one more figure or stops. Within
  // a group, each step withholds the next part in its order and updates the sums: linear in its parts.
  for (let pass = 0; pass <= counts.length; pass++) {
    let changed = false
    for (const { whole, parts, order, below } of groups) {
      if (withheld.has(whole)) continue
      const sums = { shown: 0, small: 0, other: 0 }
      for (const p of parts) {
        const mark = withheld.get(p)
        if (!mark) sums.shown += p.value
        else if (mark.reason === 'small') sums.small++
        else sums.other++
      }
      // Each step withholds one more part, or the whole and stops: at most order.length + 1 steps.
      let cursor = 0
      for (let step = 0; step <= order.length && givesAway(whole.value - sums.shown, sums.small, sums.other, below); step++) {
        // The cursor only moves forward, to order.length at most.
        while (cursor < order.length && withheld.has(order[cursor]!)) cursor++
        const next = order[cursor] ?? whole
        withheld.set(next, { below, reason: 'secondary' })
        changed = true
        if (next === whole) break
        sums.shown -= next.value
        sums.other++
      }
    }
    if (!changed) break
  }
  // Linked: the other figures (rates, shares, changes) of a withheld count's cell.
  const cells = new Set<string>()
  const families = new Set<string>()
  for (const [o] of withheld) {
    const indicator = byId.get(o.indicator)!
    if (indicator.unit !== 'count') continue
    cells.add(cellOf(o, indicator))
    families.add(`${indicator.offence}\u0000${indicator.dataset}`)
  }
  const linked = new Set(
    indicators.filter((i) => i.unit !== 'count' && thresholds.has(i.id) && families.has(`${i.offence}\u0000${i.dataset}`)).map((i) => i.id),
  )
  for (const o of observations) {
    if (!linked.has(o.indicator) || withheld.has(o)) continue
    const indicator = byId.get(o.indicator)!
    if (cells.has(cellOf(o, indicator))) withheld.set(o, { below: thresholds.get(o.indicator)!, reason: 'linked' })
  }
  return withheld
}

/**
 * withheldFigures over a whole data set held in columns: the rules can touch only small counts,
 * the figures grouped with a whole (a `Total` row) in an indicator with a small count, and the
 * non-count figures of a dataset with a threshold; those rows are found on the columns and only
 * they are made objects. The result is what withheldFigures gives over every figure.
 */
export function withheldInDataset(dataset: Dataset, thresholdOf: (indicator: Indicator) => number): Map<Observation, Withheld> {
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]))
  const candidates: Observation[] = []
  for (const block of figuresOf(dataset)) {
    const indicators = block.indicators.map((id) => byId.get(id))
    const below = indicators.map((i) => (i ? thresholdOf(i) : 0))
    if (!below.some((b) => b > 0)) continue
    const affected = new Uint8Array(indicators.length)
    const candidate = new Uint8Array(block.length)
    for (let r = 0; r < block.length; r++) {
      const c = block.indicator[r]!
      if (below[c]! > 0 && isSmallCount(block.value[r]!, indicators[c]!, below[c]!)) {
        affected[c] = 1
        candidate[r] = 1
      }
    }
    if (!affected.some(Boolean)) continue
    const isWhole = block.strings.map((t) => wholeRank(t) >= 0)
    const codeOf = (d: (typeof DIMENSIONS)[number], r: number): number => {
      const codes = block.text[d]
      return typeof codes === 'string' ? -1 : codes[r]!
    }
    for (const dimension of DIMENSIONS) {
      const codes = block.text[dimension]
      if (typeof codes === 'string') continue
      const keyOf = (r: number) => [block.indicator[r], block.period[r], ...DIMENSIONS.map((d) => (d === dimension ? '' : codeOf(d, r)))].join(',')
      const wholes = new Set<string>()
      for (let r = 0; r < block.length; r++) if (affected[block.indicator[r]!] && isWhole[codes[r]!]) wholes.add(keyOf(r))
      if (wholes.size === 0) continue
      for (let r = 0; r < block.length; r++) if (affected[block.indicator[r]!] && block.strings[codes[r]!] && wholes.has(keyOf(r))) candidate[r] = 1
    }
    // Rates, shares and changes of a dataset with a threshold: the linked rule reads them.
    for (let r = 0; r < block.length; r++) {
      const c = block.indicator[r]!
      if (below[c]! > 0 && indicators[c]!.unit !== 'count') candidate[r] = 1
    }
    for (let r = 0; r < block.length; r++) if (candidate[r]) candidates.push(block.row(r))
  }
  return withheldFigures(candidates, dataset.indicators, thresholdOf)
}

/**
 * Whether a shown whole and the parts shown give a withheld small count away, from what a reader
 * knowing this rule can tell: `rest` (the whole minus the parts shown) is what the withheld parts
 * add up to, each small one 1 to threshold − 1, each other one at least the threshold. It does
 * when exactly one part is withheld, when they add up to less than the threshold, or when a small
 * one is left a single possible value.
 */
export function givesAway(rest: number, small: number, other: number, below: number): boolean {
  const hidden = small + other
  if (hidden === 0) return false
  if (hidden === 1 || rest < below) return true
  if (small === 0) return false
  // One small part's possible values, the others at their least and most.
  const lo = small * 1 + other * below
  const hi = other > 0 ? Infinity : small * (below - 1)
  const min = Math.max(1, rest - (hi - (below - 1)))
  const max = Math.min(below - 1, rest - (lo - 1))
  return min >= max
}

/**
 * Marks withheld figures on series: a small count with its threshold; with `withheld` (from
 * withheldFigures over the whole data set) also secondary and linked ones. Without it, the marks
 * are computed from these series' own figures.
 */
export function markSmallCounts(
  series: readonly Series[],
  thresholdOf: (indicator: Indicator) => number,
  withheld?: ReadonlyMap<Observation, Withheld>,
): Series[] {
  const marks = withheld ?? withheldFigures(series.flatMap((s) => s.points.map((p) => p.observation)), [...new Set(series.map((s) => s.indicator))], thresholdOf)
  if (marks.size === 0) return [...series]
  const marked = (points: readonly SeriesPoint[]): SeriesPoint[] =>
    points.map((p) => {
      const mark = marks.get(p.observation)
      if (!mark) return p
      return { ...p, suppressed: mark.below, ...(mark.reason === 'small' ? {} : { withheld: mark.reason }) }
    })
  // The series holding a withheld figure, found from the marks. A series built from columns (with
  // a `sample`) stays lazy: its points are made, then marked, when first read (only drawn ones are).
  const touched = new Set<string>()
  for (const o of marks.keys()) touched.add(`${o.indicator}|${breakdownOf(o)}`)
  return series.map((s) => {
    if (s.sample) {
      if (!touched.has(`${s.indicator.id}|${s.breakdown}`)) return s
      let points: SeriesPoint[] | null = null
      return { key: s.key, indicator: s.indicator, breakdown: s.breakdown, sample: s.sample, get points() { return (points ??= marked(s.points)) } }
    }
    if (!s.points.some((p) => marks.has(p.observation))) return s
    return { ...s, points: marked(s.points) }
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
