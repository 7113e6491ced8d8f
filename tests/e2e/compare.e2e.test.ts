/**
 * "Compare before and after" a milestone in the browser: a link with `cmp=30` (the April 2014 law
 * on grooming, milestone 30 of data/milestones.csv) draws each count series' trend before and after
 * as thin dashed lines, writes the table with its numbers and the warning that it shows no cause (in
 * French too), is offered on the Timeline, carried into exports and Present, read by the keyboard,
 * and clean for axe.
 */
import { writeFileSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launch, openPage, waitForChart } from './browser'
import { download, pngSize, unzip } from './files'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', acceptDownloads: true })
})
afterAll(async () => {
  await context.close()
  await browser.close()
})

type DrawnSeries = { id: string; color?: string; lineStyle?: { type?: unknown; width?: number }; data: unknown[]; markLine?: { data: { name: string; lineStyle?: { type?: string } }[] } }

async function drawnSeries(page: Page): Promise<DrawnSeries[]> {
  return page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { getOption: () => { series: unknown[] } } }).__vigieChart
    return JSON.parse(JSON.stringify(chart.getOption().series)) as DrawnSeries[]
  })
}

const GROOMING = '/#/?off=grooming&cmp=30&v=1'

describe('compare before and after a milestone', () => {
  it('draws the trend segments and the compared milestone, and writes the table with numbers and the warning', async () => {
    const { page, record } = await openPage(context, `${GROOMING}&lang=en`)
    await waitForChart(page)
    const series = await drawnSeries(page)
    const own = series.find((s) => s.id === 'cf_grooming_files|')!
    const after = series.find((s) => s.id === 'cf_grooming_files|#compare-after')!
    // Seven figures after April 2014, fitted: drawn in the series' colour, thin and dashed, apart from its solid line.
    expect(after.data).toHaveLength(7)
    expect(after.color).toBe(own.color)
    expect(after.lineStyle?.width).toBeLessThan(2)
    expect(Array.isArray(after.lineStyle?.type)).toBe(true)
    // Before April 2014 there is no figure: no segment, and the table says why.
    expect(series.some((s) => s.id === 'cf_grooming_files|#compare-before')).toBe(false)
    const marks = series.find((s) => s.id === 'milestones-0')!.markLine!.data
    expect(marks.find((m) => m.name === '30')?.lineStyle?.type).toBe('solid')

    const table = page.locator('[data-testid="compare-table"]')
    await table.waitFor()
    expect(await page.locator('[data-testid="compare-heading"]').textContent()).toMatch(/^Before and after milestone 30 \(April 2014\): Law amending the Criminal Code/)
    const row = table.locator('tr[data-series="cf_grooming_files|"]')
    expect(await row.locator('[data-side="before"]').textContent()).toBe('too few figures to describe a trend (0)')
    expect(await row.locator('[data-side="after"]').textContent()).toBe('7 figures (2015–2024): level 38, +0.8 a year')
    expect(await page.locator('[data-testid="compare-disclaimer"]').textContent()).toContain('not evidence that the milestone caused the change')
    // The key marks the compared milestone's button as pressed.
    expect(await page.locator('.milestone-key li[data-milestone="30"] [data-testid="compare-button"]').getAttribute('aria-pressed')).toBe('true')

    // The keyboard: C reaches the sides, in words.
    await page.focus('[data-testid="trend-chart"]')
    await page.keyboard.press('c')
    expect(await page.locator('[data-testid="chart-readout"]').textContent()).toBe('Grooming case files handled by Child Focus, before milestone 30: too few figures to describe a trend (0)')
    await page.keyboard.press('ArrowRight')
    expect(await page.locator('[data-testid="chart-readout"]').textContent()).toBe('Grooming case files handled by Child Focus, after milestone 30: 7 figures (2015–2024): level 38, +0.8 a year')
    await page.keyboard.press('Escape')

    // A window of 3 years each side: 2015–2017 has two figures (2016 is missing): refused.
    await page.selectOption('[data-testid="compare-window"]', '3')
    await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('cmpw') === '3')
    expect(await row.locator('[data-side="after"]').textContent()).toBe('too few figures to describe a trend (2)')
    await page.selectOption('[data-testid="compare-window"]', '')

    await page.locator('.chart-frame').screenshot({ path: 'tests/e2e/screenshots/compare-en-chart.png' })
    await page.locator('[data-testid="compare"]').screenshot({ path: 'tests/e2e/screenshots/compare-en-table.png' })
    expect((await new AxeBuilder({ page }).include('.content').analyze()).violations.map((v) => v.id)).toEqual([])
    expect(record.pageErrors).toEqual([])
    expect(record.consoleErrors).toEqual([])
    expect(await record.cspViolations()).toEqual([])
  })

  it('speaks French with no English word, and the whole CSAM view compares every count series drawn', async () => {
    const { page } = await openPage(context, '/#/?cmp=30&v=1&lang=fr')
    await waitForChart(page)
    await page.locator('[data-testid="compare-table"]').waitFor()
    const text = (await page.locator('[data-testid="compare"]').innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('Avant et après le jalon 30 (avril 2014)')
    expect(text).toContain('trop peu de chiffres pour décrire une tendance')
    expect(text).toContain('ce n’est pas la preuve que le jalon a causé le changement')
    expect(text).toMatch(/9 chiffres \(2016–2024\)\s:\sniveau 1.669,3, \+174 par an/)
    for (const word of ['figures', 'before', 'after', 'level', 'year', 'trend', 'too few']) expect(text.toLowerCase()).not.toContain(word)
    // Every described side of every count series is drawn.
    const series = await drawnSeries(page)
    const rows = await page.locator('[data-testid="compare-table"] tbody tr').count()
    const described = await page.locator('[data-testid="compare-table"] td:not(:has-text("trop peu"))').count()
    expect(rows).toBeGreaterThan(2)
    expect(series.filter((s) => s.id.includes('#compare-')).length).toBe(described)
    await page.screenshot({ path: 'tests/e2e/screenshots/compare-fr.png' })
    expect((await new AxeBuilder({ page }).include('.content').analyze()).violations.map((v) => v.id)).toEqual([])
  })

  it('is offered on the Timeline: the button opens the dashboard with the milestone compared', async () => {
    const { page } = await openPage(context, '/#/timeline?off=grooming&lang=en&v=1')
    await page.locator('.timeline-item[data-milestone="30"] [data-testid="compare-button"]').click()
    await page.locator('[data-testid="compare-table"]').waitFor()
    expect(page.url()).toMatch(/#\/\?.*cmp=30/)
    expect(await page.locator('[data-testid="compare-heading"]').textContent()).toContain('milestone 30')
  })

  it('an embed draws the segments with the table’s lines and the warning inside its frame', async () => {
    const { page } = await openPage(context, '/#/embed?off=grooming&cmp=30&lang=en&v=1')
    await waitForChart(page)
    expect((await drawnSeries(page)).some((s) => s.id === 'cf_grooming_files|#compare-after')).toBe(true)
    const lines = await page.locator('[data-testid="embed-compare"]').allTextContents()
    expect(lines[0]).toMatch(/^Before and after milestone 30/)
    expect(lines.join(' ')).toContain('after 7 figures (2015–2024): level 38, +0.8 a year')
    expect(lines.at(-1)).toContain('not evidence that the milestone caused the change')
  })

  it('ignores an unknown milestone in a link with a notice', async () => {
    const { page } = await openPage(context, '/#/?off=grooming&cmp=9999&lang=en&v=1')
    await page.locator('[data-testid="url-notice"]').waitFor()
    expect(await page.locator('[data-testid="url-notice"]').textContent()).toContain('cmp=9999')
    expect(await page.locator('[data-testid="compare"]').count()).toBe(0)
  })

  it('carries the segments and the table into exports (PNG, SVG, PowerPoint notes) and Present', async () => {
    const { page } = await openPage(context, `${GROOMING}&lang=en`)
    await waitForChart(page)
    const png = await download(page, 'export-png')
    expect(pngSize(png.bytes).width).toBeGreaterThan(600)
    writeFileSync('tests/e2e/screenshots/compare-export.png', png.bytes)
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
    const words = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
      return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' ')
    }, svg)
    expect(words).toContain('Before and after milestone 30')
    expect(words).toContain('not evidence')
    // The dashed segments are drawn in the picture: a dashed path in the series' colour.
    expect(svg).toMatch(/stroke-dasharray="6[ ,]+3"/)
    const pptx = unzip((await download(page, 'export-pptx')).bytes)
    const notesName = [...pptx.keys()].find((k) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(k))!
    const notes = pptx.get(notesName)!.toString('utf8')
    expect(notes).toContain('after 7 figures (2015–2024): level 38, +0.8 a year')
    expect(notes).toContain('not evidence that the milestone caused the change')

    // Present: save the view, present it, and the slide's chart draws the segments.
    await page.fill('[data-testid="saved-name"]', 'Grooming compared')
    await page.click('[data-testid="saved-save"]')
    await page.click('[data-testid="saved-present"]')
    await page.waitForSelector('[data-testid="present-title"]')
    await page.waitForSelector('[data-testid="trend-chart"] canvas')
    await page.waitForFunction(() => Boolean((window as unknown as { __vigieChart?: unknown }).__vigieChart))
    const presented = await drawnSeries(page)
    expect(presented.some((s) => s.id === 'cf_grooming_files|#compare-after')).toBe(true)
    const said = await page.locator('[data-testid="present-compare"] li').allTextContents()
    expect(said.join(' ')).toContain('after 7 figures (2015–2024): level 38, +0.8 a year')
    expect(said.at(-1)).toContain('not evidence that the milestone caused the change')
    await page.screenshot({ path: 'tests/e2e/screenshots/compare-present.png' })
  })
})
