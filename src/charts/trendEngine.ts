/**
 * What the interactive chart needs once it loads, in one module loaded with the engine: ECharts
 * itself, the placement, the renderer and the update plan. The first load carries none of it
 * (the picture is drawn by the worker, which has its own copy).
 */
export { init } from './echarts'
export { planUpdate, zoomWindow, type ChartInputs, type ZoomEvent } from './trendUpdate'
export { drawnFigure, placeTrend } from '../core/chart/placeTrend'
export { buildTrendOption } from '../core/chart/trendOption'
