import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { preferredHeight, screenProfile } from '../core/chart/chartLayout'
import { seriesLabel } from '../core/chart/chartState'
import { unitName } from '../core/chart/chartText'
import { loneFigureLines } from '../core/dashboardNotes'
import { chartLabels } from '../core/export/labels'
import { formatNumber } from '../core/format'
import { groupExcluded } from '../core/transform'
import { buildLabelText } from '../i18n/trendText'
import { useDashboardStore } from '../stores/dashboard'
import { useDatasetsStore } from '../stores/datasets'
import { useViewStore } from '../stores/view'
import { useTrendText } from './useTrendText'

/**
 * What the dashboard says around its chart, in the interface's language: the generated title and
 * subtitle, the notices (series cap, lines left out), the series toggle, the figures listed
 * instead of drawn, the index basis, and the chart's height for its width.
 */
export function useDashboardNotes(chartWidth: Readonly<Ref<number>>, narrow: Readonly<Ref<boolean>>) {
  const { t } = useI18n()
  const datasets = useDatasetsStore()
  const dashboard = useDashboardStore()
  const view = useViewStore()
  const text = useTrendText()
  const locale = () => view.state.locale

  /** The chart grows with its panels, so each keeps room to read (a page scrolls; a panel never shrinks to a sliver). */
  const frameHeight = computed(() => {
    const width = chartWidth.value
    const wanted = preferredHeight(dashboard.trendView, width, screenProfile(width))
    return `${Math.max(wanted, narrow.value ? 340 : 420)}px`
  })
  /**
   * The generated title and subtitle: the plain-words subtitle (when, what is counted, by whom) shown
   * over the chart as on every export, and both as the editor's placeholders. Their words are in the
   * main catalogue, so the subtitle is there at the first paint (no shift when it arrives).
   */
  const generatedWords = computed(() =>
    chartLabels(dashboard.trendView, { ...view.state, title: '', subtitle: '' }, buildLabelText((key, named) => t(key, named ?? {}), locale())),
  )
  /** More series than the cap (a 10,000-column file): how many are drawn of how many. */
  const cap = computed(() => {
    const c = dashboard.seriesChoice
    if (!c) return null
    return c.uncapped > c.shown.length ? { shown: formatNumber(c.shown.length, locale()), total: formatNumber(c.uncapped, locale()) } : null
  })
  /** "Show all series (9 more)" one click away from the key series, and back. */
  const seriesToggle = computed(() => {
    const c = dashboard.seriesChoice
    if (!c) return null
    if (view.state.series === 'all') return dashboard.keySeriesFewer ? t('chart.keySeriesOnly') : null
    const more = c.total - c.shown.length
    return more > 0 ? t('chart.showAllSeries', { n: formatNumber(more, locale()) }) : null
  })
  /** Key series of one or two figures, listed as figures under the chart (in the period shown), not drawn as lonely dots. */
  const loneFigures = computed(() => loneFigureLines(datasets.dataset, dashboard.seriesChoice, view.state, locale(), t('chart.baseline')))
  /** In the index view, what the lines are indexed on, above the chart: "Index, 2015 = 100". */
  const indexBasis = computed(() => (dashboard.trendView.panels.some((p) => p.unit === 'index') ? unitName('index', dashboard.trendView, text.value) : ''))
  /** Lines, or figures of lines, the view mode leaves out, and why. */
  const excludedText = computed(() =>
    groupExcluded(dashboard.viewResult.excluded).map((e) => {
      const series =
        e.lines > 1 ? t('controls.excluded.lines', { label: e.series.indicator.label[locale()], n: formatNumber(e.lines, locale()) }) : seriesLabel(e.series, locale())
      return t(`controls.excluded.${e.reason}`, { series, periods: (e.periods ?? []).join(', '), base: e.base ?? '' })
    }),
  )
  /** "Showing 20 of 20,000 lines", formatted. */
  const lineCap = computed(() =>
    dashboard.lineCap ? { shown: formatNumber(dashboard.lineCap.shown, locale()), total: formatNumber(dashboard.lineCap.total, locale()) } : null,
  )

  return { frameHeight, generatedWords, cap, seriesToggle, loneFigures, indexBasis, excludedText, lineCap }
}
