/**
 * Download the data (issue 21), in Chromium against the built site: the view's zip and the whole
 * data set's zip opened and read, the CSV from the French interface in semicolons, SDMX-CSV, the
 * static data URLs fetched from the site, and the schema.org Dataset found in the page under the
 * strict CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import Papa from 'papaparse'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseUrl, launch, openPage, waitForChart } from './browser'
import { download, unzip } from './files'

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

async function open(path: string): Promise<Page> {
  const { page } = await openPage(context, path)
  await waitForChart(page)
  return page
}

/** The figures the chart draws, as the share test counts them. */
function drawnFigures(page: Page): Promise<number> {
  return page.evaluate(() => {
    const chart = (window as unknown as { __vigieChart: { getOption: () => { series: { id: string; data: unknown[] }[] } } }).__vigieChart
    return chart
      .getOption()
      .series.filter((s) => !s.id.startsWith('milestones-') && !s.id.endsWith('#tentative'))
      .reduce((n, s) => n + s.data.filter((d) => d && typeof d === 'object' && !Array.isArray(d)).length, 0)
  })
}

const PACKAGE_FILES = ['datapackage.json', 'README.md', 'observations.csv', 'indicators.csv', 'sources.csv', 'milestones.csv']

const footerVersion = async (page: Page) => /(\d{4}-\d{2}-\d{2}\+[0-9a-f]{8})/.exec((await page.locator('[data-testid="data-version"]').textContent()) ?? '')![1]!

