/**
 * "Cite this view": the citation of the view on screen in the reader's language, copied or
 * downloaded. The formats are core/cite/citation.ts; this file brings the words, the data version
 * and the browser's clipboard and downloads.
 */
import type { TrendView } from '../core/chart/chartState'
import { CITE_FILE, citationOf, formatCitation, type CiteFormat, type CiteText } from '../core/cite/citation'
import { dashboardUrl } from '../core/export/embed'
import { exportFileName } from '../core/export/labels'
import type { Locale } from '../core/model'
import type { ViewState } from '../core/view'
import { BUNDLED_DATA_VERSION } from '../dataVersion'
import { toQuery, toSearch } from '../url/viewQuery'
import { buildLabelText } from '../i18n/trendText'
import { copyText } from './clipboard'
import { saveBlob } from './download'
import { translate } from './messages'

export { CITE_FORMATS, type CiteFormat } from '../core/cite/citation'

/** The words of a citation in a language. */
export function citeTextFor(locale: Locale): CiteText {
  const t = translate(locale)
  return {
    dataset: t('share.cite.dataset'),
    version: (version) => t('share.cite.version', { version }),
    retrieved: (date, url) => t('share.cite.retrieved', { date, url }),
    and: t('share.cite.and'),
    credit: (producers) => t('share.cite.credit', { producers }),
    compiled: t('share.cite.compiled'),
    dataVersion: (version) => t('share.cite.dataVersion', { version }),
    licence: (licence) => t('share.cite.licence', { licence }),
  }
}

/** What a citation is of: the view on screen, the view state it comes from, its address, and when. */
export interface CiteContext {
  readonly view: TrendView
  readonly state: ViewState
  /** The dashboard address of the view. */
  readonly link: string
  readonly now: Date
}

/** The dashboard address of a view, from any page of the app (the dashboard, or an embed's frame): it reopens the chart. */
export function dashboardLink(state: ViewState, href: string): string {
  return dashboardUrl(href, toSearch(toQuery({ ...state, tab: 'chart' })))
}

/** The citation of a view in a format, in the view's language. */
export function citationText(ctx: CiteContext, format: CiteFormat): string {
  const locale = ctx.view.locale
  const text = citeTextFor(locale)
  const citation = citationOf(ctx.view, ctx.state, buildLabelText(translate(locale), locale), text, {
    link: ctx.link,
    accessed: ctx.now,
    version: BUNDLED_DATA_VERSION,
  })
  return formatCitation(citation, format, text)
}

/** Saves the citation as a file reference managers open (.bib, .ris, CSL .json; APA as .txt); returns its name. */
export function downloadCitation(ctx: CiteContext, format: CiteFormat): string {
  const file = CITE_FILE[format]
  const name = exportFileName(ctx.view, ctx.state, `citation.${file.ext}`)
  saveBlob(new Blob([citationText(ctx, format)], { type: file.type }), name)
  return name
}

/**
 * Copies a citation: the clipboard API where the page may use it, else the browser's copy command
 * on the selected text (a frame on another site is often refused the clipboard API), else false:
 * the text is left selected for the reader to copy.
 */
export async function copyCitation(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  if (await copyText(text)) return true
  if (!field) return false
  field.focus()
  field.select()
  try {
    // Deprecated, but the one copy a frame without clipboard permission may still make on a click.
    return document.execCommand('copy')
  } catch {
    return false
  }
}
