import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { deriveTrendView, numberedSelection, type TrendView } from '../core/chart/chartState'
import { availableDimensions, BREAKDOWN_MODES } from '../core/breakdown'
import { checkConsistency, type ConsistencyCheck } from '../core/consistency'
import { periodOfZoom } from '../core/dashboardNotes'
import { defaultChoice, selectFigures, selectMilestones } from '../core/filters'
import type { Observation } from '../core/model'
import { figureYears } from '../core/datasetIndex'
import { firstYear } from '../core/period'
import { viewFor } from '../core/export/spec'
import { colourSlots, numberedMilestones, runPipeline, withheldOf, type PipelineContext } from '../core/pipeline'
import type { ViewState } from '../core/view'
import { thresholdOf } from '../core/threshold'
import { logScaleAvailability } from '../core/transform'
import { useDatasetsStore } from './datasets'
import { useViewStore } from './view'

/**
 * The dashboard's derived data: the one pipeline (core/pipeline.ts) run on the loaded data and the
 * view state, and the chart state every surface reads.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const datasets = useDatasetsStore()
  const view = useViewStore()

  const checks = computed(() => checkConsistency(datasets.dataset))
  const checkByObservation = computed(
    () => new Map<Observation, ConsistencyCheck>(checks.value.map((c) => [c.observation, c])),
  )
  // Per data set, not per view: milestone numbers and colours never change with the filters.
  const numbered = computed(() => numberedMilestones(datasets.dataset))
  const slots = computed(() => colourSlots(datasets.dataset))
  /** Small-count threshold per imported dataset (bundled figures are published: none). */
  const thresholds = computed(() => new Map(datasets.imported.map((e) => [e.meta.id, thresholdOf(e.meta.suppressBelow)])))
  /** What the pipeline needs beyond a view state, computed once per data set. */
  const suppressBelow = computed(() => (indicator: { dataset: string }) => thresholds.value.get(indicator.dataset) ?? 0)
  /** Withheld figures (small counts, the parts that would give them away, their rates), once per data set. */
  const withheld = computed(() => withheldOf(datasets.dataset, suppressBelow.value))
  const context = computed<PipelineContext>(() => ({
    checks: checkByObservation.value,
    numbered: numbered.value,
    slots: slots.value,
    suppressBelow: suppressBelow.value,
    withheld: withheld.value,
  }))
  const pipeline = computed(() => runPipeline(datasets.dataset, view.state, context.value))
  /** The chart state of another view state (a saved view in Present or a deck), with the same context. */
  const viewOf = (state: ViewState): TrendView => viewFor(datasets.dataset, state, context.value)
  const selection = computed(() => pipeline.value.selection)
  const series = computed(() => pipeline.value.series)
  const breakdown = computed(() => pipeline.value.breakdown)
  /** More lines than drawn, after breakdowns ("Showing 20 of 20,000 lines"), or null. */
  const lineCap = computed(() => pipeline.value.lineCap)
  const viewResult = computed(() => pipeline.value.viewResult)
  const logAvailability = computed(() => logScaleAvailability(viewResult.value.series))
  const scale = computed(() => pipeline.value.spec.scale ?? 'linear')
  /** The milestones the filters leave (the Table lists them all; the chart draws those in its range). */
  const milestones = computed(() => pipeline.value.milestones)
  /** The chart state: what the chart, its legend and key, the embed and every export show. */
  const trendView = computed<TrendView>(() => deriveTrendView(pipeline.value.spec))
  /** "Compare before and after" a milestone: each count series drawn, described before and after (or null). */
  const comparison = computed(() => trendView.value.compare ?? null)
  /** Years with figures, for the period and base-year pickers. */
  const years = computed(() => {
    const set = figureYears(datasets.dataset)
    for (const m of datasets.dataset.milestones) set.add(firstYear(m.date))
    return [...set].sort((a, b) => a - b)
  })
  const isEmpty = computed(() => viewResult.value.series.length === 0 && milestones.value.length === 0)
  /** With no indicator chosen: what the view draws (key series or all), lists as figures, and leaves. Null when the user chose. */
  const seriesChoice = computed(() => (view.state.indicators.length > 0 ? null : defaultChoice(datasets.dataset, view.state.offences, view.state.series)))
  /** Whether "Show all series" would draw more than the key series (to offer going back to them). */
  const keySeriesFewer = computed(() => {
    const choice = seriesChoice.value
    return choice !== null && view.state.series === 'all' && defaultChoice(datasets.dataset, view.state.offences, 'key').shown.length < choice.shown.length
  })

  /**
   * The milestones the filters leave, numbered in the whole data set, for the timeline: the
   * filters alone, without running the pipeline's series (the timeline draws none).
   */
  const timelineMilestones = computed(() => numberedSelection(numbered.value, selectFigures(datasets.dataset, view.state).milestones))
  /** The reader's own milestones the filters leave, by id: what a link to this view names. */
  const ownMilestones = computed(() => datasets.dataset.milestones.filter((m) => m.own))
  const ownShown = computed(() =>
    selectMilestones({ milestones: ownMilestones.value }, view.state)
      .sort((a, b) => a.own!.seq - b.own!.seq)
      .map((m) => m.id.slice('own:'.length)),
  )
  /** Dimensions with two values or more among the shown series: what the breakdown control offers. */
  const dimensions = computed(() => availableDimensions(series.value))
  /** The breakdown modes the control offers (none, lines, total, small charts). */
  const breakdownModes = BREAKDOWN_MODES

  /**
   * The period slider is a period picker: where it settles (time-axis numbers) becomes the period
   * filter, in whole years, so the slider, the year selects and the link always agree.
   */
  function zoomTo(start: number, end: number): void {
    const next = periodOfZoom(start, end, viewResult.value.series, view.state)
    if (next) view.setPeriod(next.from, next.to)
  }

  return {
    selection,
    series,
    breakdown,
    lineCap,
    viewResult,
    logAvailability,
    scale,
    milestones,
    numbered,
    checks,
    checkByObservation,
    years,
    isEmpty,
    trendView,
    comparison,
    viewOf,
    seriesChoice,
    keySeriesFewer,
    timelineMilestones,
    ownShown,
    dimensions,
    breakdownModes,
    zoomTo,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
