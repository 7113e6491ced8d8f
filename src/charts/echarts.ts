/**
 * The one module that loads the ECharts runtime (ESLint holds the line): only the chart type,
 * components and renderers Vigie uses, registered by the function that needs them, so each bundle
 * keeps only what it calls (the preview worker has no canvas renderer, slider or tooltip) and the
 * first load stays small (DESIGN section 6). Every other module imports ECharts' types only.
 */
import type { EChartsOption } from 'echarts'
import { init as initECharts, setPlatformAPI, use, type ECharts } from 'echarts/core'
import { LineChart } from 'echarts/charts'
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  GridSimpleComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { LabelLayout } from 'echarts/features'

/**
 * What every drawing of the trend chart uses: lines, their grid, milestones, the aria description,
 * and the label layout that stacks the lines' direct labels apart (labelLayout's shiftY). The
 * simple grid: a still picture has no axis pointer (GridComponent's extra, 8 KB gzip).
 */
const DRAWN = [LineChart, AriaComponent, GridSimpleComponent, MarkAreaComponent, MarkLineComponent, LabelLayout]

/** The interactive chart on the page: canvas, with the axis pointer, period slider and tooltips. */
export function init(...args: Parameters<typeof initECharts>): ECharts {
  use([...DRAWN, GridComponent, DataZoomComponent, TooltipComponent, CanvasRenderer])
  return initECharts(...args)
}

/**
 * A chart drawn without a DOM as SVG (ECharts' server-side mode): the preview worker's picture and
 * the exports. No slider and no tooltip: the option comes from a still layout.
 */
export function svgChart(width: number, height: number): ECharts {
  use([...DRAWN, SVGRenderer])
  return initECharts(null as unknown as HTMLElement, null, { renderer: 'svg', ssr: true, width, height })
}

export { setPlatformAPI }
export type { ECharts, EChartsOption }
