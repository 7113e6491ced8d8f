import type { DatasetFiles } from '../../src/core/dataset'
import { CANONICAL_COLUMNS, EXTENSION_COLUMNS } from '../../src/core/dataset'

type Kind = keyof DatasetFiles
type Row = Record<string, string | number>

/** Builds a CSV text with the canonical header of `kind` (plus any extension column a row fills), quoting every cell. */
export function csv(kind: Kind, rows: Row[]): string {
  const extensions = (EXTENSION_COLUMNS[kind] as readonly string[]).filter((c) => rows.some((r) => c in r))
  const header = [...CANONICAL_COLUMNS[kind], ...extensions]
  const cell = (v: string | number | undefined): string => `"${String(v ?? '').replace(/"/g, '""')}"`
  return [header.join(','), ...rows.map((r) => header.map((c) => cell(r[c])).join(','))].join('\n') + '\n'
}

export const SOURCE_DOC: Row = {
  id: 'seed_ga_2014',
  title: 'Global Alliance report 2014',
  publisher: 'Global Alliance',
  date: '2014',
  document: '001_doc.txt',
  language: 'en',
  title_fr: 'Rapport 2014 de la Global Alliance',
  title_nl: 'Rapport 2014 van de Global Alliance',
  title_de: 'Bericht 2014 der Global Alliance',
}
export const SOURCE_WEB: Row = { id: 'knack', title: 'Knack article', publisher: 'knack.be', url: 'https://example.org/a', title_fr: 'Article de Knack', title_nl: 'Artikel van Knack', title_de: 'Artikel von Knack' }

export const HOTLINE: Row = {
  id: 'cf_hotline_reports',
  offence: 'csam',
  unit: 'count',
  label_en: 'Reports to the hotline',
  label_fr: 'Signalements',
  label_nl: 'Meldingen',
  label_de: 'Meldungen an die Meldestelle',
}
export const HOTLINE_CHANGE: Row = {
  id: 'cf_hotline_change',
  offence: 'csam',
  unit: 'percent_change',
  compares_to: 'cf_hotline_reports',
  label_en: 'Change in reports',
  label_de: 'Veränderung der Meldungen',
}

/** A small valid dataset; override any file's rows to make it invalid in one place. */
export function files(overrides: Partial<Record<Kind, Row[]>> = {}): DatasetFiles {
  const rows: Record<Kind, Row[]> = {
    sources: [SOURCE_DOC, SOURCE_WEB],
    indicators: [HOTLINE, HOTLINE_CHANGE],
    observations: [
      { indicator: 'cf_hotline_reports', period: '2013', value: 1232, source: 'seed_ga_2014', quote: 'In 2013, 1232 reports.' },
      { indicator: 'cf_hotline_reports', period: '2019', value: 1414, source: 'knack' },
      { indicator: 'cf_hotline_reports', period: '2020', value: 2056, source: 'knack' },
      { indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: 'previous period', source: 'knack' },
    ],
    milestones: [
      {
        date: '2014-04',
        precision: 'month',
        category: 'law',
        jurisdiction: 'BE',
        offences: 'grooming',
        title_en: 'Grooming laws in force',
        title_de: 'Grooming-Gesetze in Kraft',
        source: 'seed_ga_2014',
        quote: 'Since April 2014 grooming is an offence.',
      },
    ],
    ...overrides,
  }
  return {
    sources: { name: 'data/sources.csv', text: csv('sources', rows.sources) },
    indicators: { name: 'data/indicators.csv', text: csv('indicators', rows.indicators) },
    observations: { name: 'data/observations.csv', text: csv('observations', rows.observations) },
    milestones: { name: 'data/milestones.csv', text: csv('milestones', rows.milestones) },
  }
}
