import type { Dataset, Indicator, Jurisdiction, Milestone, MilestoneCategory, Observation, Offence } from './model'
import type { ViewState } from './view'

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
  if (from !== null && new Date(end - 1).getFullYear() < from) return false
  if (to !== null && new Date(start).getFullYear() > to) return false
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
  if (offences.length > 0) return dataset.indicators.filter((i) => offences.includes(i.offence))
  const counts = new Map<string, number>()
  for (const o of dataset.observations) counts.set(o.indicator, (counts.get(o.indicator) ?? 0) + 1)
  return dataset.indicators.filter((i) => (counts.get(i.id) ?? 0) >= DEFAULT_MIN_FIGURES)
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
  const kept = new Set(indicators.map((i) => i.id))
  const observations = dataset.observations.filter(
    (o) =>
      kept.has(o.indicator) &&
      (sources.size === 0 || sources.has(o.source)) &&
      (jurisdictions.size === 0 || jurisdictions.has(jurisdictionOf(o))) &&
      inYears(o.period.start, o.period.end, state.from, state.to),
  )
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

/** How many figures and milestones each option of a filter would leave, the other filters as they are. */
export function facetCounts<K extends 'offences' | 'jurisdictions' | 'categories' | 'sources'>(
  dataset: Dataset,
  state: FilterPart,
  facet: K,
  options: readonly FilterPart[K][number][],
): Map<FilterPart[K][number], FacetCount> {
  const counts = new Map<FilterPart[K][number], FacetCount>()
  for (const option of options) {
    const s = selectFigures(dataset, { ...state, [facet]: [option] })
    counts.set(option, { figures: s.observations.length, milestones: s.milestones.length })
  }
  return counts
}
