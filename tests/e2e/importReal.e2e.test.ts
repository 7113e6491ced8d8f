import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { baseUrl, launch, openPage, type PageRecord } from './browser'

/** Real-world files imported with the detected defaults (issue 11): nothing to change, nothing dropped. */
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))
const fixture = (name: string): string => join(FIXTURES, name)

let browser: Browser
let context: BrowserContext
let scratch: string

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
  scratch = mkdtempSync(join(tmpdir(), 'vigie-import-real-'))
})
afterAll(async () => {
  await browser.close()
  rmSync(scratch, { recursive: true, force: true })
})

async function openImport(query = ''): Promise<{ page: Page; record: PageRecord }> {
  const opened = await openPage(context, `/#/import${query}`)
  await opened.page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  return opened
}

async function pickAndMap(page: Page, name: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-file"]', fixture(name))
  await page.waitForSelector('[data-testid="import-mapping"]')
}

async function checkAndCommit(page: Page, name: string): Promise<string> {
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]')
  const report = (await page.locator('[data-testid="import-report"]').textContent()) ?? ''
  await page.fill('[data-testid="import-name"]', name)
  const before = await page.locator('[data-testid="import-notice"].notice-success').count()
  await page.click('[data-testid="import-commit"]')
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-notice"].notice-success').length > n, before)
  return report
}

/** The dataset's canonical CSV, as the Datasets panel's Export CSV button downloads it, in lines. */
async function exported(page: Page, name: string): Promise<string[]> {
  const row = page.locator('tr', { has: page.locator('[data-testid="dataset-name"]', { hasText: new RegExp(`^${name}$`) }) })
  const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="dataset-export"]').click()])
  const path = join(scratch, download.suggestedFilename())
  await download.saveAs(path)
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n')
}

/** The Table tab after following the notice's link: [indicator, period, value, unit, status, source]. */
async function tableRows(page: Page): Promise<string[][]> {
  await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
  await page.waitForSelector('[data-testid="figures-table"] tbody tr')
  return page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  )
}

