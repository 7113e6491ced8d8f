import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseUrl, launch, openPage, waitForChart } from './browser'
import { download, pngSize, unzip } from './files'

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
    expect(lines[0]).toBe('indicator,label,breakdown,period,value,unit,baseline,status,source,source_title,source_publisher,source_url,quote,note')
    const points = option.series
      .filter((s) => !s.id.startsWith('milestones-') && !s.id.endsWith('#tentative'))
      .reduce((n, s) => n + s.data.filter((d) => d && typeof d === 'object' && !Array.isArray(d)).length, 0)
    expect(lines.length - 1).toBe(points)
    // Quotes from the seed documents travel with their figures.
    expect(text).toMatch(/"[^"]{20,}"/)
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)[=+@]/)
  })

  it('downloads a PowerPoint slide with the title on the slide and the sources in the notes', async () => {
    const page = await open()
    const { name, bytes } = await download(page, 'export-pptx')
    expect(name).toMatch(/\.pptx$/)
    const zip = unzip(bytes)
    const slide = zip.get('ppt/slides/slide1.xml')!.toString('utf8')
    expect(slide).toContain('Tendances')
    expect(slide).toMatch(/descr="Graphique : /)
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
    expect(await file.locator('figure svg').count()).toBe(1)
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
    expect(snippet).toContain('aspect-ratio:800/500')
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

  beforeAll(async () => {
    const embed = new URL('./embed.html#/embed?off=csam&lang=en&v=1', baseUrl()).toString()
    server = createServer((req, res) => {
      const width = req.url?.includes('narrow') ? 320 : 800
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html><head><title>Host</title></head><body><h1>An article</h1>
<iframe id="vigie" src="${embed}" title="Vigie chart" width="${width}" height="460" loading="lazy"></iframe></body></html>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  for (const variant of ['wide', 'narrow']) {
    it(`renders the chart and its source line inside an iframe on another origin (${variant})`, async () => {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.goto(`${hostUrl}?${variant}`)
      const frame = page.frameLocator('#vigie')
      // Before any input the frame shows the chart drawn as SVG, with its milestone numbers as text;
      // the first move over it loads the interactive chart.
      const preview = frame.locator('[data-testid="trend-preview"] svg')
      await preview.waitFor({ timeout: 30_000 })
      expect(await preview.locator('text').allTextContents()).toContain('Number')
      const box = await page.locator('#vigie').boundingBox()
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
      await frame.locator('[data-testid="trend-chart"] canvas').first().waitFor({ timeout: 30_000 })
      await expect.poll(() => frame.locator('[data-testid="trend-preview"] svg').count()).toBe(0)
      const source = await frame.locator('[data-testid="embed-source"]').textContent()
      expect(source).toMatch(/^Sources: .*Child Focus/)
      const link = frame.locator('[data-testid="embed-link"]')
      expect(await link.getAttribute('target')).toBe('_blank')
      expect(await link.getAttribute('rel')).toContain('noopener')
      expect(await link.getAttribute('href')).toMatch(/#\/\?off=csam&lang=en&v=1$/)
      expect(await frame.locator('h1').textContent()).toContain('Trends')
      // Nothing spills out sideways, at 320 px wide too.
      const fits = await frame.locator('[data-testid="embed"]').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
      expect(fits).toBe(true)
      // The header and footer of the app are not there.
      expect(await frame.locator('.app-header').count()).toBe(0)
      expect(errors).toEqual([])
      if (variant === 'narrow') await page.screenshot({ path: 'tests/e2e/screenshots/embed-320.png' })
      await page.close()
    })
  }
})

describe('saved views and Present mode', () => {
  it('saves, reorders and presents views with the keyboard, then leaves with Esc; exports them as one deck', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    const { page } = await openPage(ctx, '/#/?off=csam&lang=en&v=1')
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
    await page.keyboard.press('PageDown')
    expect(page.url()).toContain('slide=2')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => page.url()).toContain('slide=1')
    await page.keyboard.press('Space')
    await expect.poll(() => page.url()).toContain('slide=2')
    await page.screenshot({ path: 'tests/e2e/screenshots/present.png' })
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
    await page.emulateMedia({ media: 'screen' })
    expect(await visible('.print-sources')).toBe(false)
  })
})
