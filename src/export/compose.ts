import { layoutChart, preferredHeight, stillLayout, type ChartProfile } from '../core/chart/chartLayout'
import { panelSubset, type TrendView } from '../core/chart/chartState'
import { buildTrendOption, describeChart } from '../core/chart/trendOption'
import { chartLabels, figureRows, type ChartLabels } from '../core/export/labels'
import { composeSvg, layoutExport, type ExportLayout } from '../core/export/layout'
import { partSubtitle, viewParts, type Part } from '../core/pages'
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
  /** The chart state drawn: the view's, or the part of it on this slide. */
  readonly view: TrendView
  readonly svg: string
  readonly layout: ExportLayout
  readonly labels: ChartLabels
  readonly description: string
}

/** Draws the chart alone as SVG at a size, laid out for a profile (no tooltip, no slider: a picture). */
function chartSvg(view: TrendView, width: number, height: number, profile: ChartProfile): string {
  // A still picture whatever the profile: no tooltip, no slider.
  return renderChartSvg(buildTrendOption(view, stillLayout(layoutChart(view, { width, height }, profile)), trendTextFor(view.locale)), width, height)
}

export type { Part }

/** The texts, the layout and the chart's drawing scale of a view's export at a size. */
function planExport(ctx: ExportContext, size: ExportSize, part?: Part & { readonly subtitle: string }) {
  const { view, state } = ctx
  const text = exportTextFor(view.locale)
  const own = chartLabels(view, state, text)
  // Every part of a view carries the whole view's subtitle (its period and counts), and says which part it is.
  const labels = part ? { ...own, subtitle: partSubtitle(part.subtitle, part, text.part) } : own
  const bare = size.kind === 'picture'
  const layout = layoutExport({
    width: size.kind === 'slide' ? 1920 : size.width,
    height: size.kind === 'screen' ? null : size.kind === 'slide' ? 1080 : size.height,
    chartHeight: size.kind === 'screen' ? size.height : 0,
    labels: bare ? { ...labels, title: '', subtitle: '', sourceLine: '' } : labels,
    // The legend lists the lines as the chart state colours them.
    legend: view.legend.map((s) => ({ name: s.label, color: s.colour, symbol: s.symbol })),
    milestoneKeyTitle: text.milestoneKey,
    exportedOn: bare ? '' : exportedOn(view.locale, ctx.now),
    more: text.more,
    fontSize: size.kind === 'screen' ? undefined : 24,
  })
  // On a slide the chart is drawn at its size in the slide profile's 18 px type (the title and key
  // are larger); a crowded view goes over several parts rather than smaller type.
  const profile: ChartProfile = size.kind === 'screen' ? 'picture' : 'slide'
  const scale = 1
  return { labels, layout, profile, scale }
}

/** Builds the exported image of a view as one SVG document, laid out for the requested size. */
export function composeExport(ctx: ExportContext, size: ExportSize, part?: Part & { readonly subtitle: string }): ComposedExport {
  const { view } = ctx
  const { labels, layout, profile, scale } = planExport(ctx, size, part)
  const w = Math.round(layout.chart.width / scale)
  const h = Math.round(layout.chart.height / scale)
  const svg = chartSvg(view, w, h, profile)
  const description = describeChart(view)
  return { view, svg: composeSvg(layout, svg, labels.title, description, scale), layout, labels, description }
}

/** The smallest legend type on a slide, in pixels of its 1920-pixel width. */
const MIN_SLIDE_LEGEND = 18

/**
 * A view on fixed-size slides: one slide when every panel gets its room there, else the panels
 * over as many slides as they need, in order, each saying which part it is. A crowded view is
 * never squeezed onto one slide where its axes could not be read.
 */
export function composeSlides(ctx: ExportContext, size: Exclude<ExportSize, { kind: 'screen' }>): ComposedExport[] {
  const { view } = ctx
  const { subtitle } = labelsOf(ctx)
  // Paged as on the 1920×1080 slide, whatever the size drawn, so the PNG slide and the PowerPoint
  // file agree on the parts.
  const plan = (sub: TrendView) => planExport({ ...ctx, view: sub }, { kind: 'slide' }, { n: 9, of: 9, subtitle })
  // How many milestones a part of one panel starting there leaves out of its key.
  const omittedAlone = new Map<number, number>()
  const aloneOmits = (first: number) => {
    if (!omittedAlone.has(first)) omittedAlone.set(first, plan(panelSubset(view, [first])).layout.omittedMilestones)
    return omittedAlone.get(first)!
  }
  // A part takes more panels while each gets its room, its legend stays in type that reads from
  // the back of a room, and its key lists as many milestones as a part of one panel would.
  const fits = (sub: TrendView, panels: readonly number[]) => {
    const { layout, profile } = plan(sub)
    return (
      preferredHeight(sub, layout.chart.width, profile) <= layout.chart.height &&
      layout.legendSize >= MIN_SLIDE_LEGEND &&
      layout.omittedMilestones <= aloneOmits(panels[0]!)
    )
  }
  return viewParts(view, fits).map(({ view: sub, part }) => (part ? composeExport({ ...ctx, view: sub }, size, { ...part, subtitle }) : composeExport(ctx, size)))
}

/** The chart alone as SVG (for the HTML file, where title, legend, key and sources are HTML text). */
export function chartOnlySvg(ctx: ExportContext, width: number, height: number, profile: ChartProfile = 'picture'): string {
  return chartSvg(ctx.view, width, height, profile)
}

export { figureRows }

/** Title, subtitle, sources and key of a view, without drawing anything. */
export function labelsOf(ctx: ExportContext): ChartLabels {
  return chartLabels(ctx.view, ctx.state, exportTextFor(ctx.view.locale))
}
