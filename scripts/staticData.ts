/**
 * Vite plugin: the static data API and the page's dataset description, written at build time from
 * data/ with the app's own reader and writers (src/core/export/staticData.ts, findable.ts):
 *   dist/data/v1/datapackage.json + observations.csv, indicators.csv, sources.csv, milestones.csv
 *   dist/data/v1/indicators.json, milestones.json, indicators/<id>.csv and .json
 *   dist/data/v1/vigie-data.zip (the package with README.md, README.fr.md, README.nl.md)
 *   dist/data/v1/dcat.jsonld (DCAT-AP)
 * and a schema.org Dataset as JSON-LD in index.html. VIGIE_SITE_URL (the site's address) makes the
 * descriptions' addresses absolute; without it they are relative to the page and to data/v1/.
 */
import JSZip from 'jszip'
import type { Plugin } from 'vite'
import { dataVersionText } from '../src/core/dataVersion'
import { CSV_DIALECTS } from '../src/core/export/csvDialect'
import { packageFiles, producersOf, type PackageMeta } from '../src/core/export/datapackage'
import { datasetContent, type DataContent } from '../src/core/export/dataRows'
import { DATA_TEXT, plainCitation } from '../src/core/export/dataText'
import { DATA_API, jsonLdScript, schemaOrgDataset, STATIC_PATHS, type FindableMeta } from '../src/core/export/findable'
import { staticDataFiles } from '../src/core/export/staticData'
import { LOCALES, type Locale } from '../src/core/model'
import { withheldFigures } from '../src/core/suppression'
import { readBundledDataset } from './bundledDataset'
import { readDataVersion } from './dataVersion'

/** The bundled figures are published national statistics: no threshold (as the dashboard's store). */
const BUNDLED_THRESHOLD = () => 0

const DAY = 86_400_000
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)

export interface StaticData {
  readonly content: DataContent
  readonly findable: FindableMeta
  readonly meta: (locale: Locale) => PackageMeta
}

/** The site's address with a trailing slash, or '' (relative addresses). */
export function siteUrl(env: string | undefined): string {
  if (!env) return ''
  if (!/^https?:\/\/[^\s"<>]+$/.test(env)) throw new Error(`VIGIE_SITE_URL must be an http(s) address, got ${JSON.stringify(env)}`)
  return env.endsWith('/') ? env : `${env}/`
}

export function readStaticData(dataDir: string, site: string): StaticData {
  const { value: dataset } = readBundledDataset(dataDir)
  const version = readDataVersion(dataDir)
  const versionText = dataVersionText(version)
  const content = datasetContent(dataset, withheldFigures(dataset.observations, dataset.indicators, BUNDLED_THRESHOLD), 'en')
  let start = Infinity
  let end = -Infinity
  for (const o of dataset.observations) {
    start = Math.min(start, o.period.start)
    end = Math.max(end, o.period.end)
  }
  const findable: FindableMeta = {
    version: versionText,
    released: version.released,
    from: Number.isFinite(start) ? isoDay(start) : version.released,
    to: Number.isFinite(end) ? isoDay(end - DAY) : version.released,
    site,
  }
  const link = site ? `${site}${DATA_API}${STATIC_PATHS.zip}` : ''
  const meta = (locale: Locale): PackageMeta => ({
    name: 'vigie-data',
    title: DATA_TEXT[locale].datasetTitle,
    description: DATA_TEXT[locale].datasetDescription,
    locale,
    version: versionText,
    citation: plainCitation(DATA_TEXT[locale].datasetTitle, versionText, link, locale, producersOf(content, locale)),
    link: site,
    created: `${version.released}T00:00:00Z`,
  })
  return { content, findable, meta }
}

/** The zip of the whole data set: the package in English, its README also in French, Dutch and German. */
export async function dataZip(data: StaticData): Promise<Uint8Array> {
  const zip = new JSZip()
  // A fixed date: the same data give the same zip, whenever it is built.
  const date = new Date(`${data.findable.released}T00:00:00Z`)
  for (const [path, text] of packageFiles(data.meta('en'), data.content, CSV_DIALECTS.comma)) zip.file(path, text, { date })
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    zip.file(`README.${locale}.md`, packageFiles(data.meta(locale), data.content, CSV_DIALECTS.comma).get('README.md')!, { date })
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

export function staticData(dataDir: string): Plugin {
  let data: StaticData | undefined
  const load = () => (data ??= readStaticData(dataDir, siteUrl(process.env.VIGIE_SITE_URL)))
  return {
    name: 'vigie-static-data',
    apply: 'build',
    async generateBundle() {
      const loaded = load()
      for (const [path, text] of staticDataFiles(loaded.meta('en'), loaded.content, loaded.findable)) {
        this.emitFile({ type: 'asset', fileName: `${DATA_API}${path}`, source: text })
      }
      this.emitFile({ type: 'asset', fileName: `${DATA_API}${STATIC_PATHS.zip}`, source: await dataZip(loaded) })
    },
    transformIndexHtml(html) {
      return html.replace('</head>', `  ${jsonLdScript(schemaOrgDataset(load().findable))}\n  </head>`)
    },
  }
}
