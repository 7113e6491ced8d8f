import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { baseUrl, launch, openPage, recordLongTasks, takeLongTasks, waitForChart } from './browser'
import { download, unzip } from './files'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin })
})
afterAll(async () => {
  await context.close()
  await browser.close()
})

describe('a cut emoji (issue 24, 1)', () => {
  it('the note of 199 × "a" + 😀 gives a well-formed PowerPoint, and the address follows the view to Index', async () => {
    const note = encodeURIComponent(`${'a'.repeat(199)}😀`)
    const title = encodeURIComponent('😀'.repeat(150))
    const { page, record } = await openPage(context, `/#/?off=grooming&title=${title}&note=${note}`)
    await waitForChart(page)
    expect(await page.locator('[data-testid="chart-note"]').textContent()).toBe('a'.repeat(199))
    const zip = unzip((await download(page, 'export-pptx')).bytes)
    let parts = 0
    for (const [name, bytes] of zip) {
      if (!name.endsWith('.xml')) continue
      parts++
      // Invalid UTF-8 (half an emoji) is what PowerPoint refused.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      const bad = await page.evaluate((t) => new DOMParser().parseFromString(t, 'application/xml').querySelector('parsererror')?.textContent ?? null, text)
      expect(bad, name).toBeNull()
    }
    expect(parts).toBeGreaterThan(5)
    expect(new TextDecoder().decode(zip.get('docProps/core.xml'))).toContain('😀'.repeat(100))
    await page.click('[data-testid="share-toggle"]')
    await page.locator('input[name="view-mode"][data-mode="index"]').check()
    await expect.poll(() => new URL(page.url()).hash).toContain('view=index')
    await page.click('[data-testid="share-toggle"]')
    await page.click('[data-testid="copy-link"]')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
    expect(page.url()).toContain('view=index')
    expect(record.pageErrors).toEqual([])
    await page.close()
  })
})

/** Imports a CSV text through the Import screen and returns the dashboard link (query part) of the dataset. */
async function importCsv(page: Page, name: string, text: string): Promise<string> {
  await page.goto(new URL('./#/import', baseUrl()).toString())
  await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
  await page.setInputFiles('[data-testid="import-file"]', { name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
  await page.waitForSelector('[data-testid="import-mapping"]')
  await page.click('[data-testid="import-check"]')
  await page.waitForSelector('[data-testid="import-report"]')
  await page.fill('[data-testid="import-name"]', name)
  await page.click('[data-testid="import-commit"]')
  await page.waitForSelector('[data-testid="import-to-dashboard"]')
  return (await page.getAttribute('[data-testid="import-to-dashboard"]', 'href'))!.split('?')[1]!
}

/** The dashboard Table's value column for the imported series, in period order. */
async function tableValues(page: Page, query: string): Promise<string[]> {
  await page.goto(new URL(`./#/?${query.replace(/(^|&)tab=[a-z]+/, '')}&tab=table`, baseUrl()).toString())
  await page.waitForSelector('[data-testid="figures-table"] tbody tr')
  await page.waitForFunction(() => document.querySelector('[data-testid="figures-table"]')?.textContent?.includes('Cases'))
  return page.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rs) =>
    rs.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())).filter((r) => r[0] === 'Cases').sort((a, b) => a[1]!.localeCompare(b[1]!)).map((r) => r[2]!),
  )
}

/** Counts 1 to 8 in 2016–2023: small enough that every threshold shows. */
const SMALL_COUNTS = `indicator,period,value\n${Array.from({ length: 8 }, (_, i) => `Cases,${2016 + i},${i + 1}`).join('\n')}\n`

