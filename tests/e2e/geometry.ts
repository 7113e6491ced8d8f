/**
 * The geometry checks of legibility.e2e.test.ts for any drawn chart, small charts included: the
 * boxes of the texts ECharts drew (its display list) never overlap and never end in "…", every
 * milestone drawn carries its number above the plot, every drawn line has a legend entry of its
 * colour (by line, or by indicator in small charts).
 */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { drawnMilestones } from './browser'

export interface Box {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Every text ECharts drew, with its box in the chart's pixels. */
export function drawnTexts(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    type El = {
      type: string
      ignore?: boolean
      invisible?: boolean
      style?: { text?: unknown; opacity?: number }
      transform?: number[]
      getBoundingRect: () => { clone: () => { applyTransform: (m: number[]) => void; x: number; y: number; width: number; height: number } }
    }
    const chart = (window as unknown as { __vigieChart: { getZr: () => { storage: { getDisplayList: (update: boolean) => El[] } } } }).__vigieChart
    return chart
      .getZr()
      .storage.getDisplayList(true)
      .filter((el) => (el.type === 'tspan' || el.type === 'text') && !el.ignore && !el.invisible && el.style?.text !== undefined && String(el.style.text) !== '' && el.style.opacity !== 0)
      .map((el) => {
        const r = el.getBoundingRect().clone()
        if (el.transform) r.applyTransform(el.transform)
        return { text: String(el.style!.text), x: r.x, y: r.y, width: r.width, height: r.height }
      })
  })
}

export const intersects = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5

type Option = { grid: { top: number }[]; series: { id: string; color?: string }[] }

/** The chart's texts, milestone numbers and legend as a reader meets them; `where` names the surface in failures. */
export async function expectLegibleChart(page: Page, where: string, options: { legend?: boolean; key?: boolean } = {}): Promise<void> {
  const option = await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart.getOption())) as Option)
  const texts = await drawnTexts(page)
  expect(texts.length, `${where}: texts drawn`).toBeGreaterThan(2)
  for (const t of texts) expect(t.text.endsWith('…'), `${where}: "${t.text}" is cut`).toBe(false)
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i]!, texts[j]!]
      expect(intersects(a, b), `${where}: "${a.text}" (${Math.round(a.x)},${Math.round(a.y)}) overlaps "${b.text}" (${Math.round(b.x)},${Math.round(b.y)})`).toBe(false)
    }
  }
  const numbers = await drawnMilestones(page)
  const top = option.grid[0]!.top
  for (const n of numbers) expect(texts.some((t) => t.text === n && t.y + t.height <= top + 1), `${where}: milestone ${n} labelled`).toBe(true)
  if (options.key !== false) {
    const key = await page.locator('.milestone-key li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-milestone')!))
    expect([...key].sort((a, b) => Number(a) - Number(b)), `${where}: the key lists the milestones drawn`).toEqual(numbers)
  }
  if (options.legend !== false) {
    const lines = option.series.filter((s) => !s.id.startsWith('milestones-') && !s.id.includes('#'))
    // A view with no line left (a change of one figure) says why above the chart.
    if (lines.length === 0) expect(await page.locator('.notice.excluded li').count(), `${where}: no line drawn, and no notice says why`).toBeGreaterThan(0)
    const legend = await page.locator('[data-testid="chart-legend"] li').evaluateAll((lis) =>
      lis.map((li) => ({ key: li.getAttribute('data-series')!, colour: li.getAttribute('data-colour')!, visible: (li as HTMLElement).offsetWidth > 0 })),
    )
    for (const s of lines) {
      // A line's key is `indicator|breakdown`; small charts have one entry per indicator.
      const entry = legend.find((l) => l.key === s.id) ?? legend.find((l) => l.key === s.id.split('|')[0])
      expect(entry, `${where}: legend entry for ${s.id}`).toBeDefined()
      expect(entry!.colour, `${where}: legend colour of ${s.id}`).toBe(s.color)
      expect(entry!.visible, `${where}: legend entry of ${s.id} visible`).toBe(true)
    }
  }
  await expectDirectLabels(page, where)
  const cut = await page.evaluate(() => document.body.innerText.split('\n').filter((line) => line.trim().endsWith('…')))
  expect(cut, `${where}: visible text cut`).toEqual([])
}

/** A line's direct label as ECharts drew it: its text, colour and box (its backing box, the full line height). */
interface DirectLabel extends Box {
  readonly series: string
  readonly colour: string
  readonly lineColour: string
}

/**
 * The direct labels at the end of the lines, read from the labels ECharts placed (not from the
 * option): where the layout gave the chart direct labels, every line has one in its colour, none is
 * cut or leaves the chart, none overlaps another or any other text (milestone numbers, axis labels,
 * unit names). Returns how many were drawn.
 */
