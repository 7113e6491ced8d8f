import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref, type WatchStopHandle } from 'vue'
import type { ECharts } from '../charts/echarts'
import type { ChartInputs, ZoomEvent } from '../charts/trendUpdate'
import type { PlacedTrend } from '../core/chart/placeTrend'
import type { Cursor } from './useChartCursor'
import type { TrendDrawing } from './useTrendDrawing'

type ChartWindow = { __vigieChart?: ECharts }
type Engine = typeof import('../charts/trendEngine')

/** How long the slider or the wheel must rest before the window they show is reported. */
const ZOOM_SETTLE_MS = 300

/**
 * The interactive chart engine (ECharts, the largest module, loaded on demand): draws the option
 * as the update plan says, reports the time window the period slider settles on, and shows the
 * tooltip of the figure the keyboard reached, found through the placement's point index. It never
 * reads the option back.
 */
export function useTrendEngine(container: Ref<HTMLElement | null>, drawing: TrendDrawing, onZoom: (start: number, end: number) => void) {
  let chart: ECharts | null = null
  let drawn: ChartInputs | null = null
  let stopRendering: WatchStopHandle | null = null
  let loading = false
  /** True once the engine has taken over from the picture. */
  const interactive = ref(false)
  /** The engine's modules, once loaded: the placement and the renderer come with ECharts. */
  const engine = shallowRef<Engine | null>(null)
  /** Every placed item and the point index the keyboard's tooltip reads. */
  const placed = computed<PlacedTrend | null>(() => engine.value?.placeTrend(drawing.inputs.value.view, drawing.layout.value) ?? null)

  function render(inputs: ChartInputs): void {
    const lib = engine.value
    if (!chart || !lib || !placed.value) return
    const plan = lib.planUpdate(drawn, inputs)
    drawn = inputs
    if (plan.resize) chart.resize()
    if (plan.option === 'none') return
    const option = lib.buildTrendOption(inputs.view, inputs.layout, inputs.text, placed.value)
    // notMerge on a replace: a filter change replaces the series instead of leaving stale ones behind.
    chart.setOption(option, { notMerge: plan.option === 'replace', lazyUpdate: false })
  }

  /** The period slider and the shift+wheel zoom: the window they settle on, on the domain the chart placed. */
  function followZoom(instance: ECharts, lib: Engine): void {
    let timer: ReturnType<typeof setTimeout> | undefined
    instance.on('datazoom', (event) => {
      const shown = lib.zoomWindow(event as ZoomEvent, drawn?.view.domain ?? null)
      clearTimeout(timer)
      if (shown) timer = setTimeout(() => onZoom(shown.start, shown.end), ZOOM_SETTLE_MS)
    })
  }

  /** Loads the engine and draws; `onFirstDraw` runs once it has drawn (the picture it replaces can go). */
  async function load(onFirstDraw: () => void): Promise<void> {
    if (loading) return
    loading = true
    const lib = await import('../charts/trendEngine')
    if (!container.value) return
    const instance = lib.init(container.value, null, { renderer: 'canvas' })
    chart = instance
    engine.value = lib
    interactive.value = true
    followZoom(instance, lib)
    const first = (): void => {
      instance.off('finished', first)
      onFirstDraw()
    }
    instance.on('finished', first)
    render(drawing.inputs.value)
    stopRendering = watch(drawing.inputs, render)
    // Lets the browser tests read what is actually drawn.
    ;(window as unknown as ChartWindow).__vigieChart = instance
  }

  /** The engine's tooltip on the figure the cursor reached, or none (a milestone, a figure not drawn). */
  function showCursor(c: Cursor | null): void {
    const lib = engine.value
    if (!chart || !lib || !placed.value) return
    const at = c?.mode === 'points' ? lib.drawnFigure(placed.value, c.series, c.point) : null
    if (at) chart.dispatchAction({ type: 'showTip', seriesIndex: at.line, dataIndex: at.item })
    else chart.dispatchAction({ type: 'hideTip' })
  }

  onBeforeUnmount(() => {
    stopRendering?.()
    const page = window as unknown as ChartWindow
    if (page.__vigieChart === chart) delete page.__vigieChart
    chart?.dispose()
    chart = null
  })

  return { load, showCursor, interactive, instance: (): ECharts | null => chart }
}
