/**
 * Your own milestones, end to end in a real browser: a milestones file imported on the Import
 * screen (its bad line named by line and column), one added by hand on the Timeline, both drawn and
 * listed on the dashboard as "Y1…" and "yours", carried into an export and Present, kept across a
 * reload, and a link opened by someone without them telling how many are not shown.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { drawnMilestones, launch, openPage, waitForChart } from './browser'
import { download, unzip } from './files'

let browser: Browser
let context: BrowserContext
let scratch: string

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  scratch = mkdtempSync(join(tmpdir(), 'vigie-own-'))
})
afterAll(async () => {
  await browser.close()
  rmSync(scratch, { recursive: true, force: true })
})

const FILE = [
  'Datum;Titel;Categorie;Misdrijven;Bron;Opmerking',
  '2018-03;Lokale preventiecampagne;campaign;grooming;https://example.org/campagne;Arrondissement Gent',
  '2019-14;Slechte datum;event;general;;',
  '2020-09-01;Gespecialiseerde eenheid parket;project;csam;;',
].join('\n')

describe('your own milestones', () => {
  it('imports a file, adds one by hand, shows them everywhere, keeps them, and a link without them says so', async () => {
    const path = join(scratch, 'lokaal.csv')
    writeFileSync(path, FILE)
    const { page, record } = await openPage(context, '/#/import?lang=en')
    await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' })
    await page.setInputFiles('[data-testid="import-file"]', path)
    await page.waitForSelector('[data-testid="own-import"]')
    expect((await new AxeBuilder({ page }).include('[data-testid="own-import"]').analyze()).violations.map((v) => v.id)).toEqual([])
    // The mapping step: which column is read as what, and the bad line named by line and column.
    expect(await page.locator('[data-testid="own-columns"]').textContent()).toContain('1. Datum')
    const issues = await page.locator('[data-testid="own-import-issues"]').textContent()
    expect(issues).toContain('Line 3, column 1 (Date): “2019-14” is not a date')
    expect(await page.locator('[data-testid="own-import-summary"]').textContent()).toContain('2 milestones can be added')
    await page.click('[data-testid="own-import-add"]')
    await page.waitForSelector('[data-testid="own-set-name"]')
    expect(await page.locator('[data-testid="own-set-name"]').textContent()).toBe('lokaal')
    // A second tab on the dashboard follows what this one adds.
    const { page: tab2 } = await openPage(context, '/#/?lang=en')
    await waitForChart(tab2)
    expect(await tab2.locator('.milestone-key li[data-milestone="Y2"]').count()).toBe(1)

    // One by hand on the Timeline, with the keyboard.
    await page.goto(page.url().replace(/#\/import.*/, '#/timeline?lang=en'))
    await page.waitForSelector('[data-testid="own-add"]')
    await page.focus('[data-testid="own-add"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="own-form"]')
    // A bad link is refused, named at its field, the focus on it.
    await page.fill('#own-date', '2021-06')
    await page.fill('#own-title_en', 'Our NGO campaign')
    await page.fill('#own-source', 'javascript:alert(1)')
    await page.click('[data-testid="own-save"]')
    await page.waitForSelector('#own-source-error')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('own-source')
    expect(await page.getAttribute('#own-source', 'aria-describedby')).toContain('own-source-error')
    const axe = await new AxeBuilder({ page }).include('.timeline').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    await page.fill('#own-source', 'https://example.org/launch')
    await page.selectOption('#own-category', 'campaign')
    await page.check('[data-testid="own-form"] input[value="grooming"]')
    await page.click('[data-testid="own-save"]')
    await page.waitForSelector('.timeline-item[data-milestone="Y3"]')
    const item = page.locator('.timeline-item[data-milestone="Y3"]')
    expect(await item.locator('[data-testid="own-tag"]').textContent()).toBe('yours')
    expect(await item.locator('a').getAttribute('href')).toBe('https://example.org/launch')
    await expect.poll(() => tab2.locator('.milestone-key li[data-milestone="Y3"]').count(), { timeout: 5000 }).toBe(1)
    await tab2.close()
    // Edited: same mark, new title, a French title added.
    await page.click('[data-testid="own-edit-Y3"]')
    expect(await page.inputValue('#own-title_en')).toBe('Our NGO campaign')
    await page.fill('#own-title_en', 'Our NGO campaign launch')
    await page.fill('#own-title_fr', 'Lancement de la campagne de notre ONG')
    await page.click('[data-testid="own-save"]')
    await expect.poll(() => page.locator('.timeline-item[data-milestone="Y3"] h3').textContent()).toContain('Our NGO campaign launch')
    expect(await page.locator('.timeline-item[data-milestone="Y1"] h3').textContent()).toContain('Lokale preventiecampagne')

    // The dashboard: drawn with their marks, in the key as "yours", the bundled numbers as they were.
    await page.goto(page.url().replace(/#\/timeline.*/, '#/?lang=en'))
    await waitForChart(page)
    const drawn = await drawnMilestones(page)
    expect(drawn).toEqual(expect.arrayContaining(['Y1', 'Y2', 'Y3']))
    for (const tag of ['Y1', 'Y2', 'Y3']) {
      const li = page.locator(`.milestone-key li[data-milestone="${tag}"]`)
      expect(await li.locator('.milestone-number').textContent()).toBe(tag)
      expect(await li.locator('[data-testid="own-tag"]').textContent()).toBe('yours')
    }
    // Distinct stroke: the own lines dash-dot, the data set's plain dashes.
    const styles = await page.evaluate(() => {
      const option = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string; markLine?: { data: { name: string; lineStyle?: { type?: unknown } }[] } }[] } } }).__vigieChart.getOption()
      const data = option.series.find((s) => s.id === 'milestones-0')!.markLine!.data
      return Object.fromEntries(data.map((d) => [d.name, JSON.stringify(d.lineStyle?.type ?? null)]))
    })
    expect(styles.Y3).toBe('[8,3,2,3]')
    const key = page.locator('.milestone-key')
    await key.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'tests/e2e/screenshots/own-milestones-dashboard-en.png', fullPage: true })
    // The key's "yours" tag is legible: as large as its neighbours' type and not clipped.
    const tag = await page.locator('.milestone-key li[data-milestone="Y3"] [data-testid="own-tag"]').boundingBox()
    expect(tag!.height).toBeGreaterThanOrEqual(12)
    expect(tag!.width).toBeGreaterThan(20)

    // Exports: the SVG draws the marks; the HTML file's key lists them as yours.
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8')
    expect(svg).toContain('>Y3<')
    expect(svg).toContain('Y3 — June 2021: Our NGO campaign launch (yours)')
    const html = (await download(page, 'export-html')).bytes.toString('utf8')
    expect(html).toContain('Y1 — March 2018: Lokale preventiecampagne (yours)')

    // The link names them; Present shows them.
    const link = page.url()
    expect(new URL(link.replace('#/', '')).searchParams.get('own')?.split(',')).toHaveLength(3)
    // Saved as a view: the PowerPoint deck's notes list them, and Present draws and lists them.
    if (!(await page.locator('[data-testid="share-panel"]').isVisible())) await page.click('[data-testid="share-toggle"]')
    await page.fill('[data-testid="saved-name"]', 'Ours')
    await page.click('[data-testid="saved-save"]')
    const deck = unzip((await download(page, 'saved-deck')).bytes)
    const notes = [...deck].filter(([name]) => name.startsWith('ppt/notesSlides/')).map(([, bytes]) => bytes.toString('utf8')).join('')
    expect(notes).toContain('Y2 — 1 September 2020: Gespecialiseerde eenheid parket (yours)')
    await page.click('[data-testid="saved-present"]')
    await page.waitForSelector('[data-testid="present-title"]')
    await page.waitForSelector('.present-key')
    expect(await page.locator('.present-key li[data-milestone="Y3"] .milestone-title').textContent()).toBe('Our NGO campaign launch')
    expect(await page.locator('.present-key li[data-milestone="Y3"] [data-testid="own-tag"]').textContent()).toBe('yours')

    // Reload: still there (IndexedDB).
    await page.goto(link)
    await page.reload()
    await waitForChart(page)
    expect(await page.locator('.milestone-key li[data-milestone="Y2"] .milestone-title').textContent()).toBe('Gespecialiseerde eenheid parket')

    // Someone else opens the link: no own milestones there, a notice, and no broken number.
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page: theirs } = await openPage(other, link.slice(link.indexOf('#')))
    await waitForChart(theirs)
    expect(await theirs.locator('[data-testid="own-missing"]').textContent()).toContain('3 milestones of the sender’s own are not shown')
    expect(await theirs.locator('.milestone-key li[data-milestone^="Y"]').count()).toBe(0)
    expect((await drawnMilestones(theirs)).some((n) => n.startsWith('Y'))).toBe(false)
    // In French too.
    const { page: fr } = await openPage(other, link.slice(link.indexOf('#')).replace('lang=en', 'lang=fr'))
    await waitForChart(fr)
    expect(await fr.locator('[data-testid="own-missing"]').textContent()).toContain('3 jalons propres à l’expéditeur ne sont pas affichés')

    // A damaged stored set (written by hand, a control character in its note) is set aside, not shown.
    await fr.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('vigie-imports', 3)
          open.onupgradeneeded = () => {
            const db = open.result
            db.createObjectStore('datasets', { keyPath: 'id' })
            db.createObjectStore('tables')
            db.createObjectStore('setAside', { autoIncrement: true })
            db.createObjectStore('chunks')
            db.createObjectStore('own', { keyPath: 'id' })
            db.createObjectStore('meta')
          }
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('own', 'readwrite')
            const title = { en: 'Damaged', fr: 'Damaged', nl: 'Damaged' }
            const milestone = { id: 'abcdefgh', seq: 1, date: '2020', endDate: '', category: 'event', jurisdiction: '', offences: ['general'], title, source: '', note: 'bad\u0000' }
            tx.objectStore('own').put({ id: 'own-bad', name: 'Broken set', hidden: false, createdAt: '2026-01-01T00:00:00Z', byHand: false, milestones: [milestone], format: 1 })
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
          }
        }),
    )
    const { page: imports } = await openPage(other, '/#/import?lang=en')
    await imports.waitForSelector('[data-testid="datasets-set-aside"]')
    expect(await imports.locator('[data-testid="datasets-set-aside"]').textContent()).toContain('Broken set')
    expect(await imports.locator('[data-testid="own-set-name"]').count()).toBe(0)
    // The form in French: every label and error in French, axe clean.
    const { page: frForm } = await openPage(other, '/#/timeline?lang=fr')
    await frForm.click('[data-testid="own-add"]')
    await frForm.click('[data-testid="own-save"]')
    await frForm.waitForSelector('#own-date-error')
    expect(await frForm.locator('#own-date-error').textContent()).toBe('une date est nécessaire')
    expect(await frForm.locator('label[for="own-title_nl"]').textContent()).toBe('Titre en néerlandais')
    expect((await new AxeBuilder({ page: frForm }).include('.timeline').analyze()).violations.map((v) => v.id)).toEqual([])
    await other.close()

    expect(record.pageErrors).toEqual([])
    expect(await record.cspViolations()).toEqual([])
    expect(record.requests.every((r) => r.startsWith(new URL(link).origin) || r.startsWith('blob:') || r.startsWith('data:'))).toBe(true)
  })
})
