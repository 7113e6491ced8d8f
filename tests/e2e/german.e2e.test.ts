import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { englishWords, frenchOrDutchWords } from '../helpers/english'
import { baseUrl, launch, openPage, waitForChart } from './browser'
import { download } from './files'
import { drawnTexts, expectLegibleChart } from './geometry'

type Row = Record<string, string>
const csv = (name: string): Row[] => Papa.parse<Row>(readFileSync(`data/${name}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data
const indicators = new Map(csv('indicators').map((r) => [r.id!, r]))
const hotline = indicators.get('cf_hotline_reports')!

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser.close()
})

/** Text a German reader meets on the page, with the foreign words found in it ("where: words"). */
async function foreignWords(page: Page, where: string, root = 'body'): Promise<string[]> {
  const texts = await page.evaluate((selector) => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.querySelector(selector) ?? document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      // Quotes are the sources' own sentences, in their language; a label shown in another language says so with `lang`.
      if (!el || el.closest('blockquote, q, [lang]:not(html), noscript, script, style')) continue
      const text = n.textContent?.trim()
      if (text) out.push(text)
    }
    return out
  }, root)
  return texts.flatMap((t) => {
    const words = [...englishWords(t, 'de'), ...frenchOrDutchWords(t)]
    return words.length ? [`${where}: ${t.slice(0, 120)} [${words.join(', ')}]`] : []
  })
}

describe('German', () => {
  it('switches to German: numbers, dates and labels on the dashboard, the Table and the milestones; a reload keeps it', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page, record } = await openPage(context, '/#/?tab=table')
    await page.locator('[data-testid="figures-table"]').waitFor()
    await expect(page.locator('[data-testid="figures-table"] tbody tr', { hasText: '1,232' }).count()).resolves.toBe(1)

    await page.locator('[data-testid="lang-de"]').click()
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('Zeitleiste')
    await expect.poll(() => page.url()).toContain('lang=de')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de')
    // A number with German grouping, the German label, and no English label left in the Table.
    const table = page.locator('[data-testid="figures-table"]')
    await expect.poll(() => table.textContent()).toContain('1.232')
    await expect(table.textContent()).resolves.toContain(hotline.label_de)
    await expect(table.textContent()).resolves.not.toContain(hotline.label_en)
    // A date at day precision, German style: "8. März 2013".
    await expect(page.locator('[data-testid="milestones-table"]').textContent()).resolves.toContain('8. März 2013')

    // The remembered choice: a link without `lang` opens in German.
    await page.goto(page.url().replace(/lang=de&?/, ''))
    await page.reload()
    await expect.poll(() => page.locator('.app-nav').textContent()).toContain('Zeitleiste')
    expect(record.pageErrors).toEqual([])
    await context.close()
  })

  it('draws the dashboard in German, legibly (no text cut or overlapping), with no English, French or Dutch word', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page, record } = await openPage(context, '/#/?lang=de')
    await waitForChart(page)
    await expect(page.locator('[data-testid="chart-legend"]').textContent()).resolves.toContain(hotline.short_de)
    await expect(page.locator('.milestone-key').textContent()).resolves.toContain('8. März 2013')
    const drawn = (await drawnTexts(page)).map((t) => t.text)
    expect(drawn).toContain('Meldungen, Akten und Straftaten (Anzahl)')
    // Axis numbers with German grouping (a point every three digits), never a comma.
    expect(drawn.some((t) => /^\d{1,3}(\.\d{3})+$/.test(t))).toBe(true)
    expect(drawn.filter((t) => /^\d{1,3}(,\d{3})+$/.test(t))).toEqual([])
    await expectLegibleChart(page, 'dashboard de')
    expect(await foreignWords(page, 'dashboard')).toEqual([])
    // Long German words wrap, never leave their box: nothing in the page is wider than the window.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *, header *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => `${el.tagName}.${el.className}`),
    )
    expect(wide).toEqual([])
    await page.screenshot({ path: 'tests/e2e/screenshots/dashboard-legible-de.png', fullPage: true })
    expect(record.pageErrors).toEqual([])
    await context.close()
  })

  it('exports in German: the CSV (semicolons, German labels) and the SVG (German words and numbers)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    const { page } = await openPage(context, '/#/?off=csam&lang=de')
    await waitForChart(page)
    const file = (await download(page, 'export-csv')).bytes.toString('utf8')
    const header = file.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!
    expect(header).toContain(';')
    expect(file).toContain(hotline.label_de)
    expect(file).not.toContain(hotline.label_en)
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
    expect(texts.join(' ')).toContain('Darstellungen sexuellen Kindesmissbrauchs (CSAM)')
    expect(texts.some((t) => /^\d{1,3}(\.\d{3})+$/.test(t))).toBe(true)
    expect(texts.flatMap((t) => [...englishWords(t, 'de'), ...frenchOrDutchWords(t)])).toEqual([])
    await context.close()
  })

  it('presents a saved view and embeds the chart in German', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const { page } = await openPage(context, '/#/?off=csam&lang=de&v=1')
    await waitForChart(page)
    await page.click('[data-testid="share-toggle"]')
    await page.fill('[data-testid="saved-name"]', 'Meldungen')
    await page.click('[data-testid="saved-save"]')
    await page.click('[data-testid="saved-present"]')
    await page.waitForSelector('[data-testid="present-title"]')
    await page.waitForSelector('[data-testid="trend-chart"] canvas')
    await expect(page.locator('[data-testid="present-title"]').textContent()).resolves.toBe('Meldungen')
    await expect(page.locator('main').textContent()).resolves.toContain(hotline.short_de)
    await expectLegibleChart(page, 'Present de')
    expect(await foreignWords(page, 'Present')).toEqual([])
    await context.close()

    for (const width of [360, 800]) {
      const frame = await browser.newContext({ viewport: { width, height: 900 } })
      const { page: embed } = await openPage(frame, '/embed.html#/embed?lang=de')
      await waitForChart(embed)
      const drawn = (await drawnTexts(embed)).map((t) => t.text)
      expect(drawn.some((t) => /^\d{1,3}(\.\d{3})+$/.test(t)), `embed ${width}`).toBe(true)
      await expect(embed.locator('body').textContent()).resolves.toContain('Die vollständige Ansicht in Vigie öffnen')
      expect(await foreignWords(embed, `embed ${width}`)).toEqual([])
      await expectLegibleChart(embed, `embed ${width} de`, { key: width > 400 })
      if (width === 360) await embed.screenshot({ path: 'tests/e2e/screenshots/embed-360-de.png' })
      await frame.close()
    }
  })

  it('compares before and after a milestone in German: German numbers and words, no foreign word, axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const { page } = await openPage(context, '/#/?cmp=30&v=1&lang=de')
    await waitForChart(page)
    await page.locator('[data-testid="compare-table"]').waitFor()
    const text = (await page.locator('[data-testid="compare"]').innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('Vor und nach Meilenstein 30 (April 2014)')
    expect(text).toContain('kein Beleg dafür, dass der Meilenstein die Veränderung verursacht hat')
    // The level with German decimals and grouping, the slope per year in German.
    expect(text).toMatch(/9 Zahlen \(2016–2024\): Niveau 1\.669,3, \+174 pro Jahr/)
    expect(await foreignWords(page, 'compare')).toEqual([])
    await expectLegibleChart(page, 'compare de')
    expect((await new AxeBuilder({ page }).include('.content').analyze()).violations.map((v) => v.id)).toEqual([])
    await context.close()
  })

  it('adds a milestone of one’s own in German: the form and its errors in German, a German title, axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page } = await openPage(context, '/#/timeline?lang=de')
    await page.click('[data-testid="own-add"]')
    await page.click('[data-testid="own-save"]')
    await page.waitForSelector('#own-date-error')
    await expect(page.locator('#own-date-error').textContent()).resolves.toBe('ein Datum ist nötig')
    await expect(page.locator('label[for="own-title_de"]').textContent()).resolves.toBe('Titel auf Deutsch')
    // The form (the Timeline's milestone notes are the data's English, a known limit of every language).
    expect(await foreignWords(page, 'own milestone form', '[data-testid="own-form"]')).toEqual([])
    expect((await new AxeBuilder({ page }).include('.timeline').analyze()).violations.map((v) => v.id)).toEqual([])
    await page.fill('#own-date', '2024-03-15')
    await page.fill('#own-title_fr', 'Campagne locale')
    await page.fill('#own-title_de', 'Lokale Kampagne')
    await page.click('[data-testid="own-save"]')
    await expect.poll(() => page.locator('main').textContent()).toContain('Lokale Kampagne')
    await expect(page.locator('main').textContent()).resolves.toContain('15. März 2024')
    await context.close()
  })

  it('says on the Indicators screen which language stands in for a missing German label of an imported dataset', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page } = await openPage(context, '/#/import?lang=de')
    await page.waitForSelector('[data-testid="import-paste"]')
    await page.fill('[data-testid="import-paste"]', 'indicator\tperiod\tvalue\tlabel_en\tlabel_fr\ngr\t2020\t10\tGrooming files\tDossiers de grooming\ngr\t2021\t12\tGrooming files\tDossiers de grooming\n')
    await page.click('button:has-text("Eingefügte Zellen importieren")')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]')
    // The report gives each language's completeness instead of failing.
    const languages = await page.locator('[data-testid="import-languages"]').textContent()
    expect(languages).toContain('Deutsch 0 von 1')
    expect(languages).toContain('Französisch 1 von 1')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-success')
    await page.goto(new URL('./#/indicators?lang=de', baseUrl()).toString())
    const entry = page.locator('.catalogue-entry', { hasText: 'Dossiers de grooming' })
    await entry.waitFor()
    await expect(entry.locator('[data-testid="shown-in"]').textContent()).resolves.toContain('Keine Bezeichnung auf Deutsch in den Daten: auf Französisch gezeigt.')
    await expect(entry.locator('h3').getAttribute('lang')).resolves.toBe('fr')
    await expect(page.locator('[data-testid="fallback-note"]').textContent()).resolves.toContain('die französische, sonst die niederländische, sonst die englische')
    // Bundled indicators have their own German label: no note on them; their sources are cited by German title.
    await expect(page.locator(`.catalogue-entry[data-indicator="cf_hotline_reports"] [data-testid="shown-in"]`).count()).resolves.toBe(0)
    expect(await foreignWords(page, 'indicators')).toEqual([])
    const result = await new AxeBuilder({ page }).analyze()
    expect(result.violations.map((v) => v.id)).toEqual([])
    await context.close()
  })
})
