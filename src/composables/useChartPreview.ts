import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { buildSvgElement, canPreview, ChartPreviewer } from '../charts/chartPreview'
import { hitAt, previewText, type PictureHits } from '../charts/previewProtocol'
import type { Cursor } from './useChartCursor'
import type { TrendDrawing, ChartSource } from './useTrendDrawing'
import { stillLayout } from '../core/chart/chartLayout'

interface PreviewOptions {
  readonly container: Ref<HTMLElement | null>
  /** Where the picture is put (over the engine's container, which stays empty until it loads). */
  readonly host: Ref<HTMLElement | null>
  readonly size: Ref<{ width: number; height: number } | null>
  readonly source: () => ChartSource
  readonly drawing: TrendDrawing
  /** True once the engine is there: the picture then gives way and answers nothing. */
  readonly engineLoaded: () => boolean
  /** Any failure of the preview: the engine loads instead, so the chart is never left blank. */
  readonly onFail: () => void
}

type PictureWindow = { __vigiePicture?: PictureHits }

/**
 * The first picture of the chart, drawn as SVG by a worker from the same state and layout, until
 * the engine takes over; meanwhile the picture answers the pointer itself, from where the worker
 * drew each figure and milestone.
 */
export function useChartPreview(options: PreviewOptions) {
  const { container, host, size, source, drawing, engineLoaded } = options
  let previewer: ChartPreviewer | null = null
  let hits: PictureHits | null = null
  const pictureTip = ref<{ text: string; x: number; y: number } | null>(null)

  function show(tree: Parameters<typeof buildSvgElement>[0], where: PictureHits): void {
    const svg = buildSvgElement(tree, document)
    if (!svg || !host.value || engineLoaded()) return
    host.value.replaceChildren(svg)
    hits = where
    pictureTip.value = null
    // Lets the browser tests and the benchmark find where a figure is drawn in the picture.
    ;(window as unknown as PictureWindow).__vigiePicture = where
  }

  let queued = false
  /** Asks for a picture once the current changes have settled (a resize also changes the layout). */
  function draw(): void {
    if (!previewer || queued) return
    queued = true
    queueMicrotask(() => {
      queued = false
      if (!previewer || !size.value) return
      const { view, text } = source()
      previewer.draw({ view, text: previewText(text), layout: stillLayout(drawing.layout.value) })
    })
  }

  /** Starts the worker when a picture is worth it; false when the engine should load at once. */
  function start(): boolean {
    if (!canPreview(source().view)) return false
    previewer = new ChartPreviewer(show, options.onFail)
    return true
  }

  function clear(): void {
    previewer?.dispose()
    previewer = null
    hits = null
    pictureTip.value = null
    delete (window as unknown as PictureWindow).__vigiePicture
    host.value?.replaceChildren()
  }

  /** The figure or milestone under the pointer, named in a tooltip (`describe` gives the readout's words). */
  function onPointer(event: PointerEvent, describe: (c: Cursor | null) => string): void {
    if (engineLoaded() || !hits || !container.value) return
    const box = container.value.getBoundingClientRect()
    const x = event.clientX - box.left
    const y = event.clientY - box.top
    const text = describe(hitAt(hits, x, y))
    pictureTip.value = text ? { text, x: Math.min(x + 14, box.width - 280), y: y + 14 } : null
  }

  // Until the engine takes over, a new view or size redraws the picture (the latest one wins).
  watch([source, drawing.layout], draw)
  onBeforeUnmount(clear)
  return { start, draw, clear, onPointer, pictureTip }
}
