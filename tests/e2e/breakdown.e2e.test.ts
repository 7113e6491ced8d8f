import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { baseUrl, launch, openPage, waitForChart, type PageRecord } from './browser'

/** An imported police table by arrondissement (3 offences × 5 arrondissements), with small counts in Eupen. */
const FIXTURE = fileURLToPath(new URL('../fixtures/import/breakdown-arrondissement.csv', import.meta.url))

let browser: Browser
let context: BrowserContext
/** The dashboard query of the imported table (set by the first test, in the same browser storage). */
let imported = ''

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
})
afterAll(async () => {
  await browser.close()
})

type Option = { series: { id: string; name?: string; data: unknown[] }[]; yAxis: { name: string }[]; grid: unknown[] }

async function chartOption(page: Page): Promise<Option> {
  return page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart
    return JSON.parse(JSON.stringify(chart.getOption())) as Option
  })
}
const figureLines = (o: Option) => o.series.filter((s) => !s.id.startsWith('milestones-') && !s.id.includes('#'))

async function tableRows(page: Page): Promise<string[][]> {
  await page.locator('#tab-table').click()
  await page.waitForSelector('[data-testid="figures-table"] tbody tr')
  return page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  )
}

async function importTable(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  await page.setInputFiles('[data-testid="import-file"]', FIXTURE)
  await page.waitForSelector('[data-testid="import-mapping"]')
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]')
  await page.fill('[data-testid="import-name"]', 'Police by arrondissement')
  await page.click('[data-testid="import-commit"]')
  await page.waitForSelector('[data-testid="import-to-dashboard"]')
  return (await page.getAttribute('[data-testid="import-to-dashboard"]', 'href'))!
}

async function expectClean(record: PageRecord): Promise<void> {
  expect(record.pageErrors).toEqual([])
  expect(record.consoleErrors).toEqual([])
  expect(await record.cspViolations()).toEqual([])
}

