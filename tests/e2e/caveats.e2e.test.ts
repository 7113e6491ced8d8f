import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { hoverMiddlePoint, launch, openPage, waitForChart } from './browser'

type Row = Record<string, string>
const csv = (name: string): Row[] => Papa.parse<Row>(readFileSync(`data/${name}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data
const indicators = new Map(csv('indicators').map((r) => [r.id!, r]))
const hotline = indicators.get('cf_hotline_reports')!
const whole = indicators.get(hotline.part_of!)!

let browser: Browser
let context: BrowserContext
beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
})
afterAll(async () => {
  await browser.close()
})


describe('what a number is not, and what it is a part of', () => {
  it('the tooltip and the Table give the hotline series’ caveat and say it is part of the sexual-exploitation files, in French', async () => {
    // The link's category filter keeps milestone lines away from the hovered point.
    const { page, record } = await openPage(context, '/#/?ind=cf_hotline_reports&cat=eu_directive&lang=fr')
    await waitForChart(page)
    await expect.poll(() => page.locator('#tab-table').textContent()).toBe('Tableau')
    const tip = await hoverMiddlePoint(page, 'cf_hotline_reports|')
    expect(tip).toContain(`Ce que ce nombre n’est pas: ${hotline.caveat_fr}`)
    expect(tip).toContain(`Fait partie de « ${whole.label_fr} »\u202F: ne pas additionner les deux`)
    // The caveat sits inside the visible tooltip box, not cut off by it.
    const fits = await page.locator('.vg-tooltip').evaluate((box) => {
      const outer = box.getBoundingClientRect()
      const line = box.querySelector('.vg-tip-part')!.getBoundingClientRect()
      return line.bottom <= outer.bottom + 0.5 && line.right <= outer.right + 0.5 && line.height > 0
    })
    expect(fits).toBe(true)
    await page.screenshot({ path: 'tests/e2e/screenshots/tooltip-caveat-fr.png' })

    await page.locator('#tab-table').click()
    const notes = page.locator('[data-testid="indicator-notes"]')
    await notes.waitFor({ state: 'visible' })
    await expect(notes.locator('dt').allTextContents()).resolves.toEqual([hotline.label_fr])
    await expect(notes.textContent()).resolves.toContain(hotline.caveat_fr!)
    await expect(notes.locator('.part-of').textContent()).resolves.toBe(`Fait partie de « ${whole.label_fr} »\u202F: ne pas additionner les deux`)
    await notes.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'tests/e2e/screenshots/table-caveat-fr.png' })
    const axe = await new AxeBuilder({ page }).include('[data-testid="indicator-notes"]').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    expect(record.pageErrors).toEqual([])
    await page.close()
  })

  it('the Table of a whole and its part, drawn together, names the part’s whole and never a sum', async () => {
    const { page } = await openPage(context, `/#/?ind=cf_hotline_reports,${whole.id}&tab=table&lang=en`)
    const notes = page.locator('[data-testid="indicator-notes"]')
    await notes.waitFor({ state: 'visible' })
    await expect(notes.locator('dt').allTextContents()).resolves.toEqual(expect.arrayContaining([hotline.label_en, whole.label_en]))
    await expect(notes.locator('.part-of').allTextContents()).resolves.toEqual([`Part of “${whole.label_en}”: do not add the two`])
    // Every figure row is one published figure: 2018 shows 1,728 and 1,827 side by side, no 3,555.
    const table = (await page.locator('[data-testid="figures-table"]').textContent())!
    expect(table).toContain('1,728')
    expect(table).toContain('1,827')
    expect(table).not.toContain('3,555')
    await page.close()
  })

  it('the Table says the lockdown "tripled" set against the 2020 total is an uncertain comparison, not a plain disagreement', async () => {
    const { page } = await openPage(context, '/#/?ind=stopchildporno_reports_lockdown_multiple&tab=table&lang=en')
    const table = page.locator('[data-testid="figures-table"]')
    await table.waitFor({ state: 'visible' })
    const text = (await table.textContent())!
    expect(text).toContain('published ×3 for part of the year; the whole year’s counts give ×1.45')
    expect(text).toContain('the comparison is uncertain')
    expect(text).toContain('estimate')
    await page.close()
  })

  it('the Indicators screen shows each indicator’s caveat and whole, in Dutch', async () => {
    const { page } = await openPage(context, '/#/indicators?lang=nl')
    const entry = page.locator('[data-indicator="cf_hotline_reports"]')
    await entry.waitFor({ state: 'visible' })
    // Dutch messages load after the page: wait for the interface's own words to switch.
    await expect.poll(() => entry.textContent()).toContain('Wat dit getal niet is')
    await expect(entry.locator('.caveat').textContent()).resolves.toBe(hotline.caveat_nl)
    await expect(entry.locator('.part-of').textContent()).resolves.toBe(whole.label_nl)
    await entry.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'tests/e2e/screenshots/indicators-caveat-nl.png' })
    await page.close()
  })
})
