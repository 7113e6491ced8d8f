/**
 * "Cite this view": a citation of exactly the chart on screen, in APA (7th edition), BibTeX, RIS
 * and CSL-JSON. The producers of the figures drawn are credited first, then Vigie, which compiled
 * them; the link reopens the view, the data version names the figures it showed.
 *
 * Written by hand rather than with citation-js or citeproc: four fixed formats of one kind of
 * record (a data set by group authors) need a few dozen lines, where those libraries weigh
 * hundreds of kilobytes, and their APA output for group authors and a dated version would still
 * need the wording below (French, Dutch and German "Consulté le", "Geraadpleegd op", "Abgerufen am").
 */
import type { TrendView } from '../chart/chartState'
import { dataVersionText, type DataVersion } from '../dataVersion'
import { chartLabels, type LabelText } from '../export/labels'
import { monthName, punctuate } from '../format'
import { DATA_LICENCE, type Licence } from '../licences'
import { sourceIn, type Locale } from '../model'
import { calendarDate } from '../period'
import type { ViewState } from '../view'

export const CITE_FORMATS = ['apa', 'bibtex', 'ris', 'csl'] as const
export type CiteFormat = (typeof CITE_FORMATS)[number]

/** The file a citation downloads as, by format (reference managers open .bib, .ris and CSL .json). */
export const CITE_FILE: Readonly<Record<CiteFormat, { readonly ext: string; readonly type: string }>> = {
  apa: { ext: 'txt', type: 'text/plain;charset=utf-8' },
  bibtex: { ext: 'bib', type: 'application/x-bibtex;charset=utf-8' },
  ris: { ext: 'ris', type: 'application/x-research-info-systems;charset=utf-8' },
  csl: { ext: 'json', type: 'application/vnd.citationstyles.csl+json;charset=utf-8' },
}

/** Who compiled the figures: the last author of every citation, after the producers. */
export const COMPILER = 'Vigie'

/** The words a citation needs, in the reader's language (core holds no catalogue: the caller passes them). */
export interface CiteText {
  /** APA's bracketed description: "Data set", "Jeu de données", "Dataset". */
  readonly dataset: string
  /** "Version 2026-12-04+1a2b3c4d" */
  readonly version: (version: string) => string
  /** "Retrieved December 5, 2026, from https://…" */
  readonly retrieved: (date: string, url: string) => string
  /** Before the last of several authors in APA: "&" (English, Dutch, German), "et" (French). */
  readonly and: string
  /** "Data: Child Focus; NCMEC; compiled by Vigie" */
  readonly credit: (producers: string) => string
  /** The credit of a view with no figure drawn: "Compiled by Vigie". */
  readonly compiled: string
  /** "Data version 2026-12-04+1a2b3c4d" */
  readonly dataVersion: (version: string) => string
  /** "Licence: CC BY 4.0" */
  readonly licence: (licence: string) => string
}

/** What every format says, read once from the view. */
export interface Citation {
  /** A key for reference managers: `vigie-csam-2026-12-05`. */
  readonly key: string
  readonly title: string
  /** Producers of the figures drawn (not of the milestones), most figures first, in the view's language. */
  readonly producers: readonly string[]
  /** The producers, then Vigie. */
  readonly authors: readonly string[]
  /** Year of the data release (the version's day), else of the access. */
  readonly year: number
  /** ISO day of the data release, when the version applies. */
  readonly released: string | null
  /** ISO day (UTC calendar) the view was accessed. */
  readonly accessed: string
  readonly url: string
  /** The data version, or null when the view draws figures from an imported file (no release describes them). */
  readonly version: string | null
  readonly locale: Locale
  readonly licence: Licence
  /** The note: "Data: …; compiled by Vigie. Data version …. Licence: CC BY 4.0 (https://…)." */
  readonly note: string
}

export interface CiteContext {
  /** The dashboard address of the view (it reopens exactly this view). */
  readonly link: string
  /** When the view was accessed (a time; its UTC calendar day is cited). */
  readonly accessed: Date
  /** The bundled data's version. */
  readonly version: DataVersion
}

/**
 * Whitespace and invisible controls (line breaks of every kind, tabs, C0 and C1 controls) become
 * one space: no field of any format can start a new line or a new record.
 */