describe('the small-count threshold cannot be switched off by accident (issue 24, 2)', () => {
  it('a cleared box, "-", -1, 2.5 or 1001 keep the previous threshold and say why; "Show every count" asks first', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const { page, record } = await openPage(fresh, '/#/import')
    const query = await importCsv(page, 'Small counts', SMALL_COUNTS)
    await page.goto(new URL('./#/import', baseUrl()).toString())
    const box = page.locator('[data-testid="dataset-suppress"]')
    // Clearing the box and pressing Tab: the threshold stays 5.
    await box.fill('')
    await box.press('Tab')
    expect(await box.inputValue()).toBe('5')
    expect(await page.locator('[data-testid="dataset-suppress-refused"]').textContent()).toContain('the box was empty. The threshold stays 5')
    for (const typed of ['-', '-1', '2.5', '1001', '0']) {
      await box.focus()
      await page.keyboard.press('Control+A')
      await page.keyboard.type(typed)
      await box.press('Tab')
      expect(await box.inputValue(), typed).toBe('5')
      expect(await page.locator('[data-testid="dataset-suppress-refused"]').textContent(), typed).toMatch(/Not changed/)
    }
    expect(await tableValues(page, query)).toEqual(['< 5', '< 5', '< 5', '< 5', '5', '6', '7', '8'])
    // 7, then 1001: the threshold stays 7 (the 6s stay withheld).
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await box.fill('7')
    await box.press('Tab')
    await expect.poll(() => page.locator('[data-testid="dataset-suppress-refused"]').count()).toBe(0)
    await box.fill('1001')
    await box.press('Tab')
    expect(await box.inputValue()).toBe('7')
    expect(await tableValues(page, query)).toEqual(['< 7', '< 7', '< 7', '< 7', '< 7', '< 7', '7', '8'])
    // Off only through its own control, after saying what it shows.
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.click('[data-testid="dataset-suppress-off"]')
    expect(await page.locator('.suppress-confirm').textContent()).toContain('shows the counts from 1 to 6 of “Small counts”')
    await page.locator('[data-testid="datasets-panel"]').screenshot({ path: 'tests/e2e/screenshots/threshold-off-confirm-en.png' })
    const violations = (await new AxeBuilder({ page }).include('[data-testid="datasets-panel"]').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
    expect(violations).toEqual([])
    expect(await tableValues(page, query)).toEqual(['< 7', '< 7', '< 7', '< 7', '< 7', '< 7', '7', '8'])
    await page.goto(new URL('./#/import', baseUrl()).toString())
    await page.click('[data-testid="dataset-suppress-off"]')
    await page.click('[data-testid="dataset-suppress-off-confirm"]')
    expect(await tableValues(page, query)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    expect(record.pageErrors).toEqual([])
    await fresh.close()
  })

  it('a stored threshold of -5, NaN, text, an object, true or Infinity means 5, with a notice', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const { page, record } = await openPage(fresh, '/#/import')
    const query = await importCsv(page, 'Damaged threshold', SMALL_COUNTS)
    for (const bad of ['-5', 'NaN', '"seven"', '{}', 'true', 'Infinity']) {
      await page.evaluate(
        (raw) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('vigie-imports')
            open.onsuccess = () => {
              const tx = open.result.transaction('datasets', 'readwrite')
              const store = tx.objectStore('datasets')
              const all = store.getAll()
              all.onsuccess = () => {
                const value = raw === 'NaN' ? NaN : raw === 'Infinity' ? Infinity : (JSON.parse(raw) as unknown)
                for (const meta of all.result as { suppressBelow?: unknown }[]) store.put({ ...meta, suppressBelow: value })
              }
              tx.oncomplete = () => {
                open.result.close()
                resolve()
              }
              tx.onerror = () => reject(tx.error)
            }
            open.onerror = () => reject(open.error)
          }),
        bad,
      )
      await page.goto(new URL('./#/', baseUrl()).toString())
      await page.reload()
      await page.waitForSelector('[data-testid="storage-notice"]')
      expect(await page.locator('[data-testid="storage-notice"]').textContent(), bad).toContain('The small-count threshold stored for “Damaged threshold” could not be read: it is back to 5.')
      expect(await tableValues(page, query), bad).toEqual(['< 5', '< 5', '< 5', '< 5', '5', '6', '7', '8'])
    }
    expect(record.pageErrors).toEqual([])
    await fresh.close()
  })

  it('a change reaches another open tab at once', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const { page: tabA } = await openPage(fresh, '/#/import')
    const query = await importCsv(tabA, 'Two tabs', SMALL_COUNTS)
    const { page: tabB } = await openPage(fresh, '/#/import')
    // Tab B has read the stored dataset (it is in its list) before the link to it is opened.
    await expect.poll(() => tabB.locator('[data-testid="dataset-name"]').allTextContents(), { timeout: 30_000 }).toContain('Two tabs')
    expect(await tableValues(tabB, query)).toEqual(['< 5', '< 5', '< 5', '< 5', '5', '6', '7', '8'])
    await tabA.goto(new URL('./#/import', baseUrl()).toString())
    await tabA.fill('[data-testid="dataset-suppress"]', '7')
    await tabA.press('[data-testid="dataset-suppress"]', 'Tab')
    const valuesB = () => tabB.locator('[data-testid="figures-table"] tbody tr').evaluateAll((rs) => rs.map((r) => (r.querySelectorAll('td')[1]?.textContent ?? '').trim()).filter((v) => v === '< 7').length)
    await expect.poll(valuesB, { timeout: 5000 }).toBe(6)
    await fresh.close()
  })
})

