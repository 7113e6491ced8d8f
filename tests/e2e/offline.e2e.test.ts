/**
 * Installable and offline (issue 22): the manifest and its icons; the service worker keeps the
 * app, its data and the imported datasets for a reload without network; a new build is announced
 * and taken only on the reader's reload.
 *
 * The offline and update tests serve a copy of the build from their own small server, so they can
 * change files under it (a "new build") without touching dist/.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { baseUrl, CHROMIUM_ARGS, launch, waitForChart } from './browser'
import { download, pngSize } from './files'
import { manifestFileName } from '../../src/core/appManifest'
import { LOCALES } from '../../src/core/model'

const FIXTURE = fileURLToPath(new URL('../fixtures/import/one-figure.csv', import.meta.url))
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
}

/** Serves `root` as a static host does, reading each file afresh (so a changed file is served changed). */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path))
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }
    if (!file.endsWith('embed.html')) headers['Content-Security-Policy'] = "frame-ancestors 'self'"
    response.writeHead(200, headers).end(readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })))
}

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

interface Manifest {
  id: string
  name: string
  short_name: string
  description: string
  lang: string
  start_url: string
  scope: string
  display: string
  theme_color: string
  background_color: string
  icons: { src: string; sizes: string; type: string; purpose: string }[]
}

describe('web app manifest', () => {
  it('is linked from the page, complete in each language, and every icon loads at its stated size', async () => {
    const html = await (await fetch(baseUrl())).text()
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1]
    expect(href).toBe('./manifest.webmanifest')
    const manifests: Record<string, Manifest> = {}
    // Every interface language: a new one gets its manifest checked here too.
    for (const locale of LOCALES) {
      const file = manifestFileName(locale)
      const url = new URL(file, baseUrl())
      const response = await fetch(url)
      expect(response.status, file).toBe(200)
      const manifest = (await response.json()) as Manifest
      manifests[locale] = manifest
      expect(manifest.lang).toBe(locale)
      expect(manifest.name).toContain('Vigie')
      expect(manifest.short_name.length).toBeGreaterThan(0)
      expect(manifest.short_name.length).toBeLessThanOrEqual(12)
      expect(manifest.description.length).toBeGreaterThan(40)
      expect(manifest).toMatchObject({ id: './', start_url: './', scope: './', display: 'standalone', theme_color: '#1f3a5f', background_color: '#ffffff' })
      // 192 and 512 for any use, and a maskable one for launchers that crop.
      expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable'])
      for (const icon of manifest.icons) {
        const image = await fetch(new URL(icon.src, url))
        expect(image.status, icon.src).toBe(200)
        expect(image.headers.get('content-type')).toContain('image/png')
        const { width, height } = pngSize(Buffer.from(await image.arrayBuffer()))
        expect(`${width}x${height}`, icon.src).toBe(icon.sizes)
      }
    }
    // Each language names the app in its own words.
    expect(new Set(Object.values(manifests).map((m) => m.name)).size).toBe(LOCALES.length)
    expect(manifests.fr!.name).toContain('exploitation sexuelle des enfants')
    expect(manifests.nl!.name).toContain('seksuele uitbuiting van kinderen')
  })

  it('is read by Chromium without errors, the app is installable, and the link follows the interface language', async () => {
    // A profile on disk: Chromium does not offer to install from a private (incognito) one.
    const profile = mkdtempSync(join(tmpdir(), 'vigie-profile-'))
    const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(new URL('./#/?lang=en', baseUrl()).toString())
    await page.waitForSelector('[data-testid="lang-fr"]')
    const cdp = await context.newCDPSession(page)
    const read = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] }
    expect(read.url).toMatch(/\/manifest\.webmanifest$/)
    expect(read.errors).toEqual([])
    await page.evaluate(() => navigator.serviceWorker.ready)
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] }
    expect(installability.installabilityErrors).toEqual([])
    await page.click('[data-testid="lang-fr"]')
    await expect.poll(() => page.getAttribute('link[rel="manifest"]', 'href')).toBe('./manifest-fr.webmanifest')
    const french = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] }
    expect(french.url).toMatch(/\/manifest-fr\.webmanifest$/)
    expect(french.errors).toEqual([])
    await page.click('[data-testid="lang-nl"]')
    await expect.poll(() => page.getAttribute('link[rel="manifest"]', 'href')).toBe('./manifest-nl.webmanifest')
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
})

