import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { baseUrl, launch, openPage, waitForChart, type PageRecord } from './browser'

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))
const fixture = (name: string): string => join(FIXTURES, name)

let browser: Browser
let context: BrowserContext
let scratch: string

beforeAll(async () => {
  browser = await launch()
  scratch = mkdtempSync(join(tmpdir(), 'vigie-import-'))
})
afterAll(async () => {
  await browser.close()
  rmSync(scratch, { recursive: true, force: true })
})

async function openImport(): Promise<{ page: Page; record: PageRecord }> {
  const opened = await openPage(context, '/#/import')
  await opened.page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  return opened
}

/** Picks files through the file input and waits for the mapping step of the first. */
async function pick(page: Page, ...names: string[]): Promise<void> {
  await page.setInputFiles('[data-testid="import-file"]', names.map((n) => (n.startsWith('/') ? n : fixture(n))))
}

async function checkAndReport(page: Page): Promise<void> {
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]')
}

async function commit(page: Page, name?: string): Promise<void> {
  if (name) await page.fill('[data-testid="import-name"]', name)
  const before = await page.locator('[data-testid="import-notice"].notice-success').count()
  await page.click('[data-testid="import-commit"]')
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-notice"].notice-success').length > n, before)
}

/** The rows of the dashboard's Table tab as [indicator, period, value, unit, status, source]. */
async function tableRows(page: Page, query = ''): Promise<string[][]> {
  if (query !== 'here') await page.goto(new URL(`./#/?tab=table${query}`, baseUrl()).toString())
  await page.waitForSelector('[data-testid="figures-table"] tbody tr')
  return page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  )
}

