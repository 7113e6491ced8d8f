import type { Dataset, Indicator, Jurisdiction, Milestone, MilestoneCategory, Observation, Offence } from './model'
import type { ViewState } from './view'
import { indexDataset } from './datasetIndex'
import { yearOf } from './period'

/** The figures and milestones a view state leaves. */
export interface Selection {
  readonly indicators: readonly Indicator[]
  readonly observations: readonly Observation[]
  readonly milestones: readonly Milestone[]
}

type FilterPart = Pick<ViewState, 'indicators' | 'offences' | 'jurisdictions' | 'categories' | 'sources' | 'from' | 'to'>

/** Figures are Belgian unless a region says otherwise. */
export function jurisdictionOf(o: Observation): Jurisdiction {
  return (o.region || 'BE') as Jurisdiction
}

function inYears(start: number, end: number, from: number | null, to: number | null): boolean {
  if (from !== null && yearOf(end - 1) < from) return false
  if (to !== null && yearOf(start) > to) return false
  return true
}

/** A series needs this many figures to be drawn by default: fewer is a single statement, not a trend. */
export const DEFAULT_MIN_FIGURES = 4

/**
 * The indicators drawn when the user has picked none: with an offence filter, every indicator of
 * those offences; without, the trend series (at least DEFAULT_MIN_FIGURES figures). Derived from
 * the data, so an imported series with enough figures shows up by itself.
 */
export function defaultIndicators(dataset: Dataset, offences: readonly Offence[]): Indicator[] {
  return defaultChoice(dataset, offences).shown
}

/** At most this many indicators are drawn by default: a 10,000-column file must not draw 9,999 lines. */
export const DEFAULT_MAX_SERIES = 20

/** The default indicators, capped at DEFAULT_MAX_SERIES in dataset order, and how many there were. */
export function defaultChoice(dataset: Dataset, offences: readonly Offence[]): { shown: Indicator[]; total: number } {
  let all: Indicator[]
  if (offences.length > 0) all = dataset.indicators.filter((i) => offences.includes(i.offence))
  else {
    const counts = indexDataset(dataset).countByIndicator
    all = dataset.indicators.filter((i) => (counts.get(i.id) ?? 0) >= DEFAULT_MIN_FIGURES)
  }
  return { shown: all.length > DEFAULT_MAX_SERIES ? all.slice(0, DEFAULT_MAX_SERIES) : all, total: all.length }
}

/**
 * Applies the filters. Series follow offence, indicator, source, jurisdiction and period; a
 * milestone shows when it is tagged with a selected offence or `general`, and matches the
 * jurisdiction, category and period filters.
 */
export function selectFigures(dataset: Dataset, state: FilterPart): Selection {
  const offences = new Set<Offence>(state.offences)
  const picked = new Set(state.indicators)
  const sources = new Set(state.sources)
  const jurisdictions = new Set<Jurisdiction>(state.jurisdictions)
  const categories = new Set<MilestoneCategory>(state.categories)

  const indicators =
    picked.size === 0
      ? defaultIndicators(dataset, state.offences)
      : dataset.indicators.filter((i) => picked.has(i.id) && (offences.size === 0 || offences.has(i.offence)))
  // Walk only the kept indicators' figures (grouped and time-ordered once per dataset).
  const { byIndicator } = indexDataset(dataset)
  const unfiltered = sources.size === 0 && jurisdictions.size === 0 && state.from === null && state.to === null
  const observations: Observation[] = []
  for (const indicator of indicators) {
    const group = byIndicator.get(indicator.id) ?? []
    if (unfiltered) {
      for (const o of group) observations.push(o)
      continue
    }
    for (const o of group) {
      if (
        (sources.size === 0 || sources.has(o.source)) &&
        (jurisdictions.size === 0 || jurisdictions.has(jurisdictionOf(o))) &&
        inYears(o.period.start, o.period.end, state.from, state.to)
      ) {
        observations.push(o)
      }
    }
  }
  const milestones = dataset.milestones.filter(
    (m) =>
      (offences.size === 0 || m.offences.some((o) => o === 'general' || offences.has(o))) &&
      (jurisdictions.size === 0 || jurisdictions.has(m.jurisdiction)) &&
      (categories.size === 0 || categories.has(m.category)) &&
      (sources.size === 0 || sources.has(m.source)) &&
      inYears(m.date.start, m.endDate?.end ?? m.date.end, state.from, state.to),
  )
  const withFigures = new Set(observations.map((o) => o.indicator))
  return { indicators: indicators.filter((i) => withFigures.has(i.id)), observations, milestones }
}

export interface FacetCount {
  readonly figures: number
  readonly milestones: number
}

/**
 * How many figures and milestones each option of a filter would leave, the other filters as they
 * are. One pass over the data per facet (not one per option): it runs on every filter change.
 */
export function facetCounts<K extends 'offences' | 'jurisdictions' | 'categories' | 'sources'>(
  dataset: Dataset,
  state: FilterPart,
  facet: K,
  options: readonly FilterPart[K][number][],
): Map<FilterPart[K][number], FacetCount> {
  type Option = FilterPart[K][number]
  const figures = new Map<Option, number>(options.map((o) => [o, 0]))
  const marks = new Map<Option, number>(options.map((o) => [o, 0]))
  const bump = (map: Map<Option, number>, key: Option) => {
    const n = map.get(key)
    if (n !== undefined) map.set(key, n + 1)
  }
  // The selection with this facet lifted; each kept item then counts for the option(s) it carries.
  const lifted = selectFigures(dataset, { ...state, [facet]: [] })
  const indicatorById = new Map(dataset.indicators.map((i) => [i.id, i]))
  const picked = new Set(state.indicators)
  for (const o of facet === 'offences' ? offenceCandidates(dataset, state, picked) : lifted.observations) {
    if (facet === 'offences') bump(figures, indicatorById.get(o.indicator)!.offence as Option)
    else if (facet === 'jurisdictions') bump(figures, jurisdictionOf(o) as Option)
    else if (facet === 'sources') bump(figures, o.source as Option)
  }
  for (const m of facet === 'offences' ? [] : lifted.milestones) {
    if (facet === 'jurisdictions') bump(marks, m.jurisdiction as Option)
    else if (facet === 'categories') bump(marks, m.category as Option)
    else if (facet === 'sources') bump(marks, m.source as Option)
  }
  if (facet === 'offences') {
    // A milestone shows under an offence when tagged with it or `general`.
    const others = selectFigures(dataset, { ...state, offences: [] }).milestones
    for (const m of others) for (const o of options) if (m.offences.some((x) => x === o || x === 'general')) bump(marks, o)
  }
  const counts = new Map<Option, FacetCount>()
  for (const o of options) counts.set(o, { figures: figures.get(o) ?? 0, milestones: marks.get(o) ?? 0 })
  return counts
}

/**
 * Observations an offence option would show, the other filters as they are: with no indicator
 * picked, choosing an offence shows all of its indicators.
 */
function offenceCandidates(dataset: Dataset, state: FilterPart, picked: ReadonlySet<string>): Observation[] {
  const all = selectFigures(dataset, {
    ...state,
    offences: [],
    indicators: picked.size > 0 ? [...picked] : dataset.indicators.map((i) => i.id),
  })
  return all.observations as Observation[]
}
