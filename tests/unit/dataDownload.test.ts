/**
 * Data downloads (issue 21): the Frictionless data package against the Data Package JSON Schema
 * shipped in tests/fixtures/schemas, SDMX-CSV 2.0 headers and flags, the spreadsheet CSV in both
 * dialects read back by PapaParse, the formula guard, the schema.org and DCAT-AP descriptions,
 * and no withheld figure in any of them, over generated data sets.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv-draft-04'
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_DIALECTS, defaultDialect, spreadsheetCsv, SPREADSHEET_COLUMNS, type CsvDialect } from '../../src/core/export/csvDialect'
import { dataPackage, packageFiles, packageReadme, producersOf, type PackageMeta } from '../../src/core/export/datapackage'
import { datasetContent, viewContent, type DataContent } from '../../src/core/export/dataRows'
import { DATA_TEXT, plainCitation } from '../../src/core/export/dataText'
import { dcatDataset, jsonLdScript, schemaOrgDataset, STATIC_PATHS, type FindableMeta } from '../../src/core/export/findable'
import { figureRows } from '../../src/core/export/labels'
import { SDMX_COLUMNS, toSdmxCsv } from '../../src/core/export/sdmx'
import { viewFor } from '../../src/core/export/spec'
import { staticDataFiles } from '../../src/core/export/staticData'
import type { Dataset, Indicator, Locale, Observation } from '../../src/core/model'
import { parsePeriod } from '../../src/core/period'
import { withheldFigures } from '../../src/core/suppression'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { readBundledDataset } from '../../scripts/bundledDataset'
import { readStaticData } from '../../scripts/staticData'
import { generatedCase } from '../helpers/generatedData'
import { ENGLISH_WORDS } from '../helpers/english'

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '../fixtures/schemas/tabular-data-package.schema.json'), 'utf8')) as object
// The schema's formats, checked rather than ignored: a licence or source path must be a URI.
const FORMATS = {
  uri: (value: string) => URL.canParse(value),
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  'date-time': (value: string) => !Number.isNaN(Date.parse(value)),
  // A form hint of the Frictionless editor (a multi-line text box), not a constraint.
  textarea: () => true,
}
const validatePackage = new Ajv({ allErrors: true, strict: false, formats: FORMATS }).compile(SCHEMA)
const DATA = join(__dirname, '../../data')
const VERSION = '2026-12-04+0d30d792'

const text = (s: string) => ({ en: s, fr: `${s} (fr)`, nl: `${s} (nl)`, de: `${s} (de)` })

/** A fixed imported table: one count series by region (a small count, a provisional and an estimated figure, a break), its whole, and a rate. */
function fixedDataset(): Dataset {
  const indicator = (id: string, unit: Indicator['unit']): Indicator => ({
    id,
    offence: 'grooming',
    unit,
    comparesTo: '',
    partOf: null,
    label: text(id),
    short: null,
    description: text(`What ${id} counts`),
    caveat: text(`What ${id} is not`),
    dataset: 'u1',
  })
  let line = 1
  const obs = (id: string, period: string, value: number, region: string, extra: Partial<Observation> = {}): Observation => ({
    indicator: id,
    period: parsePeriod(period)!,
    value,
    baseline: '',
    ageGroup: '',
    gender: '',
    region,
    status: 'reported',
    source: 'u1:file',
    quote: `=HYPERLINK("http://evil.example","${value}")`,
    note: '',
    origin: { file: 'police.csv', line: ++line },
    ...extra,
  })
  return {
    sources: [{ id: 'u1:file', title: 'Police table', publisher: 'Police', date: '2024', url: 'https://example.org/police', languages: ['fr'], document: '' }],
    indicators: [indicator('u1:grooming', 'count')],
    observations: [
      obs('u1:grooming', '2021', 12.5, 'Liège', { status: 'provisional' }),
      obs('u1:grooming', '2022', 3, 'Liège'),
      obs('u1:grooming', '2023', 40, 'Liège', { status: 'estimate', note: 'series break: new police codes' }),
      obs('u1:grooming', '2021', 30, 'Namur'),
      obs('u1:grooming', '2022', 31, 'Namur'),
      obs('u1:grooming', '2023', 33, 'Namur'),
    ],
    milestones: [],
  }
}

