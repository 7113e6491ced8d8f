/**
 * Server-side style SVG rendering of the trend chart: ECharts' SVG renderer without a DOM node,
 * text kept as text (src/charts/echarts.ts). The option comes from the renderer with a picture
 * layout (no tooltip, no slider): nothing is changed here.
 */
import { svgChart, type EChartsOption } from '../charts/echarts'
import { xmlSafe } from '../core/xmlText'

/** Renders an option to an SVG string of the given size. */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = svgChart(width, height)
  try {
    chart.setOption(option)
    // Characters XML forbids (from older stored data) never reach the file.
    return xmlSafe(chart.renderToSVGString())
  } finally {
    chart.dispose()
  }
}
