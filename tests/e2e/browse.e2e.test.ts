import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { drawnMilestones, launch, milestoneLinePoint, openPage, waitForChart } from './browser'

type Row = Record<string, string>
const csv = (name: string): Row[] => Papa.parse<Row>(readFileSync(`data/${name}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data
const indicators = new Map(csv('indicators').map((r) => [r.id!, r]))
const milestones = csv('milestones')
const hotline2013 = csv('observations').find((r) => r.indicator === 'cf_hotline_reports' && r.period === '2013')!

type Option = {
  series: { id: string; yAxisIndex: number; markLine?: { data: { name: string; xAxis: number }[] } }[]
  yAxis: { name: string }[]
}
const chartOption = (page: Page): Promise<Option> =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __vigieChart: { getOption: () => unknown } }).__vigieChart.getOption())))
const drawnIndicators = async (page: Page) =>
  (await chartOption(page)).series.filter((s) => !s.id.startsWith('milestones-') && !s.id.endsWith('#tentative')).map((s) => s.id.split('|')[0]!)

/** The numbers listed in the milestone key under the chart. */
const keyNumbers = async (page: Page) => (await page.locator('.milestone-key li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-milestone')!))).sort((a, b) => Number(a) - Number(b))
let browser: Browser
let context: BrowserContext
beforeAll(async () => {
  browser = await launch()
  // No service worker: once one controls the context's pages it answers the bundled dataset from
  // its cache, and the hostile-data test's page.route would never see the request.
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' })
})
afterAll(async () => {
  await browser.close()
})

describe('filter by offence', () => {
  it('keeps only grooming series and grooming/general milestones, puts it in the link, and clearing restores all', async () => {
    const { page } = await openPage(context)
    await waitForChart(page)
    const before = await drawnIndicators(page)
    const keyBefore = await keyNumbers(page)
    // The key lists exactly the milestones drawn on the chart.
    expect(keyBefore).toEqual(await drawnMilestones(page))
    expect(keyBefore.length).toBeGreaterThan(0)

    await page.locator('.filters [data-offence="grooming"]').click()
    await expect.poll(() => page.url()).toContain('off=grooming')
    const after = await drawnIndicators(page)
    expect(after.length).toBeGreaterThan(0)
    for (const id of after) expect(indicators.get(id)!.offence).toBe('grooming')
    await expect.poll(async () => (await keyNumbers(page)).join()).toBe((await drawnMilestones(page)).join())
    for (const title of await page.locator('.milestone-key li .milestone-title').allTextContents()) {
      const m = milestones.find((row) => row.title_en === title.trim())!
      expect(m.offences!.split(';').some((o) => o === 'grooming' || o === 'general')).toBe(true)
      expect(m.importance).toBe('key')
    }

    await page.locator('[data-testid="clear-filters"]').click()
    await expect.poll(() => page.url()).not.toContain('off=')
    expect(await drawnIndicators(page)).toEqual(before)
    expect(await keyNumbers(page)).toEqual(keyBefore)
  })

  it('keeps a milestone’s number whatever the filter, and shows all milestones of the period on demand', async () => {
    const { page } = await openPage(context, '/#/?off=sextortion&lang=en')
    await waitForChart(page)
    const lockdown = page.locator('.milestone-key li', { hasText: /lockdown/i }).first()
    const number = await lockdown.getAttribute('data-milestone')
    const { page: other } = await openPage(context, '/#/?off=grooming&lang=en')
    await waitForChart(other)
    expect(await other.locator('.milestone-key li', { hasText: /lockdown/i }).first().getAttribute('data-milestone')).toBe(number)
    const key = await keyNumbers(page)
    await page.locator('[data-testid="milestones-toggle"]').click()
    await expect.poll(() => page.url()).toContain('ms=all')
    await expect.poll(async () => (await keyNumbers(page)).length).toBeGreaterThan(key.length)
    expect(await keyNumbers(page)).toEqual(await drawnMilestones(page))
  })

  it('says what to change when nothing is left', async () => {
    const { page } = await openPage(context, '/#/?off=online_harassment&from=2023&cat=campaign')
    const empty = page.locator('[data-testid="empty-state"]')
    await empty.waitFor()
    await expect(empty.textContent()).resolves.toContain('Remove an offence type or widen the period')
  })

  it('works with the keyboard alone: Tab to the grooming chip, Space selects it, the chart changes', async () => {
    const { page } = await openPage(context)
    await waitForChart(page)
    const before = await drawnIndicators(page)
    let found = false
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab')
      found = await page.evaluate(() => document.activeElement?.getAttribute('data-offence') === 'grooming')
    }
    expect(found).toBe(true)
    // The focused chip shows a visible focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Space')
    await expect.poll(() => drawnIndicators(page)).not.toEqual(before)
    await expect(page.locator('.filters [data-offence="grooming"]').getAttribute('aria-pressed')).resolves.toBe('true')
  })
})

describe('languages', () => {
  it('switches to FR then NL: UI, data labels, numbers and dates follow; a reload keeps the language', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(fresh, '/#/?tab=table')
    await page.locator('[data-testid="figures-table"]').waitFor()
    const row2013 = page.locator('[data-testid="figures-table"] tbody tr', { hasText: '1,232' })
    await expect(row2013.count()).resolves.toBe(1)

    await page.locator('[data-testid="lang-fr"]').click()
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('Tableau de bord')
    await expect.poll(() => page.locator('[data-testid="figures-table"]').textContent()).toContain('1.232')
    await expect(page.locator('[data-testid="figures-table"]').textContent()).resolves.toContain(indicators.get('cf_hotline_reports')!.label_fr)
    await expect.poll(() => page.url()).toContain('lang=fr')
    await page.reload()
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('Tableau de bord')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr')

    await page.locator('[data-testid="lang-nl"]').click()
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('Tijdlijn')
    await expect.poll(() => page.locator('[data-testid="figures-table"]').textContent()).toContain('1.232')
    // A date in Dutch, at the data's precision.
    await expect(page.locator('[data-testid="milestones-table"]').textContent()).resolves.toContain('april 2014')
    await page.goto(page.url().replace(/lang=nl&?/, ''))
    await page.reload()
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('Tijdlijn')
    await fresh.close()
  })
})

describe('table and sources', () => {
  it('the Table tab shows 1232 for 2013 with its source; the Sources tab shows the quoted sentence', async () => {
    const { page } = await openPage(context, '/#/?lang=en')
    await waitForChart(page)
    await page.locator('#tab-table').click()
    const row = page.locator('[data-testid="figures-table"] tbody tr', { hasText: '1,232' })
    await expect(row.textContent()).resolves.toContain('2013')
    const sourceTitle = csv('sources').find((s) => s.id === hotline2013.source)!.title!
    await expect(row.textContent()).resolves.toContain(sourceTitle)

    await page.locator('#tab-sources').click()
    const list = page.locator('[data-testid="sources-list"]')
    await list.waitFor()
    await expect(list.textContent()).resolves.toContain(hotline2013.quote!.replace(/\s+/g, ' ').trim().slice(0, 60))
  })

  it('flags a published change that disagrees with the counts', async () => {
    const { page } = await openPage(context, '/#/?ind=cf_hotline_reports,cf_hotline_reports_change_vs_prev_year&tab=table&lang=en')
    const table = page.locator('[data-testid="figures-table"]')
    await table.waitFor()
    const flag = table.locator('.flag')
    await expect(flag.first().textContent()).resolves.toMatch(/published \+136 %, computed \+131\.64 %/)
  })
})

describe('chart', () => {
  it('hovering the April 2014 milestone shows the grooming laws', async () => {
    const { page } = await openPage(context, '/#/?lang=en')
    await waitForChart(page)
    const number = await page
      .locator('.milestone-key li', { hasText: 'April 2014' })
      .filter({ hasText: /grooming/i })
      .first()
      .getAttribute('data-milestone')
    const point = await milestoneLinePoint(page, number!, 240)
    await page.mouse.move(point.x, point.y)
    const tooltip = page.locator('.vg-tooltip')
    await tooltip.waitFor({ state: 'visible' })
    const text = (await tooltip.textContent())!
    expect(text).toContain('April 2014')
    expect(text.toLowerCase()).toContain('grooming')
    expect(text).toContain('Law')
  })

  it('never puts relative and count series on the same axis', async () => {
    const ids = ['cf_hotline_reports', 'cf_hotline_reports_change_vs_prev_year', 'stopchildporno_reports_lockdown_multiple', 'grooming_cases_lockdown_multiple']
    const { page } = await openPage(context, `/#/?ind=${ids.join(',')}&lang=en`)
    await waitForChart(page)
    const option = await chartOption(page)
    const unitsByAxis = new Map<number, Set<string>>()
    for (const s of option.series) {
      if (s.id.startsWith('milestones-') || s.id.endsWith('#tentative')) continue
      const unit = indicators.get(s.id.split('|')[0]!)!.unit!
      unitsByAxis.set(s.yAxisIndex, (unitsByAxis.get(s.yAxisIndex) ?? new Set()).add(unit))
    }
    expect(unitsByAxis.size).toBe(3)
    for (const units of unitsByAxis.values()) expect(units.size).toBe(1)
  })

  it('moving the period slider sets the period filter and the link', async () => {
    const { page } = await openPage(context, '/#/?lang=en')
    await waitForChart(page)
    // The action the slider's handle dispatches when dragged (the canvas handle itself is not
    // reliably draggable from a headless mouse).
    await page.evaluate(() =>
      (window as unknown as { __vigieChart: { dispatchAction: (a: object) => void } }).__vigieChart.dispatchAction({ type: 'dataZoom', start: 50, end: 100 }),
    )
    await expect.poll(() => page.url(), { timeout: 5000 }).toMatch(/from=20\d\d/)
    const from = Number(/from=(\d{4})/.exec(page.url())![1])
    await expect(page.locator('[data-testid="period-from"]').inputValue()).resolves.toBe(String(from))
    const first = await page.evaluate(() => {
      const o = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string; data: (number[] | { value: number[] })[] }[] } } }).__vigieChart.getOption()
      const xs = o.series.filter((s) => !s.id.startsWith('milestones-')).flatMap((s) => s.data.map((d) => (Array.isArray(d) ? d[0]! : d.value[0]!)))
      return new Date(Math.min(...xs)).getUTCFullYear()
    })
    expect(first).toBeGreaterThanOrEqual(from)
  })

  it('offers log scale only when every value is above zero, and says why not', async () => {
    const { page } = await openPage(context, '/#/?view=change&lang=en')
    await waitForChart(page)
    const log = page.locator('[data-scale="log"]')
    await expect(log.isDisabled()).resolves.toBe(true)
    await expect(page.locator('#log-reason').textContent()).resolves.toContain('above zero')
    await page.locator('[data-mode="absolute"]').check()
    await expect.poll(() => log.isDisabled()).toBe(false)
  })
})

