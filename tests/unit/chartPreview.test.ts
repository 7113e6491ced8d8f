// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { buildSvgElement, ChartPreviewer } from '../../src/charts/chartPreview'
import { drawPreview } from '../../src/charts/previewDraw'
import { hitAt, previewText, type SvgNode } from '../../src/charts/previewProtocol'
import { layoutChart, stillLayout } from '../../src/core/chart/chartLayout'
import { deriveTrendView, numberMilestones, type TrendView } from '../../src/core/chart/chartState'
import { readDataset } from '../../src/core/dataset'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { files } from '../helpers/csv'
import { TEXT } from '../helpers/text'

function chartView(): TrendView {
  const { value } = readDataset(files())
  return deriveTrendView({
    locale: 'en',
    series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
    milestones: numberMilestones(value.milestones),
    sources: new Map(value.sources.map((s) => [s.id, s])),
  })
}

/** What the page asks the worker for: the chart state and its still layout at a size. */
function previewRequest(width: number, height: number) {
  const view = chartView()
  return { view, text: previewText(TEXT), layout: stillLayout(layoutChart(view, { width, height }, 'screen')) }
}

const texts = (node: SvgNode): string[] => [...(node.text ? [node.text] : []), ...(node.children ?? []).flatMap(texts)]
const tags = (node: SvgNode): string[] => [node.tag, ...(node.children ?? []).flatMap(tags)]

describe('drawPreview (the chart as SVG, drawn by the worker)', () => {
  it('draws the chart at the asked size with its axis names, milestone numbers and one line per series', () => {
    const request = previewRequest(800, 480)
    const s = request.view
    const { tree, hits } = drawPreview(request)
    expect(tree.tag).toBe('svg')
    expect(tree.attrs.viewBox).toBe('0 0 800 480')
    const words = texts(tree)
    expect(words).toEqual(expect.arrayContaining(['Number', 'Change (%)']))
    for (const m of s.milestones) expect(words).toContain(String(m.number))
    expect(tags(tree).filter((t) => t === 'path').length).toBeGreaterThan(s.series.length)
    // Where each figure and milestone is drawn, for the picture to answer the pointer.
    expect(hits.points).toHaveLength(s.series.reduce((n, x) => n + x.points.length, 0))
    for (const h of hits.points) {
      const panel = request.layout.panels[s.series[h.series]!.panel]!
      expect(h.x).toBeGreaterThanOrEqual(panel.left)
      expect(h.x).toBeLessThanOrEqual(800 - panel.right)
      expect(h.y).toBeGreaterThanOrEqual(panel.top - 1)
      expect(h.y).toBeLessThanOrEqual(panel.top + panel.height + 1)
    }
    // Later figures are further right; a bigger value of one line is higher up.
    const line = hits.points.filter((h) => h.series === 0)
    for (let i = 1; i < line.length; i++) expect(line[i]!.x).toBeGreaterThan(line[i - 1]!.x)
    const values = s.series[0]!.points.map((p) => p.value)
    const top = values.indexOf(Math.max(...values))
    const bottom = values.indexOf(Math.min(...values))
    if (top !== bottom) expect(line[top]!.y).toBeLessThan(line[bottom]!.y)
    expect(hits.milestones.map((m) => m.index)).toEqual(s.milestones.map((_, i) => i))
  })
})

