import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseUrl, inkIn, launch, openPage, pageBox, waitForChart } from './browser'
import { download, pngSize, unzip } from './files'
import { embedSnippet } from '../../src/core/export/embed'

type ChartOption = {
  series: { id: string; name?: string; type: string; data: unknown[]; markLine?: { data: { name: string }[] } }[]
  yAxis: { name: string }[]
}

/** The option ECharts is drawing, as plain JSON. */
function chartOption(page: Page): Promise<ChartOption> {
  return page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart
    return JSON.parse(JSON.stringify(chart.getOption())) as ChartOption
  })
}

let browser: Browser
let context: BrowserContext

/** A view with a filter, a period, a language and milestones: what a user would share. */
const VIEW = '/#/?off=csam&from=2012&to=2023&lang=fr&v=1'

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', acceptDownloads: true })
})
afterAll(async () => {
  await context.close()
  await browser.close()
})

async function open(path = VIEW): Promise<Page> {
  const { page } = await openPage(context, path)
  await waitForChart(page)
  return page
}

describe('exports', () => {
  it('downloads PNGs at screen size, 2× and 1920×1080', async () => {
    const page = await open()
    const size = await page.evaluate(() => {
      const chart = (window as unknown as { __vigieChart: { getWidth: () => number; getHeight: () => number } }).__vigieChart
      return { width: chart.getWidth(), height: chart.getHeight() }
    })
    const one = await download(page, 'export-png')
    expect(one.name).toMatch(/\.png$/)
    const s1 = pngSize(one.bytes)
    expect(s1.width).toBe(size.width)
    expect(s1.height).toBeGreaterThan(size.height)
    const two = pngSize((await download(page, 'export-png2x')).bytes)
    expect(two).toEqual({ width: s1.width * 2, height: s1.height * 2 })
    const slide = await download(page, 'export-png-slide')
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 })
    writeFileSync('tests/e2e/screenshots/export-slide-fr.png', slide.bytes)
  })

  it('downloads an SVG that parses as XML, with the milestone titles as text', async () => {
    const page = await open()
    const { bytes } = await download(page, 'export-svg')
    const text = bytes.toString('utf8')
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
      if (doc.querySelector('parsererror')) return null
      return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '')
    }, text)
    expect(parsed).not.toBeNull()
    const titles = await page.locator('.milestone-key .milestone-title').allTextContents()
    expect(titles.length).toBeGreaterThan(3)
    const joined = parsed!.join('\n')
    // Milestone lines on an export are cut to their column's width: the start of each title is there.
    for (const title of titles.slice(0, 5)) expect(joined).toContain(title.trim().slice(0, 20))
    // The series names are text too, in the view's language.
    const option = await chartOption(page)
    const names = option.series.filter((s) => s.name && !s.id.startsWith('milestones-')).map((s) => s.name!)
    expect(names.length).toBeGreaterThan(0)
    expect(text).not.toContain('<script')
  })

  it('downloads a CSV of exactly the figures shown, with sources and quotes, formulas neutralised', async () => {
    const page = await open()
    const option = await chartOption(page)
    const { bytes } = await download(page, 'export-csv')
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
    const lines = text.trim().split('\r\n')
    // The view is in French: semicolons and decimal commas (issue 21), the withheld mark in its own `flag` column.
    expect(lines[0]).toBe('indicator;label;breakdown;period;value;flag;unit;baseline;status;source;source_title;source_publisher;source_url;quote;note')
    const points = option.series
      .filter((s) => !s.id.startsWith('milestones-') && !s.id.endsWith('#tentative'))
      .reduce((n, s) => n + s.data.filter((d) => d && typeof d === 'object' && !Array.isArray(d)).length, 0)
    expect(lines.length - 1).toBe(points)
    // Quotes from the seed documents travel with their figures.
    expect(text).toMatch(/"[^"]{20,}"/)
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|[,;])[=+@]/)
  })

  it('downloads a PowerPoint slide with the title on the slide and the sources in the notes', async () => {
    const page = await open()
    const { name, bytes } = await download(page, 'export-pptx')
    expect(name).toMatch(/\.pptx$/)
    const zip = unzip(bytes)
    const slide = zip.get('ppt/slides/slide1.xml')!.toString('utf8')
    expect(slide).toContain('Tendances')
    expect(slide).toMatch(/descr="Graphique\u202F: /)
    const notesName = [...zip.keys()].find((k) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(k))!
    const notes = zip.get(notesName)!.toString('utf8')
    expect(notes).toContain('Sources')
    expect(notes).toContain('Child Focus')
    expect(notes).toMatch(/“[^”]{20,}”/)
    expect([...zip.keys()].some((k) => k.startsWith('ppt/media/'))).toBe(true)
  })

  it('downloads a self-contained HTML file that opens from disk with no network request', async () => {
    const page = await open()
    const { bytes } = await download(page, 'export-html')
    const path = `/tmp/vigie-share-${process.pid}.html`
    writeFileSync(path, bytes)
    const offline = await browser.newContext()
    const requests: string[] = []
    offline.on('request', (r) => requests.push(r.url()))
    const file = await offline.newPage()
    await file.goto(`file://${path}`)
    expect(requests).toEqual([`file://${path}`])
    // The chart twice (wide, and laid out for a phone), each line's legend mark beside it.
    expect(await file.locator('figure > .wide > svg, figure > .narrow > svg').count()).toBe(2)
    expect(await file.locator('table tbody tr').count()).toBeGreaterThan(5)
    expect(await file.locator('ol.key li').count()).toBeGreaterThan(3)
    expect(await file.locator('h1').textContent()).toContain('Tendances')
    expect(await file.locator('script').count()).toBe(0)
    await offline.close()
  })

  it('copies the link and the embed code, and says what it did with the image', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin })
    const page = await open()
    await page.click('[data-testid="share-toggle"]')
    await page.click('[data-testid="copy-link"]')
    await expect.poll(() => page.locator('[data-testid="share-status"]').textContent()).toContain('Lien copié')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
    await page.click('[data-testid="copy-embed"]')
    await expect.poll(() => page.locator('[data-testid="share-status"]').textContent()).toContain('intégration')
    const snippet = await page.evaluate(() => navigator.clipboard.readText())
    expect(snippet).toMatch(/^<iframe src="[^"]+\/embed\.html#\/embed\?[^"]*off=csam[^"]*" title="Vigie: [^"]+"/)
    expect(snippet).toContain('loading="lazy"')
    expect(snippet).toContain('height:560px')
    // The optional script that lets the frame take the chart's height trusts only Vigie's origin.
    expect(snippet).toContain(`e.origin!==${JSON.stringify(new URL(baseUrl()).origin)}`)
    await page.click('[data-testid="copy-image"]')
    await expect.poll(() => page.locator('[data-testid="share-status"]').textContent()).toMatch(/Image du graphique copiée|ne permet pas/)
  })
})

