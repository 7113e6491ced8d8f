/**
 * Server-side style SVG rendering of the trend chart: ECharts' SVG renderer without a DOM node,
 * text kept as text. The SVG renderer is registered here only, so it loads with the exports and
 * never with the dashboard. The option comes from the renderer with a picture layout (no tooltip,
 * no slider): nothing is changed here.
 */
import type { EChartsOption } from 'echarts'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { xmlSafe } from '../core/xmlText'
// Registers the line chart and the components the option uses (already loaded by the dashboard).
import '../charts/echarts'

use([SVGRenderer])

/** Renders an option to an SVG string of the given size. */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = init(null as unknown as HTMLElement, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option)
    // Characters XML forbids (from older stored data) never reach the file.
    return xmlSafe(chart.renderToSVGString())
  } finally {
    chart.dispose()
  }
}
