/**
 * "Download the data" in the share menu: the view's figures or the whole bundled data set as a zip
 * (CSV files, datapackage.json, README), the view as SDMX-CSV 2.0, and the spreadsheet CSV in the
 * reader's dialect. Loaded with the menu; jszip loads only when a zip is asked for.
 */
import { CSV_DIALECTS, type CsvDialectName } from '../core/export/csvDialect'
import { packageFiles, producersOf, type PackageMeta } from '../core/export/datapackage'
import { datasetContent, viewContent, type DataContent } from '../core/export/dataRows'
import { DATA_TEXT, plainCitation } from '../core/export/dataText'
import { exportFileName } from '../core/export/labels'
import { toSdmxCsv } from '../core/export/sdmx'
import type { Dataset, Locale } from '../core/model'
import { withheldFigures } from '../core/suppression'
import { mergeLazyMessages } from '../i18n'
import en from '../i18n/locales/dataDownload/en.json'
import fr from '../i18n/locales/dataDownload/fr.json'
import nl from '../i18n/locales/dataDownload/nl.json'
import de from '../i18n/locales/dataDownload/de.json'
import { labelsOf, type ExportContext } from './compose'
import { saveBlob } from './download'
import { BUNDLED_DATA_VERSION_TEXT } from '../dataVersion'

mergeLazyMessages<typeof en>('dataDownload', 'title', { en, fr, nl, de })

export { BUNDLED_DATA_VERSION_TEXT } from '../dataVersion'

export { defaultDialect } from '../core/export/csvDialect'

/** The files of a zip, written with jszip (loaded now), as a Blob. */
async function zipOf(files: ReadonlyMap<string, string>): Promise<Blob> {
  const { default: JSZip } = await import('jszip')
  const zip = new JSZip()
  for (const [path, text] of files) zip.file(path, text)
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE', mimeType: 'application/zip' })
}

function packageMeta(name: string, title: string, description: string, locale: Locale, link: string, now: Date, producers: readonly string[]): PackageMeta {
  return {
    name,
    title,
    description,
    locale,
    version: BUNDLED_DATA_VERSION_TEXT,
    citation: plainCitation(title, BUNDLED_DATA_VERSION_TEXT, link, locale, producers),
    link,
    created: now.toISOString(),
  }
}

/** The view's data package: exactly the figures drawn, their indicators, sources and milestones. */
export function viewPackage(ctx: ExportContext, dialect: CsvDialectName): { files: Map<string, string>; content: DataContent } {
  const locale = ctx.view.locale
  const labels = labelsOf(ctx)
  const text = DATA_TEXT[locale]
  const content = viewContent(ctx.view)
  const meta = packageMeta('vigie-view', text.viewTitle(labels.title), `${text.viewDescription} ${labels.subtitle}`, locale, ctx.link, ctx.now, producersOf(content, locale))
  return { files: packageFiles(meta, content, CSV_DIALECTS[dialect]), content }
}

export async function downloadViewZip(ctx: ExportContext, dialect: CsvDialectName): Promise<string> {
  const blob = await zipOf(viewPackage(ctx, dialect).files)
  const name = exportFileName(ctx.view, ctx.state, 'data.zip')
  saveBlob(blob, name)
  return name
}

/**
 * The whole bundled data set (the published figures, as data/v1/vigie-data.zip), in the reader's
 * language and dialect. Withheld over the whole set; bundled figures have no threshold.
 */
export async function downloadDatasetZip(bundled: Dataset, locale: Locale, dialect: CsvDialectName, link: string, now: Date): Promise<string> {
  const text = DATA_TEXT[locale]
  const content = datasetContent(bundled, withheldFigures(bundled.observations, bundled.indicators, () => 0), locale)
  const meta = packageMeta('vigie-data', text.datasetTitle, text.datasetDescription, locale, link, now, producersOf(content, locale))
  const blob = await zipOf(packageFiles(meta, content, CSV_DIALECTS[dialect]))
  const name = `vigie-data-${BUNDLED_DATA_VERSION_TEXT.replace(/[^0-9a-z-]+/gi, '-')}-${locale}.zip`
  saveBlob(blob, name)
  return name
}

export function downloadSdmx(ctx: ExportContext): string {
  const name = exportFileName(ctx.view, ctx.state, 'sdmx.csv')
  saveBlob(new Blob([toSdmxCsv(viewContent(ctx.view).rows)], { type: 'text/csv;charset=utf-8' }), name)
  return name
}
