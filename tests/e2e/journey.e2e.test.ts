/**
 * A new user's journey with their own files, in the browser: import a police table by
 * arrondissement (French, Windows-1252, a Total row, counts below 5), a Dutch one (UTF-8 with
 * BOM, a Totaal row), an Our World in Data download of 60 countries and a file of one figure;
 * after each, every surface a reader meets: the Table the import links to, the dashboard (lines,
 * total, small charts; values, index, change; linear and log), the dashboard as first opened
 * (bundled lines beside the imported ones), the embed at 360 and 800 px, Present and every export.
 * Each surface answers within its budget, with no page error, and the charts pass the geometry
 * checks of legibility.e2e. A police table once froze the dashboard for minutes (an endless loop
 * in the chart's style assignment): this is the test that would have caught it.
 */
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { baseUrl, launch, openPage, waitForChart, type PageRecord } from './browser'
import { download, pngSize, unzip } from './files'
import { expectLegibleChart } from './geometry'

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))

/**
 * What each surface may take, from the click or the address to the drawn chart, table or file.
 * The issue asks 5 s at 1× CPU; this machine runs several test suites on two cores, so the budget
 * is twice that. A hang (the dashboard froze for minutes) fails it by far.
 */
const BUDGET_MS = 10_000

interface Journey {
  readonly file: string
  readonly name: string
  /** The file breaks its figures down by region: total and small charts are offered. */
  readonly breakdown: boolean
  /** A withheld count (and the rate of its cell), as the Table must show it: [row label part, period]. */
  readonly withheld?: { readonly count: string; readonly rate: string; readonly region: string; readonly period: string }
}

const JOURNEYS: readonly Journey[] = [
  {
    file: 'police-arrondissements-fr-cp1252.csv',
    name: 'Police par arrondissement',
    breakdown: true,
    withheld: { count: 'Grooming (Eupen)', rate: 'Grooming – Taux pour 100.000 hab. (Eupen)', region: 'Eupen', period: '2020' },
  },
  {
    file: 'politie-arrondissementen-nl-bom.csv',
    name: 'Politie per arrondissement',
    breakdown: true,
    withheld: { count: 'Grooming (Eupen)', rate: 'Grooming – per 100 000 inwoners (Eupen)', region: 'Eupen', period: '2019' },
  },
  { file: 'owid-60-entities.csv', name: 'OWID CyberTipline', breakdown: true },
  { file: 'one-figure.csv', name: 'One figure', breakdown: false },
]

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', acceptDownloads: true })
  context.setDefaultTimeout(BUDGET_MS)
  context.setDefaultNavigationTimeout(BUDGET_MS)
})
afterAll(async () => {
  await browser.close()
})

/** Runs a step a reader waits for and checks it answered within the budget. */
async function within<T>(surface: string, step: () => Promise<T>): Promise<T> {
  const start = Date.now()
  const result = await step()
  const took = Date.now() - start
  expect(took, `${surface} answered in ${took} ms (budget ${BUDGET_MS} ms)`).toBeLessThan(BUDGET_MS)
  return result
}

function expectNoError(record: PageRecord, surface: string): void {
  expect(record.pageErrors, `${surface}: page errors`).toEqual([])
  expect(record.consoleErrors, `${surface}: console errors`).toEqual([])
}

async function importFile(page: Page, journey: Journey): Promise<string> {
  await page.setInputFiles('[data-testid="import-file"]', join(FIXTURES, journey.file))
  await page.waitForSelector('[data-testid="import-mapping"]')
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]')
  await page.fill('[data-testid="import-name"]', journey.name)
  const before = await page.locator('[data-testid="import-notice"].notice-success').count()
  await page.click('[data-testid="import-commit"]')
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-notice"].notice-success').length > n, before)
  // The link under the notice: the dashboard's Table with exactly this dataset's indicators.
  const href = (await page.locator('[data-testid="import-to-dashboard"]').last().getAttribute('href')) ?? ''
  const ind = new URLSearchParams(href.slice(href.indexOf('?'))).get('ind') ?? ''
  expect(ind).not.toBe('')
  return ind
}