async function expectClean(page: Page, record: PageRecord): Promise<void> {
  const origin = new URL(baseUrl()).origin
  expect(record.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([])
  expect(record.pageErrors).toEqual([])
  expect(record.consoleErrors).toEqual([])
  expect(record.dialogs).toEqual([])
  expect(await record.cspViolations()).toEqual([])
  void page
}

describe('import', () => {
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
  })
  afterAll(async () => {
    await context.close()
  })

  it('imports a Windows-1252 police export through the file input, shows it in the Table, keeps it across a reload, deletes it', async () => {
    const { page, record } = await openImport()
    await pick(page, 'police-latin1-semicolon.csv')
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.inputValue('[data-testid="import-encoding"]')).toBe('windows-1252')
    expect(await page.inputValue('[data-testid="import-delimiter"]')).toBe(';')
    expect(await page.inputValue('[data-testid="import-decimal"]')).toBe('comma')
    const preview = await page.locator('[data-testid="import-preview"]').textContent()
    expect(preview).toContain('Liège')
    expect(preview).toContain('Child Focus – 2019')
    await page.screenshot({ path: 'tests/e2e/screenshots/import-mapping-en.png', fullPage: true })
    await checkAndReport(page)
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toContain('7 figures')
    await page.screenshot({ path: 'tests/e2e/screenshots/import-report-en.png', fullPage: true })
    await commit(page, 'Police 2019-2021')
    await expect(page.locator('[data-testid="dataset-name"]').allTextContents()).resolves.toEqual(['Police 2019-2021'])

    const link = await page.getAttribute('[data-testid="import-to-dashboard"]', 'href')
    await page.click('[data-testid="import-to-dashboard"]')
    const rows = await tableRows(page, 'here')
    const grooming = rows.filter((r) => r[0]!.startsWith('Grooming') && r[0]!.includes('Liège'))
    expect(grooming.map((r) => [r[1], r[2]])).toEqual([
      ['2019', '1,232'],
      ['2020', '1,232'],
      ['2021', '2,015'],
    ])
    expect(rows.some((r) => r[0]!.startsWith('Sextorsion') && r[2] === '12.5')).toBe(true)
    expect(rows.find((r) => r[0]!.startsWith('Grooming'))![5]).toBe('Police 2019-2021')

    await page.reload()
    const again = await tableRows(page, 'here')
    expect(page.url()).toContain(link!.replace(/^.*#/, ''))
    expect(again.filter((r) => r[0]!.startsWith('Grooming') && r[0]!.includes('Liège'))).toHaveLength(3)

    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.click('[data-testid="dataset-delete"]')
    await page.click('[data-testid="dataset-confirm-delete"]')
    await page.waitForSelector('[data-testid="datasets-empty"]')
    await page.reload()
    await page.waitForSelector('[data-testid="datasets-empty"]')
    const after = await tableRows(page, link!.replace(/^.*\?/, '&'))
    expect(after.some((r) => r[5] === 'Police 2019-2021')).toBe(false)
    await expectClean(page, record)
  })
  it('takes several files dropped anywhere on the screen (synthetic drop), one after the other', async () => {
    const { page, record } = await openImport()
    const files = ['wide-yearly.csv', 'eurostat.tsv'].map((name) => ({ name, bytes: [...readFileSync(fixture(name))] }))
    await page.evaluate((list) => {
      const transfer = new DataTransfer()
      for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }))
      const target = document.querySelector('h1')!
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }))
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }))
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }, files)
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.inputValue('[data-testid="import-shape"]')).toBe('wide')
    expect(await page.locator('.current .hint').first().textContent()).toContain('1 more file waiting')
    await checkAndReport(page)
    await commit(page, 'Yearly table')
    // The second file comes next by itself.
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.inputValue('[data-testid="import-shape"]')).toBe('transposed')
    expect(await page.inputValue('[data-testid="import-delimiter"]')).toBe('\t')
    await page.fill('[data-testid="import-label-0"]', 'Child pornography offences (Eurostat)')
    await checkAndReport(page)
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toContain('9 figures')
    await commit(page, 'Eurostat crime')
    await expect(page.locator('[data-testid="dataset-name"]').allTextContents()).resolves.toEqual(['Yearly table', 'Eurostat crime'])

    await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
    const rows = await tableRows(page, 'here')
    const eurostat = rows.filter((r) => r[0] === 'Child pornography offences (Eurostat)')
    expect(eurostat.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['2018', '1,200', 'as in the imported file'],
      ['2019', '1,304', 'provisional'],
      ['2021', '1,450', 'estimate'],
    ])
    // Like bundled series: in the filter panel's indicator list and in the Indicators catalogue.
    await page.goto(new URL('./#/', baseUrl()).toString())
    await page.waitForSelector('[data-testid="trend-chart"]')
    expect(await page.locator('#main').textContent()).toContain('Child pornography offences (Eurostat)')
    await page.goto(new URL('./#/indicators', baseUrl()).toString())
    await page.locator('main h1').waitFor()
    await page.waitForFunction(() => document.querySelector('main')!.textContent!.includes('Child pornography offences (Eurostat)'))
    // The yearly table's series join the default selection (they have enough figures) beside the bundled ones.
    const all = await tableRows(page, '')
    expect(all.filter((r) => r[0] === 'Hotline reports' && r[5] === 'Yearly table').map((r) => r[2])).toContain('5,813')
    expect(all.some((r) => r[5] !== 'Yearly table' && r[5] !== 'Eurostat crime')).toBe(true)
    await expectClean(page, record)
  })

  it('asks on a name clash: keep both under a new name, or replace', async () => {
    const { page, record } = await openImport()
    for (const choice of ['rename', 'replace'] as const) {
      await pick(page, 'wide-yearly.csv')
      await page.waitForSelector('[data-testid="import-mapping"]')
      await checkAndReport(page)
      await page.fill('[data-testid="import-name"]', 'Yearly table')
      await page.click('[data-testid="import-commit"]')
      await page.waitForSelector('[data-testid="import-clash"]')
      if (choice === 'rename') {
        await page.fill('[data-testid="import-clash-name"]', 'Yearly table (copy)')
        await page.click('[data-testid="import-clash-rename"]')
      } else await page.click('[data-testid="import-clash-replace"]')
      await page.waitForSelector('[data-testid="import-clash"]', { state: 'detached' })
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dataset-name"]').length === 3)
    const names = await page.locator('[data-testid="dataset-name"]').allTextContents()
    expect(names.sort()).toEqual(['Eurostat crime', 'Yearly table', 'Yearly table (copy)'])
    await expectClean(page, record)
  })

  it('renames, hides and exports a dataset as canonical CSV that imports again the same', async () => {
    const { page, record } = await openImport()
    const row = page.locator('tr', { has: page.locator('[data-testid="dataset-name"]', { hasText: /^Eurostat crime$/ }) })
    await row.locator('[data-testid="dataset-rename"]').click()
    await page.fill('[data-testid="dataset-rename-input"]', 'Eurostat ICCS')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="dataset-name"] >> text=Eurostat ICCS')
    const renamed = page.locator('tr', { has: page.locator('[data-testid="dataset-name"]', { hasText: /^Eurostat ICCS$/ }) })
    await renamed.locator('[data-testid="dataset-hide"]').click()
    await expect(renamed.locator('[data-testid="dataset-hide"]').getAttribute('aria-pressed')).resolves.toBe('true')
    const hidden = await tableRows(page, '')
    expect(hidden.some((r) => r[5] === 'Eurostat ICCS')).toBe(false)
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await renamed.locator('[data-testid="dataset-hide"]').click()

    const [download] = await Promise.all([page.waitForEvent('download'), renamed.locator('[data-testid="dataset-export"]').click()])
    const path = join(scratch, download.suggestedFilename())
    await download.saveAs(path)
    const text = readFileSync(path, 'utf8')
    expect(text.split('\r\n')[0]).toBe('\uFEFFindicator,period,value,baseline,age_group,gender,region,status,source,quote,note,offence,unit,label_en,label_fr,label_nl')
    expect(text).toContain('nr_iccs0302_be,2019,1304,,,,,provisional,Eurostat ICCS')
    await pick(page, path)
    await page.waitForSelector('[data-testid="import-mapping"]')
    await checkAndReport(page)
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toContain('9 figures')
    expect(await page.locator('[data-testid="import-rejected"]').textContent()).toContain('0 rows')
    await commit(page, 'Eurostat again')
    await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
    const rows = await tableRows(page, 'here')
    expect(rows.filter((r) => r[0] === 'Child pornography offences (Eurostat)').map((r) => [r[1], r[2], r[4]])).toEqual([
      ['2018', '1,200', 'as in the imported file'],
      ['2019', '1,304', 'provisional'],
      ['2021', '1,450', 'estimate'],
    ])
    await expectClean(page, record)
  })

  it('lists every rejected row with line, column and reason; the report downloads; back to mapping and cancel work', async () => {
    const { page, record } = await openImport()
    await pick(page, 'bad-values.csv')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await checkAndReport(page)
    expect(await page.locator('[data-testid="import-rejected"]').textContent()).toContain('5 rows rejected')
    const issues = await page.locator('[data-testid="import-issues"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())),
    )
    expect(issues.map((i) => i[0])).toEqual(['3', '4', '5', '7', '8'])
    expect(issues[0]).toEqual(['3', '3 · value', 'many', '“many” is not a number'])
    expect(issues[3]![3]).toBe('duplicate of line 2: same indicator, period and breakdown')
    expect(issues[2]![3]).toContain('needs a baseline')
    await page.screenshot({ path: 'tests/e2e/screenshots/import-rejected-en.png', fullPage: true })
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="import-download-report"]')])
    const path = join(scratch, 'report.csv')
    await download.saveAs(path)
    const report = readFileSync(path, 'utf8').split('\r\n')
    expect(report[1]).toBe('3,3,value,many,“many” is not a number')
    await page.click('[data-testid="import-back"]')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.click('text=Cancel this file')
    await page.waitForSelector('[data-testid="import-mapping"]', { state: 'detached' })
    expect(await page.locator('[data-testid="import-notice"]').last().textContent()).toContain('nothing was loaded')
    await expectClean(page, record)
  })

  it('refuses bad files with a clear message and keeps what is loaded', async () => {
    const { page, record } = await openImport()
    const before = await page.locator('[data-testid="dataset-name"]').allTextContents()
    const huge = join(scratch, 'huge.csv')
    const fd = openSync(huge, 'w')
    ftruncateSync(fd, 2 * 1024 ** 3) // a sparse 2 GB file: refused from its size, never read
    closeSync(fd)
    await pick(page, huge, 'bad-empty.csv')
    const refused = page.locator('[data-testid="import-notice"].notice-error')
    await expect(refused.allTextContents()).resolves.toEqual([
      expect.stringMatching(/huge\.csv is larger than the 256 MB limit and was not read/),
      expect.stringMatching(/bad-empty\.csv is empty/),
    ])
    const expectations: [string, RegExp][] = [
      ['bad-header-only.csv', /has a header row but no figures/],
      ['bad-binary.csv', /is not a text file/],
      ['bad-xlsx.csv', /is an Excel workbook or a zip archive/],
    ]
    for (const [name, message] of expectations) {
      await pick(page, name)
      await page.waitForSelector('[data-testid="import-problem"]')
      expect(await page.locator('[data-testid="import-problem"]').textContent()).toMatch(message)
      await page.click('.problem button')
    }
    // A file read as one column: choose the delimiter by hand.
    const oneColumn = join(scratch, 'colons.csv')
    writeFileSync(oneColumn, 'period:value\n2019:10\n2020:12\n')
    await pick(page, oneColumn)
    await page.waitForSelector('[data-testid="import-problem"]')
    expect(await page.locator('[data-testid="import-problem"]').textContent()).toMatch(/has a single column/)
    await page.selectOption('[data-testid="import-retry-delimiter"]', ',')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.click('text=Cancel this file')
    await pick(page, 'bad-truncated-quote.csv')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await checkAndReport(page)
    expect((await page.locator('[data-testid="import-issues"] tbody tr').first().textContent())!).toContain('the file ends inside a quoted cell')
    await page.click('[data-testid="import-report"] >> text=Cancel')
    await pick(page, 'bad-ragged.csv')
    await page.waitForSelector('[data-testid="import-mapping"]')
    await checkAndReport(page)
    expect(await page.locator('[data-testid="import-rejected"]').textContent()).toContain('2 rows rejected')
    await page.click('[data-testid="import-report"] >> text=Cancel')
    await pick(page, 'bad-header-names.csv')
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.locator('.warnings').textContent()).toContain('Column 3 has no name')
    await page.click('text=Cancel this file')
    expect(await page.locator('[data-testid="dataset-name"]').allTextContents()).toEqual(before)
    const rows = await tableRows(page, '')
    expect(rows.length).toBeGreaterThan(5)
    await expectClean(page, record)
  })

  it('shows hostile labels as text everywhere and neutralises formulas in the export', async () => {
    const { page, record } = await openImport()
    await pick(page, 'bad-hostile-labels.csv')
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.locator('[data-testid="import-preview"]').textContent()).toContain('<img src=x onerror=alert(1)>')
    await checkAndReport(page)
    await commit(page, '<b>Hostile</b> "=1+1"')
    expect(await page.locator('[data-testid="dataset-name"]').last().textContent()).toBe('<b>Hostile</b> "=1+1"')
    await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
    const rows = await tableRows(page, 'here')
    expect(rows.map((r) => r[0])).toContain('<img src=x onerror=alert(1)>')
    expect(rows.map((r) => r[5])).toContain('<b>Hostile</b> "=1+1"')
    await page.goto(page.url().replace(/&?tab=table/, ''))
    await waitForChart(page)
    // Hover the chart so the tooltip renders the label too.
    const box = await page.locator('[data-testid="trend-chart"]').boundingBox()
    for (let x = box!.x + 80; x < box!.x + box!.width - 40; x += 40) await page.mouse.move(x, box!.y + box!.height / 2)
    expect(await page.locator('img[src="x"], b:text("Hostile")').count()).toBe(0)
    // No inline script but the page's own JSON-LD data block, written at build time (never executed).
    expect(await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.getAttribute('type')))).toEqual(['application/ld+json'])

    await page.goto(new URL('./#/import', baseUrl()).toString())
    const row = page.locator('tr', { has: page.locator('[data-testid="dataset-name"]', { hasText: 'Hostile' }) })
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="dataset-export"]').click()])
    const path = join(scratch, 'hostile.csv')
    await download.saveAs(path)
    const text = readFileSync(path, 'utf8')
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`)
    expect(text).toContain(",'@SUM(A1),")
    expect(text).toContain(",'+1,")
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
    expect(record.dialogs).toEqual([])
    await row.locator('[data-testid="dataset-delete"]').click()
    await page.click('[data-testid="dataset-confirm-delete"]')
    await expectClean(page, record)
  })

  it('imports pasted spreadsheet cells and remembers the mapping for the same header', async () => {
    const { page, record } = await openImport()
    const cells = 'Jaar\tMeldingen\tGrooming\n2019\t2.637\t61\n2020\t5.813\t141\n2021\t6.105\t120\n2022\t7.002\t133\n'
    await page.fill('[data-testid="import-paste"]', cells)
    await page.click('text=Import pasted cells')
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.inputValue('[data-testid="import-delimiter"]')).toBe('\t')
    expect(await page.inputValue('[data-testid="import-decimal"]')).toBe('comma')
    await page.fill('[data-testid="import-label-0"]', 'Hotline reports (pasted)')
    await checkAndReport(page)
    await commit(page, 'Pasted')
    await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
    const rows = await tableRows(page, 'here')
    expect(rows.filter((r) => r[0] === 'Hotline reports (pasted)').map((r) => r[2])).toEqual(['2,637', '5,813', '6,105', '7,002'])
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.fill('[data-testid="import-paste"]', cells)
    await page.click('text=Import pasted cells')
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.locator('.import-mapping').textContent()).toContain('The column roles you chose for a file with the same header were restored')
    expect(await page.inputValue('[data-testid="import-label-0"]')).toBe('Hotline reports (pasted)')
    await page.click('text=Cancel this file')
    await expectClean(page, record)
  })

  it('shows progress in bytes and rows while a large file is checked, and cancels at once', async () => {
    const big = join(scratch, 'big.csv')
    const lines = ['indicator,period,value,region']
    for (let i = 0; i < 600_000; i++) lines.push(`series_${i % 50},${1990 + (i % 30)},${i},region_${Math.floor(i / 1500)}`)
    writeFileSync(big, lines.join('\n'))
    const { page, record } = await openImport()
    await pick(page, big)
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-progress"]')
    await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value')) > 0)
    const label = await page.locator('[data-testid="import-progress"]').getAttribute('aria-valuetext')
    expect(label).toMatch(/MB of .* MB read · [\d,]+ rows/)
    // The page stays responsive while the worker parses.
    const t0 = Date.now()
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
    expect(Date.now() - t0).toBeLessThan(500)
    await page.click('[data-testid="import-cancel"]')
    await page.waitForSelector('[data-testid="import-mapping"]')
    expect(await page.locator('[data-testid="import-notice"]').last().textContent()).toContain('cancelled: nothing was loaded')
    // Read to the end (by two workers: the file is over 8 MB): each (series, year, region) once, the rest duplicates.
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 })
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toBe('60,000 figures ready to import')
    expect(await page.locator('[data-testid="import-rejected"]').textContent()).toBe('540,000 rows rejected')
    const firstIssue = await page.locator('[data-testid="import-issues"] tbody tr').first().textContent()
    expect(firstIssue).toContain('duplicate of line 2')
    await page.click('[data-testid="import-report"] >> text=Cancel')
    await expectClean(page, record)
  })

  it('sets aside corrupt or outdated stored records and starts anyway', async () => {
    const { page, record } = await openImport()
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          // The current version, whatever earlier tests left (a new database gets the first one's stores).
          const open = indexedDB.open('vigie-imports')
          open.onupgradeneeded = () => {
            open.result.createObjectStore('datasets', { keyPath: 'id' })
            open.result.createObjectStore('tables')
            open.result.createObjectStore('setAside', { autoIncrement: true })
          }
          open.onsuccess = () => {
            const tx = open.result.transaction('datasets', 'readwrite')
            tx.objectStore('datasets').put({ id: 'broken', format: 1, name: 'Broken record', fileName: 'x.csv', importedAt: '2020', hidden: false, table: { length: 3 } })
            tx.objectStore('datasets').put({ id: 'future', format: 99, name: 'From a newer Vigie' })
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
          open.onerror = () => reject(open.error)
        }),
    )
    await page.goto(new URL('./#/?tab=table', baseUrl()).toString())
    await page.reload()
    await page.waitForSelector('[data-testid="figures-table"] tbody tr')
    // The dashboard says so too, and points to the panel that lists them.
    await expect(page.locator('[data-testid="storage-notice"]').textContent()).resolves.toContain('2 stored datasets could not be read')
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.waitForSelector('[data-testid="datasets-set-aside"] li')
    const aside = await page.locator('[data-testid="datasets-set-aside"] li').allTextContents()
    expect(aside.join('\n')).toMatch(/Broken record: no table/)
    expect(aside.join('\n')).toMatch(/From a newer Vigie: stored in format 99/)
    expect(await page.locator('[data-testid="datasets-panel"]').count()).toBe(1)
    await expectClean(page, record)
  })

  it('says so when storage is full and keeps the dataset for the session', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const page = await fresh.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    // A real quota error: this origin may store almost nothing (the worker's write is refused).
    const cdp = await fresh.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl()).origin, quotaSize: 1024 })
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.setInputFiles('[data-testid="import-file"]', fixture('excel-bom-crlf.csv'))
    await page.waitForSelector('[data-testid="import-mapping"]')
    await checkAndReport(page)
    await page.fill('[data-testid="import-name"]', 'Too big to store')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-warning')
    expect(await page.locator('[data-testid="import-notice"].notice-warning').textContent()).toContain('no room left to store “Too big to store”')
    const row = page.locator('tr', { has: page.locator('[data-testid="dataset-name"]', { hasText: 'Too big to store' }) })
    expect(await row.textContent()).toContain('this session only')
    await page.click('[data-testid="import-to-dashboard"] >> nth=-1')
    const rows = await tableRows(page, 'here')
    expect(rows.filter((r) => r[0] === 'Hotline reports').map((r) => [r[1], r[2], r[4]])).toEqual([
      ['15 July 2020', '1,232', 'as in the imported file'],
      ['15 August 2020', '1,480', 'provisional'],
      ['15 September 2020', '987', 'estimate'],
    ])
    expect(errors).toEqual([])
    await fresh.close()
  })

  for (const lang of ['en', 'fr', 'nl', 'de']) {
    it(`has no axe-core violation on the import screen and its mapping and report steps in ${lang.toUpperCase()}`, async () => {
      const { page } = await openPage(context, `/#/import?lang=${lang}`)
      await page.waitForFunction((l) => document.documentElement.lang === l, lang)
      await pick(page, 'bad-values.csv')
      await page.waitForSelector('[data-testid="import-mapping"]')
      await page.click('.more summary')
      const axe = async (): Promise<string[]> =>
        (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
      expect(await axe()).toEqual([])
      await checkAndReport(page)
      expect(await axe()).toEqual([])
      if (lang === 'fr') await page.screenshot({ path: 'tests/e2e/screenshots/import-report-fr.png', fullPage: true })
    })
  }
})
