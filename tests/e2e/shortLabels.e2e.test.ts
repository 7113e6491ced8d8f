/**
 * Short labels where room is tight, full labels where one cites: the dashboard legend names each
 * line by its `short_*` label on one line (a 390 px phone included), while the tooltip and the
 * Table keep the indicator's full label.
 */
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { hoverMiddlePoint, launch, openPage, waitForChart } from './browser'

type Row = Record<string, string>
const indicators = new Map(
  Papa.parse<Row>(readFileSync('data/indicators.csv', 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [r.id!, r]),
)
const hotline = indicators.get('cf_hotline_reports')!
// Three hotline series of one magnitude: one panel, so the first grid holds them all.
const IDS = ['cf_hotline_reports', 'cf_hotline_reports_minjustice', 'cf_hotline_reports_assessed_csam']

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

/** The legend's entries: series key, text, hover title, and how many lines the text takes. */
function legendEntries(page: Page) {
  return page.locator('[data-testid="chart-legend"] li').evaluateAll((lis) =>
    lis.map((li) => {
      const label = li.querySelector('.legend-label') as HTMLElement
      const lineHeight = parseFloat(getComputedStyle(label).lineHeight)
      return { key: li.getAttribute('data-series')!, text: label.textContent!, title: li.getAttribute('title'), lines: Math.round(label.getBoundingClientRect().height / lineHeight) }
    }),
  )
}


describe('short labels', () => {
  for (const lang of ['en', 'fr', 'nl', 'de'] as const) {
    it(`the legend names each line by its short label (${lang}); the tooltip and the Table by its full one`, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
      const { page, record } = await openPage(context, `/#/?ind=${IDS.join(',')}&cat=eu_directive&lang=${lang}`)
      await waitForChart(page)
      const legend = await legendEntries(page)
      expect(legend.map((e) => e.key).sort()).toEqual(IDS.map((id) => `${id}|`).sort())
      for (const e of legend) {
        const row = indicators.get(e.key.replace(/\|$/, ''))!
        expect(e.text).toBe(row[`short_${lang}`])
        // The full label is one hover away.
        expect(e.title).toBe(row[`label_${lang}`])
        expect(e.lines).toBe(1)
      }
      const tip = await hoverMiddlePoint(page, 'cf_hotline_reports|')
      expect(tip).toContain(hotline[`label_${lang}`])
      expect(tip).not.toContain(hotline[`short_${lang}`])
      await page.screenshot({ path: `tests/e2e/screenshots/short-labels-${lang}.png` })

      await page.locator('#tab-table').click()
      const rows = page.locator('[data-testid="figures-table"] tbody tr th')
      await rows.first().waitFor()
      const names = new Set(await rows.allTextContents())
      expect([...names].sort()).toEqual(IDS.map((id) => indicators.get(id)![`label_${lang}`]!).sort())
      const axe = await new AxeBuilder({ page }).include('[data-testid="chart-legend"]').analyze()
      expect(axe.violations.map((v) => v.id)).toEqual([])
      expect(record.pageErrors).toEqual([])
      await context.close()
    })
  }

  it('on a 390 px phone, every legend entry of the CSAM view fits on one line', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const { page } = await openPage(context, '/#/?off=csam&sr=all&lang=fr')
    await waitForChart(page)
    const legend = await legendEntries(page)
    expect(legend.length).toBeGreaterThan(5)
    for (const e of legend) expect(e.lines, e.text).toBe(1)
    await page.locator('[data-testid="chart-legend"]').screenshot({ path: 'tests/e2e/screenshots/short-labels-phone-fr.png' })
    await context.close()
  })
})
