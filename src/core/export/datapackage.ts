/**
 * A data download as a Frictionless Tabular Data Package (specs.frictionlessdata.io, v1, the
 * profile a test validates against in tests/fixtures/schemas): four CSV files (figures,
 * indicators, sources, milestones), `datapackage.json` describing their columns, types, units,
 * missing values and the links between them (foreign keys), the licences, the sources, the data
 * version and a citation, and a README for people. The same code writes the view's zip in the
 * browser and the whole data set at build time (scripts/staticData.ts).
 */
import { CODE_LICENCE, DATA_LICENCE } from '../licences'
import { SOURCE_TERMS } from '../sourceTerms'
import { LOCALES, STATUSES, UNITS, sourceIn, type Locale, type Source } from '../model'
import { punctuate } from '../format'
import { citation } from './labels'
import { toDialectCsv, type CsvCell, type CsvDialect } from './csvDialect'
import type { DataContent, DataRow } from './dataRows'
import { DATA_TEXT, PUBLISHER } from './dataText'

/** What a package says about itself besides its content. */
export interface PackageMeta {
  /** `vigie-data` for the whole data set, `vigie-view` for a view. */
  readonly name: string
  readonly title: string
  readonly description: string
  readonly locale: Locale
  /** The data version text, `2026-12-04+0d30d792`. */
  readonly version: string
  /** The one-line citation (to be replaced by the "Cite this view" formats). */
  readonly citation: string
  /** The view's link or the site's address ('' when unknown, e.g. at build time without a site URL). */
  readonly link: string
  /** ISO date-time the package was made. */
  readonly created: string
}

export const RESOURCE_FILES = {
  observations: 'observations.csv',
  indicators: 'indicators.csv',
  sources: 'sources.csv',
  milestones: 'milestones.csv',
} as const
export type ResourceName = keyof typeof RESOURCE_FILES

const OBSERVATION_COLUMNS = [
  'indicator',
  'period',
  'value',
  'flag',
  'unit',
  'baseline',
  'age_group',
  'gender',
  'region',
  'status',
  'series_break',
  'source',
  'quote',
  'note',
] as const

const localized = (field: string) => LOCALES.map((l) => `${field}_${l}`)
const INDICATOR_COLUMNS = ['id', 'offence', 'unit', ...localized('label'), ...localized('description'), ...localized('caveat'), 'part_of', ...localized('producer')] as const
const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'date', 'url', 'checked'] as const
const MILESTONE_COLUMNS = [
  'id',
  'number',
  'date',
  'end_date',
  'category',
  'jurisdiction',
  'offences',
  'importance',
  ...localized('title'),
  'source',
  'quote',
  'note',
] as const

function observationCells(r: DataRow): CsvCell[] {
  return [r.indicator, r.period, r.value, r.flag, r.unit, r.baseline, r.ageGroup, r.gender, r.region, r.status, r.seriesBreak ? 'true' : 'false', r.source, r.quote, r.note]
}

/** The four tables of a download, header first, cells typed (numbers stay numbers). */
export function dataTables(content: DataContent): Record<ResourceName, CsvCell[][]> {
  return {
    observations: [[...OBSERVATION_COLUMNS], ...content.rows.map(observationCells)],
    indicators: [
      [...INDICATOR_COLUMNS],
      ...content.indicators.map((i) => [
        i.id,
        i.offence,
        i.unit,
        ...LOCALES.map((l) => i.label[l]),
        ...LOCALES.map((l) => i.description[l]),
        ...LOCALES.map((l) => i.caveat[l]),
        i.partOf?.id ?? '',
        ...LOCALES.map((l) => i.producer?.[l] ?? ''),
      ]),
    ],
    sources: [[...SOURCE_COLUMNS], ...content.sources.map((s) => [s.id, s.title, s.publisher, s.date, s.url, s.checked ?? ''])],
    milestones: [
      [...MILESTONE_COLUMNS],
      ...content.milestones.map(({ milestone: m, number }) => [
        m.id,
        number ?? null,
        m.date.text,
        m.endDate?.text ?? '',
        m.category,
        m.jurisdiction,
        m.offences.join(';'),
        m.importance,
        ...LOCALES.map((l) => m.title[l]),
        m.source,
        m.quote,
        m.note,
      ]),
    ],
  }
}