export async function expectDirectLabels(page: Page, where: string): Promise<number> {
  const found = await page.evaluate(() => {
    type Rect = { x: number; y: number; width: number; height: number; clone: () => Rect; applyTransform: (m: number[]) => void }
    type El = {
      type: string
      ignore?: boolean
      invisible?: boolean
      transform?: number[]
      style?: { text?: unknown; fill?: string; font?: string; opacity?: number }
      getBoundingRect: () => Rect
      getComputedTransform: () => number[] | null
      getTextContent?: () => El | undefined
      traverse: (f: (el: El) => void) => void
    }
    type Chart = {
      getWidth: () => number
      getHeight: () => number
      getOption: () => { series: { id: string; color?: string; endLabel?: { show?: boolean }; data?: unknown[] }[] }
      getModel: () => { getSeriesByIndex: (i: number) => object }
      _api: { getViewOfSeriesModel: (m: object) => { group: El } }
      getZr: () => { storage: { getDisplayList: (update: boolean) => El[] } }
    }
    const chart = (window as unknown as { __vigieChart: Chart }).__vigieChart
    const box = (el: El) => {
      const r = el.getBoundingRect().clone()
      const m = el.getComputedTransform()
      if (m) r.applyTransform(m)
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }
    const lines: { series: string; lineColour: string; labels: { text: string; colour: string; x: number; y: number; width: number; height: number }[] }[] = []
    const valueOf = (d: unknown) => (Array.isArray(d) ? d[1] : (d as { value?: unknown[] } | null)?.value?.[1])
    chart.getOption().series.forEach((s, i) => {
      // A line with no figure drawn (all withheld: only its "below" markers) has no end to label.
      if (s.id.startsWith('milestones-') || s.id.includes('#') || !(s.data ?? []).some((d) => valueOf(d) != null)) return
      const labels: (typeof lines)[number]['labels'] = []
      if (s.endLabel?.show) {
        chart._api.getViewOfSeriesModel(chart.getModel().getSeriesByIndex(i)).group.traverse((el) => {
          const label = el.getTextContent?.()
          if (label && !label.ignore && !label.invisible && String(label.style?.text ?? '') !== '') labels.push({ text: String(label.style?.text ?? ''), colour: String(label.style?.fill ?? ''), ...box(label) })
        })
      }
      lines.push({ series: s.id, lineColour: String(s.color), labels })
    })
    // Every other text (milestone numbers, axis labels, unit names), each as tall as its font (a tspan's
    // own box can be shorter where no CJK font is installed).
    const numbers = chart
      .getZr()
      .storage.getDisplayList(true)
      .filter((el) => el.type === 'tspan' && !el.ignore && !el.invisible && String(el.style?.text ?? '').trim() !== '')
      .map((el) => {
        const b = box(el)
        const size = Number(/(\d+)px/.exec(el.style?.font ?? '')?.[1] ?? 12)
        return { text: String(el.style!.text), x: b.x, y: b.y + b.height / 2 - size * 0.6, width: b.width, height: size * 1.2 }
      })
    return { lines, numbers, width: chart.getWidth(), height: chart.getHeight() }
  })
  const labelled = found.lines.filter((l) => l.labels.length > 0)
  if (labelled.length === 0) return 0
  const labels: DirectLabel[] = []
  for (const line of found.lines) {
    expect(line.labels.length, `${where}: direct label of ${line.series}`).toBe(1)
    const label = line.labels[0]!
    expect(label.text.trim(), `${where}: label of ${line.series} has text`).not.toBe('')
    expect(label.text.endsWith('…'), `${where}: label "${label.text}" is cut`).toBe(false)
    expect(label.colour.toLowerCase(), `${where}: colour of "${label.text}"`).toBe(line.lineColour.toLowerCase())
    expect(label.x >= 0 && label.x + label.width <= found.width + 0.5 && label.y >= 0 && label.y + label.height <= found.height + 0.5, `${where}: "${label.text}" inside the chart`).toBe(true)
    labels.push({ ...label, series: line.series, lineColour: line.lineColour })
  }
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => expect(intersects(a, b), `${where}: label "${a.text}" (${Math.round(a.x)},${Math.round(a.y)}) overlaps "${b.text}" (${Math.round(b.x)},${Math.round(b.y)})`).toBe(false)),
  )
  // The lines of a label are its own tspans: inside its box, part of its text.
  const own = (a: DirectLabel, n: Box) => a.text.includes(n.text.trim()) && n.x >= a.x - 1 && n.x + n.width <= a.x + a.width + 1 && n.y + n.height / 2 >= a.y && n.y + n.height / 2 <= a.y + a.height
  const others = found.numbers.filter((n) => !labels.some((a) => own(a, n)))
  for (const a of labels) for (const n of others) expect(intersects(a, n), `${where}: label "${a.text}" overlaps "${n.text}" (${Math.round(n.x)},${Math.round(n.y)})`).toBe(false)
  return labels.length
}
