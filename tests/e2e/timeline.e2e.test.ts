/**
 * A milestone carries one number everywhere: the Timeline shows the number the chart and its key
 * give it, whatever the filter (a presenter cites "milestone 46" from either screen).
 */
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { drawnMilestones, launch, openPage, waitForChart } from './browser'

type Row = Record<string, string>
const milestones = Papa.parse<Row>(readFileSync('data/milestones.csv', 'utf8'), { header: true, skipEmptyLines: true }).data
const lockdown = milestones.find((m) => m.date!.startsWith('2020-03') && m.end_date)!

let browser: Browser
let context: BrowserContext
beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
})
afterAll(async () => {
  await browser.close()
})

/** The number shown beside a milestone's title in a list of `li[data-milestone]`. */
async function numberOf(page: Page, list: string, title: string): Promise<string> {
  const item = page.locator(`${list} li[data-milestone]`).filter({ hasText: title })
  await expect.poll(() => item.count()).toBe(1)
  return (await item.getAttribute('data-milestone'))!
}

describe('milestone numbers on the Timeline', () => {
  for (const filter of ['', 'off=grooming&', 'off=sextortion&cat=event&']) {
    it(`gives the lockdown the number it has in the dashboard key (${filter || 'no filter'})`, async () => {
      const { page: dashboard } = await openPage(context, `/#/?${filter}lang=en`)
      await waitForChart(dashboard)
      const inKey = await numberOf(dashboard, '.milestone-key', lockdown.title_en!)
      // The key's number is the one drawn on the chart.
      expect(await drawnMilestones(dashboard)).toContain(inKey)
      await dashboard.close()

      const { page, record } = await openPage(context, `/#/timeline?${filter}lang=en`)
      const onTimeline = await numberOf(page, '.timeline', lockdown.title_en!)
      expect(onTimeline).toBe(inKey)
      // The reader sees it, beside the title.
      const item = page.locator('.timeline li[data-milestone]').filter({ hasText: lockdown.title_en! })
      await expect(item.locator('[data-testid="timeline-number"]').textContent()).resolves.toBe(inKey)
      if (!filter) {
        await item.scrollIntoViewIfNeeded()
        await page.screenshot({ path: 'tests/e2e/screenshots/timeline-numbers-en.png' })
        const axe = await new AxeBuilder({ page }).include('.timeline').analyze()
        expect(axe.violations.map((v) => v.id)).toEqual([])
      }
      expect(record.pageErrors).toEqual([])
      await page.close()
    })
  }

  it('keeps every number when a chip on the Timeline narrows the list', async () => {
    const { page } = await openPage(context, '/#/timeline?lang=en')
    const numbers = () => page.locator('.timeline li[data-milestone]').evaluateAll((lis) => lis.map((li) => [li.querySelector('h3')!.textContent!.trim(), li.getAttribute('data-milestone')!] as const))
    await expect.poll(async () => (await numbers()).length).toBe(milestones.length)
    const all = new Map(await numbers())
    await page.locator('.timeline-filters [data-offence="sextortion"]').click()
    await expect.poll(async () => (await numbers()).length).toBeLessThan(milestones.length)
    const filtered = await numbers()
    for (const [title, n] of filtered) expect(n, title).toBe(all.get(title))
    // Numbers of the whole data set: a filtered list does not start again at 1.
    expect(filtered.map(([, n]) => Number(n))).not.toEqual(filtered.map((_, i) => i + 1))
    await page.close()
  })
})
