/**
 * What the filter panel offers: each facet's options with how many figures and milestones each
 * would leave, the indicators to pick from, and which are drawn. Pure; the facets store runs it and
 * FilterPanel.vue only displays it.
 */
import { figureSources, indexDataset } from './datasetIndex'
import { defaultIndicators, facetCounts } from './filters'
import { JURISDICTIONS, MILESTONE_CATEGORIES, OFFENCES, sourceIn, type Dataset, type Indicator, type Jurisdiction, type Locale, type MilestoneCategory, type Offence } from './model'
import type { ViewState } from './view'

type FilterState = Pick<ViewState, 'indicators' | 'offences' | 'jurisdictions' | 'categories' | 'sources' | 'from' | 'to' | 'series'>

/** One option of a facet and what choosing it would show: figures, milestones, or their sum. */
export interface FacetOption<T extends string> {
  readonly value: T
  readonly count: number
}

/** Offences with the figures each would show (the chips' counts). */
export function offenceFacet(dataset: Dataset, state: FilterState): FacetOption<Offence>[] {
  const counts = facetCounts(dataset, state, 'offences', OFFENCES)
  return OFFENCES.map((value) => ({ value, count: counts.get(value)?.figures ?? 0 }))
}

/** Jurisdictions with the figures and milestones each would show. */
export function jurisdictionFacet(dataset: Dataset, state: FilterState): FacetOption<Jurisdiction>[] {
  const counts = facetCounts(dataset, state, 'jurisdictions', JURISDICTIONS)
  return JURISDICTIONS.map((value) => ({ value, count: (counts.get(value)?.figures ?? 0) + (counts.get(value)?.milestones ?? 0) }))
}

/** Milestone categories with the milestones each would show. */
export function categoryFacet(dataset: Dataset, state: FilterState): FacetOption<MilestoneCategory>[] {
  const counts = facetCounts(dataset, state, 'categories', MILESTONE_CATEGORIES)
  return MILESTONE_CATEGORIES.map((value) => ({ value, count: counts.get(value)?.milestones ?? 0 }))
}

/** The sources some figure or milestone cites, titled in the reader's language, with what each would show. */
export function sourceFacet(dataset: Dataset, state: FilterState, locale: Locale): (FacetOption<string> & { readonly title: string })[] {
  // The index's tallies name each figure's source: no figure object is made (a large import stays columns).
  const used = figureSources(dataset)
  for (const m of dataset.milestones) used.add(m.source)
  const sources = dataset.sources.filter((s) => used.has(s.id))
  const counts = facetCounts(dataset, state, 'sources', sources.map((s) => s.id))
  return sources.map((s) => ({ value: s.id, title: sourceIn(s, locale).title, count: (counts.get(s.id)?.figures ?? 0) + (counts.get(s.id)?.milestones ?? 0) }))
}

/** An indicator in the series checklist: whether it is drawn and how many figures it has. */
export interface IndicatorOption {
  readonly indicator: Indicator
  readonly shown: boolean
  readonly figures: number
}

/** The indicators the offence filter leaves, grouped by offence (in the offences' order), for the series checklist. */
export function indicatorFacet(dataset: Dataset, state: FilterState): { readonly offence: Offence; readonly indicators: IndicatorOption[] }[] {
  const shown = shownIndicators(dataset, state)
  const figures = indexDataset(dataset).countByIndicator
  const candidates = dataset.indicators.filter((i) => state.offences.length === 0 || state.offences.includes(i.offence))
  return OFFENCES.map((offence) => ({
    offence,
    indicators: candidates.filter((i) => i.offence === offence).map((indicator) => ({ indicator, shown: shown.has(indicator.id), figures: figures.get(indicator.id) ?? 0 })),
  })).filter((g) => g.indicators.length > 0)
}

/** The indicators drawn: those picked, else the view's defaults. */
export function shownIndicators(dataset: Dataset, state: FilterState): Set<string> {
  return new Set(state.indicators.length ? state.indicators : defaultIndicators(dataset, state.offences, state.series).map((i) => i.id))
}

/**
 * The indicator choice after ticking `id` on or off, in dataset order; none (the defaults) when it
 * comes back to the defaults, so the link stays short and follows the data.
 */
export function toggledIndicators(dataset: Dataset, state: FilterState, id: string): string[] {
  const next = shownIndicators(dataset, state)
  if (next.has(id)) next.delete(id)
  else next.add(id)
  const ids = dataset.indicators.filter((i) => next.has(i.id)).map((i) => i.id)
  const defaults = defaultIndicators(dataset, state.offences, state.series).map((i) => i.id)
  const isDefault = ids.length === defaults.length && ids.every((x) => defaults.includes(x))
  return isDefault ? [] : ids
}

/** How many filters are set (what "Clear filters" would clear). */
export function activeFilters(state: FilterState): number {
  return state.offences.length + state.jurisdictions.length + state.categories.length + state.sources.length + state.indicators.length + (state.from !== null ? 1 : 0) + (state.to !== null ? 1 : 0)
}

/** How many of the folded filters (past offence and period) are set. */
export function foldedFilters(state: FilterState): number {
  return state.indicators.length + state.jurisdictions.length + state.categories.length + state.sources.length
}

/** The period after picking a year for one end: the other end follows when it would be on the wrong side. */
export function periodAfter(state: Pick<ViewState, 'from' | 'to'>, which: 'from' | 'to', year: number | null): { from: number | null; to: number | null } {
  if (which === 'from') return { from: year, to: state.to !== null && year !== null && state.to < year ? year : state.to }
  return { from: state.from !== null && year !== null && state.from > year ? year : state.from, to: year }
}