describe('download the data', () => {
  it('downloads this view as a zip: CSV files, datapackage.json with version, licence and citation, a README', async () => {
    const page = await open('/#/?off=csam&from=2012&to=2023&lang=en&v=1')
    const version = await footerVersion(page)
    const { name, bytes } = await download(page, 'data-view-zip')
    expect(name).toMatch(/\.data\.zip$/)
    const zip = unzip(bytes)
    expect([...zip.keys()].sort()).toEqual([...PACKAGE_FILES].sort())
    const descriptor = JSON.parse(zip.get('datapackage.json')!.toString('utf8')) as Record<string, unknown> & { resources: { name: string; path: string }[] }
    expect(descriptor).toMatchObject({ profile: 'tabular-data-package', name: 'vigie-view', version, licenses: [{ name: 'CC-BY-4.0' }] })
    expect(descriptor.citation).toBe(`Vigie (${version.slice(0, 4)}). ${descriptor.title as string}. Data version ${version}. Data: Child Focus; Eurostat; NCMEC; compiled by Vigie. ${page.url()}`)
    expect(descriptor.resources.map((r) => r.path)).toEqual(PACKAGE_FILES.slice(2))
    const observations = Papa.parse<Record<string, string>>(zip.get('observations.csv')!.toString('utf8'), { header: true, skipEmptyLines: true }).data
    expect(observations).toHaveLength(await drawnFigures(page))
    expect(observations.every((o) => o.indicator && o.period && o.source)).toBe(true)
    const readme = zip.get('README.md')!.toString('utf8')
    expect(readme).toContain('## How to cite')
    expect(readme).toContain('- What it does not count:')
    expect(readme).toContain('Creative Commons Attribution 4.0 International')
  })

  it('downloads the whole data set as a zip, in the interface’s language, the same figures as the static zip', async () => {
    const page = await open('/#/?lang=nl&v=1')
    const { bytes } = await download(page, 'data-dataset-zip')
    const zip = unzip(bytes)
    expect([...zip.keys()].sort()).toEqual([...PACKAGE_FILES].sort())
    const readme = zip.get('README.md')!.toString('utf8')
    expect(readme).toContain('## Hoe citeren')
    expect(readme).toContain('- Wat hij niet telt:')
    // Dutch defaults to semicolons and decimal commas; the descriptor says so.
    const descriptor = JSON.parse(zip.get('datapackage.json')!.toString('utf8')) as { resources: { dialect: { delimiter: string }; schema: { fields: { name: string; decimalChar?: string }[] } }[] }
    expect(descriptor.resources[0]!.dialect.delimiter).toBe(';')
    expect(descriptor.resources[0]!.schema.fields.find((f) => f.name === 'value')!.decimalChar).toBe(',')
    const rows = (text: string, delimiter: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, delimiter, skipEmptyLines: true }).data
    const fromPage = rows(zip.get('observations.csv')!.toString('utf8'), ';')
    const dist = process.env.VIGIE_DIST ?? 'dist'
    const fromStatic = rows(unzip(readFileSync(`${dist}/data/v1/vigie-data.zip`)).get('observations.csv')!.toString('utf8'), ',')
    expect(fromPage).toHaveLength(fromStatic.length)
    expect(fromPage.map((r) => Number(r.value!.replace(',', '.')))).toEqual(fromStatic.map((r) => Number(r.value)))
  })

  it('from the French interface writes the CSV with semicolons and decimal commas, and with commas when asked', async () => {
    const page = await open('/#/?off=csam&from=2012&to=2023&lang=fr&v=1')
    await page.click('[data-testid="share-toggle"]')
    await page.locator('[data-testid="data-download"]').waitFor()
    expect(await page.locator('[data-testid="dialect-semicolon"]').isChecked()).toBe(true)
    await page.locator('[data-testid="data-download"]').screenshot({ path: 'tests/e2e/screenshots/data-download-fr.png' })
    const semicolons = (await download(page, 'export-csv')).bytes.toString('utf8').replace(/^\uFEFF/, '')
    expect(semicolons.split('\r\n')[0]).toBe('indicator;label;breakdown;period;value;flag;unit;baseline;status;source;source_title;source_publisher;source_url;quote;note')
    const parsed = Papa.parse<Record<string, string>>(semicolons, { header: true, delimiter: ';', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    // Numbers stay numbers: digits with at most a decimal comma, or empty with a flag.
    for (const r of parsed.data) expect(r.value === '' ? r.flag !== '' : /^-?\d+(,\d+)?$/.test(r.value!)).toBe(true)
    await page.click('[data-testid="dialect-comma"]')
    const commas = (await download(page, 'export-csv')).bytes.toString('utf8').replace(/^\uFEFF/, '')
    expect(commas.split('\r\n')[0]).toBe('indicator,label,breakdown,period,value,flag,unit,baseline,status,source,source_title,source_publisher,source_url,quote,note')
    const typed = Papa.parse<Record<string, unknown>>(commas, { header: true, dynamicTyping: true, skipEmptyLines: true }).data
    expect(typed.length).toBe(parsed.data.length)
    for (const r of typed) expect(typeof r.value === 'number' || r.value === null).toBe(true)
    // The menu speaks French: no English word in the group.
    const group = (await page.locator('[data-testid="data-download"]').innerText()).toLowerCase()
    expect(group).toContain('télécharger les données')
    expect(group).not.toMatch(/\b(download|data set|whole|view|commas|decimal point)\b/)
  })

  it('downloads SDMX-CSV 2.0 of the view', async () => {
    const page = await open('/#/?off=csam&from=2012&to=2023&lang=en&v=1')
    const { name, bytes } = await download(page, 'data-sdmx')
    expect(name).toMatch(/\.sdmx\.csv$/)
    const lines = bytes.toString('utf8').trim().split('\r\n')
    expect(lines[0]).toBe('STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,AGE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,BASE_PER')
    expect(lines.length - 1).toBe(await drawnFigures(page))
    for (const line of lines.slice(1)) expect(line.startsWith('dataflow,VIGIE:DF_VIGIE(1.0),I,')).toBe(true)
  })
})

describe('the menu group', () => {
  it.each(['en', 'fr', 'nl', 'de'])('has no axe-core violation in %s, and its CSV format is a labelled radio group', async (lang) => {
    const page = await open(`/#/?lang=${lang}&v=1`)
    await page.click('[data-testid="share-toggle"]')
    const group = page.locator('[data-testid="data-download"]')
    await group.waitFor()
    const axe = await new AxeBuilder({ page }).include('[data-testid="data-download"]').analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    expect(await group.getByRole('radio').count()).toBe(2)
    expect(await page.locator('[data-testid="dialect-comma"]').isChecked()).toBe(lang === 'en')
    if (lang === 'en') await page.locator('[data-testid="share-panel"]').screenshot({ path: 'tests/e2e/screenshots/share-panel-data-en.png' })
  })
})

describe('static data URLs', () => {
  const get = async (path: string) => {
    const response = await fetch(new URL(path, baseUrl()))
    expect(response.status, path).toBe(200)
    return response
  }

  it('serves indicators.json, milestones.json, one CSV and JSON per indicator, the package, the zip and DCAT-AP', async () => {
    const list = (await (await get('data/v1/indicators.json')).json()) as { version: string; indicators: { id: string; csv: string; json: string; figures: number }[] }
    expect(list.version).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}$/)
    expect(list.indicators.length).toBeGreaterThan(10)
    const hotline = list.indicators.find((i) => i.id === 'cf_hotline_reports')!
    const csv = await (await get(`data/v1/${hotline.csv}`)).text()
    const rows = Papa.parse<Record<string, unknown>>(csv, { header: true, dynamicTyping: true, skipEmptyLines: true }).data
    expect(rows).toHaveLength(hotline.figures)
    expect(rows.every((r) => r.indicator === 'cf_hotline_reports' && typeof r.value === 'number')).toBe(true)
    const one = (await (await get(`data/v1/${hotline.json}`)).json()) as { indicator: { id: string }; observations: { value: number }[] }
    expect(one.indicator.id).toBe('cf_hotline_reports')
    expect(one.observations.map((o) => o.value)).toEqual(rows.map((r) => r.value))
    // Every indicator's files are there.
    for (const i of list.indicators) await get(`data/v1/${i.json}`)
    const milestones = (await (await get('data/v1/milestones.json')).json()) as { milestones: { id: string; title: { fr: string } }[] }
    expect(milestones.milestones.length).toBeGreaterThan(10)
    const pkg = (await (await get('data/v1/datapackage.json')).json()) as { version: string; resources: { path: string }[] }
    expect(pkg.version).toBe(list.version)
    for (const r of pkg.resources) await get(`data/v1/${r.path}`)
    const zip = unzip(new Uint8Array(await (await get('data/v1/vigie-data.zip')).arrayBuffer()))
    expect([...zip.keys()].sort()).toEqual([...PACKAGE_FILES, 'README.fr.md', 'README.nl.md', 'README.de.md'].sort())
    const dcat = (await (await get('data/v1/dcat.jsonld')).json()) as Record<string, unknown>
    expect(dcat['@type']).toBe('dcat:Dataset')
    expect(dcat['owl:versionInfo']).toBe(list.version)
  })
})

describe('findable data', () => {
  it('the page carries a schema.org Dataset as JSON-LD, in four languages, without a CSP violation', async () => {
    const { page, record } = await openPage(context, '/#/?lang=en&v=1')
    await waitForChart(page)
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
    expect(blocks).toHaveLength(1)
    const ld = JSON.parse(blocks[0]!) as { '@type': string; name: { '@language': string }[]; version: string; distribution: { contentUrl: string }[] }
    expect(ld['@type']).toBe('Dataset')
    expect(ld.name.map((n) => n['@language'])).toEqual(['en', 'fr', 'nl', 'de'])
    expect(ld.version).toBe(await footerVersion(page))
    // Its addresses resolve against the page to files the site serves.
    for (const d of ld.distribution) expect((await fetch(new URL(d.contentUrl, page.url()))).status, d.contentUrl).toBe(200)
    expect(await record.cspViolations()).toEqual([])
    expect(record.consoleErrors).toEqual([])
    expect(record.pageErrors).toEqual([])
  })
})