describe('initial bundle', () => {
  it('does not carry pptxgenjs or the SVG renderer', () => {
    const dist = process.env.VIGIE_DIST ?? 'dist'
    const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!
    const seen = new Set<string>()
    const walk = (k: string) => {
      if (seen.has(k)) return
      seen.add(k)
      for (const d of manifest[k]!.imports ?? []) walk(d)
    }
    walk(entry)
    expect([...seen].some((k) => k.includes('pptxgenjs'))).toBe(false)
    for (const k of seen) {
      const code = readFileSync(`${dist}/${manifest[k]!.file}`, 'utf8')
      // pptxgenjs's class name, and an attribute only ECharts' SVG renderer writes.
      expect(code.includes('PptxGenJS'), manifest[k]!.file).toBe(false)
      expect(code.includes('baseProfile'), manifest[k]!.file).toBe(false)
    }
    expect(Object.keys(manifest).some((k) => k.includes('pptxgenjs'))).toBe(true)
  })
})

describe('links', () => {
  it('reopens a shared link in a fresh browser context with the same chart', async () => {
    const page = await open('/#/?off=grooming,sextortion&view=index&base=2019&scale=log&cat=law,policy&lang=nl&v=1')
    const original = await chartOption(page)
    const link = page.url()
    expect(link).toContain('view=index')
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-BE' })
    const other = await fresh.newPage()
    await other.goto(link)
    await waitForChart(other)
    const reopened = await chartOption(other)
    expect(reopened.series).toEqual(original.series)
    expect(reopened.yAxis.map((y) => y.name)).toEqual(original.yAxis.map((y) => y.name))
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('nl')
    expect(other.url()).toBe(link)
    await fresh.close()
  })

  it('falls back to defaults with a visible notice on a broken link, without an error', async () => {
    const { page, record } = await openPage(context, '/#/?view=pie&from=20x4&off=csam,kittens&zoom=3&lang=en&v=1')
    await waitForChart(page)
    const notice = await page.locator('[data-testid="url-notice"]').textContent()
    expect(notice).toContain('view=pie')
    expect(notice).toContain('off=kittens')
    expect(notice).toContain('zoom=3')
    expect(page.url()).toContain('off=csam')
    expect(page.url()).not.toContain('view=')
    expect(record.pageErrors).toEqual([])
  })
})

