import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import {
  activeFilters,
  categoryFacet,
  foldedFilters,
  indicatorFacet,
  jurisdictionFacet,
  offenceFacet,
  periodAfter,
  sourceFacet,
  toggledIndicators,
} from '../core/facets'
import { useDatasetsStore } from './datasets'
import { useViewStore } from './view'

/**
 * The filter panel: each facet's options and counts (core/facets.ts) and the choices that need the
 * data (an indicator ticked, a year picked). Each facet is its own getter, computed only when read:
 * the folded facets cost nothing until the panel opens them.
 */
export const useFacetsStore = defineStore('facets', () => {
  const datasets = useDatasetsStore()
  const view = useViewStore()

  const offences = computed(() => offenceFacet(datasets.dataset, view.state))
  const jurisdictions = computed(() => jurisdictionFacet(datasets.dataset, view.state))
  const categories = computed(() => categoryFacet(datasets.dataset, view.state))
  const sources = computed(() => sourceFacet(datasets.dataset, view.state, view.state.locale))
  /** The series checklist: indicators by offence, whether each is drawn, its figures. */
  const indicators = computed(() => indicatorFacet(datasets.dataset, view.state))
  const active = computed(() => activeFilters(view.state))
  const folded = computed(() => foldedFilters(view.state))

  /** Ticks an indicator on or off (back to none when the choice is the defaults again). */
  function toggleIndicator(id: string): void {
    view.setIndicators(toggledIndicators(datasets.dataset, view.state, id))
  }

  /** Picks a year for one end of the period (null: any); the other end follows when it would be on the wrong side. */
  function pickYear(which: 'from' | 'to', year: number | null): void {
    const { from, to } = periodAfter(view.state, which, year)
    view.setPeriod(from, to)
  }

  return { offences, jurisdictions, categories, sources, indicators, active, folded, toggleIndicator, pickYear }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFacetsStore, import.meta.hot))