describe('buildSvgElement (the page side)', () => {
  it('builds the SVG elements, with text as text', () => {
    const tree: SvgNode = {
      tag: 'svg',
      attrs: { viewBox: '0 0 10 10', width: 10 },
      children: [{ tag: 'text', attrs: { x: 1, y: 2, style: 'font: 12px sans-serif' }, text: '<img src=x onerror=alert(1)>' }],
    }
    const svg = buildSvgElement(tree, document)!
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(svg.getAttribute('viewBox')).toBe('0 0 10 10')
    const text = svg.querySelector('text')!
    expect(text.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(text.querySelector('img')).toBeNull()
    expect(text.style.getPropertyValue('font')).toContain('12px')
  })

  it('drops scripts, foreign content, event handlers and links out of the picture', () => {
    const tree: SvgNode = {
      tag: 'svg',
      attrs: { onload: 'alert(1)' },
      children: [
        { tag: 'script', attrs: {}, text: 'alert(1)' },
        { tag: 'foreignObject', attrs: {}, children: [{ tag: 'text', attrs: {}, text: 'inside' }] },
        { tag: 'a', attrs: { href: 'javascript:alert(1)' }, text: 'link' },
        { tag: 'g', attrs: { 'clip-path': 'url(#c1)', onclick: 'alert(1)' } },
        { tag: 'path', attrs: { d: 'M0 0L1 1', style: 'fill: url(https://tracker.example/x)' } },
        { tag: 'pattern', attrs: { id: 'p1', href: 'https://tracker.example/x.svg' } },
        { tag: 'pattern', attrs: { id: 'p2', href: '#p1' } },
      ],
    }
    const svg = buildSvgElement(tree, document)!
    expect(new XMLSerializer().serializeToString(svg)).not.toMatch(/script|foreignObject|onload|onclick|javascript|tracker/i)
    expect([...svg.children].map((c) => c.tagName)).toEqual(['g', 'path', 'pattern', 'pattern'])
    expect(svg.querySelector('g')!.getAttribute('clip-path')).toBe('url(#c1)')
    expect(svg.querySelector('#p2')!.getAttribute('href')).toBe('#p1')
  })
})

describe('ChartPreviewer (one worker per chart, the latest request wins)', () => {
  /** A stand-in for the worker: records what is posted, replies when the test says so. */
  class FakeWorker {
    static last: FakeWorker | null = null
    posted: { id: number; layout: { width: number } }[] = []
    terminated = false
    onmessage: ((event: { data: unknown }) => void) | null = null
    onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null
    constructor() {
      FakeWorker.last = this
    }
    postMessage(message: { id: number; layout: { width: number } }): void {
      this.posted.push(message)
    }
    terminate(): void {
      this.terminated = true
    }
    reply(data: unknown): void {
      this.onmessage?.({ data })
    }
  }
  const request = (width: number) => previewRequest(width, 300)
  const tree: SvgNode = { tag: 'svg', attrs: {} }

  it('never shows a stale picture: requests made while one is drawn collapse into the latest', () => {
    const original = globalThis.Worker
    globalThis.Worker = FakeWorker as unknown as typeof Worker
    try {
      const shown: SvgNode[] = []
      const previewer = new ChartPreviewer((t) => shown.push(t), () => {})
      previewer.draw(request(400))
      previewer.draw(request(500))
      previewer.draw(request(600))
      const worker = FakeWorker.last!
      expect(worker.posted.map((m) => m.layout.width)).toEqual([400])
      worker.reply({ id: worker.posted[0]!.id, tree })
      // The 400 px picture is out of date: the 600 px one is asked for instead, and only it is shown.
      expect(shown).toEqual([])
      expect(worker.posted.map((m) => m.layout.width)).toEqual([400, 600])
      worker.reply({ id: worker.posted[1]!.id, tree })
      expect(shown).toEqual([tree])
    } finally {
      globalThis.Worker = original
    }
  })

  it('hands over to the chart engine when the worker fails, and stops the worker', () => {
    const original = globalThis.Worker
    globalThis.Worker = FakeWorker as unknown as typeof Worker
    try {
      const failures: string[] = []
      const previewer = new ChartPreviewer(() => {}, (reason) => failures.push(reason))
      previewer.draw(request(400))
      const worker = FakeWorker.last!
      worker.reply({ id: worker.posted[0]!.id, error: 'OffscreenCanvas is not defined' })
      expect(failures).toEqual(['OffscreenCanvas is not defined'])
      expect(worker.terminated).toBe(true)
    } finally {
      globalThis.Worker = original
    }
  })
})

describe('hitAt (what the pointer is over in the picture)', () => {
  const hits = {
    points: [
      { series: 0, point: 0, x: 100, y: 100 },
      { series: 0, point: 1, x: 120, y: 104 },
      { series: 1, point: 0, x: 300, y: 50 },
    ],
    milestones: [
      { index: 0, x: 200, x2: 200, top: 20, bottom: 400 },
      { index: 1, x: 250, x2: 280, top: 20, bottom: 400 },
    ],
  }
  it('names the nearest figure within 12 px, before any milestone', () => {
    expect(hitAt(hits, 112, 103)).toEqual({ mode: 'points', series: 0, point: 1 })
    expect(hitAt(hits, 101, 99)).toEqual({ mode: 'points', series: 0, point: 0 })
    expect(hitAt(hits, 300, 63)).toBeNull()
  })
  it('names a milestone near its line or over its band, inside the plot only', () => {
    expect(hitAt(hits, 203, 300)).toEqual({ mode: 'milestones', index: 0 })
    expect(hitAt(hits, 265, 300)).toEqual({ mode: 'milestones', index: 1 })
    expect(hitAt(hits, 210, 300)).toBeNull()
    expect(hitAt(hits, 200, 10)).toBeNull()
  })
})
