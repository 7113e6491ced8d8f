/// <reference lib="webworker" />
/**
 * The chart-preview worker: draws the trend chart as SVG off the main thread, so the dashboard
 * paints and responds before the interactive chart engine is loaded. Text is measured on an
 * OffscreenCanvas, so labels are laid out as on the page.
 */
import { setPlatformAPI } from '../charts/echarts'
import { drawPreview } from '../charts/previewDraw'
import type { PreviewReply, PreviewRequest } from '../charts/previewProtocol'

declare const self: DedicatedWorkerGlobalScope

// ECharts' development build reads its defaults from `global` when there is no `window`, as in a
// worker (the dev server serves that build).
;(globalThis as { global?: unknown }).global ??= globalThis
setPlatformAPI({ createCanvas: () => new OffscreenCanvas(1, 1) as unknown as HTMLCanvasElement })

self.onmessage = ({ data }: MessageEvent<PreviewRequest>) => {
  let reply: PreviewReply
  try {
    reply = { id: data.id, ...drawPreview(data) }
  } catch (e) {
    reply = { id: data.id, error: e instanceof Error ? e.message : String(e) }
  }
  self.postMessage(reply)
}