describe('a quoted cell over 256 KB (issue 24, 4)', () => {
  it('a valid file with a 10 MB quoted note reaches the mapping step and imports, with no false "cut file"', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-long-cell-')), 'long-note.csv')
    writeFileSync(path, `indicator,period,value,note\nCases,2021,12,"${'a long note, '.repeat(800_000)}"\nCases,2022,14,short\n`)
    const { page, record } = await openPage(context, '/#/import')
    await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
    await page.setInputFiles('[data-testid="import-file"]', path)
    await page.waitForSelector('[data-testid="import-mapping"]', { timeout: 60_000 })
    expect(await page.locator('[data-testid="import-preview"]').textContent()).toContain('(10,400,000 characters in all)')
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 })
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toBe('2 figures ready to import')
    expect(record.pageErrors).toEqual([])
    await page.close()
  }, 120_000)
})

describe('Replace under a full disk (issue 24, 7)', () => {
  it('keeps the old dataset, stored, when its replacement cannot be stored, and says so', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    const page = await fresh.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    // A small disk: room for the first dataset, not for its larger replacement.
    const cdp = await fresh.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl()).origin, quotaSize: 1024 * 1024 })
    const query = await importCsv(page, 'Same', SMALL_COUNTS)
    await page.goto(new URL('./#/import', baseUrl()).toString())
    // Larger than the one it replaces: the write needs room the disk no longer has.
    const newer = `indicator,period,value,note\n${Array.from({ length: 20_000 }, (_, i) => `Cases,${1000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${100 + i},note ${i} ${'x'.repeat(100)}`).join('\n')}\n`
    await page.setInputFiles('[data-testid="import-file"]', { name: 'same.csv', mimeType: 'text/csv', buffer: Buffer.from(newer) })
    await page.waitForSelector('[data-testid="import-mapping"]')
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]')
    await page.fill('[data-testid="import-name"]', 'Same')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-clash"]')
    await page.click('[data-testid="import-clash-replace"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-warning')
    expect(await page.locator('[data-testid="import-notice"].notice-warning').textContent()).toContain('the dataset it was to replace is kept, unchanged')
    expect(await page.locator('[data-testid="dataset-name"]').allTextContents()).toEqual(['Same'])
    expect(await page.locator('[data-testid="datasets-panel"]').textContent()).not.toContain('this session only')
    // After a reload the old dataset is still there, with its own figures.
    await page.reload()
    await page.waitForSelector('[data-testid="dataset-name"]')
    expect(await page.locator('[data-testid="dataset-name"]').allTextContents()).toEqual(['Same'])
    expect(await tableValues(page, query)).toEqual(['< 5', '< 5', '< 5', '< 5', '5', '6', '7', '8'])
    expect(errors).toEqual([])
    await fresh.close()
  })
})