async function expectClean(record: PageRecord): Promise<void> {
  const origin = new URL(baseUrl()).origin
  expect(record.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([])
  expect(record.pageErrors).toEqual([])
  expect(record.consoleErrors).toEqual([])
  expect(await record.cspViolations()).toEqual([])
}

describe('importing real-world files with the detected defaults', () => {
  it('a police table with a count and a rate: the count is the value, the rate its own rate_per_100k series', async () => {
    const { page, record } = await openImport()
    await pickAndMap(page, 'police-count-rate.csv')
    const value = await page.inputValue('[data-testid="import-role-value"]')
    expect(await page.locator(`[data-testid="import-role-value"] option[value="${value}"]`).textContent()).toContain('Nombre de faits')
    expect(await page.isChecked('[data-testid="import-extra-4"]')).toBe(true)
    expect(await page.inputValue('[data-testid="import-extra-unit-4"]')).toBe('rate_per_100k')
    expect(await page.locator('[data-testid="import-unused"]').count()).toBe(0)
    expect(await page.locator('[data-testid="import-mapping"]').textContent()).toContain('Periods are written as: year (YYYY)')
    await page.screenshot({ path: 'tests/e2e/screenshots/import-count-rate-en.png', fullPage: true })
    const report = await checkAndCommit(page, 'Police par arrondissement')
    expect(report).toContain('10 figures ready to import')
    expect(report).toContain('2 missing values left out')

    const csv = await exported(page, 'Police par arrondissement')
    expect(csv).toContain('grooming,2022,1323,,,,Bruxelles,reported,Police par arrondissement,,,grooming,count,Grooming,Grooming,Grooming')
    expect(csv.find((l) => l.startsWith('grooming_taux_pour_100_000_hab,2022,11.7,,,,Bruxelles,'))).toContain(',rate_per_100k,Grooming – Taux pour 100.000 hab.,')
    expect(csv.some((l) => /^grooming,2022,11\.7,/.test(l))).toBe(false)

    const rows = await tableRows(page)
    const brussels = (label: string): string[][] => rows.filter((r) => r[0]!.startsWith(label) && r[0]!.includes('Bruxelles'))
    expect(brussels('Grooming ').filter((r) => !r[0]!.includes('Taux')).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['2022', '1,323', 'Number', 'as in the imported file'],
      ['2023', '1,410', 'Number', 'as in the imported file'],
    ])
    expect(brussels('Grooming – Taux pour 100.000 hab.').map((r) => [r[1], r[2]])).toEqual([
      ['2022', '11.7'],
      ['2023', '12.4'],
    ])
    // The filter list marks imported indicators with their dataset.
    const marks = await page.locator('[data-imported]').allTextContents()
    expect(marks.length).toBeGreaterThanOrEqual(2)
    expect(marks.every((m) => m.trim() === 'imported: Police par arrondissement')).toBe(true)
    await page.screenshot({ path: 'tests/e2e/screenshots/import-count-rate-table-en.png' })
    await expectClean(record)
  })

  it("an Our World in Data download: Year the period, Entity the region, Code named as not imported, every indicator column imported", async () => {
    const { page, record } = await openImport()
    await pickAndMap(page, 'owid-layout.csv')
    expect(await page.inputValue('[data-testid="import-shape"]')).toBe('wide')
    expect(await page.locator('[data-testid="import-unused"]').textContent()).toContain('Not imported: column Code.')
    const report = await checkAndCommit(page, 'OWID CyberTipline')
    expect(report).toContain('10 figures ready to import')
    expect(report).toContain('Columns not imported: Code.')
    const csv = await exported(page, 'OWID CyberTipline')
    expect(csv.find((l) => l.startsWith('cybertipline_reports,2022,27312,,,,Belgium,'))).toContain(',count,CyberTipline reports,')
    expect(csv.find((l) => l.startsWith('reports_per_100_000_people,2021,172.2,,,,Netherlands,'))).toContain(',rate_per_100k,')
    expect(csv.filter((l) => /^(cybertipline_reports|reports_per_100_000_people),/.test(l))).toHaveLength(10)
    expect(csv.some((l) => l.includes('BEL') || l.startsWith('belgium'))).toBe(false)
    const rows = await tableRows(page)
    expect(rows.filter((r) => r[0]!.startsWith('CyberTipline reports') && r[0]!.includes('Belgium')).map((r) => [r[1], r[2]])).toEqual([
      ['2021', '21,304'],
      ['2022', '27,312'],
    ])
    expect(rows.find((r) => r[0]!.startsWith('Reports per 100,000 people') && r[0]!.includes('World'))?.slice(1, 3)).toEqual(['2022', '398.7'])
    await expectClean(record)
  })

  it('a file with formula cells (=HYPERLINK("…","…")): read as text, the line named, every row kept', async () => {
    const { page, record } = await openImport()
    await pickAndMap(page, 'formula-cell.csv')
    expect(await page.locator('[data-testid="import-quotes-as-text"]').textContent()).toContain('Line 2 has quotes inside a cell')
    expect(await page.locator('[data-testid="import-preview"]').textContent()).toContain('=HYPERLINK("https://www.stopchildporno.be/rapport-2021","rapport 2021")')
    const report = await checkAndCommit(page, 'Hotline with links')
    expect(report).toContain('3 figures ready to import')
    expect(report).toContain('0 rows rejected')
    expect(report).toContain('2 rows were read with their quotes as text (first: line 2)')
    const csv = await exported(page, 'Hotline with links')
    // The formula survives as text, neutralised for spreadsheets.
    expect(csv.find((l) => l.startsWith('grooming,2021,1232,'))).toContain(`"'=HYPERLINK(""https://www.stopchildporno.be/rapport-2021"",""rapport 2021"")"`)
    expect(csv.find((l) => l.startsWith('sextortion,2022,412,'))).toContain('"plain, quoted note"')
    const rows = await tableRows(page)
    expect(rows.filter((r) => r[0] === 'Grooming').map((r) => [r[1], r[2]])).toEqual([
      ['2021', '1,232'],
      ['2022', '1,480'],
    ])
    await expectClean(record)
  })

  it('names the line of an unclosed quote and of a NUL byte, and keeps the screen usable', async () => {
    const { page, record } = await openImport()
    await page.setInputFiles('[data-testid="import-file"]', fixture('bad-unclosed-quote.csv'))
    await page.waitForSelector('[data-testid="import-problem"]')
    expect(await page.locator('[data-testid="import-problem"]').textContent()).toContain('a quote opens on line 2 and is never closed')
    await page.click('text=Choose another file')
    await page.setInputFiles('[data-testid="import-file"]', fixture('bad-nul-byte.csv'))
    await page.waitForFunction(() => document.querySelector('[data-testid="import-problem"]')?.textContent?.includes('NUL'))
    expect(await page.locator('[data-testid="import-problem"]').textContent()).toContain('on line 3')
    await expectClean(record)
  })

  it('a remembered mapping keeps roles only: a semicolon, decimal-comma and a UTF-16 tab file with the same header read right; an unreadable one is ignored with a notice', async () => {
    const { page, record } = await openImport()
    await pickAndMap(page, 'remembered-comma.csv')
    await checkAndCommit(page, 'Comma file')
    await pickAndMap(page, 'remembered-semicolon.csv')
    expect(await page.locator('.import-mapping').textContent()).toContain('The column roles you chose for a file with the same header were restored')
    expect(await page.inputValue('[data-testid="import-delimiter"]')).toBe(';')
    expect(await page.inputValue('[data-testid="import-decimal"]')).toBe('comma')
    const report = await checkAndCommit(page, 'Semicolon file')
    expect(report).toContain('2 figures ready to import')
    expect(report).toContain('0 rows rejected')

    // A remembered record another version wrote: ignored, forgotten, said; the mapping and Cancel are there.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('vigie.import.mapping.')) localStorage.setItem(key, '{"mapping":{"shape":"pivot","roles":7}}')
    })
    await pickAndMap(page, 'remembered-utf16-tab.csv')
    expect(await page.locator('[data-testid="import-notice"].notice-warning').last().textContent()).toContain('could not be read')
    expect(await page.inputValue('[data-testid="import-encoding"]')).toBe('utf-16le')
    expect(await page.locator('text=Cancel this file').count()).toBe(1)
    const utf16 = await checkAndCommit(page, 'UTF-16 file')
    expect(utf16).toContain('2 figures ready to import')
    const csv = await exported(page, 'UTF-16 file')
    expect(csv.filter((l) => l.startsWith('grooming,')).map((l) => l.split(',').slice(1, 3).join(' '))).toEqual(['2021 1232.5', '2022 1480.25'])
    await expectClean(record)
  })

  for (const lang of ['en', 'fr', 'nl', 'de']) {
    it(`has no axe-core violation on the mapping step with other columns, and the report, in ${lang.toUpperCase()}`, async () => {
      const { page } = await openImport(`?lang=${lang}`)
      await page.waitForFunction((l) => document.documentElement.lang === l, lang)
      await pickAndMap(page, 'period-suffix-columns.csv')
      await page.check('[data-testid="import-extra-3"]')
      expect(await page.inputValue('[data-testid="import-extra-period-3"]')).toBe('2024')
      const axe = async (): Promise<string[]> =>
        (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
      expect(await axe()).toEqual([])
      if (lang === 'fr') await page.screenshot({ path: 'tests/e2e/screenshots/import-other-columns-fr.png', fullPage: true })
      await page.click('[data-testid="import-check"]')
      await page.waitForSelector('[data-testid="import-report"]')
      expect(await page.locator('[data-testid="import-report-unused"]').textContent()).toContain('info2024')
      expect(await axe()).toEqual([])
    })
  }
})
