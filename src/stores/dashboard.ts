import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { numberMilestones, type TrendSpec } from '../core/chart/trendOption'
import { checkConsistency, type ConsistencyCheck } from '../core/consistency'
import { selectFigures } from '../core/filters'
import type { Observation } from '../core/model'
import { applyBreakdown } from '../core/breakdown'
import { buildSeries } from '../core/series'
import { DEFAULT_SUPPRESS_BELOW, isSuppressed, markSmallCounts, suppressView } from '../core/suppression'
import { applyView, effectiveScale, logScaleAvailability } from '../core/transform'
import { useDatasetsStore } from './datasets'
import { useViewStore } from './view'

/**
 * The dashboard's derived data: what the filters leave, transformed by the view mode. Pure
 * derivations of the datasets and view stores, each a call into core.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const datasets = useDatasetsStore()
  const view = useViewStore()

  const selection = computed(() => selectFigures(datasets.dataset, view.state))
  /** Small-count threshold per imported dataset (bundled figures are published: none). */
  const thresholds = computed(() => new Map(datasets.imported.map((e) => [e.meta.id, e.meta.suppressBelow ?? DEFAULT_SUPPRESS_BELOW])))
  const series = computed(() =>
    markSmallCounts(buildSeries(selection.value.observations, selection.value.indicators), (i) => thresholds.value.get(i.dataset) ?? 0),
  )
  const breakdown = computed(() => applyBreakdown(series.value, view.state.breakdown, view.state.by, isSuppressed))
  const viewResult = computed(() => suppressView(applyView(breakdown.value.series, view.state.mode, view.state.base), breakdown.value.series, view.state.mode))
  const logAvailability = computed(() => logScaleAvailability(viewResult.value.series))
  const scale = computed(() => effectiveScale(view.state.scale, viewResult.value.series))
  const milestones = computed(() => numberMilestones(selection.value.milestones))
  const checks = computed(() => checkConsistency(datasets.dataset))
  const checkByObservation = computed(
    () => new Map<Observation, ConsistencyCheck>(checks.value.map((c) => [c.observation, c])),
  )
  /** Years with figures, for the period and base-year pickers. */
  const years = computed(() => {
    const set = new Set<number>()
    for (const o of datasets.dataset.observations) set.add(new Date(o.period.start).getFullYear())
    for (const m of datasets.dataset.milestones) set.add(new Date(m.date.start).getFullYear())
    return [...set].sort((a, b) => a - b)
  })
  /** What the chart draws at a given size: the one spec the dashboard, embed and exports share. */
  function trendSpec(size: { height: number; width?: number }): TrendSpec {
    return {
      locale: view.state.locale,
      series: viewResult.value.series,
      milestones: milestones.value,
      sources: datasets.sourceById,
      scale: scale.value,
      checks: view.state.mode === 'absolute' ? checkByObservation.value : undefined,
      height: size.height,
      width: size.width,
      groups: breakdown.value.groups.length ? breakdown.value.groups : undefined,
    }
  }
  const isEmpty = computed(() => viewResult.value.series.length === 0 && milestones.value.length === 0)

  return { selection, series, breakdown, viewResult, logAvailability, scale, milestones, checks, checkByObservation, years, isEmpty, trendSpec }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