const fixed = fixedDataset()
const fixedState: ViewState = { ...DEFAULT_VIEW, indicators: ['u1:grooming'], locale: 'fr' }
const fixedView = viewFor(fixed, fixedState, { suppressBelow: () => 5 })

function meta(locale: Locale, title = 'Test view'): PackageMeta {
  return { name: 'vigie-view', title, description: 'Figures of a view', locale, version: VERSION, citation: plainCitation(title, VERSION, 'https://vigie.example/#/?off=csam', locale), link: 'https://vigie.example/#/?off=csam', created: '2026-12-05T01:00:00.000Z' }
}

/** Parses a CSV in a dialect into objects by column name (byte-order mark dropped). */
function readCsv(textIn: string, dialect: CsvDialect): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(textIn.replace(/^\uFEFF/, ''), { header: true, delimiter: dialect.delimiter, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

/** A decimal-comma or decimal-point number back to a number, or null for an empty cell. */
const numberIn = (cell: string, dialect: CsvDialect): number | null => (cell === '' ? null : Number(dialect.decimal === ',' ? cell.replace(',', '.') : cell))

describe('Frictionless data package', () => {
  const bundled = readBundledDataset(DATA).value
  const content = datasetContent(bundled, withheldFigures(bundled.observations, bundled.indicators, () => 0), 'en')

  it.each([['comma'], ['semicolon']] as const)('of the whole bundled data set is valid against the Tabular Data Package schema (%s)', (name) => {
    const descriptor = dataPackage(meta('en'), content, CSV_DIALECTS[name])
    const valid = validatePackage(descriptor)
    expect(validatePackage.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(descriptor).toMatchObject({ profile: 'tabular-data-package', version: VERSION, licenses: [{ name: 'CC-BY-4.0' }] })
    const resources = descriptor.resources as { name: string; path: string; dialect: { delimiter: string }; schema: { fields: { name: string; type: string; decimalChar?: string }[]; foreignKeys?: unknown[] } }[]
    expect(resources.map((r) => r.path)).toEqual(['observations.csv', 'indicators.csv', 'sources.csv', 'milestones.csv'])
    const value = resources[0]!.schema.fields.find((f) => f.name === 'value')!
    expect(value).toMatchObject({ type: 'number', decimalChar: CSV_DIALECTS[name].decimal })
    expect(resources[0]!.dialect.delimiter).toBe(CSV_DIALECTS[name].delimiter)
    expect(resources[0]!.schema.foreignKeys).toEqual([
      { fields: ['indicator'], reference: { resource: 'indicators', fields: ['id'] } },
      { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
    ])
  })

  it('fails the schema when a resource has no table schema (the validator does check)', () => {
    const descriptor = dataPackage(meta('en'), content, CSV_DIALECTS.comma) as { resources: Record<string, unknown>[] }
    const broken = { ...descriptor, resources: descriptor.resources.map((r, i) => (i === 0 ? { ...r, schema: undefined } : r)) }
    expect(validatePackage(JSON.parse(JSON.stringify(broken)))).toBe(false)
  })

  it('holds every figure, and its foreign keys resolve: each figure names a listed indicator and source', () => {
    const files = packageFiles(meta('en'), content, CSV_DIALECTS.comma)
    const observations = readCsv(files.get('observations.csv')!, CSV_DIALECTS.comma)
    expect(observations).toHaveLength(bundled.observations.length)
    const indicators = new Set(readCsv(files.get('indicators.csv')!, CSV_DIALECTS.comma).map((r) => r.id))
    const sources = new Set(readCsv(files.get('sources.csv')!, CSV_DIALECTS.comma).map((r) => r.id))
    for (const o of observations) {
      expect(indicators.has(o.indicator!)).toBe(true)
      expect(sources.has(o.source!)).toBe(true)
    }
    for (const m of readCsv(files.get('milestones.csv')!, CSV_DIALECTS.comma)) expect(sources.has(m.source!)).toBe(true)
    // The first figure reads back as the number in data/observations.csv.
    expect(Number(observations[0]!.value)).toBe(bundled.observations[0]!.value)
  })

  it('has a README in the reader’s language: what each indicator counts and does not, sources, citation, licences', () => {
    for (const locale of ['en', 'fr', 'nl'] as const) {
      const readme = packageReadme(meta(locale, DATA_TEXT[locale].datasetTitle), content, CSV_DIALECTS[defaultDialect(locale)])
      const hotline = bundled.indicators.find((i) => i.id === 'cf_hotline_reports')!
      expect(readme).toContain(hotline.description[locale])
      expect(readme).toContain(hotline.caveat[locale])
      expect(readme).toContain(DATA_TEXT[locale].readme.counts)
      expect(readme).toContain(DATA_TEXT[locale].readme.notCounts)
      expect(readme).toContain(`Vigie (2026). ${DATA_TEXT[locale].datasetTitle}.`)
      expect(readme).toContain('Creative Commons Attribution 4.0 International')
      expect(readme).toContain('https://creativecommons.org/licenses/by/4.0/')
      expect(readme).toContain(VERSION)
    }
    const fr = packageReadme(meta('fr'), content, CSV_DIALECTS.semicolon)
    // Vigie's own words in French: headings, unit names, the format line (the data's own texts aside).
    const own = fr.split('\n').filter((l) => /^(## |- (Unité|Ce qu|Partie)|Fichiers CSV|Version des données|Les petits nombres)/.test(l)).map((l) => l.replace(/^(- [^:]+:).*/, '$1'))
    const words = own.join(' ').toLowerCase().split(/[^a-zà-ÿ’'-]+/)
    expect(words.filter((w) => ENGLISH_WORDS.has(w))).toEqual([])
  })

  it('credits the producers of the figures, not the press that relayed them: contributors, indicators.csv, README and citation', () => {
    const producers = producersOf(content, 'en')
    // Most figures first; a press site only where the article names no producer (data/README.md, "Producers").
    expect(producers.slice(0, 2)).toEqual(['Child Focus', 'Eurostat'])
    expect(producers).toContain('NCMEC')
    for (const name of producers) expect(name).not.toMatch(/^(knack|vrt|lalibre|levif|arabel)\./)
    const descriptor = dataPackage(meta('en'), content, CSV_DIALECTS.comma) as { contributors: { title: string; role: string }[] }
    expect(descriptor.contributors).toEqual([...producers.map((title) => ({ title, role: 'author' })), { title: 'Vigie', role: 'publisher' }])
    const indicators = readCsv(packageFiles(meta('fr'), content, CSV_DIALECTS.semicolon).get('indicators.csv')!, CSV_DIALECTS.semicolon)
    const lanzarote = indicators.find((r) => r.id === 'lanzarote_round2_parties')!
    expect([lanzarote.producer_en, lanzarote.producer_fr, lanzarote.producer_de]).toEqual(['Council of Europe (Lanzarote Committee)', 'Conseil de l\'Europe (Comité de Lanzarote)', 'Europarat (Lanzarote-Ausschuss)'])
    // Relayed by knack.be and others, produced by Child Focus.
    expect(indicators.find((r) => r.id === 'cf_grooming_files')!.producer_nl).toBe('Child Focus')
    const nl = plainCitation(DATA_TEXT.nl.datasetTitle, VERSION, '', 'nl', producersOf(content, 'nl'))
    expect(nl).toContain(`. Gegevens: Child Focus; Eurostat; `)
    expect(nl).toMatch(/; samengesteld door Vigie\.$/)
    const readme = packageReadme(meta('fr', DATA_TEXT.fr.datasetTitle), content, CSV_DIALECTS.semicolon)
    expect(readme).toContain('- Produit par\u202F: Police fédérale')
  })

  it('of a view is valid too, and carries exactly the figures drawn with their milestones', () => {
    const { rows, milestones } = viewContent(fixedView)
    expect(rows).toHaveLength(fixedView.series.reduce((n, s) => n + s.points.length, 0))
    expect(milestones).toEqual([])
    const descriptor = dataPackage(meta('fr'), viewContent(fixedView), CSV_DIALECTS.semicolon)
    expect(validatePackage(descriptor)).toBe(true)
  })
})

describe('SDMX-CSV 2.0', () => {
  const sdmx = toSdmxCsv(viewContent(fixedView).rows)
  const rows = readCsv(sdmx, CSV_DIALECTS.comma)

  it('starts with STRUCTURE, STRUCTURE_ID, ACTION, then the dimensions, TIME_PERIOD, OBS_VALUE and OBS_STATUS', () => {
    expect(sdmx.split('\r\n')[0]).toBe('STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,AGE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,BASE_PER')
    expect(Object.keys(rows[0]!)).toEqual([...SDMX_COLUMNS])
    expect(sdmx.charCodeAt(0)).not.toBe(0xfeff)
    for (const r of rows) expect([r.STRUCTURE, r.STRUCTURE_ID, r.ACTION]).toEqual(['dataflow', 'VIGIE:DF_VIGIE(1.0)', 'I'])
  })

  it('flags provisional p, estimated e, a break b, and a withheld figure c with no value', () => {
    const byKey = new Map(rows.map((r) => [`${r.REF_AREA} ${r.TIME_PERIOD}`, r]))
    expect(byKey.get('Liège 2021')).toMatchObject({ OBS_VALUE: '12.5', OBS_STATUS: 'p', AGE: '_T', SEX: '_T', UNIT_MEASURE: 'count' })
    expect(byKey.get('Liège 2022')).toMatchObject({ OBS_VALUE: '', OBS_STATUS: 'c' })
    expect(byKey.get('Liège 2023')).toMatchObject({ OBS_VALUE: '40', OBS_STATUS: 'be' })
    expect(byKey.get('Namur 2021')).toMatchObject({ OBS_VALUE: '30', OBS_STATUS: '' })
    expect(sdmx).not.toMatch(/(^|,)3(,|\r)/m)
  })

  it('writes an interval as its start and its length in days', () => {
    const view = viewFor({ ...fixed, observations: [{ ...fixed.observations[3]!, period: parsePeriod('2020-03-18/2020-07-15')! }] }, fixedState)
    expect(readCsv(toSdmxCsv(viewContent(view).rows), CSV_DIALECTS.comma)[0]!.TIME_PERIOD).toBe('2020-03-18/P120D')
  })
})

describe('spreadsheet CSV', () => {
  it.each([
    ['semicolon', 'fr'],
    ['comma', 'en'],
  ] as const)('in the %s dialect reads back with the matching settings: numbers as numbers, "< 5" in flag', (name, locale) => {
    const dialect = CSV_DIALECTS[name]
    expect(defaultDialect(locale)).toBe(name)
    const view = viewFor(fixed, { ...fixedState, locale }, { suppressBelow: () => 5 })
    const out = spreadsheetCsv(figureRows(view), dialect)
    expect(out.charCodeAt(0)).toBe(0xfeff)
    expect(out.split('\r\n')[0]!.replace(/^\uFEFF/, '')).toBe(SPREADSHEET_COLUMNS.join(dialect.delimiter))
    const rows = readCsv(out, dialect)
    const liege = rows.filter((r) => r.breakdown === 'Liège')
    expect(liege.map((r) => numberIn(r.value!, dialect))).toEqual([12.5, null, 40])
    expect(liege.map((r) => r.flag)).toEqual(['', '< 5', ''])
    if (name === 'semicolon') expect(liege[0]!.value).toBe('12,5')
    // A program with the matching settings reads the numbers as numbers.
    if (name === 'comma') {
      const typed = Papa.parse<Record<string, unknown>>(out.replace(/^\uFEFF/, ''), { header: true, dynamicTyping: true, skipEmptyLines: true }).data
      expect(typed.filter((r) => r.breakdown === 'Liège').map((r) => r.value)).toEqual([12.5, null, 40])
    }
  })

  it.each([['semicolon'], ['comma']] as const)('neutralises formulas in the %s dialect, numbers left as they are', (name) => {
    const dialect = CSV_DIALECTS[name]
    const rows = readCsv(spreadsheetCsv(figureRows(fixedView), dialect), dialect)
    const shown = rows.filter((r) => r.value !== '')
    expect(shown.length).toBeGreaterThan(0)
    for (const r of shown) expect(r.quote).toMatch(/^'=HYPERLINK/)
    // A formula after a separator a spreadsheet might split on is neutralised too.
    const hostile = { ...figureRows(fixedView)[0]!, label: 'a;=cmd|x', note: 'b,@SUM(A1)' }
    const [back] = readCsv(spreadsheetCsv([hostile], dialect), dialect)
    expect(back!.label).toBe("a;'=cmd|x")
    expect(back!.note).toBe("b,'@SUM(A1)")
    expect(back!.value).toBe(dialect.decimal === ',' ? '12,5' : '12.5')
  })
})

describe('schema.org Dataset and DCAT-AP', () => {
  const findable: FindableMeta = { version: VERSION, released: '2026-12-04', from: '2004-01-01', to: '2025-12-31', site: '' }

  it('schema.org: name and description in four languages, coverage, distributions, creator, licence, version', () => {
    const ld = JSON.parse(JSON.stringify(schemaOrgDataset(findable))) as Record<string, unknown>
    expect(ld['@context']).toBe('https://schema.org/')
    expect(ld['@type']).toBe('Dataset')
    for (const key of ['name', 'description']) expect((ld[key] as { '@language': string }[]).map((n) => n['@language'])).toEqual(['en', 'fr', 'nl', 'de'])
    expect(ld).toMatchObject({ version: VERSION, temporalCoverage: '2004-01-01/2025-12-31', license: 'https://creativecommons.org/licenses/by/4.0/', creator: { name: 'Vigie' } })
    expect(ld.spatialCoverage).toMatchObject({ '@type': 'Place', name: 'Belgium' })
    const distribution = ld.distribution as { '@type': string; contentUrl: string; encodingFormat: string }[]
    expect(distribution.map((d) => d.contentUrl)).toContain('data/v1/vigie-data.zip')
    for (const d of distribution) expect(d).toMatchObject({ '@type': 'DataDownload', encodingFormat: expect.stringMatching(/\//) })
    // With the site's address, every address is absolute.
    const absolute = schemaOrgDataset({ ...findable, site: 'https://vigie.example/' }) as { distribution: { contentUrl: string }[] }
    for (const d of absolute.distribution) expect(d.contentUrl).toMatch(/^https:\/\/vigie\.example\/data\/v1\//)
  })

  it('the JSON-LD block cannot close its script element', () => {
    const block = jsonLdScript({ name: '</script><script>alert(1)</script><!--' })
    expect(block.match(/<\/script>/g)).toHaveLength(1)
    expect(JSON.parse(block.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, ''))).toEqual({ name: '</script><script>alert(1)</script><!--' })
  })

  it('DCAT-AP: dcat:Dataset with titles in four languages, licence, distributions with download URL, format and media type, temporal, spatial, publisher, version', () => {
    const dcat = JSON.parse(JSON.stringify(dcatDataset({ ...findable, site: 'https://vigie.example/' }))) as Record<string, unknown>
    expect(dcat['@type']).toBe('dcat:Dataset')
    expect((dcat['@context'] as Record<string, string>).dcat).toBe('http://www.w3.org/ns/dcat#')
    expect((dcat['dct:title'] as { '@language': string }[]).map((t) => t['@language'])).toEqual(['en', 'fr', 'nl', 'de'])
    expect(dcat['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' })
    expect(dcat['owl:versionInfo']).toBe(VERSION)
    expect(dcat['dct:spatial']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/country/BEL' })
    expect(dcat['dct:temporal']).toMatchObject({ 'dcat:startDate': { '@value': '2004-01-01' }, 'dcat:endDate': { '@value': '2025-12-31' } })
    expect(dcat['dct:publisher']).toMatchObject({ 'foaf:name': 'Vigie' })
    const distributions = dcat['dcat:distribution'] as Record<string, { '@id': string }>[]
    expect(distributions.length).toBeGreaterThanOrEqual(3)
    for (const d of distributions) {
      expect(d['dcat:downloadURL']!['@id']).toMatch(/^https:\/\/vigie\.example\/data\/v1\/[a-z.-]+$/)
      expect(d['dct:format']!['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(ZIP|JSON|CSV)$/)
      expect(d['dcat:mediaType']!['@id']).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\/(application|text)\//)
    }
  })

  it('the static data of the bundled data set: the data package in place, per-indicator files, DCAT', () => {
    const data = readStaticData(DATA, '')
    const files = staticDataFiles(data.meta('en'), data.content, data.findable)
    expect(validatePackage(JSON.parse(files.get('datapackage.json')!))).toBe(true)
    const list = JSON.parse(files.get(STATIC_PATHS.indicators)!) as { version: string; indicators: { id: string; csv: string; json: string }[] }
    expect(list.indicators).toHaveLength(data.content.indicators.length)
    for (const i of list.indicators) {
      expect(files.has(i.csv)).toBe(true)
      expect(files.has(i.json)).toBe(true)
    }
    expect(JSON.parse(files.get(STATIC_PATHS.dcat)!)['@type']).toBe('dcat:Dataset')
    expect(data.findable.from).toMatch(/^\d{4}-01-01$/)
  })
})

/** Every download of a generated data set, and what it says of each figure: "withheld" or its number. */
function everyExport(content: DataContent, viewRows: ReturnType<typeof figureRows>, viewData: DataContent): string[] {
  const findable: FindableMeta = { version: VERSION, released: '2026-12-04', from: '2000-01-01', to: '2030-12-31', site: '' }
  return [
    ...packageFiles(meta('en'), content, CSV_DIALECTS.comma).values(),
    ...packageFiles(meta('fr'), viewData, CSV_DIALECTS.semicolon).values(),
    ...staticDataFiles(meta('en'), content, findable).values(),
    toSdmxCsv(viewData.rows),
    spreadsheetCsv(viewRows, CSV_DIALECTS.semicolon),
    spreadsheetCsv(viewRows, CSV_DIALECTS.comma),
  ]
}

describe('withheld figures', () => {
  it('never appear in any export, over generated data sets', () => {
    fc.assert(
      fc.property(generatedCase, ({ dataset, below }) => {
        const withheld = withheldFigures(dataset.observations, dataset.indicators, () => below)
        const content = datasetContent(dataset, withheld, 'en')
        // Every withheld figure's row has no number; every other row has its own.
        content.rows.forEach((r, i) => {
          const o = dataset.observations[i]!
          expect(r.value).toBe(withheld.has(o) ? null : o.value)
          if (withheld.has(o)) expect(r.flag).not.toBe('')
        })
        const view = viewFor(dataset, { ...DEFAULT_VIEW, indicators: dataset.indicators.map((i) => i.id), series: 'all' }, { suppressBelow: () => below })
        const viewData = viewContent(view)
        const files = everyExport(content, figureRows(view), viewData)
        // Read back each CSV of figures and each JSON, and check each withheld figure's row.
        const key = (indicator: string, period: string, region: string) => `${indicator}|${period}|${region}`
        const hidden = new Set([...withheld.keys()].map((o) => key(o.indicator, o.period.text, o.region)))
        let checked = 0
        for (const file of files) {
          if (file.startsWith('{')) {
            const parsed = JSON.parse(file) as { indicator?: { id: string }; observations?: { period: string; region: string; value: number | null }[] }
            for (const o of parsed.observations ?? []) {
              if (hidden.has(key(parsed.indicator!.id, o.period, o.region))) {
                expect(o.value).toBeNull()
                checked++
              }
            }
            continue
          }
          const dialect = file.replace(/^\uFEFF/, '').split('\r\n')[0]!.includes(';') ? CSV_DIALECTS.semicolon : CSV_DIALECTS.comma
          if (!file.replace(/^\uFEFF/, '').startsWith('indicator') && !file.startsWith('STRUCTURE')) continue
          for (const r of readCsv(file, dialect)) {
            const sdmx = r.STRUCTURE !== undefined
            const k = sdmx ? key(r.INDICATOR!, r.TIME_PERIOD!, r.REF_AREA === 'BE' ? '' : r.REF_AREA!) : key(r.indicator!, r.period!, r.region ?? r.breakdown ?? '')
            if (!hidden.has(k)) continue
            checked++
            expect(sdmx ? r.OBS_VALUE : r.value).toBe('')
            if (sdmx) expect(r.OBS_STATUS).toBe('c')
            else expect(r.flag).not.toBe('')
            expect(r.quote ?? '').toBe('')
          }
        }
        if (withheld.size > 0) expect(checked).toBeGreaterThan(0)
      }),
      { numRuns: 40 },
    )
  })
})

describe('the menu’s words', () => {
  const catalogue = (l: Locale) => JSON.parse(readFileSync(join(__dirname, `../../src/i18n/locales/dataDownload/${l}.json`), 'utf8')) as Record<string, string>

  it('has every key in the four languages, and no English word in French, Dutch or German', () => {
    const keys = Object.keys(catalogue('en')).sort()
    for (const l of ['fr', 'nl', 'de'] as const) {
      expect(Object.keys(catalogue(l)).sort()).toEqual(keys)
      const words = Object.values(catalogue(l)).join(' ').toLowerCase().split(/[^a-zà-ÿ’'-]+/)
      expect(words.filter((w) => ENGLISH_WORDS.has(w) && !(l === 'nl' && w === 'of'))).toEqual([])
    }
  })
})