/** Opens an address afresh (a full load, as a reader opening a link) and waits for the chart. */
async function openChart(page: Page, path: string, surface: string): Promise<void> {
  await within(surface, async () => {
    await page.goto('about:blank')
    await page.goto(new URL(`.${path}`, baseUrl()).toString())
    await waitForChart(page)
  })
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

describe('a new user’s own files on every surface', () => {
  for (const journey of JOURNEYS) {
    it(`${journey.file}: imports, then every surface answers within ${BUDGET_MS / 1000} s with no page error`, async () => {
      const { page, record } = await openPage(context, '/#/import?lang=en')
      await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
      const ind = await importFile(page, journey)
      const shot = slug(journey.file)

      // "See them on the dashboard": the Table of the new figures.
      const rows = await within('the Table the import links to', async () => {
        await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
        await page.waitForSelector('[data-testid="figures-table"] tbody tr')
        return page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
        )
      })
      expect(rows.length).toBeGreaterThan(0)
      if (journey.withheld) {
        const { count, rate, period } = journey.withheld
        // The small count and its rate per 100,000 are withheld, and the rate says why.
        expect(rows.find((r) => r[0] === count && r[1] === period)?.[2]).toBe('< 5')
        const rateRow = rows.find((r) => r[0] === rate && r[1] === period)
        expect(rateRow?.[2]).toMatch(/^withheld/)
        expect(rateRow?.[2]).toMatch(/withheld so that a small count cannot be worked out/i)
      }
      expectNoError(record, 'Table')

      // The dashboard in every mode, each address opened afresh.
      const query = `ind=${encodeURIComponent(ind)}&lang=en`
      const views = [
        ['lines', ''],
        ['index', '&view=index'],
        ['change', '&view=change'],
        ['log scale', '&scale=log'],
        ...(journey.breakdown ? [['total', '&bd=total'], ['small charts', '&bd=small'], ['small charts, index', '&bd=small&view=index'], ['small charts, page 2', '&bd=small&sp=2']] : []),
      ] as const
      for (const [name, extra] of views) {
        await openChart(page, `/#/?${query}${extra}`, `dashboard (${name})`)
        await expectLegibleChart(page, `dashboard (${name})`)
        expectNoError(record, `dashboard (${name})`)
        if (name === 'small charts' || name === 'lines' || name === 'index') await page.screenshot({ path: `tests/e2e/screenshots/journey-${shot}-${slug(name)}.png`, fullPage: true })
      }
      if (journey.breakdown) {
        // Small charts: a grid of charts at least 280 px wide, and pages that say which charts they show.
        await openChart(page, `/#/?${query}&bd=small`, 'small charts')
        const grids = await page.evaluate(() => (window as unknown as { __vigieChart: { getOption: () => { grid: { left: number; right: number; top: number }[] } } }).__vigieChart.getOption().grid)
        const width = await page.locator('[data-testid="trend-chart"]').evaluate((el) => el.getBoundingClientRect().width)
        const columns = new Set(grids.map((g) => g.left)).size
        expect(columns).toBeGreaterThan(1)
        expect(width / columns).toBeGreaterThanOrEqual(280)
        expect(grids.length).toBeLessThanOrEqual(12)
        // The order and paging controls pass axe-core.
        const axe = await new AxeBuilder({ page }).include('.view-controls').analyze()
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
        const range = page.locator('[data-testid="charts-range"]')
        if (await range.count()) {
          expect(await range.textContent()).toMatch(/^charts 1–12 of \d+$/)
          await within('next page of small charts', async () => {
            await page.click('[data-testid="charts-next"]')
            await page.waitForFunction(() => /^charts 13–/.test(document.querySelector('[data-testid="charts-range"]')?.textContent ?? ''))
          })
        }
      }

      // The dashboard as it first opens: the bundled lines beside the imported ones.
      await openChart(page, '/#/?lang=en', 'dashboard as first opened')
      await expectLegibleChart(page, 'dashboard as first opened')
      await page.screenshot({ path: `tests/e2e/screenshots/journey-${shot}-default.png`, fullPage: true })
      expectNoError(record, 'dashboard as first opened')

      // Every export of the imported view.
      await openChart(page, `/#/?${query}`, 'dashboard before exports')
      for (const format of ['png', 'png2x', 'png-slide', 'svg', 'svg-slide', 'csv', 'pptx', 'html'] as const) {
        const file = await within(`export ${format}`, () => download(page, `export-${format}`))
        expect(file.bytes.length, `export ${format}`).toBeGreaterThan(100)
        if (format.startsWith('png')) expect(pngSize(file.bytes).width).toBeGreaterThan(300)
        if (format === 'pptx') expect(unzip(file.bytes).has('ppt/slides/slide1.xml')).toBe(true)
        if (format === 'csv' && journey.withheld) {
          // The withheld figures leave as "< 5" and "withheld", never as their numbers.
          const lines = file.bytes.toString('utf8').split(/\r?\n/)
          const eupen = lines.filter((l) => l.includes(journey.withheld!.region) && l.includes(`,${journey.withheld!.period},`))
          expect(eupen.some((l) => l.includes('< 5'))).toBe(true)
          expect(eupen.some((l) => l.includes('withheld'))).toBe(true)
        }
      }
      expectNoError(record, 'exports')

      // Present: the view saved, then shown full screen.
      if (!(await page.locator('[data-testid="share-panel"]').isVisible())) await page.click('[data-testid="share-toggle"]')
      await page.fill('[data-testid="saved-name"]', journey.name)
      await page.click('[data-testid="saved-save"]')
      await within('Present', async () => {
        await page.click('[data-testid="saved-present"]')
        await page.waitForSelector('[data-testid="present-title"]')
        await page.waitForSelector('[data-testid="trend-chart"]', { state: 'attached' })
        await page.mouse.move(10, 10)
        await page.waitForSelector('[data-testid="trend-chart"] canvas')
      })
      await page.screenshot({ path: `tests/e2e/screenshots/journey-${shot}-present.png` })
      await page.keyboard.press('Escape')
      // Leave Present's saved list as it was for the next file.
      await page.goto(new URL('./#/?lang=en', baseUrl()).toString())
      await page.evaluate(() => localStorage.removeItem('vigie.savedViews'))
      expectNoError(record, 'Present')
      await page.close()

      // The embed, at 360 and 800 px.
      for (const width of [360, 800]) {
        // The imported data live in this browser's storage: the embed reads them from the same origin.
        const embed = await context.newPage()
        await embed.setViewportSize({ width, height: 700 })
        const errors: string[] = []
        embed.on('pageerror', (e) => errors.push(String(e)))
        await within(`embed at ${width} px`, async () => {
          await embed.goto(new URL(`./embed.html#/embed?${query}`, baseUrl()).toString())
          await waitForChart(embed)
        })
        await expectLegibleChart(embed, `embed at ${width} px`, { key: false })
        await embed.screenshot({ path: `tests/e2e/screenshots/journey-${shot}-embed-${width}.png`, fullPage: true })
        expect(errors, `embed at ${width} px: page errors`).toEqual([])
        await embed.close()
      }
    }, 240_000)
  }
})