describe('breakdowns and small counts', () => {
  it('switches between one line per arrondissement, their total and small charts; shows "< 5" in the Table, tooltip and CSV, with no change computed from it', async () => {
    const { page, record } = await openPage(context, '/#/import')
    const link = await importTable(page)
    const query = link.replace(/^.*\?/, '').replace(/(^|&)tab=table/, '')
    imported = query
    await page.goto(new URL(`./#/?${query}`, baseUrl()).toString())
    await waitForChart(page)

    // Lines: 15 lines, one per offence and arrondissement.
    expect(figureLines(await chartOption(page))).toHaveLength(15)
    expect(await page.isChecked('[data-breakdown="lines"]')).toBe(true)
    expect(await page.inputValue('[data-testid="breakdown-by"]')).toBe('region')

    // The withheld count is a "below" marker, not a point; its tooltip says "< 5" (Sextorsion alone, so
    // no other line's point lies under the marker).
    const sextortion = decodeURIComponent(/ind=([^&]*)/.exec(query)![1]!).split(',').find((id) => id.endsWith(':sextorsion'))!
    await page.goto(new URL(`./#/?ind=${encodeURIComponent(sextortion)}`, baseUrl()).toString())
    await waitForChart(page)
    await page.evaluate(() => document.querySelector('[data-testid="trend-chart"]')!.scrollIntoView({ block: 'center' }))
    // ECharts gets generated series names; the legend ties a label to its series key.
    const eupenKey = (await page.locator('[data-testid="chart-legend"] li', { hasText: 'Sextorsion (Eupen)' }).getAttribute('data-series'))!
    const marker = await page.evaluate((key) => {
      const chart = (window as unknown as {
        __vigieChart: { getOption: () => { series: { id: string; name?: string; data: unknown[] }[] }; convertToPixel: (f: object, v: number[]) => number[]; getDom: () => HTMLElement }
      }).__vigieChart
      const series = chart.getOption().series
      const line = series.find((s) => s.id === key)!
      const withheld = series.find((s) => s.id === `${line.id}#withheld`)!
      const at = (withheld.data[0] as { value: number[] }).value
      // The series' own panel: a small arrondissement may sit in a panel of its own magnitude.
      const [x, y] = chart.convertToPixel({ seriesId: withheld.id }, at) as [number, number]
      const box = chart.getDom().getBoundingClientRect()
      const drawn = line.data.map((d) => (Array.isArray(d) ? d[1] : (d as { value: number[] }).value[1]))
      return { x: box.left + x, y: box.top + y, drawn, markers: withheld.data.map((d) => (d as { value: number[] }).value[1]) }
    }, eupenKey)
    expect(marker.drawn).toEqual([null, null, 6])
    expect(marker.markers).toEqual([5, 5])
    const again = marker
    await page.mouse.move(again.x, again.y)
    const tooltip = page.locator('.vg-tooltip')
    await tooltip.waitFor({ state: 'visible' })
    const tip = (await tooltip.textContent())!
    expect(tip).toContain('Sextorsion (Eupen)')
    expect(tip).toContain('< 5')
    expect(tip).toContain('withheld')
    expect(tip).not.toMatch(/:\s*3\b/)
    await page.screenshot({ path: 'tests/e2e/screenshots/breakdown-lines-en.png' })

    // The CSV export carries "< 5" in its flag column, never the number (value left empty: issue 21).
    await page.click('[data-testid="share-toggle"]')
    await page.locator('[data-testid="share-panel"]').waitFor()
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')])
    const csv = readFileSync((await file.path())!, 'utf8').split('\r\n')
    const eupen = csv.filter((l) => l.includes(',Sextorsion (Eupen),'))
    expect(eupen.map((l) => l.split(',').slice(3, 6))).toEqual([
      ['2021', '', '< 5'],
      ['2022', '', '< 5'],
      ['2023', '6', ''],
    ])
    await page.keyboard.press('Escape')

    // The Table shows "< 5" too.
    await page.goto(new URL(`./#/?${query}`, baseUrl()).toString())
    const rows = await tableRows(page)
    expect(rows.filter((r) => r[0] === 'Sextorsion (Eupen)').map((r) => [r[1], r[2]])).toEqual([
      ['2021', '< 5'],
      ['2022', '< 5'],
      ['2023', '6'],
    ])
    expect(rows.find((r) => r[0] === 'Pédopornographie (Eupen)' && r[1] === '2022')?.[2]).toBe('< 5')

    // No change computed from a withheld count: 2 -> 6 is not +200 %.
    await page.click('[data-mode="change"]')
    const changes = await tableRows(page)
    expect(changes.some((r) => r[0] === 'Sextorsion (Eupen)')).toBe(false)
    expect(changes.some((r) => r[2]!.includes('200'))).toBe(false)
    expect(changes.find((r) => r[0] === 'Grooming (Bruxelles)' && r[1] === '2022')?.[2]).toBe('+9.95 %')
    expect(await page.locator('[data-testid="breakdown-notices"]').textContent()).toContain('Sextorsion (Eupen): nothing computed for 2022, 2023 from a small count withheld.')
    await page.click('[data-mode="absolute"]')

    // Total: one line per offence, only where every arrondissement is known and none withheld.
    await page.locator('#tab-chart').click()
    await page.click('[data-breakdown="total"]')
    await page.waitForFunction(() => location.hash.includes('bd=total'))
    const total = figureLines(await chartOption(page))
    expect(total).toHaveLength(3)
    expect((await page.locator('[data-testid="chart-legend"] li').allTextContents()).map((t) => t.trim())).toEqual(['Grooming', 'Sextorsion', 'Pédopornographie'])
    const notices = (await page.locator('[data-testid="breakdown-notices"]').textContent())!
    expect(notices).toContain('Grooming: no total for 2023, a part of the breakdown has no figure.')
    expect(notices).toContain('Sextorsion: no total for 2021, 2022, a part is a small count withheld.')
    const totals = await tableRows(page)
    expect(totals.filter((r) => r[0] === 'Grooming').map((r) => [r[1], r[2]])).toEqual([
      ['2021', '1,207'],
      ['2022', '1,326'],
    ])
    expect(totals.filter((r) => r[0] === 'Sextorsion').map((r) => [r[1], r[2]])).toEqual([['2023', '518']])

    // Small charts: one panel per arrondissement, named on its axis.
    await page.locator('#tab-chart').click()
    await page.click('[data-breakdown="small"]')
    await page.waitForFunction(() => location.hash.includes('bd=small'))
    const small = await chartOption(page)
    expect(small.grid).toHaveLength(5)
    expect(small.yAxis.map((y) => y.name)).toEqual(['Bruxelles · Number', 'Anvers · Number', 'Liège · Number', 'Gand · Number', 'Eupen · Number'])
    // Legible: each small chart at least 100 px high, the last one clear of the period slider, and an
    // offence keeps its colour from one chart to the next.
    const height = await page.evaluate(() => (window as unknown as { __vigieChart: { getHeight: () => number } }).__vigieChart.getHeight())
    const grids = small.grid as { top: number; height: number }[]
    expect(Math.min(...grids.map((g) => g.height))).toBeGreaterThanOrEqual(100)
    expect(grids[4]!.top + grids[4]!.height).toBeLessThan(height - 8 - 22 - 20)
    // The series key starts with the indicator's id: one colour per indicator in every small chart.
    const colours = figureLines(small).map((s) => [s.id.split('|')[0]!, (s as unknown as { color: string }).color])
    for (const [name, colour] of colours) expect(colours.filter(([n]) => n === name).every(([, c]) => c === colour)).toBe(true)
    await page.screenshot({ path: 'tests/e2e/screenshots/breakdown-small-en.png' })
    expect(await new AxeBuilder({ page }).include('.view-controls').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([])

    // Suppression is set per dataset: "Show every count", once confirmed, shows every count.
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.click('[data-testid="dataset-suppress-off"]')
    expect(await page.isChecked('[data-testid="dataset-suppress-off"]')).toBe(false)
    await page.click('[data-testid="dataset-suppress-off-confirm"]')
    await expect.poll(() => page.isChecked('[data-testid="dataset-suppress-off"]')).toBe(true)
    await page.goto(new URL(`./#/?${query}&tab=table`, baseUrl()).toString())
    await page.waitForSelector('[data-testid="figures-table"] tbody tr')
    const shown = await page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rs) =>
      rs.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
    )
    expect(shown.filter((r) => r[0] === 'Sextorsion (Eupen)').map((r) => r[2])).toEqual(['3', '2', '6'])
    // ...and the setting is kept with the dataset across a reload.
    await page.reload()
    await page.waitForSelector('[data-testid="figures-table"] tbody tr')
    await page.waitForFunction(() => document.querySelector('[data-testid="figures-table"]')?.textContent?.includes('Sextorsion (Eupen)'))
    const reloaded = await page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rs) =>
      rs.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
    )
    expect(reloaded.filter((r) => r[0] === 'Sextorsion (Eupen)').map((r) => r[2])).toEqual(['3', '2', '6'])
    await expectClean(record)
  })

  for (const lang of ['fr', 'nl']) {
    it(`has no axe-core violation in the breakdown control and its notices in ${lang.toUpperCase()}`, async () => {
      expect(imported).not.toBe('')
      const { page } = await openPage(context, `/#/?${imported.replace(/(^|&)lang=[a-z]+/, '')}&lang=${lang}&bd=total&view=change`)
      await page.waitForFunction((l) => document.documentElement.lang === l, lang)
      await page.waitForSelector('[data-testid="breakdown-notices"]')
      const text = (await page.locator('[data-testid="breakdown"]').textContent())!
      expect(text).toContain(lang === 'fr' ? 'petits graphiques' : 'kleine grafieken')
      const violations = (await new AxeBuilder({ page }).include('.view-controls').analyze()).violations.map((v) => v.id)
      expect(violations).toEqual([])
    })
  }
})
