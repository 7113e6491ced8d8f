/**
 * The page side of the chart preview: asks the worker for the picture of the chart and turns the
 * reply into SVG elements. Elements are created one by one from an allow-list, attributes are set
 * with setAttribute and text with textContent: no markup is ever parsed, so a label can only ever
 * show as text.
 */
import { PREVIEW_MAX_POINTS, type PictureHits, type PreviewReply, type PreviewRequest, type SvgNode } from './previewProtocol'
import type { TrendView } from '../core/chart/chartState'

const SVG_NS = 'http://www.w3.org/2000/svg'
/** What ECharts' SVG renderer writes for Vigie's charts: shapes, text, clips and decal patterns. */
const ALLOWED_TAGS = new Set([
  'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'defs', 'clipPath', 'pattern', 'linearGradient', 'radialGradient', 'stop', 'title',
])

function safeAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase()
  if (lower.startsWith('on')) return false
  // Only references inside the picture (clip paths, patterns): never a link or an external resource.
  if (lower === 'href' || lower === 'xlink:href' || lower === 'src') return value.startsWith('#')
  return true
}

/**
 * ECharts writes fonts as style attributes, which the page's CSP refuses: set them through the
 * CSSOM instead, and never anything that loads a resource.
 */
function applyStyle(element: SVGElement, declarations: string): void {
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim()
    const value = declaration.slice(colon + 1).trim()
    if (/^[a-z-]+$/.test(property) && !/url\s*\(/i.test(value)) element.style.setProperty(property, value)
  }
}

/** Builds the SVG element tree, dropping any element or attribute outside the allow-list. */
export function buildSvgElement(node: SvgNode, doc: Document): SVGElement | null {
  if (!ALLOWED_TAGS.has(node.tag)) return null
  const element = doc.createElementNS(SVG_NS, node.tag) as SVGElement
  for (const [name, raw] of Object.entries(node.attrs)) {
    const value = raw === true ? '' : String(raw)
    if (!/^[a-zA-Z][\w:.-]*$/.test(name) || !safeAttribute(name, value)) continue
    if (name.startsWith('xmlns')) continue
    if (name === 'style') applyStyle(element, value)
    else if (name.startsWith('xlink:')) element.setAttributeNS('http://www.w3.org/1999/xlink', name, value)
    else element.setAttribute(name, value)
  }
  if (node.text) element.textContent = node.text
  for (const child of node.children ?? []) {
    const built = buildSvgElement(child, doc)
    if (built) element.appendChild(built)
  }
  return element
}

/** Whether the preview is worth it: a worker with OffscreenCanvas, and a spec small enough to copy. */
export function canPreview(view: TrendView): boolean {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return false
  let points = 0
  for (const s of view.series) points += s.points.length
  return points <= PREVIEW_MAX_POINTS
}

type Draw = Omit<PreviewRequest, 'id'>

/**
 * One worker per chart; the latest request wins: while one is drawn, newer ones replace each other
 * and only the last is sent.
 */
export class ChartPreviewer {
  private worker: Worker | null = null
  private nextId = 1
  private inFlight = false
  private pending: Draw | null = null

  constructor(
    private readonly onTree: (tree: SvgNode, hits: PictureHits) => void,
    private readonly onError: (reason: string) => void,
  ) {}

  draw(request: Draw): void {
    this.pending = request
    if (!this.inFlight) this.sendPending()
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    this.pending = null
  }

  private sendPending(): void {
    const request = this.pending
    if (!request) return
    this.pending = null
    this.inFlight = true
    if (!this.worker) {
      this.worker = new Worker(new URL('../workers/chartPreview.worker.ts', import.meta.url), { type: 'module', name: 'vigie-chart-preview' })
      this.worker.onmessage = ({ data }: MessageEvent<PreviewReply>) => this.receive(data)
      this.worker.onerror = (event) => {
        event.preventDefault()
        this.fail(event.message || 'the preview worker failed')
      }
    }
    this.worker.postMessage({ ...request, id: this.nextId++ })
  }

  private receive(reply: PreviewReply): void {
    this.inFlight = false
    if ('error' in reply) return this.fail(reply.error)
    // A newer request supersedes this picture: draw that one instead of showing a stale one.
    if (this.pending) return this.sendPending()
    this.onTree(reply.tree, reply.hits)
  }

  private fail(reason: string): void {
    this.dispose()
    this.onError(reason)
  }
}
