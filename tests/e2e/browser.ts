import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

export function baseUrl(): string {
  return inject('baseUrl')
}

/** Everything a page did that a user would call broken, collected while the test runs. */
export interface PageRecord {
  readonly consoleErrors: string[]
  readonly pageErrors: string[]
  readonly requests: string[]
  readonly cspViolations: () => Promise<string[]>
  readonly dialogs: string[]
}

/** Opens a page that records console errors, uncaught errors, every request, CSP violations and dialogs. */
export async function openPage(
  context: BrowserContext,
  path = '/',
): Promise<{ page: Page; record: PageRecord }> {
  const page = await context.newPage()
  const record = {
    consoleErrors: [] as string[],
    pageErrors: [] as string[],
    requests: [] as string[],
    dialogs: [] as string[],
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  }
  await page.addInitScript(() => {
    const store: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = store
    document.addEventListener('securitypolicyviolation', (e) => {
      store.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  page.on('console', (m) => {
    if (m.type() === 'error') record.consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => record.pageErrors.push(String(e)))
  page.on('request', (r) => record.requests.push(r.url()))
  page.on('dialog', (d) => {
    record.dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(new URL(path.startsWith('/') ? `.${path}` : path, baseUrl()).toString())
  return { page, record }
}

/**
 * Waits until ECharts has drawn the trend chart. The page first shows a static picture and loads
 * the interactive chart at the first input, so this moves the mouse as a user would.
 */
export async function waitForChart(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="trend-chart"]', { state: 'attached' })
  await page.mouse.move(2, 2)
  await page.mouse.move(4, 4)
  await page.waitForSelector('[data-testid="trend-chart"] canvas')
  await page.waitForFunction(() => Boolean((window as unknown as { __vigieChart?: unknown }).__vigieChart))
}

/** Where, in page pixels, the milestone line numbered `number` is drawn, `yOffset` px into the top panel (at most its middle). */
export function milestoneLinePoint(page: Page, number: string, yOffset: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ n, dy }) => {
      const chart = (window as unknown as {
        __vigieChart: {
          getOption: () => { series: { id: string; markLine?: { data: { name: string; xAxis: number }[] } }[]; grid: { top: number; height: number }[] }
          convertToPixel: (finder: object, value: number[]) => number[]
          getDom: () => HTMLElement
        }
      }).__vigieChart
      const option = chart.getOption()
      const line = option.series.find((s) => s.id === 'milestones-0')!.markLine!.data.find((d) => d.name === n)!
      const [x] = chart.convertToPixel({ gridIndex: 0 }, [line.xAxis, 0]) as [number]
      const box = chart.getDom().getBoundingClientRect()
      const grid = option.grid[0]!
      return { x: box.left + x, y: box.top + grid.top + Math.min(dy, grid.height / 2) }
    },
    { n: number, dy: yOffset },
  )
}

/** The numbers of the milestones the chart draws, lines and bands, in numeric order. */
export async function drawnMilestones(page: Page): Promise<string[]> {
  const option = await page.evaluate(() =>
    JSON.parse(JSON.stringify((window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart.getOption())) as {
      series: { id: string; markLine?: { data: { name: string }[] }; markArea?: { data: { name: string }[][] } }[]
    },
  )
  const marker = option.series.find((s) => s.id === 'milestones-0')
  const names = [...(marker?.markLine?.data ?? []).map((d) => d.name), ...(marker?.markArea?.data ?? []).map((d) => d[0]!.name)]
  return names.sort((a, b) => Number(a) - Number(b))
}

/**
 * How many pixels of a screenshot inside `box` (page pixels) are ink, not white paper: decoded in
 * a blank page of the same browser (no CSP there), so a region the browser skipped painting counts 0.
 */
export async function inkIn(context: BrowserContext, png: Buffer, box: { x: number; y: number; width: number; height: number }): Promise<number> {
  const probe = await context.newPage()
  try {
    return await probe.evaluate(
      async ({ data, b }) => {
        const img = new Image()
        img.src = `data:image/png;base64,${data}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.width
        canvas.height = img.height
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const { data: px } = ctx.getImageData(Math.round(b.x), Math.round(b.y), Math.max(1, Math.round(b.width)), Math.max(1, Math.round(b.height)))
        let ink = 0
        for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 3 * 160) ink++
        return ink
      },
      { data: png.toString('base64'), b: box },
    )
  } finally {
    await probe.close()
  }
}

/** The box of the first element matching `selector`, in page (not viewport) pixels. */
export function pageBox(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect()
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height }
  })
}

/** Hovers the middle point of a series, as a reader would, and returns the tooltip's text. */
export async function hoverMiddlePoint(page: Page, seriesId: string): Promise<string> {
  await page.evaluate(() => document.querySelector('[data-testid="trend-chart"]')!.scrollIntoView({ block: 'center' }))
  const point = await page.evaluate((id) => {
    const chart = (window as unknown as {
      __vigieChart: { getOption: () => { series: { id: string; data: { value: number[] }[] }[] }; convertToPixel: (f: object, v: number[]) => number[]; getDom: () => HTMLElement }
    }).__vigieChart
    const s = chart.getOption().series.find((x) => x.id === id)!
    const [x, y] = chart.convertToPixel({ gridIndex: 0 }, s.data[Math.floor(s.data.length / 2)]!.value) as [number, number]
    const box = chart.getDom().getBoundingClientRect()
    return { x: box.left + x, y: box.top + y }
  }, seriesId)
  await page.mouse.move(point.x, point.y)
  const tooltip = page.locator('.vg-tooltip')
  await tooltip.waitFor({ state: 'visible' })
  return (await tooltip.textContent())!
}

/**
 * Records the page's long main-thread tasks (over 50 ms) from its first script on, in every page of
 * the context: `takeLongTasks` returns those since the last call and forgets them.
 */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: number[] = []
    ;(window as unknown as { __tasks: number[] }).__tasks = tasks
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

export function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => ((window as unknown as { __tasks?: number[] }).__tasks ?? []).splice(0))
}