describe('offline, and a new build announced', () => {
  let root: string
  let server: Server
  let origin: string
  let context: BrowserContext
  let page: Page
  /** Every request of the context, the service worker's included. */
  const requests: string[] = []
  const pageErrors: string[] = []
  /** Requests of the pages that failed (the worker's own update checks are not the page's). */
  const failed: string[] = []

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vigie-offline-'))
    cpSync(process.env.VIGIE_DIST ?? 'dist', root, { recursive: true })
    ;({ server, origin } = await serve(root))
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true, serviceWorkers: 'allow' })
    context.on('request', (r) => requests.push(r.url()))
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`))
  })
  afterAll(async () => {
    await context.close()
    await new Promise((resolve) => server.close(resolve))
    rmSync(root, { recursive: true, force: true })
  })

  const at = (path: string): string => new URL(path, `${origin}/`).toString()

  it('after one visit, shows the dashboard, the Indicators and Timeline screens, Present and an imported dataset with the network off, and exports', { timeout: 180_000 }, async () => {
    await page.goto(at('./#/?lang=en'))
    await waitForChart(page)
    // The worker has cached the build once it is active.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', undefined, { timeout: 60_000 })
    // It takes the pages opened from now on (no clientsClaim: the first page stays as it loaded).
    await page.reload()
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

    // An imported dataset, in IndexedDB.
    await page.goto(at('./#/import'))
    await page.setInputFiles('[data-testid="import-file"]', FIXTURE)
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]')
    await page.fill('[data-testid="import-name"]', 'Offline check')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-success')
    // The notice's link: the dashboard's Table with this dataset's indicators.
    const toTable = (await page.locator('[data-testid="import-to-dashboard"]').getAttribute('href'))!

    await context.setOffline(true)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    const failedBefore = failed.length
    await page.goto(at('./#/?lang=en'))
    await page.reload()
    await waitForChart(page)
    expect(await page.locator('[data-testid="trend-chart"] canvas').count()).toBeGreaterThan(0)
    expect(await page.locator('.notice-error').count()).toBe(0)

    await page.click('.app-nav a[href*="indicators"]')
    await page.waitForSelector('[data-testid="latest-period"]')
    expect(await page.locator('.catalogue-group').count()).toBeGreaterThan(0)

    await page.click('.app-nav a[href*="timeline"]')
    await page.waitForSelector('.timeline-item')
    expect(await page.locator('.timeline-item').count()).toBeGreaterThan(5)

    await page.click('.app-nav a[href*="import"]')
    await expect.poll(() => page.locator('[data-testid="dataset-name"]').allTextContents()).toEqual(['Offline check'])
    // Its figure in the dashboard's Table, with its source.
    await page.goto(at(toTable.replace(/^.*#/, './#')))
    await page.waitForSelector('[data-testid="figures-table"] tbody tr')
    const rows = await page.locator('[data-testid="figures-table"] tbody tr').allTextContents()
    expect(rows.some((r) => r.includes('2,421') && r.includes('Offline check'))).toBe(true)

    // Exports need no network: CSV, PNG, the deck (its library is a lazy chunk), SVG and HTML.
    await page.goto(at('./#/?lang=en'))
    await waitForChart(page)
    const csv = await download(page, 'export-csv')
    expect(csv.name).toMatch(/\.csv$/)
    expect(csv.bytes.toString('utf8').split('\n').length).toBeGreaterThan(5)
    const png = await download(page, 'export-png')
    expect(pngSize(png.bytes).width).toBeGreaterThan(600)
    const pptx = await download(page, 'export-pptx')
    expect(pptx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const svg = await download(page, 'export-svg')
    expect(svg.bytes.toString('utf8')).toContain('<svg')
    const html = await download(page, 'export-html')
    expect(html.bytes.toString('utf8')).toContain('<svg')

    // Present mode too, on a view saved offline (the share menu is still open).
    await page.fill('[data-testid="saved-name"]', 'Offline view')
    await page.click('[data-testid="saved-save"]')
    await page.goto(at('./#/present?slide=1&lang=en'))
    await expect.poll(() => page.locator('[data-testid="present-title"]').textContent()).toBe('Offline view')
    await page.locator('[data-testid="present"] [data-testid="trend-chart"]').waitFor({ state: 'attached' })

    // Everything came from the worker's cache: no request of the page failed for want of a network
    // (a request cut short by the test's next navigation is aborted, not failed).
    expect(failed.slice(failedBefore).filter((f) => !f.endsWith('net::ERR_ABORTED'))).toEqual([])
    expect(pageErrors).toEqual([])
    await context.setOffline(false)
  })

  it('announces a new build (EN, then FR), keeps the page as it is until the reader reloads with the keyboard', { timeout: 120_000 }, async () => {
    // Online again, even when the test above failed half-way.
    await context.setOffline(false)
    await page.goto(at('./#/?lang=en'))
    await waitForChart(page)
    expect(await page.locator('[data-testid="update-notice"]').getAttribute('role')).toBe('status')
    expect(await page.locator('[data-testid="update-reload"]').count()).toBe(0)

    // A new build on the host: a changed page, listed with a new revision in a new service worker.
    const index = readFileSync(join(root, 'index.html'), 'utf8')
    writeFileSync(join(root, 'index.html'), index.replace('</head>', '<meta name="vigie-build" content="2" />\n</head>'))
    const sw = readFileSync(join(root, 'sw.js'), 'utf8')
    const changed = sw.replace(/(\{url:"index\.html",revision:")[^"]+"/, '$1build-2"')
    expect(changed).not.toBe(sw)
    writeFileSync(join(root, 'sw.js'), changed)

    // What a reload, or the hourly check, does: the browser fetches sw.js and installs the new one.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
    const notice = page.locator('[data-testid="update-notice"] p')
    await notice.waitFor({ timeout: 60_000 })
    expect(await notice.textContent()).toContain('New data or a new version is available.')
    expect(await page.locator('[data-testid="update-reload"]').textContent()).toBe('Reload')
    // Not swapped under the reader: the page and its worker are the old ones until asked.
    expect(await page.locator('meta[name="vigie-build"]').count()).toBe(0)
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true)
    await page.screenshot({ path: 'tests/e2e/screenshots/update-notice-en.png', clip: { x: 0, y: 0, width: 1280, height: 220 } })

    // In French, every word of it.
    await page.click('[data-testid="lang-fr"]')
    await expect.poll(() => notice.textContent()).toContain('De nouvelles données ou une nouvelle version sont disponibles.')
    expect(await page.locator('[data-testid="update-reload"]').textContent()).toBe('Recharger')
    expect(await notice.textContent()).not.toMatch(/\b(New|Reload|available)\b/)
    await page.screenshot({ path: 'tests/e2e/screenshots/update-notice-fr.png', clip: { x: 0, y: 0, width: 1280, height: 220 } })
    const violations = (await new AxeBuilder({ page }).include('[data-testid="update-notice"]').analyze()).violations.map((v) => v.id)
    expect(violations).toEqual([])

    // Reached with Tab from the top of the page, taken with Enter.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    let reached = false
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'update-reload')
    }
    expect(reached).toBe(true)
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.keyboard.press('Enter')])
    await page.waitForSelector('meta[name="vigie-build"]', { state: 'attached' })
    await page.waitForSelector('[data-testid="update-notice"]', { state: 'attached' })
    expect(await page.locator('[data-testid="update-reload"]').count()).toBe(0)
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull()
    // Still French after the reload (the remembered choice).
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    expect(pageErrors).toEqual([])
    // The worker and the page asked nothing of another host.
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([])
  })

  it('an embed framed by another site shows its chart from the network, untouched by the worker', async () => {
    // The worker of the app's own origin is installed and controls its pages (the tests above).
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    const host = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe id="vigie" src="${at('./embed.html#/embed?off=csam&v=1')}" title="Vigie" width="900" height="600"></iframe></body></html>`)
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    try {
      const framing = await context.newPage()
      const errors: string[] = []
      framing.on('pageerror', (e) => errors.push(String(e)))
      // localhost is another site than 127.0.0.1.
      await framing.goto(`http://localhost:${(host.address() as AddressInfo).port}/`)
      const frame = framing.frameLocator('#vigie')
      await frame.locator('[data-testid="trend-preview"] svg').waitFor({ timeout: 30_000 })
      expect(await frame.locator('[data-testid="framed-notice"]').count()).toBe(0)
      // Not served by the app's worker (the frame's storage is the host site's), and the app asks
      // for none there (Chromium would refuse it in a private profile: no error either way).
      await framing.waitForTimeout(1000)
      const inFrame = framing.frames().find((f) => f.url().includes('/embed.html'))!
      expect(await inFrame.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull()
      expect(errors).toEqual([])
      await framing.close()
    } finally {
      await new Promise((resolve) => host.close(resolve))
    }
  })
})
