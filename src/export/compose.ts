import { buildTrendOption, describeChart, trendLegend, type TrendSpec } from '../core/chart/trendOption'
import { chartLabels, figureRows, type ChartLabels } from '../core/export/labels'
import { composeSvg, layoutExport, type ExportLayout } from '../core/export/layout'
import type { ViewState } from '../core/view'
import { exportedOn, exportTextFor, trendTextFor } from './messages'
import { renderChartSvg } from './svg'

/** Everything an export of one view needs: what is drawn, the state it comes from, and when. */
export interface ExportContext {
  readonly spec: TrendSpec
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

/** Builds the exported image of a view as one SVG document, laid out for the requested size. */
export function composeExport(ctx: ExportContext, size: ExportSize): ComposedExport {
  const { spec, state } = ctx
  const text = exportTextFor(spec.locale)
  const labels = chartLabels(spec, state, text)
  const bare = size.kind === 'picture'
  const trendText = trendTextFor(spec.locale)
  // The legend lists the lines as the option draws them: same order, same colours.
  const legend = trendLegend(spec)
  const layout = layoutExport({
    width: size.kind === 'slide' ? 1920 : size.width,
    height: size.kind === 'screen' ? null : size.kind === 'slide' ? 1080 : size.height,
    chartHeight: size.kind === 'screen' ? size.height : 0,
    labels: bare ? { ...labels, title: '', subtitle: '', sourceLine: '' } : labels,
    legend,
    milestoneKeyTitle: text.milestoneKey,
    exportedOn: bare ? '' : exportedOn(spec.locale, ctx.now),
    more: text.more,
    fontSize: size.kind === 'screen' ? undefined : 24,
  })
  // On a slide the chart is drawn smaller and scaled up, so its axis labels read from afar.
  const scale = size.kind === 'screen' ? 1 : 1.6
  const w = Math.round(layout.chart.width / scale)
  const h = Math.round(layout.chart.height / scale)
  const option = buildTrendOption({ ...spec, height: h }, trendText)
  const chartSvg = renderChartSvg(option, w, h)
  const description = describeChart(spec)
  return { svg: composeSvg(layout, chartSvg, labels.title, description, scale), layout, labels, description }
}

/** The chart alone as SVG (for the HTML file, where title, key and sources are HTML text). */
export function chartOnlySvg(ctx: ExportContext, width: number, height: number): string {
  const option = buildTrendOption({ ...ctx.spec, height }, trendTextFor(ctx.spec.locale))
  return renderChartSvg(option, width, height)
}

export { figureRows }

/** Title, subtitle, sources and key of a view, without drawing anything. */
export function labelsOf(ctx: ExportContext): ChartLabels {
  return chartLabels(ctx.spec, ctx.state, exportTextFor(ctx.spec.locale))
}
