import { layoutChart, preferredHeight, type ChartProfile } from '../core/chart/chartLayout'
import type { TrendView } from '../core/chart/chartState'
import { buildTrendOption, describeChart } from '../core/chart/trendOption'
import { chartLabels, figureRows, type ChartLabels } from '../core/export/labels'
import { composeSvg, layoutExport, type ExportLayout } from '../core/export/layout'
import type { ViewState } from '../core/view'
import { exportedOn, exportTextFor, trendTextFor } from './messages'
import { renderChartSvg } from './svg'

/** Everything an export of one view needs: the chart state, the view state it comes from, and when. */
export interface ExportContext {
  readonly view: TrendView
  readonly state: ViewState
  /** Address of the same view online. */
  readonly link: string
  readonly now: Date
}

/** A size to export at: the chart's own on-screen size, a 1920×1080 slide, or a slide's picture. */
export type ExportSize =
  | { readonly kind: 'screen'; readonly width: number; readonly height: number }
  | { readonly kind: 'slide' }
  | { readonly kind: 'picture'; readonly width: number; readonly height: number }

export interface ComposedExport {
  readonly svg: string
  readonly layout: ExportLayout
  readonly labels: ChartLabels
  readonly description: string
}

/** Draws the chart alone as SVG at a size, laid out for a profile (no tooltip, no slider: a picture). */
function chartSvg(view: TrendView, width: number, height: number, profile: ChartProfile): string {
  return renderChartSvg(buildTrendOption(view, layoutChart(view, { width, height }, profile), trendTextFor(view.locale)), width, height)
}

/** Builds the exported image of a view as one SVG document, laid out for the requested size. */
export function composeExport(ctx: ExportContext, size: ExportSize): ComposedExport {
  const { view, state } = ctx
  const text = exportTextFor(view.locale)
  const labels = chartLabels(view, state, text)
  const bare = size.kind === 'picture'
  const layout = layoutExport({
    width: size.kind === 'slide' ? 1920 : size.width,
    height: size.kind === 'screen' ? null : size.kind === 'slide' ? 1080 : size.height,
    chartHeight: size.kind === 'screen' ? size.height : 0,
    labels: bare ? { ...labels, title: '', subtitle: '', sourceLine: '' } : labels,
    // The legend lists the lines as the chart state colours them.
    legend: view.legend.map((s) => ({ name: s.label, color: s.colour })),
    milestoneKeyTitle: text.milestoneKey,
    exportedOn: bare ? '' : exportedOn(view.locale, ctx.now),
    more: text.more,
    fontSize: size.kind === 'screen' ? undefined : 24,
  })
  // On a slide the chart is drawn smaller and scaled up, so its axis labels read from afar; less so
  // when its panels would not get their room at that scale.
  const profile = size.kind === 'screen' ? 'picture' : 'slide'
  const scale =
    size.kind === 'screen'
      ? 1
      : ([1.6, 1.3, 1.1, 1].find((k) => preferredHeight(view, layout.chart.width / k, profile) <= layout.chart.height / k) ?? 1)
  const w = Math.round(layout.chart.width / scale)
  const h = Math.round(layout.chart.height / scale)
  const svg = chartSvg(view, w, h, profile)
  const description = describeChart(view)
  return { svg: composeSvg(layout, svg, labels.title, description, scale), layout, labels, description }
}

/** The chart alone as SVG (for the HTML file, where title, legend, key and sources are HTML text). */
export function chartOnlySvg(ctx: ExportContext, width: number, height: number): string {
  return chartSvg(ctx.view, width, height, 'picture')
}

export { figureRows }

/** Title, subtitle, sources and key of a view, without drawing anything. */
export function labelsOf(ctx: ExportContext): ChartLabels {
  return chartLabels(ctx.view, ctx.state, exportTextFor(ctx.view.locale))
}