export function oneLine(text: string): string {
  // No-break spaces stay: French puts a narrow one before `:` and `;`.
  // eslint-disable-next-line no-control-regex -- the controls are what is removed
  return text.replace(/[\u0000-\u0020\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
}

/**
 * An address with every character outside RFC 3986 percent-encoded (spaces, quotes, braces,
 * backslashes, accents of a title in the link), so it stays one token in every format and opens
 * the same view: the app decodes its parameters.
 */
export function uriSafe(url: string): string {
  return oneLine(url).replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => {
    try {
      return encodeURIComponent(c)
    } catch {
      // A lone surrogate has no UTF-8: the replacement character stands for it.
      return '%EF%BF%BD'
    }
  })
}

const isoDay = (time: number): string => {
  const { year, month, day } = calendarDate(time)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Who produced the figures drawn, by the number of figures from each (then by first use), each
 * once, in the view's language: each indicator's producer (Child Focus, NCMEC, Eurostat…), not the
 * press article that relayed it. An indicator without one (an imported file) is credited to its
 * figures' source publishers.
 */
export function producersOf(view: TrendView): string[] {
  const figures = new Map<string, number>()
  for (const s of view.series) {
    const producer = s.indicator.producer ? oneLine(s.indicator.producer[view.locale]) : ''
    for (const p of s.points) {
      let name = producer
      if (!name) {
        const source = view.sources.get(p.observation.source)
        const local = source ? sourceIn(source, view.locale) : undefined
        name = local ? oneLine(local.publisher || local.title) : ''
      }
      if (name && name.toLowerCase() !== COMPILER.toLowerCase()) figures.set(name, (figures.get(name) ?? 0) + 1)
    }
  }
  // A map keeps first-use order, and the sort is stable: ties stay in that order.
  return [...figures].sort((a, b) => b[1] - a[1]).map(([name]) => name)
}

type CiteState = Pick<ViewState, 'offences' | 'mode' | 'base' | 'from' | 'to'>

/**
 * The citation of a view. Its title is Vigie's own: a title or subtitle written in the link is the
 * sharer's words, and a citation names its authors' title.
 */
export function citationOf(view: TrendView, state: CiteState, labelText: LabelText, text: CiteText, context: CiteContext): Citation {
  const locale = view.locale
  const title = oneLine(chartLabels(view, { offences: state.offences, mode: state.mode, base: state.base, from: state.from, to: state.to }, labelText).title)
  const producers = producersOf(view)
  const accessed = isoDay(context.accessed.getTime())
  // Figures of an imported file are the reader's own: no release of Vigie's data describes them.
  const bundled = view.series.every((s) => s.indicator.dataset === 'bundled')
  const version = bundled ? dataVersionText(context.version) : null
  const released = bundled ? context.version.released : null
  const licence = DATA_LICENCE
  const shortLicence = licence.id.replace(/-/g, ' ')
  const p = (s: string) => punctuate(s, locale)
  const note = [
    p(producers.length ? text.credit(producers.join('; ')) : text.compiled),
    version ? p(text.dataVersion(version)) : '',
    `${p(text.licence(shortLicence))} (${licence.url})`,
  ]
    .filter(Boolean)
    .map((s) => `${s}.`)
    .join(' ')
  const offences = state.offences.length ? state.offences : ['trends']
  return {
    key: ['vigie', ...offences, accessed].join('-').replace(/[^A-Za-z0-9_-]+/g, '-'),
    title,
    producers,
    authors: [...producers, COMPILER],
    year: Number((released ?? accessed).slice(0, 4)),
    released,
    accessed,
    url: uriSafe(context.link),
    version,
    locale,
    licence,
    note: oneLine(note),
  }
}

/** "A", "A & B", "A, B, & C" (French: "A, B et C"), with no doubled full stop after. */
function apaAuthors(authors: readonly string[], text: CiteText, locale: Locale): string {
  if (authors.length < 2) return authors.join('')
  const last = authors[authors.length - 1]!
  const head = authors.slice(0, -1).join(', ')
  // APA's serial comma before "&" is English's and Dutch's; French writes "A, B et C", German APA "A, B & C".
  const comma = authors.length > 2 && locale !== 'fr' && locale !== 'de' ? ',' : ''
  return `${head}${comma} ${text.and} ${last}`
}

/** "December 5, 2026" (APA's American order in English), "5 décembre 2026", "5 december 2026", "5. Dezember 2026". */
export function apaDate(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  if (locale === 'en') return `${monthName(month, locale)} ${date}, ${year}`
  return `${date}${locale === 'de' ? '.' : ''} ${monthName(month, locale)} ${year}`
}

/** APA 7th edition, data set with a version and a retrieval date (the view changes as data are added). */
export function toApa(c: Citation, text: CiteText): string {
  const authors = apaAuthors(c.authors, text, c.locale)
  const version = c.version ? ` (${text.version(c.version)})` : ''
  // The title is followed by the version and a full stop: its own final full stop would double it.
  const title = c.title.replace(/\.$/, '')
  return oneLine(`${authors.replace(/\.$/, '')}. (${c.year}). ${title}${version} [${text.dataset}]. ${text.retrieved(apaDate(c.accessed, c.locale), c.url)}`)
}

const BIBTEX_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

/**
 * Text for a BibTeX field: LaTeX's specials escaped. Braces become \textbraceleft{} and
 * \textbraceright{}, not \{ and \}: BibTeX counts every brace, escaped or not, so only balanced
 * pairs keep a field whole.
 */
export function bibtexText(text: string): string {
  return oneLine(text).replace(/[\\{}%&$#_~^]/g, (c) => BIBTEX_SPECIAL[c]!)
}

const BIBTEX_LANGUAGE: Readonly<Record<Locale, string>> = { en: 'english', fr: 'french', nl: 'dutch', de: 'german' }

/** A biblatex/BibTeX @misc entry: group authors braced so no name is split, the title braced so its case stays. */
export function toBibtex(c: Citation): string {
  // A URL has no brace, backslash or space once uriSafe; biblatex reads `url` verbatim, so it is not escaped.
  const fields: [string, string][] = [
    ['author', c.authors.map((a) => `{${bibtexText(a)}}`).join(' and ')],
    ['title', `{${bibtexText(c.title)}}`],
    ['year', String(c.year)],
    ...(c.version ? ([['version', bibtexText(c.version)]] as [string, string][]) : []),
    ['url', c.url],
    ['urldate', c.accessed],
    ['langid', BIBTEX_LANGUAGE[c.locale]],
    ['note', bibtexText(c.note)],
  ]
  return `@misc{${c.key},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`
}

/** A RIS field: two capitals, two spaces, a hyphen, a space, then the value on one line. */
const risLine = (tag: string, value: string) => `${tag}  - ${oneLine(value)}`

const RIS_DATE = (day: string) => day.replace(/-/g, '/')

/** RIS (Zotero, EndNote, Mendeley): a DATA record, lines ending in CRLF as the format asks. */
export function toRis(c: Citation): string {
  const lines = [
    'TY  - DATA',
    risLine('TI', c.title),
    ...c.authors.map((a) => risLine('AU', a)),
    risLine('PY', String(c.year)),
    ...(c.released ? [risLine('DA', RIS_DATE(c.released))] : []),
    risLine('Y2', RIS_DATE(c.accessed)),
    ...(c.version ? [risLine('ET', c.version)] : []),
    risLine('UR', c.url),
    risLine('PB', COMPILER),
    risLine('LA', c.locale),
    risLine('N1', c.note),
    'ER  - ',
  ]
  return `${lines.join('\r\n')}\r\n`
}

const dateParts = (day: string) => ({ 'date-parts': [day.split('-').map(Number)] })

/** CSL-JSON (citeproc, Zotero, Pandoc): an array of one `dataset` item, group authors as literals. */
export function toCslJson(c: Citation): string {
  const item = {
    id: c.key,
    type: 'dataset',
    title: c.title,
    author: c.authors.map((literal) => ({ literal })),
    issued: c.released ? dateParts(c.released) : { 'date-parts': [[c.year]] },
    accessed: dateParts(c.accessed),
    ...(c.version ? { version: c.version } : {}),
    URL: c.url,
    publisher: COMPILER,
    language: c.locale,
    note: c.note,
  }
  return `${JSON.stringify([item], null, 2)}\n`
}

/** The citation in one format. */
export function formatCitation(c: Citation, format: CiteFormat, text: CiteText): string {
  switch (format) {
    case 'apa':
      return toApa(c, text)
    case 'bibtex':
      return toBibtex(c)
    case 'ris':
      return toRis(c)
    case 'csl':
      return toCslJson(c)
  }
}