describe('embed', () => {
  let server: Server
  let hostUrl: string

  /** The host page: an article with the snippet the share menu copies, in a column of the given width. */
  beforeAll(async () => {
    const embed = new URL('./embed.html#/embed?off=csam&lang=en&v=1', baseUrl()).toString()
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host')
      const width = Number(url.searchParams.get('width') ?? 800)
      const snippet = embedSnippet(embed, 'Vigie chart')
      const html = url.searchParams.has('static') ? snippet.split('\n')[0]! : snippet
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html><head><title>Host</title></head><body style="margin:0"><h1>An article</h1><div style="width:${width}px">${html}</div></body></html>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  /** Where the chart's panels, the legend, the source line and the link are inside the frame, and the frame's own height. */
  async function frameGeometry(frame: import('playwright-core').Frame) {
    return frame.evaluate(() => {
      const chart = (window as unknown as { __vigieChart: { getOption: () => { grid: { top: number; height: number }[] }; getDom: () => HTMLElement } }).__vigieChart
      const top = chart.getDom().getBoundingClientRect().top + window.scrollY
      const bottom = (selector: string) => {
        const el = document.querySelector(selector)
        return el ? el.getBoundingClientRect().bottom + window.scrollY : Infinity
      }
      return {
        viewport: window.innerHeight,
        content: document.documentElement.scrollHeight,
        panels: chart.getOption().grid.map((g) => ({ top: top + g.top, bottom: top + g.top + g.height, height: g.height })),
        legend: bottom('[data-testid="chart-legend"]'),
        source: bottom('[data-testid="embed-source"]'),
        link: bottom('[data-testid="embed-link"]'),
        fitsWidth: document.documentElement.scrollWidth <= window.innerWidth + 1,
      }
    })
  }

  for (const width of [360, 800]) {
    it(`takes the height it needs in a ${width} px column: every panel, the x-axis, the legend, the source line and the link in view`, async () => {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.setViewportSize({ width: Math.max(width, 400), height: 900 })
      await page.goto(`${hostUrl}?width=${width}`)
      const frameLocator = page.frameLocator('iframe')
      // Before any input the frame shows the chart drawn as SVG; the first move over it loads the interactive chart.
      const preview = frameLocator.locator('[data-testid="trend-preview"] svg')
      await preview.waitFor({ timeout: 30_000 })
      expect(await preview.locator('text').allTextContents()).toContain('Reports, case files and offences (number)')
      const box = await page.locator('iframe').boundingBox()
      await page.mouse.move(box!.x + box!.width / 2, box!.y + 40)
      await frameLocator.locator('[data-testid="trend-chart"] canvas').first().waitFor({ timeout: 30_000 })
      const frame = page.frames().find((f) => f.url().includes('#/embed'))!
      // The host's script sets the frame to the height the embed asks for: nothing is left below the fold.
      await expect.poll(async () => {
        const g = await frameGeometry(frame)
        return g.content <= g.viewport + 1
      }, { timeout: 10_000 }).toBe(true)
      const g = await frameGeometry(frame)
      for (const panel of g.panels) {
        expect(panel.height).toBeGreaterThanOrEqual(80)
        expect(panel.bottom).toBeLessThanOrEqual(g.viewport)
      }
      // The x-axis labels under the last panel, then the legend, source line and link, all inside the frame.
      expect(g.panels[g.panels.length - 1]!.bottom + 20).toBeLessThanOrEqual(g.viewport)
      for (const bottom of [g.legend, g.source, g.link]) expect(bottom).toBeLessThanOrEqual(g.viewport)
      expect(g.fitsWidth).toBe(true)
      const source = await frameLocator.locator('[data-testid="embed-source"]').textContent()
      // Publishers with the most figures drawn come first; the rest are counted.
      expect(source).toMatch(/^Sources: Eurostat;.*NCMEC.* and \d+ more · Data checked up to \w+ \d{4}\.$/)
      const link = frameLocator.locator('[data-testid="embed-link"]')
      expect(await link.getAttribute('target')).toBe('_blank')
      expect(await link.getAttribute('rel')).toContain('noopener')
      expect(await link.getAttribute('href')).toMatch(/#\/\?off=csam&lang=en&v=1$/)
      expect(await frameLocator.locator('h1').textContent()).toContain('Trends')
      expect(await frameLocator.locator('.app-header').count()).toBe(0)
      expect(errors).toEqual([])
      await page.locator('iframe').screenshot({ path: `tests/e2e/screenshots/embed-${width}.png` })
      await page.close()
    })
  }

  it('without the host script, keeps every panel at its readable height at 320 px and lets the frame scroll to the source line', async () => {
    const page = await context.newPage()
    await page.setViewportSize({ width: 400, height: 900 })
    await page.goto(`${hostUrl}?width=320&static`)
    const frameLocator = page.frameLocator('iframe')
    await frameLocator.locator('[data-testid="trend-preview"] svg').waitFor({ timeout: 30_000 })
    const box = await page.locator('iframe').boundingBox()
    expect(box!.height).toBe(560)
    await page.mouse.move(box!.x + box!.width / 2, box!.y + 40)
    await frameLocator.locator('[data-testid="trend-chart"] canvas').first().waitFor({ timeout: 30_000 })
    const frame = page.frames().find((f) => f.url().includes('#/embed'))!
    const g = await frameGeometry(frame)
    for (const panel of g.panels) expect(panel.height).toBeGreaterThanOrEqual(80)
    expect(g.fitsWidth).toBe(true)
    await frameLocator.locator('[data-testid="embed-source"]').scrollIntoViewIfNeeded()
    expect(await frameLocator.locator('[data-testid="embed-source"]').isVisible()).toBe(true)
    await page.close()
  })
})

describe('saved views and Present mode', () => {
  it('saves, reorders and presents views with the keyboard, then leaves with Esc; exports them as one deck', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    const { page } = await openPage(ctx, '/#/?off=csam&sr=all&lang=en&v=1')
    await waitForChart(page)
    await page.click('[data-testid="share-toggle"]')
    await page.fill('[data-testid="saved-name"]', 'Hotline reports')
    await page.click('[data-testid="saved-save"]')
    await page.goto(new URL('./#/?off=grooming&view=absolute&lang=en&v=1', baseUrl()).toString())
    await waitForChart(page)
    if (!(await page.locator('[data-testid="share-panel"]').isVisible())) await page.click('[data-testid="share-toggle"]')
    await page.fill('[data-testid="saved-name"]', 'Grooming')
    await page.click('[data-testid="saved-save"]')
    await page.fill('[data-testid="saved-name"]', 'Scratch')
    await page.click('[data-testid="saved-save"]')
    expect(await page.locator('[data-testid="saved-list"] li').count()).toBe(3)
    // Reorder: move "Grooming" up, then delete "Scratch".
    await page.click('button[aria-label="Move up: Grooming"]')
    await page.click('button[aria-label="Delete: Scratch"]')
    expect(await page.locator('[data-testid="saved-list"] .saved-open').allTextContents()).toEqual(['Grooming', 'Hotline reports'])
    // Persisted: a reload keeps them.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('vigie.savedViews') ?? '[]').map((v: { name: string }) => v.name))
    expect(stored).toEqual(['Grooming', 'Hotline reports'])

    const deck = await download(page, 'saved-deck')
    const zip = unzip(deck.bytes)
    expect(zip.get('ppt/slides/slide1.xml')!.toString('utf8')).toContain('Grooming')
    expect(zip.get('ppt/slides/slide2.xml')!.toString('utf8')).toContain('Hotline reports')

    await page.click('[data-testid="saved-present"]')
    await page.waitForSelector('[data-testid="present-title"]')
    await page.waitForSelector('[data-testid="trend-chart"] canvas')
    expect(page.url()).toContain('slide=1')
    expect(await page.locator('[data-testid="present-title"]').textContent()).toBe('Grooming')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.url()).toContain('slide=2')
    expect(await page.locator('[data-testid="present-title"]').textContent()).toBe('Hotline reports')
    // The CSAM view has more panels than an 800-pixel screen holds in large type: it goes over
    // parts, each a slide of its own that says which part it is, and whose chart fits the screen.
    const total = Number(/\/\s*(\d+)/.exec((await page.locator('[data-testid="present-counter"]').textContent()) ?? '')?.[1])
    expect(total).toBeGreaterThan(2)
    for (let slide = 2; slide <= total; slide++) {
      await expect.poll(() => page.url()).toContain(`slide=${slide}`)
      expect(await page.locator('[data-testid="present-title"]').textContent()).toBe('Hotline reports')
      expect(await page.locator('.present-subtitle').textContent()).toContain(`part ${slide - 1} of ${total - 1}`)
      await page.waitForSelector('[data-testid="trend-chart"] canvas')
      const chart = await page.locator('[data-testid="trend-chart"]').boundingBox()
      expect(chart!.y + chart!.height).toBeLessThanOrEqual(800)
      await page.keyboard.press('PageDown')
    }
    expect(page.url()).toContain(`slide=${total}`)
    await page.keyboard.press('Home')
    await expect.poll(() => page.url()).toContain('slide=1')
    await page.keyboard.press('Space')
    await expect.poll(() => page.url()).toContain('slide=2')
    // The legend above the chart and the milestone key beside it never overlap, however many lines the view has.
    await page.waitForSelector('[data-testid="trend-chart"] canvas')
    const [legendBox, chartBox, keyBox] = await page.evaluate(() =>
      ['[data-testid="chart-legend"]', '[data-testid="trend-chart"]', '.present-key'].map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
      }),
    )
    expect(chartBox!.top).toBeGreaterThanOrEqual(legendBox!.bottom - 1)
    expect(keyBox!.left).toBeGreaterThanOrEqual(chartBox!.right - 1)
    const shot = await page.screenshot({ path: 'tests/e2e/screenshots/present.png', fullPage: true })
    // The milestone key is on the screen, beside the chart, and painted: its text is on the picture.
    const key = await pageBox(page, '.present-key')
    expect(key.y + key.height).toBeLessThanOrEqual(800)
    expect(await inkIn(ctx, shot, key)).toBeGreaterThan(key.width * 4)
    // The slide is in the URL: reopening it lands on the same slide.
    const slideUrl = page.url()
    const again = await ctx.newPage()
    await again.goto(slideUrl)
    await again.waitForSelector('[data-testid="present-title"]')
    expect(await again.locator('[data-testid="present-title"]').textContent()).toBe('Hotline reports')
    await again.close()

    await page.keyboard.press('Escape')
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/\?/)
    expect(page.url()).not.toContain('slide=')
    await waitForChart(page)
    await ctx.close()
  })
})

describe('print', () => {
  it('prints the chart, the milestone key and the sources on A4, without the controls', async () => {
    const page = await open('/#/?off=csam&lang=en&v=1')
    await page.emulateMedia({ media: 'print' })
    const visible = async (selector: string) => page.locator(selector).first().isVisible()
    expect(await visible('[data-testid="trend-chart"]')).toBe(true)
    expect(await visible('.milestone-key')).toBe(true)
    expect(await visible('.print-sources')).toBe(true)
    expect(await page.locator('.print-sources li').count()).toBeGreaterThan(2)
    expect(await visible('.filters')).toBe(false)
    expect(await visible('.tabs')).toBe(false)
    expect(await visible('[data-testid="share-toggle"]')).toBe(false)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // The key is painted in print even far below the screen's fold (it is laid out lazily on screen).
    await page.setViewportSize({ width: 800, height: 400 })
    const key = await pageBox(page, '.milestone-key ol')
    expect(key.y).toBeGreaterThan(400 * 1.5)
    const shot = await page.screenshot({ fullPage: true })
    expect(await inkIn(context, shot, key)).toBeGreaterThan(key.width * 4)
    await page.emulateMedia({ media: 'screen' })
    expect(await visible('.print-sources')).toBe(false)
  })
})