type Field = { name: string; type: 'string' | 'number' | 'integer' | 'boolean'; description: string; constraints?: object; decimalChar?: string }

function fields(names: readonly string[], locale: Locale, types: Readonly<Record<string, Partial<Field>>> = {}): Field[] {
  const words = DATA_TEXT[locale].fields
  return names.map((name) => {
    const base = name.replace(/_(en|fr|nl|de)$/, '')
    const language = name === base ? '' : ` (${name.slice(-2)})`
    return { name, type: 'string', description: `${words[base] ?? base}${language}`, ...types[name] } as Field
  })
}

/**
 * The producers of a download's figures, each once, in the reader's language: most figures first,
 * then in the order of the indicators (as "Cite this view" credits them). Indicators without a
 * producer (imported files) name none here: their sources are listed with their publishers.
 */
export function producersOf(content: Pick<DataContent, 'indicators' | 'rows'>, locale: Locale): string[] {
  const byIndicator = new Map(content.indicators.map((i) => [i.id, i.producer?.[locale] ?? '']))
  const figures = new Map<string, number>()
  for (const i of content.indicators) if (byIndicator.get(i.id)) figures.set(byIndicator.get(i.id)!, 0)
  for (const r of content.rows) {
    const name = byIndicator.get(r.indicator)
    if (name) figures.set(name, figures.get(name)! + 1)
  }
  // A map keeps first-use order, and the sort is stable: ties stay in that order.
  return [...figures].sort((a, b) => b[1] - a[1]).map(([name]) => name)
}

/** Frictionless v1 `path` pattern: no `..` anywhere, not starting with `.`, `/` or `~`. */
const SAFE_PATH = /^(?=^[^./~])(^((?!\.{2}).)*$).*$/

/** The `datapackage.json` descriptor of a download written in a dialect. */
export function dataPackage(meta: PackageMeta, content: DataContent, dialect: CsvDialect): Record<string, unknown> {
  const { locale } = meta
  const required = { constraints: { required: true } }
  const csv = { format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: dialect.delimiter, doubleQuote: true, header: true, lineTerminator: '\r\n' } }
  const known = new Set(content.indicators.map((i) => i.id))
  const partOfLinks = content.indicators.every((i) => !i.partOf || known.has(i.partOf.id))
  const resource = (name: ResourceName, schema: object) => ({ profile: 'tabular-data-resource', name, path: RESOURCE_FILES[name], ...csv, schema })
  const toSource = (s: Source) => {
    const local = sourceIn(s, locale)
    const title = [local.publisher, local.title].filter(Boolean).join(': ') || s.id
    return SAFE_PATH.test(s.url) ? { title, path: s.url } : { title }
  }
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    description: meta.description,
    version: meta.version,
    created: meta.created,
    ...(/^https?:\/\//.test(meta.link) ? { homepage: meta.link } : {}),
    citation: meta.citation,
    keywords: ['CSAM', 'grooming', 'sextortion', 'Belgium', 'child protection', 'statistics'],
    // The producers of the figures as authors (the citation credits them first); Vigie publishes the compilation.
    contributors: [...producersOf(content, locale).map((title) => ({ title, role: 'author' })), { title: PUBLISHER, role: 'publisher' }],
    licenses: [{ name: DATA_LICENCE.id, path: DATA_LICENCE.url, title: DATA_LICENCE.name }],
    sourceTerms: SOURCE_TERMS[locale],
    sources: content.sources.map(toSource),
    resources: [
      resource('observations', {
        fields: fields(OBSERVATION_COLUMNS, locale, {
          indicator: required,
          period: required,
          value: { type: 'number', decimalChar: dialect.decimal },
          unit: { constraints: { required: true, enum: [...UNITS, 'index'] } },
          status: { constraints: { required: true, enum: [...STATUSES] } },
          series_break: { type: 'boolean' },
          source: required,
        }),
        missingValues: [''],
        foreignKeys: [
          { fields: ['indicator'], reference: { resource: 'indicators', fields: ['id'] } },
          { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
        ],
      }),
      resource('indicators', {
        fields: fields(INDICATOR_COLUMNS, locale, { id: required, unit: { constraints: { required: true, enum: [...UNITS] } } }),
        missingValues: [''],
        primaryKey: ['id'],
        ...(partOfLinks ? { foreignKeys: [{ fields: ['part_of'], reference: { resource: '', fields: ['id'] } }] } : {}),
      }),
      resource('sources', { fields: fields(SOURCE_COLUMNS, locale, { id: required }), missingValues: [''], primaryKey: ['id'] }),
      resource('milestones', {
        fields: fields(MILESTONE_COLUMNS, locale, { id: required, number: { type: 'integer' }, date: required }),
        missingValues: [''],
        primaryKey: ['id'],
        foreignKeys: [{ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } }],
      }),
    ],
  }
}

