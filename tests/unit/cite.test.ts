/** "Cite this view": each format against fixed text for one view, in English and French; hostile text parsed back. */
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import bibtexParse from 'bibtex-parse'
import { readDataset } from '../../src/core/dataset'
import { viewFor } from '../../src/core/export/spec'
import { citationOf, formatCitation, oneLine, toBibtex, toRis, uriSafe, type Citation } from '../../src/core/cite/citation'
import type { Locale } from '../../src/core/model'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { i18n, loadLocaleMessages } from '../../src/i18n'
import shareFr from '../../src/i18n/locales/share/lazy/fr.json'
import shareNl from '../../src/i18n/locales/share/lazy/nl.json'
import shareDe from '../../src/i18n/locales/share/lazy/de.json'
import { buildLabelText } from '../../src/i18n/trendText'
import { citeTextFor } from '../../src/export/cite'
import { translate } from '../../src/export/messages'
import { files } from '../helpers/csv'
import { readDataFolder } from '../../scripts/dataFolder'

const SOURCES: Record<string, string>[] = [
  { id: 'cf_2020', title: 'Annual report 2020', publisher: 'Child Focus', url: 'https://example.org/cf', title_fr: 'Rapport annuel 2020', title_nl: 'Jaarverslag 2020' },
  { id: 'ncmec_2020', title: 'CyberTipline reports by country', publisher: 'NCMEC', url: 'https://example.org/ncmec', title_fr: 'Signalements', title_nl: 'Meldingen' },
  { id: 'estat', title: 'Police-recorded offences', publisher: 'Eurostat', url: 'https://example.org/estat', title_fr: 'Infractions', title_nl: 'Misdrijven' },
  { id: 'chamber', title: 'Law', publisher: 'Belgian Chamber of Representatives', publisher_fr: 'Chambre des représentants de Belgique', publisher_nl: 'Belgische Kamer van volksvertegenwoordigers', url: 'https://example.org/law', title_fr: 'Loi', title_nl: 'Wet' },
]
const ind = (id: string) => ({ id, offence: 'csam', unit: 'count', label_en: id, label_fr: id, label_nl: id })
const DATA = readDataset(
  files({
    sources: SOURCES,
    indicators: [ind('cf_reports'), ind('ncmec_reports'), ind('estat_offences')],
    observations: [
      { indicator: 'estat_offences', period: '2019', value: 300, source: 'estat' },
      { indicator: 'ncmec_reports', period: '2019', value: 20000, source: 'ncmec_2020' },
      { indicator: 'ncmec_reports', period: '2020', value: 25000, source: 'ncmec_2020' },
      { indicator: 'cf_reports', period: '2018', value: 1000, source: 'cf_2020' },
      { indicator: 'cf_reports', period: '2019', value: 1100, source: 'cf_2020' },
      { indicator: 'cf_reports', period: '2020', value: 1200, source: 'cf_2020' },
    ],
    milestones: [{ date: '2019-04', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'csam', title_en: 'A law', title_fr: 'Une loi', title_nl: 'Een wet', source: 'chamber', importance: 'key' }],
  }),
).value

beforeAll(async () => {
  await loadLocaleMessages('fr')
  await loadLocaleMessages('nl')
  await loadLocaleMessages('de')
  // In Node the share catalogue is not merged again when a language loads after it: merged here.
  i18n.global.mergeLocaleMessage('fr', { share: shareFr })
  i18n.global.mergeLocaleMessage('nl', { share: shareNl })
  i18n.global.mergeLocaleMessage('de', { share: shareDe })
})


const LINK = 'https://vigie.example/#/?off=csam&lang='
/** 5 December 2026, 23:30 UTC: still the 5th wherever the reader is (the access day is a calendar day, UTC). */
const ACCESSED = new Date(Date.UTC(2026, 11, 5, 23, 30))
const VERSION = { released: '2026-12-04', hash: '0d30d792' }
const INDICATORS = ['cf_reports', 'ncmec_reports', 'estat_offences']

