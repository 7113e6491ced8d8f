/**
 * How the interactive chart follows its inputs, decided without the engine (as vue-echarts'
 * planUpdate): given what was drawn and what is asked now, replace the option, merge it, resize the
 * canvas, or do nothing. And the time window a zoom event settles on, from the event's own
 * percentages and the domain the placement fixed: the option is never read back. Pure.
 */
import type { ChartLayout } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import type { TrendText } from '../core/chart/chartText'

/** What the drawn chart is made of. */
export interface ChartInputs {
  readonly view: TrendView
  readonly text: TrendText
  readonly layout: ChartLayout
  /** The container's size in CSS pixels: the canvas follows it (the layout has floors of its own). */
  readonly size: { readonly width: number; readonly height: number }
}

/**
 * `replace`: set the option with notMerge (other series, or an option of another shape: nothing
 * stale may stay behind); `merge`: the same items in other boxes (a resize), merged so the engine
 * keeps its state (the slider's window, a tooltip); `none`: the option would be the same.
 * `resize`: the canvas must take the container's new size first.
 */
export interface UpdatePlan {
  readonly option: 'none' | 'merge' | 'replace'
  readonly resize: boolean
}

/**
 * The layout decisions that change the option's shape (its series, their keys, the components it
 * has): two layouts that agree on them give options with the same keys, which merge cleanly.
 */
function sameShape(view: TrendView, a: ChartLayout, b: ChartLayout): boolean {
  // The point budget only matters to a series long enough to be thinned under either budget.
  const longest = Math.max(0, ...view.series.map((s) => s.points.length))
  const thinned = longest > Math.min(a.pointBudget, b.pointBudget)
  return (
    a.profile === b.profile &&
    a.interactive === b.interactive &&
    a.slider === b.slider &&
    a.columns === b.columns &&
    a.symbolSize === b.symbolSize &&
    a.panels.length === b.panels.length &&
    (a.directLabels === null) === (b.directLabels === null) &&
    (!thinned || a.pointBudget === b.pointBudget)
  )
}

function sameLayout(a: ChartLayout, b: ChartLayout): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** What to do to go from the chart drawn with `previous` (null: nothing drawn yet) to `next`. */
export function planUpdate(previous: ChartInputs | null, next: ChartInputs): UpdatePlan {
  if (!previous) return { option: 'replace', resize: false }
  const resize = previous.size.width !== next.size.width || previous.size.height !== next.size.height
  if (previous.view !== next.view || previous.text !== next.text) return { option: 'replace', resize }
  if (sameLayout(previous.layout, next.layout)) return { option: 'none', resize }
  return { option: sameShape(next.view, previous.layout, next.layout) ? 'merge' : 'replace', resize }
}

/**
 * What ECharts reports when the period slider or the shift+wheel zoom moves: percentages of the
 * time axis (`start`/`end`), or the axis values themselves, alone or in a batch (the inside zoom).
 */
export interface ZoomEvent {
  readonly start?: number
  readonly end?: number
  readonly startValue?: number
  readonly endValue?: number
  readonly batch?: readonly ZoomEvent[]
}

/** The time window a zoom event shows, in axis numbers, on the domain the chart fixed; null when it says none. */
export function zoomWindow(event: ZoomEvent, domain: TrendView['domain']): { start: number; end: number } | null {
  const e = event.batch?.[0] ?? event
  if (!domain) return null
  if (typeof e.startValue === 'number' && typeof e.endValue === 'number') return { start: e.startValue, end: e.endValue }
  if (typeof e.start !== 'number' || typeof e.end !== 'number') return null
  const span = domain.max - domain.min
  return { start: domain.min + (span * e.start) / 100, end: domain.min + (span * e.end) / 100 }
}