/** The README of a download, in Markdown, in the package's language. */
export function packageReadme(meta: PackageMeta, content: DataContent, dialect: CsvDialect): string {
  const text = DATA_TEXT[meta.locale]
  const r = text.readme
  const { locale } = meta
  // "Unité : nombre": French sets a thin space before the colon (Vigie's own words only, not the data's).
  const item = (label: string, value: string) => `- ${punctuate(`${label}:`, locale)} ${value}`
  const lines: string[] = [`# ${meta.title}`, '', meta.description, '']
  if (meta.link) lines.push(`${punctuate(`${r.link}:`, locale)} ${meta.link}`, '')
  lines.push(r.version(meta.version), '')
  lines.push(`## ${r.files}`, '')
  for (const name of Object.keys(RESOURCE_FILES) as ResourceName[]) lines.push(item(`\`${RESOURCE_FILES[name]}\``, r.fileOf[name]))
  lines.push(item('`datapackage.json`', r.fileOf.datapackage), '', r.csvFormat(dialect.delimiter, dialect.decimal), '', r.withheld, '')
  lines.push(`## ${r.indicators}`, '')
  const labels = new Map(content.indicators.map((i) => [i.id, i.label[locale]]))
  for (const i of content.indicators) {
    lines.push(`### ${i.label[locale]} (\`${i.id}\`)`, '', item(r.unit, text.units[i.unit]))
    if (i.description[locale]) lines.push(item(r.counts, i.description[locale]))
    if (i.caveat[locale]) lines.push(item(r.notCounts, i.caveat[locale]))
    if (i.producer) lines.push(item(r.producer, i.producer[locale]))
    if (i.partOf) lines.push(item(r.partOf, `${labels.get(i.partOf.id) ?? i.partOf.label[locale]} (\`${i.partOf.id}\`)`))
    lines.push('')
  }
  lines.push(`## ${r.sources}`, '')
  for (const s of content.sources) lines.push(`- ${citation(sourceIn(s, locale))}`)
  lines.push('', `## ${r.cite}`, '', meta.citation, '', `## ${r.licences}`, '')
  lines.push(`- ${r.dataLicence(DATA_LICENCE.name, DATA_LICENCE.url)}`, `- ${SOURCE_TERMS[locale]}`, `- ${punctuate(`${r.codeLicence}:`, locale)} ${CODE_LICENCE.url}`, '')
  return lines.join('\n')
}

/** Every file of a download, by its path inside the zip. */
export function packageFiles(meta: PackageMeta, content: DataContent, dialect: CsvDialect): Map<string, string> {
  const tables = dataTables(content)
  const files = new Map<string, string>()
  files.set('datapackage.json', `${JSON.stringify(dataPackage(meta, content, dialect), null, 2)}\n`)
  files.set('README.md', packageReadme(meta, content, dialect))
  // A byte-order mark only in the spreadsheet dialect: Excel then reads the accents right; program
  // readers of the comma files (the static data URLs) get plain UTF-8 they need not strip.
  const bom = dialect.delimiter === ';'
  for (const name of Object.keys(RESOURCE_FILES) as ResourceName[]) files.set(RESOURCE_FILES[name], toDialectCsv(tables[name], dialect, bom))
  return files
}
