/** "Cite this view" in a real browser: each format copied from the share menu and from an embed, in English and French. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { baseUrl, launch, openPage, waitForChart } from './browser'
import en from '../../src/i18n/locales/en.json'
import fr from '../../src/i18n/locales/fr.json'
import { embedSnippet } from '../../src/core/export/embed'
import { englishWords } from '../helpers/english'

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', acceptDownloads: true })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin })
})
afterAll(async () => {
  await context.close()
  await browser.close()
})

const FORMATS = ['apa', 'bibtex', 'ris', 'csl'] as const

/** The view's title, as every export of it names it: the chart's title and the offence shown (French sets a narrow space before `:`). */
const TITLE = { en: `${en.chart.title}: ${en.offence.csam}`, fr: `${fr.chart.title}\u202F: ${fr.offence.csam}` }

/** The dashboard at a view, chart drawn, the share menu open at its citation. */
async function openCite(path: string): Promise<{ page: Page; errors: string[] }> {
  const { page, record } = await openPage(context, path)
  await waitForChart(page)
  await page.click('[data-testid="share-toggle"]')
  await page.locator('[data-testid="cite-panel"]').waitFor()
  return { page, errors: record.pageErrors }
}

/** The data version the footer shows: `2026-12-04+1a2b3c4d`. */
async function footerVersion(page: Page): Promise<string> {
  const text = (await page.locator('[data-testid="data-version"]').textContent()) ?? ''
  const version = /\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}/.exec(text)?.[0]
  expect(version, text).toBeTruthy()
  return version!
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

/** Copies the citation in a format and returns what the clipboard holds, after the panel said it was copied. */
async function copyAs(page: Page, format: (typeof FORMATS)[number], copied: string): Promise<string> {
  await page.check(`[data-testid="cite-format-${format}"]`)
  await page.evaluate(() => navigator.clipboard.writeText(''))
  await page.click('[data-testid="cite-copy"]')
  await expect.poll(() => page.locator('[data-testid="cite-status"]').textContent()).toContain(copied)
  const text = await clipboard(page)
  // What was copied is what the panel shows (a text field shows RIS's CRLF line ends as LF).
  expect(text.replace(/\r\n/g, '\n')).toBe(await page.locator('[data-testid="cite-text"]').inputValue())
  return text
}

describe('Cite this view, from the share menu', () => {
  it('copies the view in APA, BibTeX, RIS and CSL-JSON: its title, its link, the data version and its producers', async () => {
    const { page, errors } = await openCite('/#/?off=csam&from=2012&to=2023&v=1')
    const title = TITLE.en
    const version = await footerVersion(page)
    for (const format of FORMATS) {
      const text = await copyAs(page, format, 'Citation copied')
      expect(text, format).toContain(title)
      expect(text, format).toContain(version)
      expect(text, format).toContain('Child Focus')
      expect(text, format).toMatch(/https?:\/\/[^\s"}]+\/#\/\?[^\s"}]*off=csam[^\s"}]*from=2012[^\s"}]*to=2023/)
    }
    expect(await copyAs(page, 'apa', 'APA')).toMatch(/^[^\n]+ & Vigie\. \(\d{4}\)\. .+ \[Data set\]\. Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from https?:\/\//)
    expect(await copyAs(page, 'bibtex', 'BibTeX')).toMatch(/^@misc\{vigie-csam-\d{4}-\d{2}-\d{2},\n {2}author = \{\{Child Focus\} and [^\n]*\{Vigie\}\},\n/)
    const ris = await copyAs(page, 'ris', 'RIS')
    expect(ris.split('\r\n').filter(Boolean).every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true)
    expect(ris).toMatch(/^TY {2}- DATA\r\n/)
    const csl = JSON.parse(await copyAs(page, 'csl', 'CSL-JSON')) as { type: string; title: string; version: string; author: { literal: string }[] }[]
    expect(csl[0]).toMatchObject({ type: 'dataset', title, version })
    expect(csl[0]!.author.at(-1)).toEqual({ literal: 'Vigie' })
    // The milestones' publishers are not authors of the figures.
    expect(csl[0]!.author.map((a) => a.literal)).not.toContain('Belgian Chamber of Representatives')
    // The footer links the licences the citation names.
    const licences = await page.locator('footer a[rel="license"]').evaluateAll((links) => links.map((a) => [a.textContent, (a as HTMLAnchorElement).href]))
    expect(licences).toEqual([
      ['EUPL 1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12'],
      ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ])
    expect(JSON.parse(await copyAs(page, 'csl', 'CSL-JSON'))[0].note).toContain('CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)')
    expect(errors).toEqual([])
    await page.close()
  })

  it('downloads the citation as a file reference managers open', async () => {
    const { page } = await openCite('/#/?off=csam&from=2012&to=2023&v=1')
    for (const [format, ext] of [['bibtex', 'bib'], ['ris', 'ris']] as const) {
      await page.check(`[data-testid="cite-format-${format}"]`)
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="cite-download"]')])
      expect(file.suggestedFilename()).toMatch(new RegExp(`^vigie-csam-\\d{4}-\\d{4}-en\\.citation\\.${ext}$`))
      const saved = readFileSync(await file.path(), 'utf8')
      expect(saved.replace(/\r\n/g, '\n')).toBe(await page.locator('[data-testid="cite-text"]').inputValue())
      if (format === 'ris') expect(saved).toMatch(/^TY {2}- DATA\r\n/)
    }
    await page.close()
  })

  it('cites in French from the French interface, with no English word in the panel, and passes axe-core', async () => {
    const { page, errors } = await openCite('/#/?off=csam&from=2012&to=2023&lang=fr&v=1')
    const title = TITLE.fr
    const version = await footerVersion(page)
    const apa = await copyAs(page, 'apa', 'Citation copiée')
    expect(apa).toContain(title)
    expect(apa).toContain(`(Version ${version}) [Jeu de données]. Consulté le `)
    expect(apa).toMatch(/ et Vigie\. \(\d{4}\)\. /)
    expect(apa).toMatch(/Consulté le \d{1,2} [a-zéû]+ \d{4}, sur https?:\/\/\S+lang=fr/)
    const bib = await copyAs(page, 'bibtex', 'Citation copiée')
    expect(bib).toContain('langid = {french}')
    expect(bib).toMatch(/note = \{Données\u202F: [^}\n]*Child Focus[^}\n]*compilées par Vigie\./)
    expect(bib).toContain(`Version des données ${version}`)
    const panel = page.locator('[data-testid="cite-panel"]')
    expect(await panel.locator('h3').textContent()).toBe('Citer cette vue')
    const words = ((await panel.innerText()) + (await panel.locator('[data-testid="cite-text"]').getAttribute('aria-label'))).replace(/\s+/g, ' ')
    for (const english of ['Cite', 'Copy', 'Download', 'Retrieved', 'Data set', 'format', 'edition']) expect(words).not.toContain(english)
    expect(englishWords(words, 'fr')).toEqual([])
    expect(englishWords(apa, 'fr')).toEqual([])
    // The footer's licences and the sources' terms, in French too.
    const footer = await page.locator('footer').innerText()
    expect(footer).toContain('Code : EUPL 1.2 · données compilées : CC BY 4.0')
    expect(englishWords(footer, 'fr')).toEqual([])
    await panel.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: 'tests/e2e/screenshots/cite-panel-fr.png' })
    const axe = await new AxeBuilder({ page }).include('[data-testid="share-panel"]').analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('follows a filter changed while the panel is open', async () => {
    const { page } = await openCite('/#/?off=csam&from=2012&to=2023&v=1')
    await page.goto(new URL('./#/?off=grooming&v=1', baseUrl()).toString())
    await waitForChart(page)
    if (!(await page.locator('[data-testid="cite-panel"]').isVisible())) await page.click('[data-testid="share-toggle"]')
    const text = await page.locator('[data-testid="cite-text"]').inputValue()
    expect(text).toContain('off=grooming')
    expect(text).not.toContain('off=csam')
    await page.close()
  })
})

