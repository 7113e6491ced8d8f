/**
 * Server-side style SVG rendering of the trend chart: ECharts' SVG renderer without a DOM node,
 * text kept as text. The SVG renderer is registered here only, so it loads with the exports and
 * never with the dashboard.
 */
import type { EChartsOption } from 'echarts'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { xmlSafe } from '../core/xmlText'
// Registers the line chart and the components the option uses (already loaded by the dashboard).
import '../charts/echarts'

use([SVGRenderer])

/** The option as exports draw it: no slider, no tooltip, no animation. */
export function staticOption(option: EChartsOption): EChartsOption {
  return { ...option, animation: false, dataZoom: [], tooltip: { show: false } }
}

/** Renders an option to an SVG string of the given size. */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = init(null as unknown as HTMLElement, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(staticOption(option))
    return xmlSafe(chart.renderToSVGString())
  } finally {
    chart.dispose()
  }
}
