import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { indicatorCatalogue } from '../core/catalogue'
import { newerByIndicator } from '../core/freshness'
import { DEFAULT_VIEW, type ViewState } from '../core/view'
import { useDatasetsStore } from './datasets'
import { useViewStore } from './view'

/** The indicator catalogue: what the search finds, by offence, and the figures known to be newer. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const datasets = useDatasetsStore()
  const view = useViewStore()
  const search = ref('')

  const groups = computed(() => indicatorCatalogue(datasets.dataset, search.value, view.state.locale))
  const total = computed(() => groups.value.reduce((n, g) => n + g.entries.length, 0))
  /** Figures known to be published after an indicator's latest one (data/newer.csv), by indicator. */
  const newer = computed(() => newerByIndicator(datasets.newer))

  /** The dashboard's view of one indicator alone, in the reader's language. */
  function chartOf(id: string): ViewState {
    return { ...DEFAULT_VIEW, locale: view.state.locale, indicators: [id] }
  }

  return { search, groups, total, newer, chartOf }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCatalogueStore, import.meta.hot))
