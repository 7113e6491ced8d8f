import { computed, type ComputedRef, type Ref } from 'vue'
import type { ChartInputs } from '../charts/trendUpdate'
import { layoutChart, screenProfile, type ChartLayout, type ChartProfile } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import { chartDescription, type TrendText } from '../core/chart/chartText'

/** What the chart is built from: the chart state and the words, for the worker's picture and for ECharts alike. */
export interface ChartSource {
  readonly view: TrendView
  readonly text: TrendText
}

export interface TrendDrawing {
  readonly layout: ComputedRef<ChartLayout>
  /** State, words, layout and the container's size: what the engine draws (placed and rendered once it loads). */
  readonly inputs: ComputedRef<ChartInputs>
  /** The generated description ECharts' aria gives the chart; it names the picture until the engine loads. */
  readonly description: ComputedRef<string>
}

/**
 * The chart on a surface: its state laid out at the size the container has, for the profile
 * (`auto`: screen, or phone when narrow). Placing and rendering are the engine's
 * (useTrendEngine.ts), loaded with it; the picture is the worker's, from the same layout.
 */
export function useTrendDrawing(source: () => ChartSource, size: Ref<{ width: number; height: number } | null>, profile: () => ChartProfile | 'auto'): TrendDrawing {
  const box = computed(() => size.value ?? { width: 960, height: 480 })
  const layout = computed(() => {
    const wanted = profile()
    return layoutChart(source().view, box.value, wanted === 'auto' ? screenProfile(box.value.width) : wanted)
  })
  const inputs = computed<ChartInputs>(() => ({ ...source(), layout: layout.value, size: box.value }))
  const description = computed(() => chartDescription(source().view, source().text))
  return { layout, inputs, description }
}
