import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseUrl, launch, openPage, waitForChart, type PageRecord } from './browser'
import { download, pngSize, unzip } from './files'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true })
})
afterAll(async () => {
  await context.close()
  await browser.close()
})

/** Imports a CSV text through the Import screen's file input and returns the dashboard link of the dataset. */
async function importCsv(page: Page, name: string, text: string, onReport: () => Promise<void> = async () => undefined): Promise<string> {
  await page.goto(new URL('./#/import', baseUrl()).toString())
  await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  await page.setInputFiles('[data-testid="import-file"]', { name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
  await page.waitForSelector('[data-testid="import-mapping"]')
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]')
  await onReport()
  await page.fill('[data-testid="import-name"]', name)
  await page.click('[data-testid="import-commit"]')
  await page.waitForSelector('[data-testid="import-to-dashboard"]')
  return (await page.getAttribute('[data-testid="import-to-dashboard"]', 'href'))!
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/ // eslint-disable-line no-control-regex

describe('hostile names and control characters', () => {
  let page: Page
  let record: PageRecord
  let link: string
  let replaced = ''

  beforeAll(async () => {
    ;({ page, record } = await openPage(context, '/#/import'))
    const rows = ['indicator,period,value,note']
    for (const y of [2018, 2019, 2020, 2021]) {
      rows.push(`hasOwnProperty,${y},${y - 2000},`)
      rows.push(`Reports\u0001 to the\u001B hotline\uFFFF,${y},${y - 1990},note\u000B ${y}`)
    }
    link = await importCsv(page, 'Hostile', `${rows.join('\n')}\n`, async () => {
      replaced = (await page.locator('[data-testid="import-replaced"]').textContent()) ?? ''
    })
  })

  it('the importer says it replaced the control characters', () => {
    expect(replaced).toContain('16 control characters')
  })

  it('a series named hasOwnProperty is drawn on the dashboard, beside the others', async () => {
    // The link after an import opens the Table; the chart is the first tab.
    const [path, query] = link.split('?')
    const params = new URLSearchParams(query)
    params.delete('tab')
    await page.goto(new URL(`./${path}?${params}`, baseUrl()).toString())
    await waitForChart(page)
    expect(await page.locator('[data-testid="url-notice"]').count()).toBe(0)
    const lines = await page.evaluate(() => {
      const chart = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string; data: unknown[] }[] } } }).__vigieChart
      return chart.getOption().series.filter((s) => !s.id.startsWith('milestones-')).map((s) => s.data.length)
    })
    expect(lines).toEqual([4, 4])
    await page.screenshot({ path: 'tests/e2e/screenshots/hostile-names.png' })
    const box = await page.locator('[data-testid="trend-chart"] canvas').first().boundingBox()
    expect(box!.height).toBeGreaterThan(200)
    expect(record.pageErrors).toEqual([])
  })

  it('exports it as a valid SVG, PNGs and a PowerPoint file whose parts are well-formed XML', async () => {
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
    expect(svg).toContain('hasOwnProperty')
    expect(svg).not.toMatch(FORBIDDEN)
    const error = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, svg)
    expect(error).toBeNull()
    expect(pngSize((await download(page, 'export-png')).bytes).width).toBeGreaterThan(300)
    const zip = unzip((await download(page, 'export-pptx')).bytes)
    for (const [name, bytes] of zip) {
      if (!name.endsWith('.xml')) continue
      const text = bytes.toString('utf8')
      expect(text, name).not.toMatch(FORBIDDEN)
      const bad = await page.evaluate((t) => new DOMParser().parseFromString(t, 'application/xml').querySelector('parsererror')?.textContent ?? null, text)
      expect(bad, name).toBeNull()
    }
    expect(record.pageErrors).toEqual([])
  })
})

describe('framing', () => {
  let server: Server
  let hostUrl: string

  beforeAll(async () => {
    // A page on another origin that frames whatever Vigie address it is given.
    server = createServer((req, res) => {
      const src = decodeURIComponent((req.url ?? '/').replace(/^\/\?/, ''))
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html><head><title>Host</title></head><body><h1>Win a prize</h1>
<iframe id="vigie" src="${src}" title="Vigie" width="900" height="600" style="opacity:0.05"></iframe></body></html>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    hostUrl = `http://localhost:${(server.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  const framing = async (path: string) => {
    const page = await context.newPage()
    await page.goto(`${hostUrl}?${encodeURIComponent(new URL(path, baseUrl()).toString())}`)
    return page
  }

  it('the server tells browsers that only embed.html may be framed by other sites', async () => {
    const index = await fetch(new URL('./', baseUrl()))
    expect(index.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
    const embed = await fetch(new URL('./embed.html', baseUrl()))
    expect(embed.status).toBe(200)
    expect(embed.headers.get('content-security-policy')).toBeNull()
  })

  it('the browser refuses to show #/import framed by another site', async () => {
    const page = await framing('./#/import')
    const frame = page.frame({ url: /#\/import/ })
    await page.waitForTimeout(1500)
    expect(frame ? await frame.locator('#app').count() : 0).toBe(0)
    await page.close()
  })

  it('a framed #/import shows a notice with a link to Vigie in its own tab, and no action', async () => {
    const page = await framing('./embed.html#/import')
    const frame = page.frameLocator('#vigie')
    const notice = frame.locator('[data-testid="framed-notice"]')
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.locator('h1').textContent()).toBe('Vigie is shown inside another site')
    const a = notice.locator('a')
    expect(await a.getAttribute('target')).toBe('_blank')
    expect(await a.getAttribute('rel')).toContain('noopener')
    expect(await a.getAttribute('href')).toBe(new URL('./#/import?lang=en&v=1', baseUrl()).toString())
    expect(await frame.locator('button, input, select, textarea, [data-testid="import-file"]').count()).toBe(0)
    await page.locator('#vigie').evaluate((el) => ((el as HTMLElement).style.opacity = '1'))
    await page.screenshot({ path: 'tests/e2e/screenshots/framed-notice-en.png' })
    await page.close()
  })

  it('a framed embed still shows the chart', async () => {
    const page = await framing('./embed.html#/embed?off=csam&v=1')
    await page.frameLocator('#vigie').locator('[data-testid="trend-preview"] svg').waitFor({ timeout: 30_000 })
    expect(await page.frameLocator('#vigie').locator('[data-testid="framed-notice"]').count()).toBe(0)
    await page.close()
  })
})