describe('hostile data', () => {
  it('shows a label carrying HTML as text, in the tooltip, the filters and the table, and runs nothing', async () => {
    const payload = '<img src=x onerror=alert(1)>'
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    // The bundled dataset as served, with the hotline indicator's English label replaced.
    await page.route(/\/assets\/dataset-[^/]*\.json$/, async (route) => {
      const response = await route.fetch()
      const bundled = (await response.json()) as { value: { indicators: { id: string; label: { en: string } }[] } }
      bundled.value.indicators.find((i) => i.id === 'cf_hotline_reports')!.label.en = payload
      await route.fulfill({ response, json: bundled })
    })
    await page.goto(new URL('./#/?ind=cf_hotline_reports&cat=eu_directive&lang=en', (await import('./browser')).baseUrl()).toString())
    await waitForChart(page)
    await expect(page.locator('.filters').textContent()).resolves.toContain(payload)
    await page.evaluate(() => document.querySelector('[data-testid="trend-chart"]')!.scrollIntoView({ block: 'center' }))
    // Hover a point in the middle of the series (the link's category filter keeps milestone lines away from it).
    const again = await page.evaluate(() => {
      const chart = (window as unknown as {
        __vigieChart: { getOption: () => { series: { id: string; data: { value: number[] }[] }[] }; convertToPixel: (f: object, v: number[]) => number[]; getDom: () => HTMLElement }
      }).__vigieChart
      const s = chart.getOption().series.find((x) => x.id === 'cf_hotline_reports|')!
      const [x, y] = chart.convertToPixel({ gridIndex: 0 }, s.data[Math.floor(s.data.length / 2)]!.value) as [number, number]
      const box = chart.getDom().getBoundingClientRect()
      return { x: box.left + x, y: box.top + y }
    })
    await page.mouse.move(again.x, again.y)
    const tooltip = page.locator('.vg-tooltip')
    await tooltip.waitFor({ state: 'visible' })
    await expect(tooltip.textContent()).resolves.toContain(payload)
    await expect(tooltip.locator('img').count()).resolves.toBe(0)
    await page.locator('#tab-table').click()
    await expect(page.locator('[data-testid="figures-table"]').textContent()).resolves.toContain(payload)
    await expect(page.locator('main img').count()).resolves.toBe(0)
    expect(dialogs).toEqual([])
    await page.close()
  })
})

