import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launch, openPage } from './browser'
import { readDataVersion } from '../../scripts/dataVersion'

type Row = Record<string, string>
const csv = (name: string): Row[] => Papa.parse<Row>(readFileSync(`data/${name}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
}
// The footer's month, worked out from the data, not from the app: the latest source `checked` date.
const latestChecked = csv('sources').map((s) => s.checked!.slice(0, 7)).sort().at(-1)!
const [year, month] = latestChecked.split('-').map(Number) as [number, number]
const latestOf = (indicator: string) => csv('observations').filter((o) => o.indicator === indicator).map((o) => o.period!).sort().at(-1)!

let browser: Browser
let context: BrowserContext
beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
})
afterAll(async () => {
  await browser.close()
})

describe('how recent the data are', () => {
  it('the footer says when the data were last checked, in the reader\'s language', async () => {
    const { page, record } = await openPage(context, '/#/?lang=en')
    const footer = page.locator('[data-testid="data-checked"]')
    await expect.poll(() => footer.textContent()).toBe(`Data checked up to ${MONTHS.en[month - 1]} ${year}.`)
    await page.locator('[data-testid="lang-fr"]').click()
    await expect.poll(() => footer.textContent()).toBe(`Données vérifiées jusqu’en ${MONTHS.fr[month - 1]} ${year}.`)
    // The data version: the changelog's release day and the CSV files' hash, as a citation names it.
    const { released, hash } = readDataVersion('data')
    await expect(page.locator('[data-testid="data-version"]').textContent()).resolves.toBe(`Version des données : ${released}+${hash}.`)
    expect(record.pageErrors).toEqual([])
    await page.close()
  })

  it('the Indicators screen shows each indicator\'s latest figure and flags a published figure not yet in the data', async () => {
    const { page, record } = await openPage(context, '/#/indicators?lang=en')
    const ncmec = page.locator('.catalogue-entry[data-indicator="ncmec_cybertipline_referral_reports_belgium"]')
    await ncmec.waitFor()
    // NCMEC's referral reports stop at 2024 in the data; its 2025 report is known to be published (data/newer.csv).
    expect(latestOf('ncmec_cybertipline_referral_reports_belgium')).toBe('2024')
    await expect(ncmec.locator('[data-testid="latest-period"]').textContent()).resolves.toBe('2024')
    const flag = ncmec.locator('[data-testid="newer-flag"]')
    await expect(flag.textContent()).resolves.toMatch(/A figure for 2025 has been published but is not yet in Vigie/)
    const newer = csv('newer').find((n) => n.indicator === 'ncmec_cybertipline_referral_reports_belgium')!
    await expect(flag.locator('a').getAttribute('href')).resolves.toBe(newer.url)
    // The hotline and sextortion files run to 2024 (Child Focus's 2024 annual report) and nothing later is known: no flag.
    for (const id of ['cf_hotline_reports', 'cf_sextortion_files', 'cf_sexting_files', 'cf_grooming_files']) {
      const entry = page.locator(`.catalogue-entry[data-indicator="${id}"]`)
      expect(latestOf(id)).toBe('2024')
      await expect(entry.locator('[data-testid="latest-period"]').textContent()).resolves.toBe('2024')
      await expect(entry.locator('[data-testid="newer-flag"]').count()).resolves.toBe(0)
    }
    // Every indicator with figures shows its latest period; every flag names a later one.
    const entries = await page.locator('.catalogue-entry').evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute('data-indicator')!, latest: e.querySelector('[data-testid="latest-period"]')?.textContent ?? '', flagged: !!e.querySelector('[data-testid="newer-flag"]') })),
    )
    expect(entries.length).toBe(csv('indicators').length)
    for (const e of entries) expect(e.latest, e.id).not.toBe('')
    expect(entries.filter((e) => e.flagged).map((e) => e.id).sort()).toEqual(csv('newer').map((n) => n.indicator).sort())
    await ncmec.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'tests/e2e/screenshots/indicators-latest-en.png' })
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([])
    expect(record.pageErrors).toEqual([])
    // No request to any third-party host: the flag is a link, nothing is fetched from it.
    const origin = new URL(page.url()).origin
    expect(record.requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:'))).toEqual([])
    await page.close()
  })

  it('the flag speaks French to a French reader', async () => {
    const { page } = await openPage(context, '/#/indicators?lang=fr')
    const ncmec = page.locator('.catalogue-entry[data-indicator="ncmec_cybertipline_referral_reports_belgium"]')
    await ncmec.waitFor()
    await expect(ncmec.textContent()).resolves.toContain('Dernier chiffre')
    await expect(ncmec.locator('[data-testid="newer-flag"]').textContent()).resolves.toMatch(/Un chiffre pour 2025 a été publié mais n’est pas encore dans Vigie \(où il est publié\)/)
    await page.close()
  })
})
