import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { BreakdownDimension, BreakdownMode } from '../core/breakdown'
import type { Jurisdiction, Locale, MilestoneCategory, Offence } from '../core/model'
import { cleanWords, DEFAULT_VIEW, type ChartsOrder, type MilestoneSet, type Scale, type SeriesSet, type Tab, type ViewMode, type ViewState } from '../core/view'
import type { QueryNotice } from '../url/viewQuery'
import { i18n, initialLocale, loadLocaleMessages, saveLocale } from '../i18n'
import { manifestFileName } from '../core/appManifest'

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
}

/** What the user is looking at: filters, period, view mode, scale, tab and language. */
export const useViewStore = defineStore('view', () => {
  const state = ref<ViewState>({ ...DEFAULT_VIEW, locale: initialLocale() })
  /** Parameters of the last opened link that could not be used. */
  const notices = ref<QueryNotice[]>([])
  /** How many own milestones the last opened link named that this reader does not have (the sender's). */
  const ownMissing = ref(0)

  function patch(change: Partial<ViewState>): void {
    state.value = { ...state.value, ...change }
  }

  function replace(next: ViewState, dropped: QueryNotice[] = [], missingOwn = 0): void {
    state.value = next
    notices.value = dropped
    ownMissing.value = missingOwn
  }

  /** The own milestones shown, as the link names them (kept in step by useUrlSync). */
  function setOwn(ids: readonly string[]): void {
    const current = state.value.own ?? []
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return
    const { own: _own, ...rest } = state.value
    void _own
    state.value = ids.length ? { ...rest, own: [...ids] } : rest
  }

  const setLocale = (locale: Locale) => patch({ locale })
  const toggleOffence = (o: Offence) => patch({ offences: toggle(state.value.offences, o) })
  const toggleJurisdiction = (j: Jurisdiction) => patch({ jurisdictions: toggle(state.value.jurisdictions, j) })
  const toggleCategory = (c: MilestoneCategory) => patch({ categories: toggle(state.value.categories, c) })
  const toggleSource = (s: string) => patch({ sources: toggle(state.value.sources, s) })
  const setIndicators = (ids: readonly string[]) => patch({ indicators: [...ids] })
  const setPeriod = (from: number | null, to: number | null) => patch({ from, to })
  const setMode = (mode: ViewMode) => patch({ mode })
  // Another breakdown starts the small charts at their first page again.
  const setBreakdown = (breakdown: BreakdownMode, by: BreakdownDimension) => patch({ breakdown, by, chartsPage: 1 })
  const setChartsOrder = (chartsOrder: ChartsOrder) => patch({ chartsOrder, chartsPage: 1 })
  const setChartsPage = (chartsPage: number) => patch({ chartsPage: Math.max(1, Math.min(9999, Math.floor(chartsPage))) })
  const setBase = (base: number | null) => patch({ base })
  const setScale = (scale: Scale) => patch({ scale })
  const setTab = (tab: Tab) => patch({ tab })
  const setMilestones = (milestones: MilestoneSet) => patch({ milestones })
  const setSeries = (series: SeriesSet) => patch({ series })
  /** The presenter's title, subtitle or note (cleaned: one line, no control characters). */
  const setWords = (words: Partial<Pick<ViewState, 'title' | 'subtitle' | 'note'>>) =>
    patch(Object.fromEntries(Object.entries(words).map(([k, v]) => [k, cleanWords(v ?? '')])))

  /** "Compare before and after" a milestone (its number), on the chart; the window stays the reader's. */
  const setCompare = (number: string) => patch({ compare: number, tab: 'chart', compareYears: number ? state.value.compareYears : null })
  /** The years each side of the compared milestone (null: every figure drawn). */
  const setCompareYears = (years: number | null) => patch({ compareYears: state.value.compare ? years : null })

  /** Clears every filter; keeps the language, view mode and tab. */
  function clearFilters(): void {
    patch({ indicators: [], offences: [], jurisdictions: [], categories: [], sources: [], from: null, to: null })
  }

  // The interface switches once the language's messages are there (French and Dutch load on demand),
  // so it never shows keys falling back to English one by one.
  watch(
    () => state.value.locale,
    async (next) => {
      saveLocale(next)
      await loadLocaleMessages(next)
      if (state.value.locale !== next) return
      i18n.global.locale.value = next
      document.documentElement.lang = next
      // The manifest in the same language, so installing names the app in it (the build writes one per language).
      document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.setAttribute('href', `./${manifestFileName(next)}`)
    },
    { immediate: true },
  )

  return {
    state,
    notices,
    ownMissing,
    setOwn,
    patch,
    replace,
    setLocale,
    toggleOffence,
    toggleJurisdiction,
    toggleCategory,
    toggleSource,
    setIndicators,
    setPeriod,
    setMode,
    setBreakdown,
    setChartsOrder,
    setChartsPage,
    setBase,
    setScale,
    setTab,
    setMilestones,
    setSeries,
    setWords,
    setCompare,
    setCompareYears,
    clearFilters,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useViewStore, import.meta.hot))
