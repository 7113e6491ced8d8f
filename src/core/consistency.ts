import { BASELINE_PREVIOUS_PERIOD, type Dataset, type Indicator, type Observation } from './model'
import { indicatorFigures } from './datasetIndex'
import { figuresOf } from './figures'
import { lastYear, parsePeriod } from './period'

/**
 * A published relative figure set beside the change computed from the counts it describes.
 * `kind` says how they were compared: the same two periods, or a part-year claim against the
 * year's total.
 */
export interface ConsistencyCheck {
  readonly observation: Observation
  readonly indicator: Indicator
  readonly counts: Indicator
  readonly kind: 'change' | 'claim_vs_total'
  /** The published figure, in the relative indicator's unit. */
  readonly published: number
  /** The same measure computed from the counts. */
  readonly computed: number
  /** The counts used: [baseline period, value], [compared period, value]. */
  readonly base: { readonly period: string; readonly value: number }
  readonly compared: { readonly period: string; readonly value: number }
  readonly mismatch: boolean
}

function decimalsOf(value: number): number {
  const text = String(value)
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

/** The period just before `text` at the same precision (a year before a year, a month before a month). */
export function previousPeriod(text: string): string | null {
  if (/^\d{4}$/.test(text)) return String(Number(text) - 1)
  const month = /^(\d{4})-(\d{2})$/.exec(text)
  if (month) {
    const y = Number(month[1])
    const m = Number(month[2])
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  }
  return null
}

/** Counts keyed by period text, for whole-country figures without breakdown. */
function countsByPeriod(observations: readonly Observation[], indicator: string): Map<string, number> {
  const map = new Map<string, number>()
  for (const o of observations) {
    if (o.indicator === indicator && !o.ageGroup && !o.gender && !o.region) map.set(o.period.text, o.value)
  }
  return map
}

/**
 * Sets each published relative figure (an indicator with `compares_to`) beside the change computed
 * from the counts, when both counts are known. A figure matches when the computed value, rounded to
 * the published figure's decimals, equals it ("beyond rounding"). A multiple claimed for part of a
 * year ("tripled by 15 July 2020 compared with the whole of 2019") is checked against the whole
 * year's total, which can only be larger than the part-year count.
 */
export function checkConsistency(dataset: Dataset): ConsistencyCheck[] {
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]))
  const checks: ConsistencyCheck[] = []
  const countCache = new Map<string, Map<string, number>>()
  // Only changes and multiples can be recomputed from two counts: only their rows become objects.
  const recomputable = (id: string): boolean => {
    const indicator = indicators.get(id)
    return !!indicator?.comparesTo && (indicator.unit === 'multiple' || indicator.unit === 'percent_change') && indicators.get(indicator.comparesTo)?.unit === 'count'
  }
  const relative: Observation[] = []
  for (const block of figuresOf(dataset)) {
    const wanted = block.indicators.map(recomputable)
    if (!wanted.some(Boolean)) continue
    for (let r = 0; r < block.length; r++) if (wanted[block.indicator[r]!]) relative.push(block.row(r))
  }
  for (const observation of relative) {
    const indicator = indicators.get(observation.indicator)!
    const counts = indicators.get(indicator.comparesTo)!
    let byPeriod = countCache.get(counts.id)
    if (!byPeriod) countCache.set(counts.id, (byPeriod = countsByPeriod(indicatorFigures(dataset, counts.id), counts.id)))

    const basePeriod =
      observation.baseline === BASELINE_PREVIOUS_PERIOD ? previousPeriod(observation.period.text) : observation.baseline
    if (!basePeriod || !parsePeriod(basePeriod)) continue
    const baseValue = byPeriod.get(basePeriod)
    if (baseValue === undefined || baseValue === 0) continue

    let kind: ConsistencyCheck['kind'] = 'change'
    let comparedPeriod = observation.period.text
    let comparedValue = byPeriod.get(comparedPeriod)
    if (comparedValue === undefined && observation.period.kind === 'interval') {
      // A part-year claim: compare with the total of the year the interval ends in.
      comparedPeriod = String(lastYear(observation.period))
      comparedValue = byPeriod.get(comparedPeriod)
      kind = 'claim_vs_total'
    }
    if (comparedValue === undefined) continue

    const ratio = comparedValue / baseValue
    const computed = indicator.unit === 'multiple' ? ratio : (ratio - 1) * 100
    const rounded = roundTo(computed, decimalsOf(observation.value))
    // A part-year count can only be smaller than the year's total: the claim fails when the total is below it.
    const mismatch = kind === 'claim_vs_total' ? computed < observation.value : rounded !== observation.value
    checks.push({
      observation,
      indicator,
      counts,
      kind,
      published: observation.value,
      computed,
      base: { period: basePeriod, value: baseValue },
      compared: { period: comparedPeriod, value: comparedValue },
      mismatch,
    })
  }
  return checks
}