describe('Cite, under an embedded chart', () => {
  it('unfolds the citation inside the embed, linking the dashboard view, in the embed’s language', async () => {
    const { page, record } = await openPage(context, '/embed.html#/embed?off=csam&from=2012&to=2023&lang=fr')
    await page.locator('[data-testid="embed-cite"] summary').waitFor()
    expect(await page.locator('[data-testid="embed-cite"] summary').textContent()).toBe('Citer')
    await page.click('[data-testid="embed-cite"] summary')
    await page.locator('[data-testid="cite-text"]').waitFor()
    const apa = await page.locator('[data-testid="cite-text"]').inputValue()
    expect(apa).toContain('Consulté le')
    expect(apa).toContain('Child Focus')
    // The link reopens the view in the dashboard, not in the frame.
    const link = /https?:\/\/\S+/.exec(apa)![0]
    expect(link).not.toContain('embed')
    expect(new URL(link).hash).toMatch(/^#\/\?.*off=csam/)
    await page.click('[data-testid="cite-copy"]')
    await expect.poll(() => page.locator('[data-testid="cite-status"]').textContent()).toContain('Citation copiée')
    expect(await clipboard(page)).toBe(apa)
    const axe = await new AxeBuilder({ page }).include('[data-testid="embed-cite"]').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
    expect(record.pageErrors).toEqual([])
    await page.close()
  })

  it('copies from inside a frame on another site, which has no clipboard permission, by the browser’s copy command', async () => {
    const embed = new URL('./embed.html#/embed?off=csam&from=2012&to=2023&lang=en', baseUrl()).toString()
    // The snippet a reader pastes: its frame is not allowed the clipboard API.
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>An article</h1>${embedSnippet(embed, 'Vigie chart').split('\n')[0]}</body></html>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host).origin })
      const page = await context.newPage()
      await page.goto(host)
      await page.evaluate(() => navigator.clipboard.writeText(''))
      const frame = page.frameLocator('iframe')
      await frame.locator('[data-testid="embed-cite"] summary').click()
      const field = frame.locator('[data-testid="cite-text"]')
      await field.waitFor()
      const apa = await field.inputValue()
      expect(apa).toMatch(/\[Data set\]\. Retrieved /)
      await frame.locator('[data-testid="cite-copy"]').click()
      await expect.poll(() => frame.locator('[data-testid="cite-status"]').textContent()).toContain('Citation copied')
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apa)
      await page.close()
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
