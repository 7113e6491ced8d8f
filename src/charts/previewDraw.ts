/**
 * Draws the trend chart as an SVG element tree with ECharts' SVG renderer in server-side mode (no
 * DOM): what the preview worker runs, from the same pure option builder as the interactive chart.
 */
import { svgChart } from './echarts'
import { figureAnchor } from '../core/chart/placeTrend'
import { buildTrendOption } from '../core/chart/trendOption'
import type { PictureHits, PreviewRequest, SvgNode } from './previewProtocol'

interface VNode {
  tag: string
  attrs: Record<string, string | number | boolean | undefined | null>
  children?: VNode[]
  text?: string
}

/** zrender's virtual node, reduced to plain data (no keys, no empty attributes). */
function plain(node: VNode): SvgNode {
  const attrs: Record<string, string | number | boolean> = {}
  for (const [name, value] of Object.entries(node.attrs)) if (value != null && value !== false) attrs[name] = value
  return {
    tag: node.tag,
    attrs,
    ...(node.children?.length ? { children: node.children.map(plain) } : {}),
    ...(node.text ? { text: node.text } : {}),
  }
}

/** The chart of `request` at its layout's size, and where its figures and milestones are drawn. */
export function drawPreview(request: Omit<PreviewRequest, 'id'>): { tree: SvgNode; hits: PictureHits } {
  const { layout, view } = request
  // The still layout has neither tooltip nor slider: nothing to take out of the option.
  const option = buildTrendOption(view, layout, { ...request.text, chartDescription: () => '', consistency: () => '' })
  // No dataZoom: the period slider is a control, drawn when it works (with the interactive chart).
  const chart = svgChart(layout.width, layout.height)
  try {
    chart.setOption(option)
    // The renderer's own element tree, before it is turned into markup: the page builds elements from it.
    const painter = chart.getZr().painter as unknown as { renderToVNode(opts: Record<string, boolean>): VNode }
    const tree = plain(painter.renderToVNode({ compress: true, useViewBox: true, animation: false, emphasis: false, willUpdate: false }))
    const pixel = (panel: number, x: number, y: number) => chart.convertToPixel({ gridIndex: panel }, [x, y]) as number[]
    // Every figure where the placement anchors it (a withheld one at its threshold, never its value).
    const points = view.series.flatMap((s, series) =>
      s.points.map((_, point) => {
        const anchor = figureAnchor(view, series, point)!
        const [x, y] = pixel(anchor.panel, anchor.x, anchor.y)
        return { series, point, x: x!, y: y! }
      }),
    )
    const first = layout.panels[0]
    const last = layout.panels[layout.panels.length - 1]
    const milestones = first && last
      ? view.milestones.map((m, index) => ({
          index,
          x: pixel(0, m.kind === 'interval' ? m.milestone.date.start : m.milestone.date.mid, 0)[0]!,
          x2: pixel(0, m.kind === 'interval' ? m.milestone.endDate!.end : m.milestone.date.mid, 0)[0]!,
          top: first.top,
          bottom: last.top + last.height,
        }))
      : []
    return { tree, hits: { points: points.filter((h) => Number.isFinite(h.x) && Number.isFinite(h.y)), milestones } }
  } finally {
    chart.dispose()
  }
}
