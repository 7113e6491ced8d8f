import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { preferredHeight } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import { dashboardUrl } from '../core/export/embed'
import { chartLabels, type ChartLabels } from '../core/export/labels'
import { partSubtitle, viewParts, type Part } from '../core/pages'
import type { ViewState } from '../core/view'
import { exportTextFor } from '../export/messages'
import type { ExportContext } from '../export/compose'
import { fromQuery, toSearch } from '../url/viewQuery'
import { useDashboardStore } from './dashboard'
import { useSavedViewsStore, type SavedView } from './savedViews'
import { useViewStore } from './view'

/** Height the chrome of a slide takes around the chart (title, legend, footer): the chart gets the rest. */
const CHROME = 250
/** The milestone key stands beside the chart, in this share of the screen's width, so chart, key and controls all fit the screen. */
const KEY_SHARE = 0.32
/** The chart's width on a screen: what the key column and the margins leave. */
const chartWidthOn = (screenWidth: number) => Math.round(screenWidth * (1 - KEY_SHARE)) - 64

/** One slide of Present mode: a saved view, or one part of it. */
export interface PresentSlide {
  readonly saved: SavedView
  /** The saved view's state, in the language the presenter chose. */
  readonly state: ViewState
  readonly whole: TrendView
  /** What this slide draws: the whole view, or its part. */
  readonly view: TrendView
  readonly part: Part | null
}

/**
 * Present mode's slides: each saved view, spread over parts (core/pages.ts, as every slide export)
 * when its panels would not all get their room on the screen in large type (a presenter's screen
 * does not scroll), each part saying which it is.
 */
export const usePresentStore = defineStore('present', () => {
  const dashboard = useDashboardStore()
  const saved = useSavedViewsStore()
  const view = useViewStore()
  /** The presenter's screen, in CSS pixels. */
  const screen = shallowRef({ width: 1280, height: 800 })

  const slides = computed<PresentSlide[]>(() => {
    const width = chartWidthOn(screen.value.width)
    const room = Math.max(screen.value.height - CHROME, 260)
    return saved.views.flatMap((s) => {
      const state = { ...fromQuery(s.query).state, locale: view.state.locale }
      const whole = dashboard.viewOf(state)
      return viewParts(whole, (part) => preferredHeight(part, width, 'present') <= room).map(({ view: shown, part }) => ({ saved: s, state, whole, view: shown, part }))
    })
  })

  /** A slide's title, subtitle and sources: the whole view's title and subtitle on every part, the part's own sources. */
  function labelsOf(slide: PresentSlide): ChartLabels {
    const text = exportTextFor(view.state.locale)
    const whole = chartLabels(slide.whole, slide.state, text)
    const own = slide.part ? chartLabels(slide.view, slide.state, text) : whole
    return { ...own, subtitle: partSubtitle(whole.subtitle, slide.part, text.part) }
  }

  /** The saved views as a deck exports them: each whole view (the export pages it), named, with its link. */
  function deckViews(now: Date = new Date()): { name: string; ctx: ExportContext }[] {
    return saved.views.map((s) => {
      const state = fromQuery(s.query).state
      return { name: s.name, ctx: { view: dashboard.viewOf(state), state, link: dashboardUrl(location.href, toSearch(s.query)), now } }
    })
  }

  function setScreen(width: number, height: number): void {
    if (width !== screen.value.width || height !== screen.value.height) screen.value = { width, height }
  }

  return { screen, slides, labelsOf, deckViews, setScreen }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePresentStore, import.meta.hot))