describe('words put in Vigie\'s mouth (issue 24, 8)', () => {
  it('an embed whose title and subtitle come from the link says so in small type, with Vigie\'s own subtitle under it', async () => {
    const title = encodeURIComponent('Vigie: reports tripled in 2024')
    const sub = encodeURIComponent('Official figures')
    const { page, record } = await openPage(context, `/embed.html#/embed?off=csam&title=${title}&sub=${sub}&lang=en&v=1`)
    await page.waitForSelector('[data-testid="embed-chosen"]')
    expect(await page.locator('.embed-title').textContent()).toBe('Vigie: reports tripled in 2024')
    expect(await page.locator('[data-testid="embed-chosen"]').textContent()).toBe('Title and subtitle chosen by the person who shared this view, not by Vigie')
    // Vigie's plain subtitle: the period, what is counted, by whom.
    expect(await page.locator('[data-testid="embed-own-subtitle"]').textContent()).toMatch(/^\d{4}–\d{4} · .*counts.* · data from /)
    const size = (sel: string) => page.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(await size('[data-testid="embed-chosen"]')).toBeLessThan(await size('[data-testid="embed-subtitle"]'))
    const box = (sel: string) => page.locator(sel).boundingBox()
    expect((await box('[data-testid="embed-own-subtitle"]'))!.y).toBeGreaterThan((await box('[data-testid="embed-chosen"]'))!.y)
    await page.screenshot({ path: 'tests/e2e/screenshots/embed-chosen-words-en.png' })
    // Without words from the link: no mark, one subtitle.
    await page.goto(new URL('./embed.html#/embed?off=csam&lang=fr&v=1', baseUrl()).toString())
    await page.waitForSelector('[data-testid="embed-subtitle"]')
    expect(await page.locator('[data-testid="embed-chosen"]').count()).toBe(0)
    await page.goto(new URL(`./embed.html#/embed?off=csam&title=${title}&lang=fr&v=1`, baseUrl()).toString())
    await expect.poll(() => page.locator('[data-testid="embed-chosen"]').textContent()).toBe('Titre choisi par la personne qui a partagé cette vue, pas par Vigie')
    expect(record.pageErrors).toEqual([])
    await page.close()
  })

  it('the PNG and HTML exports of such a view carry the mark and Vigie\'s subtitle', async () => {
    const { page } = await openPage(context, `/#/?off=csam&title=${encodeURIComponent('Vigie: reports tripled in 2024')}&lang=nl&v=1`)
    await waitForChart(page)
    const html = (await download(page, 'export-html')).bytes.toString('utf8')
    expect(html).toContain('<p class="chosen">Titel gekozen door wie deze weergave deelde, niet door Vigie</p>')
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
    expect(svg).toContain('>Titel gekozen door wie deze weergave deelde, niet door Vigie</text>')
    await page.close()
  })
})

