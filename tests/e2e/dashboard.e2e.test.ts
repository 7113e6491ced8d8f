import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { baseUrl, launch, milestoneLinePoint, openPage, waitForChart } from './browser'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

type ChartOption = {
  series: { id: string; type: string; data: unknown[]; markLine?: { data: { name: string }[] } }[]
}

async function chartOption(page: import('playwright-core').Page): Promise<ChartOption> {
  return page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart
    return JSON.parse(JSON.stringify(chart.getOption())) as ChartOption
  })
}

describe('dashboard', () => {
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })
  })
  afterAll(async () => {
    await context.close()
  })

  it('draws the bundled series with milestone markers, without errors or foreign requests', async () => {
    const { page, record } = await openPage(context)
    await waitForChart(page)
    const option = await chartOption(page)
    const lines = option.series.filter((s) => !s.id.startsWith('milestones-'))
    expect(lines.length).toBeGreaterThan(3)
    expect(lines.some((s) => s.data.length >= 5)).toBe(true)
    const markers = option.series.find((s) => s.id === 'milestones-0')!
    expect(markers.markLine!.data.length).toBeGreaterThan(10)
    // The canvas is really painted: not a blank rectangle.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="trend-chart"] canvas')!
      const ctx = canvas.getContext('2d')!
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
      return n
    })
    expect(inked).toBeGreaterThan(5000)
    // Every number drawn on the chart stands in the milestone list below it.
    const listed = await page.locator('.milestone-key li').evaluateAll((items) => items.map((li) => li.getAttribute('data-milestone')))
    for (const line of markers.markLine!.data) expect(listed).toContain(line.name)

    await page.screenshot({ path: 'tests/e2e/screenshots/dashboard-en.png' })

    const origin = new URL(baseUrl()).origin
    const foreign = record.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
    expect(foreign).toEqual([])
    expect(record.pageErrors).toEqual([])
    expect(record.consoleErrors).toEqual([])
    expect(await record.cspViolations()).toEqual([])
  })

  it('paints the chart as a picture first and loads the interactive chart after the first input', async () => {
    const { page, record } = await openPage(context)
    const preview = page.locator('[data-testid="trend-preview"] svg')
    await preview.waitFor()
    // The same chart: milestone numbers and the axis name, as text, before the chart engine is loaded.
    const words = await preview.locator('text').allTextContents()
    // The count panel's title says what is counted.
    expect(words).toContain('Reports, case files and offences (number)')
    await page.locator('.milestone-key li').first().waitFor()
    const listed = await page.locator('.milestone-key li').evaluateAll((items) => items.map((li) => li.getAttribute('data-milestone')!))
    // Every milestone of the key is numbered on the picture.
    expect(listed.length).toBeGreaterThan(5)
    for (const n of listed) expect(words).toContain(n)
    expect(await page.locator('[data-testid="trend-chart"] canvas').count()).toBe(0)
    expect(record.requests.some((url) => /\/assets\/echarts-[^/]*\.js$/.test(url))).toBe(false)
    // Screen readers get the generated description meanwhile, milestones included.
    const first = page.locator('.milestone-key li').first()
    const firstLine = `${await first.getAttribute('data-milestone')}. ${(await first.locator('time').textContent())!.trim()}`
    expect(await page.locator('[data-testid="trend-chart"]').getAttribute('aria-label')).toContain(firstLine)
    await page.screenshot({ path: 'tests/e2e/screenshots/dashboard-preview-en.png' })

    await page.mouse.move(200, 300)
    await page.waitForSelector('[data-testid="trend-chart"] canvas')
    await expect.poll(() => preview.count()).toBe(0)
    expect(record.requests.some((url) => /\/assets\/echarts-[^/]*\.js$/.test(url))).toBe(true)
    expect(await record.cspViolations()).toEqual([])
    expect(record.pageErrors).toEqual([])
  })

  it('answers the pointer from the picture at once: the figure under it, with its period, value and source; the engine loads once the pointer rests', async () => {
    const { page, record } = await openPage(context, '/#/?off=grooming&lang=en')
    await page.locator('[data-testid="trend-preview"] svg').waitFor()
    await page.waitForFunction(() => Boolean((window as unknown as { __vigiePicture?: unknown }).__vigiePicture))
    // Where the picture drew the first line's last figure, in page pixels.
    const target = await page.evaluate(() => {
      const hits = (window as unknown as { __vigiePicture: { points: { series: number; point: number; x: number; y: number }[] } }).__vigiePicture
      const line = hits.points.filter((h) => h.series === 0)
      const h = line[line.length - 1]!
      const box = document.querySelector('[data-testid="trend-chart"]')!.getBoundingClientRect()
      return { x: box.left + h.x, y: box.top + h.y, point: h.point }
    })
    // A pointer that keeps moving over the figure: the picture names it, the engine waits.
    await page.mouse.move(target.x - 30, target.y - 30)
    await page.mouse.move(target.x, target.y, { steps: 3 })
    const tip = page.locator('[data-testid="picture-tooltip"]')
    await tip.waitFor({ state: 'visible', timeout: 300 })
    const text = (await tip.textContent())!
    await page.screenshot({ path: 'tests/e2e/screenshots/picture-tooltip-en.png', clip: { x: Math.max(0, target.x - 500), y: Math.max(0, target.y - 250), width: 800, height: 400 } })
    // The same words as the keyboard readout: series, period, value and source of that figure.
    const entry = page.locator('[data-testid="chart-legend"] li').first()
    const name = (await entry.getAttribute('title')) ?? (await entry.textContent())!.trim()
    expect(name.length).toBeGreaterThan(5)
    expect(text).toContain(name)
    expect(text).toMatch(/20\d\d/)
    expect(text).toMatch(/Source|source/)
    expect(await page.locator('[data-testid="trend-chart"] canvas').count()).toBe(0)
    // Away from every figure and milestone, nothing is named.
    await page.mouse.move(target.x, target.y - 200 < 0 ? target.y + 5 : 1)
    await expect.poll(() => tip.count()).toBe(0)
    // The pointer rests: the engine takes over and the picture goes.
    await page.waitForSelector('[data-testid="trend-chart"] canvas')
    await expect.poll(() => page.locator('[data-testid="trend-preview"] svg').count()).toBe(0)
    expect(record.pageErrors).toEqual([])
    expect(await record.cspViolations()).toEqual([])
  })

  it('shows a milestone title and date when the pointer rests on its marker', async () => {
    const { page } = await openPage(context)
    await waitForChart(page)
    const option = await chartOption(page)
    const drawn = option.series.find((s) => s.id === 'milestones-0')!.markLine!.data
    // The last drawn milestone: recent, so no other marker sits right next to it.
    const number = drawn[drawn.length - 1]!.name
    const first = page.locator(`.milestone-key li[data-milestone="${number}"]`)
    // Ask ECharts where the milestone's line is drawn and hover there.
    const point = await milestoneLinePoint(page, number, 200)
    await page.mouse.move(point.x, point.y)
    const tooltip = page.locator('.vg-tooltip')
    await tooltip.waitFor({ state: 'visible' })
    const title = await first.locator('.milestone-title').textContent()
    const date = await first.locator('time').textContent()
    await expect(tooltip.textContent()).resolves.toContain(title!.trim())
    await expect(tooltip.textContent()).resolves.toContain(date!.trim())
  })
})