describe('screens', () => {
  it('the Indicators screen searches the catalogue and charts an indicator', async () => {
    const { page } = await openPage(context, '/#/indicators?lang=en')
    await page.locator('#indicator-search').fill('sextortion')
    const entries = page.locator('.catalogue-entry')
    await expect.poll(() => entries.count()).toBeGreaterThan(0)
    for (const id of await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')))) {
      const row = indicators.get(id!)!
      expect(`${row.label_en} ${row.description_en} ${row.id}`.toLowerCase()).toContain('sextortion')
    }
    await page.locator('.catalogue-entry[data-indicator="cf_sextortion_files"] button').click()
    await waitForChart(page)
    expect(page.url()).toContain('ind=cf_sextortion_files')
    expect(await drawnIndicators(page)).toEqual(['cf_sextortion_files'])
  })

  it('the Timeline filters milestones by category and shows their quotes', async () => {
    const { page } = await openPage(context, '/#/timeline?lang=en')
    const items = page.locator('.timeline-item')
    await expect.poll(() => items.count()).toBe(milestones.length)
    await page.locator('.timeline-filters [data-category="eu_directive"]').click()
    const expected = milestones.filter((m) => m.category === 'eu_directive')
    await expect.poll(() => items.count()).toBe(expected.length)
    await expect(page.locator('.timeline').textContent()).resolves.toContain(expected[0]!.title_en!)
  })

  it('is usable on a 360 px phone: filters in a drawer', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    const { page } = await openPage(phone, '/#/?lang=en')
    await waitForChart(page)
    const chip = page.locator('.filters [data-offence="grooming"]')
    await expect(chip.isVisible()).resolves.toBe(false)
    await page.locator('.drawer-toggle').click()
    await chip.waitFor({ state: 'visible' })
    await chip.click()
    await expect.poll(() => page.url()).toContain('off=grooming')
    await page.locator('.drawer-close').click()
    await expect.poll(() => chip.isVisible()).toBe(false)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: 'tests/e2e/screenshots/dashboard-phone-en.png' })
    await phone.close()
  })
})

describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'fr', 'nl', 'de']) {
    for (const screen of ['', 'indicators', 'timeline']) {
      it(`finds no violation on /${screen || 'dashboard'} in ${lang.toUpperCase()}`, async () => {
        const { page } = await openPage(context, `/#/${screen}?lang=${lang}`)
        if (screen === '') await waitForChart(page)
        else await page.locator('main h1').waitFor()
        await page.waitForFunction((l) => document.documentElement.lang === l, lang)
        await page.waitForTimeout(150)
        const result = await new AxeBuilder({ page }).analyze()
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
        expect(summary).toEqual([])
        // A screen reader's outline: after the page's h1, no heading skips a level (Lighthouse's heading-order).
        const levels = await page.locator('main h1, main h2, main h3, main h4, main h5, main h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
        const afterTitle = levels.slice(levels.indexOf(1))
        expect(afterTitle.length).toBeGreaterThan(1)
        afterTitle.forEach((level, i) => i > 0 && expect(level, `heading ${i} of ${afterTitle.join(',')}`).toBeLessThanOrEqual(afterTitle[i - 1]! + 1))
        if (lang !== 'nl') {
          await page.screenshot({ path: `tests/e2e/screenshots/${screen || 'dashboard'}-${lang}.png` })
        }
      })
    }
  }
})