describe('the import channel (issue 24, 5)', () => {
  it('a flood of 100 forged messages costs no task over 50 ms and re-reads nothing', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    await recordLongTasks(fresh)
    // Counts the reads of stored chunks (a dataset's columns) in each page.
    await fresh.addInitScript(() => {
      const w = window as unknown as { __chunkReads: number }
      w.__chunkReads = 0
      const getAll = IDBObjectStore.prototype.getAll
      IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
        if (this.name === 'chunks') w.__chunkReads++
        return getAll.apply(this, args)
      }
    })
    // 300,000 figures: 1,500 series × 200 months, periods as columns.
    const months = Array.from({ length: 200 }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)
    const lines = [`series,${months.join(',')}`]
    for (let s = 0; s < 1500; s++) lines.push(`s${s},${months.map((_, m) => (s * 7 + m) % 1000).join(',')}`)
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-flood-')), 'flood.csv')
    writeFileSync(path, `${lines.join('\n')}\n`)
    const { page: tab, record } = await openPage(fresh, '/#/import')
    await tab.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
    await tab.setInputFiles('[data-testid="import-file"]', path)
    await tab.waitForSelector('[data-testid="import-mapping"]', { timeout: 60_000 })
    await tab.click('[data-testid="import-check"]')
    await tab.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 })
    await tab.fill('[data-testid="import-name"]', 'Flood target')
    await tab.click('[data-testid="import-commit"]')
    await tab.waitForSelector('[data-testid="import-notice"].notice-success', { timeout: 120_000 })
    await tab.goto(new URL('./#/', baseUrl()).toString())
    await waitForChart(tab)
    await tab.waitForTimeout(1500)
    await takeLongTasks(tab)
    // Another page of the same origin posts anything on the channel, including well-formed messages about the dataset.
    const forger = await fresh.newPage()
    await forger.goto(new URL('./embed.html#/embed?off=csam', baseUrl()).toString())
    const flood = () =>
      forger.evaluate(async () => {
        const ids = await new Promise<string[]>((resolve) => {
          const open = indexedDB.open('vigie-imports')
          open.onsuccess = () => {
            const all = open.result.transaction('datasets').objectStore('datasets').getAllKeys()
            all.onsuccess = () => resolve(all.result as string[])
          }
        })
        const channel = new BroadcastChannel('vigie-imports')
        const forged: unknown[] = ['changed', { type: 'vigie-imports:changed' }, { type: 'vigie-imports:changed', v: 2, id: ids[0], change: 'stored' }, 42, null]
        for (let i = 0; i < 100; i++) {
          const kind = i % 4
          channel.postMessage(
            kind === 0 ? forged[i % forged.length] : kind === 1 ? { type: 'vigie-imports:changed', v: 1, id: ids[0], change: 'updated' } : kind === 2 ? { type: 'vigie-imports:changed', v: 1, id: ids[0], change: 'deleted' } : { type: 'vigie-imports:changed', v: 1, id: `made-up-${i}`, change: 'stored' },
          )
          await new Promise((r) => setTimeout(r, 20))
        }
      })
    // What the old build did per message: read every stored chunk back. Counted, not timed.
    const chunkReads = () => tab.evaluate(() => (window as unknown as { __chunkReads: number }).__chunkReads)
    const readsBefore = await chunkReads()
    // The longest task of a flood, over up to three floods: a busy 2-core machine can stall any
    // tab once; a flood that re-reads the dataset (300–550 ms a message before) fails every round.
    const longest: number[] = []
    for (let round = 0; round < 3 && !longest.some((ms) => ms < 50); round++) {
      await takeLongTasks(tab)
      await flood()
      await tab.waitForTimeout(2000)
      longest.push(Math.max(0, ...(await takeLongTasks(tab))))
    }
    console.log(`flood: longest task per flood ${longest.map((ms) => ms.toFixed(0)).join(', ')} ms`)
    expect(Math.min(...longest)).toBeLessThan(50)
    expect(await chunkReads()).toBe(readsBefore)
    // The forged "deleted" removed nothing: the dataset is still drawn.
    expect(await tab.locator('[data-testid="series-cap"]').textContent()).toMatch(/Showing 20 of 1,5\d\d series/)
    expect(record.pageErrors).toEqual([])
    // The counter does see reads: a reload reads the dataset's chunks back.
    await tab.reload()
    await waitForChart(tab)
    await expect.poll(chunkReads, { timeout: 30_000 }).toBeGreaterThan(0)
    await fresh.close()
  }, 300_000)
})

describe('a breakdown with many values (issue 24, 6)', () => {
  it('400,000 rows of 50 series × 400 regions: the dashboard draws 20 lines, says how many there are, and answers', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    await recordLongTasks(fresh)
    const rows = ['indicator,region,period,value']
    for (let s = 0; s < 50; s++) for (let r = 0; r < 400; r++) for (let y = 2004; y < 2024; y++) rows.push(`Offence ${s},Region ${r},${y},${10 + ((s * 7 + r * 3 + y) % 90)}`)
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-regions-')), 'regions.csv')
    writeFileSync(path, `${rows.join('\n')}\n`)
    const { page, record } = await openPage(fresh, '/#/import')
    await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
    await page.setInputFiles('[data-testid="import-file"]', path)
    await page.waitForSelector('[data-testid="import-mapping"]', { timeout: 60_000 })
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 180_000 })
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toBe('400,000 figures ready to import')
    await page.fill('[data-testid="import-name"]', 'Regions')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-success', { timeout: 180_000 })
    await takeLongTasks(page)
    await page.goto(new URL('./#/', baseUrl()).toString())
    await page.waitForSelector('[data-testid="line-cap"]', { timeout: 60_000 })
    // The 20 default series are the bundled trend series and the first imported ones, each of those by 400 regions.
    const notice = (await page.locator('[data-testid="line-cap"]').textContent())!.trim()
    expect(notice).toMatch(/^Showing 20 of \d{1,2},\d{3} lines: choose in the filters\.$/)
    expect(Number(notice.match(/of ([\d,]+)/)![1]!.replace(/,/g, ''))).toBeGreaterThan(2000)
    await waitForChart(page)
    const drawn = await page.evaluate(() => {
      const chart = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string }[] } } }).__vigieChart
      return chart.getOption().series.filter((s) => !s.id.startsWith('milestones-') && !s.id.includes('#')).length
    })
    expect(drawn).toBe(20)
    const opening = await takeLongTasks(page)
    // It answers: switching to the change view takes effect at once.
    await page.click('[data-mode="change"]')
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5000 }).toContain('view=change')
    await page.click('[data-mode="absolute"]')
    await page.waitForTimeout(500)
    const tasks = await takeLongTasks(page)
    console.log(`20,000 lines: opening ${opening.map(Math.round).join(', ')} ms; view changes: ${tasks.map(Math.round).join(', ')} ms`)
    // Generous: before the cap the tab stopped answering for minutes.
    expect(Math.max(0, ...tasks)).toBeLessThan(1000)
    expect(record.pageErrors).toEqual([])
    await fresh.close()
  }, 400_000)
})

