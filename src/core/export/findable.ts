/**
 * Findable data: the stable data URLs the build writes (`data/v1/…`, scripts/staticData.ts), the
 * schema.org `Dataset` description the page carries as JSON-LD (search engines' dataset search),
 * and the DCAT-AP description (`data/v1/dcat.jsonld`) that open-data portals such as data.gov.be
 * harvest. Both name the data in English, French and Dutch, with the version and the licence.
 */
import { DATA_LICENCE } from '../licences'
import { LOCALES } from '../model'
import { DATA_TEXT, PUBLISHER } from './dataText'

/** The folder of the static data, under the site's root. `v1` changes only if a file's columns do. */
export const DATA_API = 'data/v1/'

/** Paths under DATA_API; a script or a notebook may rely on them. */
export const STATIC_PATHS = {
  zip: 'vigie-data.zip',
  datapackage: 'datapackage.json',
  indicators: 'indicators.json',
  milestones: 'milestones.json',
  observations: 'observations.csv',
  dcat: 'dcat.jsonld',
  indicatorCsv: (id: string) => `indicators/${id}.csv`,
  indicatorJson: (id: string) => `indicators/${id}.json`,
} as const

/** What both descriptions say about the data set. */
export interface FindableMeta {
  /** Data version text, `2026-12-04+0d30d792`. */
  readonly version: string
  /** Release day, `2026-12-04`. */
  readonly released: string
  /** First and last day the figures cover (ISO dates). */
  readonly from: string
  readonly to: string
  /** The site's address ending in `/` (VIGIE_SITE_URL at build time), or '' to write relative addresses. */
  readonly site: string
}

interface Distribution {
  readonly path: string
  readonly name: string
  readonly mediaType: string
  /** EU file-type authority code. */
  readonly fileType: string
}

const DISTRIBUTIONS: readonly Distribution[] = [
  { path: STATIC_PATHS.zip, name: 'Data package (zip: CSV files, datapackage.json, README)', mediaType: 'application/zip', fileType: 'ZIP' },
  { path: STATIC_PATHS.datapackage, name: 'Frictionless Data Package descriptor', mediaType: 'application/json', fileType: 'JSON' },
  { path: STATIC_PATHS.observations, name: 'Every figure (CSV)', mediaType: 'text/csv', fileType: 'CSV' },
  { path: STATIC_PATHS.indicators, name: 'Indicators, with the address of each one’s CSV and JSON', mediaType: 'application/json', fileType: 'JSON' },
  { path: STATIC_PATHS.milestones, name: 'Policy milestones (JSON)', mediaType: 'application/json', fileType: 'JSON' },
]

const inLanguages = (pick: (l: (typeof LOCALES)[number]) => string) => LOCALES.map((l) => ({ '@language': l, '@value': pick(l) }))

const KEYWORDS = ['child sexual abuse material', 'CSAM', 'grooming', 'sextortion', 'online child sexual exploitation', 'Belgium', 'policy milestones']

/** The schema.org Dataset of the page (relative addresses resolve against the page's). */
export function schemaOrgDataset(meta: FindableMeta): Record<string, unknown> {
  const base = `${meta.site}${DATA_API}`
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: inLanguages((l) => DATA_TEXT[l].datasetTitle),
    description: inLanguages((l) => DATA_TEXT[l].datasetDescription),
    ...(meta.site ? { url: meta.site } : {}),
    version: meta.version,
    dateModified: meta.released,
    inLanguage: [...LOCALES],
    keywords: KEYWORDS,
    temporalCoverage: `${meta.from}/${meta.to}`,
    spatialCoverage: { '@type': 'Place', name: 'Belgium', address: { '@type': 'PostalAddress', addressCountry: 'BE' } },
    creator: { '@type': 'Organization', name: PUBLISHER },
    publisher: { '@type': 'Organization', name: PUBLISHER },
    license: DATA_LICENCE.url,
    isAccessibleForFree: true,
    distribution: DISTRIBUTIONS.map((d) => ({ '@type': 'DataDownload', name: d.name, encodingFormat: d.mediaType, contentUrl: `${base}${d.path}` })),
  }
}

const EU = 'http://publications.europa.eu/resource/authority/'
const EU_LANGUAGE = { en: 'ENG', fr: 'FRA', nl: 'NLD', de: 'DEU' } as const

/** The DCAT-AP description, written beside the files it describes (relative addresses resolve against data/v1/). */
export function dcatDataset(meta: FindableMeta): Record<string, unknown> {
  const base = meta.site ? `${meta.site}${DATA_API}` : ''
  const licence = { '@id': DATA_LICENCE.url }
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      owl: 'http://www.w3.org/2002/07/owl#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}${STATIC_PATHS.dcat}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': 'vigie-data',
    'dct:title': inLanguages((l) => DATA_TEXT[l].datasetTitle),
    'dct:description': inLanguages((l) => DATA_TEXT[l].datasetDescription),
    'dcat:keyword': KEYWORDS,
    'dct:license': licence,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': PUBLISHER },
    'dct:language': LOCALES.map((l) => ({ '@id': `${EU}language/${EU_LANGUAGE[l]}` })),
    'dct:spatial': { '@id': `${EU}country/BEL` },
    'dcat:theme': { '@id': `${EU}data-theme/JUST` },
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': meta.from, '@type': 'xsd:date' },
      'dcat:endDate': { '@value': meta.to, '@type': 'xsd:date' },
    },
    'dct:modified': { '@value': meta.released, '@type': 'xsd:date' },
    'owl:versionInfo': meta.version,
    ...(meta.site ? { 'dcat:landingPage': { '@id': meta.site } } : {}),
    'dcat:distribution': DISTRIBUTIONS.map((d) => ({
      '@type': 'dcat:Distribution',
      'dct:title': d.name,
      'dcat:accessURL': { '@id': `${base}${d.path}` },
      'dcat:downloadURL': { '@id': `${base}${d.path}` },
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${d.mediaType}` },
      'dct:format': { '@id': `${EU}file-type/${d.fileType}` },
      'dct:license': licence,
    })),
  }
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` escaped, so no text in it can close
 * the element or open a comment. A data block is never run, so the strict CSP allows it.
 */
export function jsonLdScript(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`
}