function cite(locale: Locale, state: Partial<ViewState> = {}): Citation {
  const full = { ...DEFAULT_VIEW, offences: ['csam' as const], indicators: INDICATORS, locale, ...state }
  const view = viewFor(DATA, full)
  return citationOf(view, full, buildLabelText(translate(locale), locale), citeTextFor(locale), { link: `${LINK}${locale}`, accessed: ACCESSED, version: VERSION })
}
const text = (locale: Locale, format: Parameters<typeof formatCitation>[1]) => formatCitation(cite(locale), format, citeTextFor(locale))

/** French puts a narrow no-break space before `:` and `;`. */
const N = '\u202F'
const TITLE = {
  en: 'Trends and policy milestones: Child sexual abuse material (CSAM)',
  fr: `Tendances et jalons politiques${N}: Matériel d’abus sexuels sur enfants (CSAM)`,
}
const NOTE = {
  en: 'Data: Child Focus; NCMEC; Eurostat; compiled by Vigie. Data version 2026-12-04+0d30d792. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
  fr: `Données${N}: Child Focus${N}; NCMEC${N}; Eurostat${N}; compilées par Vigie. Version des données 2026-12-04+0d30d792. Licence${N}: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).`,
}

describe('a citation of the view on screen', () => {
  it('credits the producers of the figures drawn, most figures first, then Vigie; not the milestones’ publisher', () => {
    const c = cite('en')
    expect(c.authors).toEqual(['Child Focus', 'NCMEC', 'Eurostat', 'Vigie'])
    expect(c.note).toContain('Data: Child Focus; NCMEC; Eurostat; compiled by Vigie')
    expect(c.note).not.toContain('Chamber')
  })

  it('names a producer in the reader’s language where the data give its name', () => {
    const state = { indicators: ['cf_reports', 'law_figures'] }
    const withLaw = readDataset(
      files({
        sources: SOURCES,
        indicators: [ind('cf_reports'), ind('law_figures')],
        observations: [
          { indicator: 'cf_reports', period: '2019', value: 1100, source: 'cf_2020' },
          { indicator: 'law_figures', period: '2019', value: 12, source: 'chamber' },
          { indicator: 'law_figures', period: '2020', value: 14, source: 'chamber' },
        ],
      }),
    ).value
    const authors = (locale: Locale) => {
      const full = { ...DEFAULT_VIEW, ...state, locale }
      return citationOf(viewFor(withLaw, full), full, buildLabelText(translate(locale), locale), citeTextFor(locale), { link: LINK, accessed: ACCESSED, version: VERSION }).authors
    }
    expect(authors('fr')).toEqual(['Chambre des représentants de Belgique', 'Child Focus', 'Vigie'])
    expect(authors('nl')).toEqual(['Belgische Kamer van volksvertegenwoordigers', 'Child Focus', 'Vigie'])
    expect(authors('en')).toEqual(['Belgian Chamber of Representatives', 'Child Focus', 'Vigie'])
  })

  it('cites Vigie’s own title, not words a link put in the title', () => {
    expect(cite('en', { title: 'Anything a sharer wrote' }).title).toBe(TITLE.en)
  })

  it('writes APA (7th edition) in English and in French', () => {
    expect(text('en', 'apa')).toBe(
      `Child Focus, NCMEC, Eurostat, & Vigie. (2026). ${TITLE.en} (Version 2026-12-04+0d30d792) [Data set]. Retrieved December 5, 2026, from https://vigie.example/#/?off=csam&lang=en`,
    )
    expect(text('fr', 'apa')).toBe(
      `Child Focus, NCMEC, Eurostat et Vigie. (2026). ${TITLE.fr} (Version 2026-12-04+0d30d792) [Jeu de données]. Consulté le 5 décembre 2026, sur https://vigie.example/#/?off=csam&lang=fr`,
    )
  })

  it('writes APA in Dutch with "Geraadpleegd op"', () => {
    expect(text('nl', 'apa')).toMatch(/^Child Focus, NCMEC, Eurostat, & Vigie\. \(2026\)\. .+ \(Versie 2026-12-04\+0d30d792\) \[Dataset\]\. Geraadpleegd op 5 december 2026, van https:\/\/vigie\.example\/#\/\?off=csam&lang=nl$/)
  })

  it('writes APA in German with "Abgerufen am", the German date and no comma before "&"', () => {
    expect(text('de', 'apa')).toMatch(
      /^Child Focus, NCMEC, Eurostat & Vigie\. \(2026\)\. Entwicklungen und politische Meilensteine: Darstellungen sexuellen Kindesmissbrauchs \(CSAM\) \(Version 2026-12-04\+0d30d792\) \[Datensatz\]\. Abgerufen am 5\. Dezember 2026, von https:\/\/vigie\.example\/#\/\?off=csam&lang=de$/,
    )
    expect(text('de', 'bibtex')).toContain('langid = {german}')
  })

  it('writes BibTeX in English and in French', () => {
    for (const locale of ['en', 'fr'] as const) {
      expect(text(locale, 'bibtex')).toBe(
        [
          '@misc{vigie-csam-2026-12-05,',
          '  author = {{Child Focus} and {NCMEC} and {Eurostat} and {Vigie}},',
          `  title = {{${TITLE[locale]}}},`,
          '  year = {2026},',
          '  version = {2026-12-04+0d30d792},',
          `  url = {https://vigie.example/#/?off=csam&lang=${locale}},`,
          '  urldate = {2026-12-05},',
          `  langid = {${locale === 'en' ? 'english' : 'french'}},`,
          `  note = {${NOTE[locale]}},`,
          '}',
          '',
        ].join('\n'),
      )
    }
  })

  it('writes RIS in English and in French, CRLF line ends', () => {
    for (const locale of ['en', 'fr'] as const) {
      expect(text(locale, 'ris')).toBe(
        [
          'TY  - DATA',
          `TI  - ${TITLE[locale]}`,
          'AU  - Child Focus',
          'AU  - NCMEC',
          'AU  - Eurostat',
          'AU  - Vigie',
          'PY  - 2026',
          'DA  - 2026/12/04',
          'Y2  - 2026/12/05',
          'ET  - 2026-12-04+0d30d792',
          `UR  - https://vigie.example/#/?off=csam&lang=${locale}`,
          'PB  - Vigie',
          `LA  - ${locale}`,
          `N1  - ${NOTE[locale]}`,
          'ER  - ',
          '',
        ].join('\r\n'),
      )
    }
  })

  it('writes CSL-JSON in English and in French: one dataset item', () => {
    for (const locale of ['en', 'fr'] as const) {
      expect(JSON.parse(text(locale, 'csl'))).toEqual([
        {
          id: 'vigie-csam-2026-12-05',
          type: 'dataset',
          title: TITLE[locale],
          author: [{ literal: 'Child Focus' }, { literal: 'NCMEC' }, { literal: 'Eurostat' }, { literal: 'Vigie' }],
          issued: { 'date-parts': [[2026, 12, 4]] },
          accessed: { 'date-parts': [[2026, 12, 5]] },
          version: '2026-12-04+0d30d792',
          URL: `https://vigie.example/#/?off=csam&lang=${locale}`,
          publisher: 'Vigie',
          language: locale,
          note: NOTE[locale],
        },
      ])
    }
  })

  it('credits the producer an indicator names, not the press site that relayed its figures, in the reader’s language', () => {
    const producer = { producer_en: 'Council of Europe (Lanzarote Committee)', producer_fr: 'Conseil de l’Europe (Comité de Lanzarote)', producer_nl: 'Raad van Europa (Lanzarote-Comité)', producer_de: 'Europarat (Lanzarote-Ausschuss)' }
    const relayed = readDataset(
      files({
        sources: [...SOURCES, { id: 'press', title: 'An article', publisher: 'knack.be', url: 'https://example.org/press', title_fr: 'Un article', title_nl: 'Een artikel' }],
        indicators: [{ ...ind('parties'), ...producer }, ind('cf_reports')],
        observations: [
          { indicator: 'parties', period: '2019', value: 43, source: 'press' },
          { indicator: 'parties', period: '2020', value: 46, source: 'press' },
          { indicator: 'cf_reports', period: '2019', value: 1100, source: 'press' },
        ],
      }),
    ).value
    const cited = (locale: Locale) => {
      const full = { ...DEFAULT_VIEW, indicators: ['parties', 'cf_reports'], locale }
      return citationOf(viewFor(relayed, full), full, buildLabelText(translate(locale), locale), citeTextFor(locale), { link: LINK, accessed: ACCESSED, version: VERSION })
    }
    // cf_reports names no producer (a file without the column would name none): its source's publisher stands in.
    expect(cited('en').authors).toEqual(['Council of Europe (Lanzarote Committee)', 'knack.be', 'Vigie'])
    expect(cited('fr').authors).toEqual(['Conseil de l’Europe (Comité de Lanzarote)', 'knack.be', 'Vigie'])
    expect(cited('nl').authors).toEqual(['Raad van Europa (Lanzarote-Comité)', 'knack.be', 'Vigie'])
    expect(cited('de').note).toContain('Europarat (Lanzarote-Ausschuss); knack.be')
  })

  it('credits the bundled CSAM view to the organisations whose statistics it draws, not the press that relayed them', () => {
    const bundled = readDataset(readDataFolder('data')).value
    const full = { ...DEFAULT_VIEW, offences: ['csam' as const], locale: 'en' as const }
    const c = citationOf(viewFor(bundled, full), full, buildLabelText(translate('en'), 'en'), citeTextFor('en'), { link: LINK, accessed: ACCESSED, version: VERSION })
    // Most figures first: Child Focus's yearly series, then Eurostat's, then NCMEC's (the press relayed most of the first).
    expect(c.authors).toEqual(['Child Focus', 'Eurostat', 'NCMEC', 'Vigie'])
    for (const author of c.authors) expect(author).not.toMatch(/\.(be|fm|eu|net)\b/)
    expect(c.note).toMatch(/^Data: Child Focus; Eurostat; NCMEC; compiled by Vigie\./)
  })

  it('names no data version for figures from an imported file (no release of Vigie’s data describes them)', () => {
    const imported = readDataset(files({ sources: SOURCES, indicators: [ind('cf_reports')], observations: [{ indicator: 'cf_reports', period: '2019', value: 1, source: 'cf_2020' }] }), 'my_file').value
    const full = { ...DEFAULT_VIEW, indicators: ['cf_reports'], locale: 'en' as const }
    const c = citationOf(viewFor(imported, full), full, buildLabelText(translate('en'), 'en'), citeTextFor('en'), { link: LINK, accessed: ACCESSED, version: VERSION })
    expect(c.version).toBeNull()
    expect(formatCitation(c, 'apa', citeTextFor('en'))).not.toContain('Version')
    expect(toRis(c)).not.toMatch(/^ET {2}- /m)
  })
})

const LATEX: Record<string, string> = { textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textasciitilde: '~', textasciicircum: '^' }
/** LaTeX's escapes read back: every macro Vigie writes ends in `{}`, so the reading is exact. */
const unlatex = (s: string) => s.replace(/\\(textbackslash|textbraceleft|textbraceright|textasciitilde|textasciicircum)\{\}|\\([%&$#_])/g, (_, macro: string, char: string) => (macro ? LATEX[macro]! : char))
const unbrace = (s: string) => (s.startsWith('{') && s.endsWith('}') ? s.slice(1, -1) : s)

/** Names in an author field, split on " and " outside braces as BibTeX does. */
function splitNames(value: string): string[] {
  const names: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '{') depth++
    else if (value[i] === '}') depth--
    else if (depth === 0 && value.startsWith(' and ', i)) {
      names.push(value.slice(start, i))
      start = i + 5
    }
  }
  return [...names, value.slice(start)]
}

const BIBTEX_FIELDS = ['author', 'title', 'year', 'version', 'url', 'urldate', 'langid', 'note']

/** One entry read back by a BibTeX parser (bibtex-parse): its fields, and the title, authors and note as plain text. */
function readBibtex(bib: string): { fields: string[]; title: string; authors: string[]; note: string; url: string } {
  const items = bibtexParse.parse(bib).filter((item) => item.itemtype !== 'comment' || item.fields?.length)
  expect(items).toHaveLength(1)
  const entry = items[0]!
  expect(entry.itemtype).toBe('entry')
  expect(entry.type).toBe('misc')
  const fields = new Map(entry.fields!.map((f) => [f.name, f.value]))
  const text = (name: string) => unlatex(unbrace(fields.get(name) ?? ''))
  return {
    fields: [...fields.keys()],
    title: text('title'),
    authors: splitNames(fields.get('author') ?? '').map((name) => unlatex(unbrace(name))),
    note: text('note'),
    url: fields.get('url') ?? '',
  }
}

function readRis(ris: string): Map<string, string[]> {
  const fields = new Map<string, string[]>()
  const lines = ris.split('\r\n')
  expect(lines.pop()).toBe('')
  for (const line of lines) {
    const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line)
    expect(m, line).not.toBeNull()
    fields.set(m![1]!, [...(fields.get(m![1]!) ?? []), m![2]!])
  }
  return fields
}

const HOSTILE_TITLE = 'Braces { and } % 100 & $5 #1 a_b ~x ^y back\\slash \\textbf{bold} @misc{x,\nTY  - JOUR\r\nER  - \u2028end'
const HOSTILE_PUBLISHERS = ['Child Focus', 'A and B}', '{NCMEC', 'Euro\\stat', 'Line\nbreak']

function hostile(): Citation {
  return { ...cite('en'), title: HOSTILE_TITLE, producers: HOSTILE_PUBLISHERS, authors: [...HOSTILE_PUBLISHERS, 'Vigie'], note: `Note with } and { and %\n${HOSTILE_TITLE}` }
}

describe('hostile text', () => {
  it('keeps every BibTeX field whole: a parser reads back the title, each author and the note', () => {
    const c = hostile()
    const read = readBibtex(toBibtex(c))
    expect(read.fields).toEqual(BIBTEX_FIELDS)
    expect(read.title).toBe(oneLine(HOSTILE_TITLE))
    expect(read.authors).toEqual([...HOSTILE_PUBLISHERS, 'Vigie'].map(oneLine))
    expect(read.note).toBe(oneLine(c.note))
    expect(read.url).toBe('https://vigie.example/#/?off=csam&lang=en')
  })

  it('keeps every RIS field on its line: no value starts a tag or ends the record', () => {
    const c = hostile()
    const read = readRis(toRis(c))
    expect(read.get('TY')).toEqual(['DATA'])
    expect(read.get('TI')).toEqual([oneLine(HOSTILE_TITLE)])
    expect(read.get('AU')).toEqual([...HOSTILE_PUBLISHERS, 'Vigie'].map(oneLine))
    expect(read.get('ER')).toEqual([''])
  })

  it('makes a link with braces, spaces, quotes and accents one token that opens the same view', () => {
    const link = 'https://vigie.example/#/?t=Tendances {été} "2024" \\ 100%&lang=fr'
    const safe = uriSafe(link)
    expect(safe).toBe('https://vigie.example/#/?t=Tendances%20%7B%C3%A9t%C3%A9%7D%20%222024%22%20%5C%20100%25&lang=fr')
    expect(new URLSearchParams(safe.split('?')[1]).get('t')).toBe('Tendances {été} "2024" \\ 100%')
  })

  it('balances BibTeX braces and starts every RIS line with a tag, whatever the title and publishers (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('{', '}', '\\', '%', '&', '$', '#', '_', '~', '^', '\n', '\r\n', '\u2028', '\u0085', ' and ', '@', '"', ',', '=', 'ER  - ', '\\{'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    )
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))
    const name = text.filter((s) => oneLine(s) !== '')
    fc.assert(
      fc.property(text, fc.array(name, { minLength: 1, maxLength: 5 }), (title, producers) => {
        const c = { ...cite('en'), title, producers, authors: [...producers, 'Vigie'] }
        const bib = toBibtex(c)
        let depth = 0
        for (const ch of bib) {
          if (ch === '{') depth++
          if (ch === '}') depth--
          expect(depth).toBeGreaterThanOrEqual(0)
        }
        expect(depth).toBe(0)
        const read = readBibtex(bib)
        expect(read.fields).toEqual(BIBTEX_FIELDS)
        expect(read.title).toBe(oneLine(title))
        expect(read.authors).toEqual(c.authors.map(oneLine))
        const ris = toRis(c)
        for (const line of ris.split('\r\n').slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /)
        expect(ris.match(/^ER {2}- /gm)).toHaveLength(1)
        expect(readRis(ris).get('TI')).toEqual([oneLine(title)])
      }),
      { numRuns: 200 },
    )
  })
})