describe('very large views (issue 24, 9)', () => {
  it('the Table of a 100,000-figure view is paged: 200 rows at a time, and it answers when it opens, pages or sorts', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    await recordLongTasks(fresh)
    // 20 daily series over 5,000 days: 100,000 figures, all within the 20 lines drawn.
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)
    const lines = [`date,${Array.from({ length: 20 }, (_, s) => `Series ${s}`).join(',')}`]
    for (let i = 0; i < 5000; i++) lines.push(`${day(i)},${Array.from({ length: 20 }, (_, s) => 10 + ((i * 7 + s * 13) % 500)).join(',')}`)
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-table-')), 'daily.csv')
    writeFileSync(path, `${lines.join('\n')}\n`)
    const { page, record } = await openPage(fresh, '/#/import')
    await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
    await page.setInputFiles('[data-testid="import-file"]', path)
    await page.waitForSelector('[data-testid="import-mapping"]', { timeout: 60_000 })
    await page.click('[data-testid="import-check"]')
    await page.waitForSelector('[data-testid="import-report"]', { timeout: 120_000 })
    expect(await page.locator('[data-testid="import-valid"]').textContent()).toBe('100,000 figures ready to import')
    await page.fill('[data-testid="import-name"]', 'Daily')
    await page.click('[data-testid="import-commit"]')
    await page.waitForSelector('[data-testid="import-notice"].notice-success', { timeout: 120_000 })
    const link = (await page.getAttribute('[data-testid="import-to-dashboard"]', 'href'))!
    const query = new URLSearchParams(link.split('?')[1])
    query.delete('tab')
    await page.goto(new URL(`./#/?${query}`, baseUrl()).toString())
    await waitForChart(page)
    await page.waitForTimeout(1000)
    const longest = async () => Math.max(0, ...(await takeLongTasks(page)))
    await longest()
    await page.locator('#tab-table').click()
    await page.waitForSelector('[data-testid="table-pages"]')
    const opening = await longest()
    expect(await page.locator('[data-testid="figures-table"] caption').textContent()).toContain('100,000 figures shown')
    expect(await page.locator('[data-testid="figures-table"] tbody tr').count()).toBe(200)
    expect(await page.locator('[data-testid="table-pages"] span').textContent()).toBe('Rows 1–200 of 100,000')
    await page.click('[data-testid="table-next"]')
    await expect.poll(() => page.locator('[data-testid="table-pages"] span').textContent()).toBe('Rows 201–400 of 100,000')
    await page.locator('[data-testid="figures-table"] tbody tr').last().scrollIntoViewIfNeeded()
    const paging = await longest()
    await page.locator('[data-testid="figures-table"] thead button', { hasText: 'Value' }).click()
    await expect.poll(() => page.locator('[data-testid="table-pages"] span').textContent()).toBe('Rows 1–200 of 100,000')
    const sorting = await longest()
    console.log(`Table of 100,000 figures: opening ${opening.toFixed(0)} ms, paging ${paging.toFixed(0)} ms, sorting ${sorting.toFixed(0)} ms`)
    // Before paging, one task rendered every row: 11.7 s for 48,074 rows. The page holds 200 rows
    // whatever the view (checked above); the bound is generous for a loaded 2-core machine (the
    // opening includes the chart's teardown; measured 203-226 ms with a load average of 7-12).
    expect(Math.max(opening, paging, sorting)).toBeLessThan(1000)
    expect(record.pageErrors).toEqual([])
    await fresh.close()
  }, 400_000)
})
