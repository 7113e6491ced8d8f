import { computed, type ComputedRef, type Ref } from 'vue'
import type { ChartInputs } from '../charts/trendUpdate'
import { layoutChart, screenProfile, type ChartLayout, type ChartProfile } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import { chartDescription, type TrendText } from '../core/chart/chartText'
import { placeTrend, type PlacedTrend } from '../core/chart/placeTrend'
import { buildTrendOption } from '../core/chart/trendOption'
import type { EChartsOption } from '../charts/echarts'

/** What the chart is built from: the chart state and the words, for the worker's picture and for ECharts alike. */
export interface ChartSource {
  readonly view: TrendView
  readonly text: TrendText
}

export interface TrendDrawing {
  readonly layout: ComputedRef<ChartLayout>
  /** Every placed item and the point index the cursor and the tooltips read. */
  readonly placed: ComputedRef<PlacedTrend>
  readonly inputs: ComputedRef<ChartInputs>
  /** Built only when read: until the engine loads, the worker draws the picture from the same state and layout. */
  readonly option: ComputedRef<EChartsOption>
  /** The generated description ECharts' aria gives the chart; it names the picture until the engine loads. */
  readonly description: ComputedRef<string>
}

/**
 * The chart's pipeline on a surface: state → layout (at the size the container has, for the
 * profile; `auto`: screen, or phone when narrow) → placed → option.
 */
export function useTrendDrawing(source: () => ChartSource, size: Ref<{ width: number; height: number } | null>, profile: () => ChartProfile | 'auto'): TrendDrawing {
  const box = computed(() => size.value ?? { width: 960, height: 480 })
  const layout = computed(() => {
    const wanted = profile()
    return layoutChart(source().view, box.value, wanted === 'auto' ? screenProfile(box.value.width) : wanted)
  })
  const placed = computed(() => placeTrend(source().view, layout.value))
  const inputs = computed<ChartInputs>(() => ({ ...source(), layout: layout.value, size: box.value }))
  const option = computed(() => buildTrendOption(source().view, layout.value, source().text, placed.value))
  const description = computed(() => chartDescription(source().view, source().text))
  return { layout, placed, inputs, option, description }
}
