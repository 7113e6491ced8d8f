/**
 * Periods are calendar data: a reader in Kiritimati (UTC+14), Brussels, New York or Pago Pago
 * (UTC−11) sees the same years, the same figures under them and the same milestone positions as
 * a reader in UTC. Each zone gets its own browser context (Playwright's `timezoneId`).
 */
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launch, milestoneLinePoint, openPage, waitForChart } from './browser'
import { download } from './files'

type Row = Record<string, string>
const observations = Papa.parse<Row>(readFileSync('data/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data
const hotline = observations.filter((o) => o.indicator === 'cf_hotline_reports')

const ZONES = ['Pacific/Kiritimati', 'Europe/Brussels', 'America/New_York', 'Pacific/Pago_Pago'] as const

let browser: Browser
const contexts = new Map<string, BrowserContext>()

beforeAll(async () => {
  browser = await launch()
  for (const zone of ['UTC', ...ZONES]) {
    contexts.set(zone, await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: zone, locale: 'en-GB', acceptDownloads: true }))
  }
})
afterAll(async () => {
  await browser.close()
})

async function tableRows(zone: string, path: string): Promise<string[][]> {
  const { page } = await openPage(contexts.get(zone)!, path)
  const rows = page.locator('[data-testid="figures-table"] tbody tr')
  await rows.first().waitFor()
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())))
  await page.close()
  return cells
}

/** Where the April 2014 grooming-law line is drawn, as a fraction of the way from 1 Jan 2014 to 1 Jan 2015. */
async function april2014Position(page: Page): Promise<{ fraction: number; x: number }> {
  const number = await page.locator('.milestone-key li', { hasText: 'April 2014' }).filter({ hasText: /grooming/i }).first().getAttribute('data-milestone')
  const line = await milestoneLinePoint(page, number!, 100)
  const [start, end] = await page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { convertToPixel: (f: object, v: number[]) => number[]; getDom: () => HTMLElement } }).__vigieChart
    const left = chart.getDom().getBoundingClientRect().left
    return [Date.UTC(2014, 0, 1), Date.UTC(2015, 0, 1)].map((t) => left + chart.convertToPixel({ gridIndex: 0 }, [t, 0])[0]!)
  })
  return { fraction: (line.x - start!) / (end! - start!), x: line.x }
}

describe.each(ZONES)('a reader in %s', (zone) => {
  it('sees exactly the 2013 figures in a 2013-only Table, 1,232 hotline reports under 2013, as in UTC', async () => {
    const path = '/#/?from=2013&to=2013&tab=table&lang=en'
    const rows = await tableRows(zone, path)
    expect(rows.map((r) => r[1])).toEqual(rows.map(() => '2013'))
    expect(rows.find((r) => r[2]?.includes('1,232'))?.[1]).toBe('2013')
    expect(rows).toEqual(await tableRows('UTC', path))
  })

  it('sees every hotline year under its own year in the Table', async () => {
    const rows = await tableRows(zone, '/#/?ind=cf_hotline_reports&tab=table&lang=en')
    const shown = rows.map((r) => `${r[1]}=${r[2]!.replace(/,/g, '')}`)
    expect(shown).toEqual(hotline.map((o) => `${o.period}=${o.value}`))
  })

  it('gets 100 at the chosen base year in the index view', async () => {
    const rows = await tableRows(zone, '/#/?ind=cf_hotline_reports&view=index&base=2014&tab=table&lang=en')
    expect(rows.find((r) => r[1] === '2014')?.[2]).toBe('100')
    expect(rows.every((r) => r[3]!.includes('2014'))).toBe(true) // the unit column names the base
  })

  it('sees the April 2014 grooming laws drawn in April 2014, at the same place as in UTC', async () => {
    const open = async (z: string) => {
      const { page } = await openPage(contexts.get(z)!, '/#/?off=grooming&lang=en')
      await waitForChart(page)
      return page
    }
    const page = await open(zone)
    const here = await april2014Position(page)
    // April is the fourth month: its line sits between a quarter and a third of the year.
    expect(here.fraction).toBeGreaterThan(0.24)
    expect(here.fraction).toBeLessThan(0.34)
    const reference = await open('UTC')
    expect(here.x).toBeCloseTo((await april2014Position(reference)).x, 0)
    await Promise.all([page.close(), reference.close()])
  })

  it('downloads a CSV whose periods are the data’s own', async () => {
    const { page } = await openPage(contexts.get(zone)!, '/#/?ind=cf_hotline_reports&from=2013&to=2016&lang=en')
    await waitForChart(page)
    const { bytes } = await download(page, 'export-csv')
    const rows = Papa.parse<Row>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
    expect(rows.map((r) => `${r.period}=${r.value}`)).toEqual(
      hotline.filter((o) => Number(o.period) >= 2013 && Number(o.period) <= 2016).map((o) => `${o.period}=${o.value}`),
    )
    await page.close()
  })

  it('imports day-dated figures under their own dates, and reads them back the same after a reload', async () => {
    const { page } = await openPage(contexts.get(zone)!, '/#/import')
    await page.fill('[data-testid="import-paste"]', 'Date\tReports\n01/01/2020\t5\n31/12/2020\t7\n01/01/2021\t9\n30/06/2021\t4\n')
    await page.click('text=Import pasted cells')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.fill('[data-testid="import-label-0"]', 'Day reports')
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-success')
    const read = async () => {
      const rows = page.locator('[data-testid="figures-table"] tbody tr', { hasText: 'Day reports' })
      await rows.first().waitFor()
      return rows.evaluateAll((trs) => trs.map((tr) => `${tr.children[1]!.textContent!.trim()}=${tr.children[2]!.textContent!.trim()}`))
    }
    await page.goto(new URL('./#/?from=2020&to=2020&tab=table&lang=en', page.url()).toString())
    expect(await read()).toEqual(['1 January 2020=5', '31 December 2020=7'])
    await page.reload()
    expect(await read()).toEqual(['1 January 2020=5', '31 December 2020=7'])
    await page.close()
  })
})
