/**
 * The reader's own milestones: a milestones file is known by its header (EN, FR, NL), each row is
 * checked (a bad one named by line and column), hostile text is made harmless, numbers "Y1…" are
 * given in creation order apart from the data set's, and a set exports as data/milestones.csv's
 * columns and reads back the same.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { milestoneTag, numberMilestones } from '../../src/core/chart/chartState'
import { buildTrendOption, deriveTrendView } from '../../src/core/chart/trendOption'
import { layoutChart } from '../../src/core/chart/chartLayout'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { TEXT } from '../helpers/text'
import { milestoneLine } from '../../src/core/export/labels'
import { readDataset } from '../../src/core/dataset'
import { ownMilestonesOf, ownToMilestone, type OwnMilestone, type OwnSet } from '../../src/core/ownMilestones'
import { checkOwnInput, checkOwnSet, cleanText, EMPTY_INPUT, milestonesMapping, nextSeq, ownSetCsv, readMilestonesFile } from '../../src/core/ownMilestonesRead'
import { files } from '../helpers/csv'

const bundledHeader = readFileSync('data/milestones.csv', 'utf8').split('\n')[0]!.split(',')

function own(seq: number, date: string, title: string, extra: Partial<OwnMilestone> = {}): OwnMilestone {
  return { id: `own${String(seq).padStart(5, '0')}`, seq, date, endDate: '', category: 'campaign', jurisdiction: '', offences: ['grooming'], title: { en: title, fr: title, nl: title, de: title }, source: '', note: '', ...extra }
}

function set(milestones: OwnMilestone[], extra: Partial<OwnSet> = {}): OwnSet {
  return { id: 'own-test', name: 'Test', hidden: false, createdAt: '2026-01-01T00:00:00Z', byHand: false, milestones, ...extra }
}

describe('detection of a milestones file', () => {
  it('knows data/milestones.csv by its header, each column where it is', () => {
    const mapping = milestonesMapping(bundledHeader)
    expect(mapping).not.toBeNull()
    expect(mapping!.date).toBe(bundledHeader.indexOf('date'))
    expect(mapping!.title_fr).toBe(bundledHeader.indexOf('title_fr'))
    expect(mapping!.source).toBe(bundledHeader.indexOf('source'))
  })

  it('reads French and Dutch header words, accents and case aside', () => {
    const fr = milestonesMapping(['Date', 'Date de fin', 'Titre', 'Catégorie', 'Infractions', 'Lien', 'Remarque'])
    expect(fr).toMatchObject({ date: 0, end_date: 1, title_en: 2, category: 3, offences: 4, source: 5, note: 6 })
    const nl = milestonesMapping(['Datum', 'Titel', 'Categorie', 'Bron', 'Opmerking'])
    expect(nl).toMatchObject({ date: 0, title_en: 1, category: 2, source: 3, note: 4, end_date: -1 })
  })

  it('leaves a file of figures, or one without a title, to the figures importer', () => {
    expect(milestonesMapping(['date', 'title', 'value'])).toBeNull()
    expect(milestonesMapping(['Année', 'Nombre'])).toBeNull()
    expect(milestonesMapping(['date', 'category'])).toBeNull()
  })
})

describe('reading a milestones file', () => {
  const header = ['datum', 'titel', 'categorie', 'misdrijven', 'bron']
  const mapping = milestonesMapping(header)!

  it('keeps good rows and names a bad date by its line and column', () => {
    const text = ['datum;titel;categorie;misdrijven;bron', '2021-03;Campagne A;campaign;grooming;https://example.org/a', '31/02/2022;Campagne B;campaign;grooming;', '15/09/2023;Campagne C;;;'].join('\r\n')
    const read = readMilestonesFile(text, 'm.csv', mapping, ';')
    expect(read.rows).toBe(3)
    expect(read.milestones.map((m) => m.date)).toEqual(['2021-03', '2023-09-15'])
    expect(read.issues).toEqual([{ field: 'date', code: 'date_malformed', value: '31/02/2022', line: 3, column: 1 }])
    expect(read.milestones[1]).toMatchObject({ category: 'event', offences: ['general'], title: { en: 'Campagne C', fr: 'Campagne C', nl: 'Campagne C' } })
  })

  it('refuses a link that is not http(s), an unknown offence and an end before the start, each in its column', () => {
    const text = 'date,end_date,title,offences,source\n2020,2019,A,grooming,javascript:alert(1)\n2020,,B,phishing,\n'
    const m = milestonesMapping(['date', 'end_date', 'title', 'offences', 'source'])!
    const read = readMilestonesFile(text, 'm.csv', m)
    expect(read.milestones).toEqual([])
    expect(read.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 2, 'end_before_start'],
      [2, 5, 'bad_link'],
      [3, 4, 'unknown_offence'],
    ])
  })

  it('neutralises hostile text: controls and bidi overrides dropped, Vigie’s formula apostrophes undone, a title on one line', () => {
    const text = 'date,title,note\n2020,"\'=HYPERLINK(""x"")\u0007",line one\u202E\n'
    const read = readMilestonesFile(text, 'm.csv', milestonesMapping(['date', 'title', 'note'])!)
    // A control character becomes U+FFFD where it stood (as in imported figures: lines and columns stay put).
    expect(read.milestones[0]!.title.en).toBe('=HYPERLINK("x")\uFFFD')
    expect(read.milestones[0]!.note).toBe('line one')
    expect(cleanText('a\r\nb\u0000c', true)).toBe('a bc')
    // On the way out, the same text is neutralised again.
    const csv = ownSetCsv(set([{ ...own(1, '2020', 'x'), title: { en: '=HYPERLINK("x")', fr: '+1', nl: '@SUM', de: '-2' } }]))
    expect(csv).toContain(`"'=HYPERLINK(""x"")",'+1,'@SUM`)
    expect(csv).toContain(`,'-2\r\n`)
  })
})

describe('the form’s fields', () => {
  it('takes a date at its precision and one title for every language', () => {
    const { value, problems } = checkOwnInput({ ...EMPTY_INPUT, date: '2024-03', title_fr: 'Lancement', category: 'campaign', offences: 'grooming;sexting' })
    expect(problems).toEqual([])
    expect(value).toMatchObject({ date: '2024-03', title: { en: 'Lancement', fr: 'Lancement', nl: 'Lancement' }, offences: ['grooming', 'sexting'] })
  })

  it('names every field in error at once', () => {
    const { value, problems } = checkOwnInput({ ...EMPTY_INPUT, date: '2024-13', source: 'file:///etc/passwd' })
    expect(value).toBeNull()
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['date', 'date_malformed'],
      ['title_en', 'title_missing'],
      ['source', 'bad_link'],
    ])
  })
})

describe('numbering apart from the data set', () => {
  const bundled = readDataset(files()).value.milestones

  it('gives the reader’s own "Y" marks by creation order and never shifts a bundled number', () => {
    const before = numberMilestones(bundled).map((m) => [m.milestone.id, m.number])
    const mine = ownMilestonesOf([set([own(2, '2010', 'Later made, earlier date'), own(1, '2015', 'First made')])])
    const numbered = numberMilestones([...bundled, ...mine])
    expect(numbered.filter((m) => !m.tag).map((m) => [m.milestone.id, m.number])).toEqual(before)
    expect(numbered.filter((m) => m.tag).map((m) => [milestoneTag(m), m.milestone.title.en])).toEqual([
      ['Y2', 'Later made, earlier date'],
      ['Y1', 'First made'],
    ])
  })

  it('keeps the marks after a delete, and never gives a deleted one again', () => {
    const three = set([own(1, '2010', 'a'), own(2, '2011', 'b'), own(3, '2012', 'c')])
    const deleted = { ...three, milestones: three.milestones.filter((m) => m.seq !== 3) }
    expect(numberMilestones(ownMilestonesOf([deleted])).map(milestoneTag)).toEqual(['Y1', 'Y2'])
    // The highest number ever given is kept beside the sets: the next one is Y4, not Y3 again.
    expect(nextSeq([deleted], 3)).toBe(4)
    expect(nextSeq([three])).toBe(4)
  })

  it('hides a hidden set’s milestones', () => {
    expect(ownMilestonesOf([set([own(1, '2010', 'a')], { hidden: true })])).toEqual([])
  })

  it('draws them dash-dot and violet with their mark, and writes "yours" in the key', () => {
    const m = ownToMilestone(own(1, '2012-05', 'Campaign'), { name: 'x' })!
    const numbered = numberMilestones([m])
    expect(milestoneLine({ ...numbered[0]!, kind: 'point' }, 'en', 'yours')).toBe('Y1 — May 2012: Campaign (yours)')
    const { value } = readDataset(files())
    const mine = ownToMilestone(own(1, value.milestones[0]!.date.text, 'Campaign'), { name: 'x' })!
    const spec = {
      locale: 'en' as const,
      series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
      milestones: numberMilestones([...value.milestones, mine]),
      sources: new Map(value.sources.map((s) => [s.id, s])),
    }
    const view = deriveTrendView(spec)
    const option = buildTrendOption(view, layoutChart(view, { width: 1200, height: 480 }, 'screen'), TEXT) as { series: { markLine?: { data: { name: string; lineStyle?: { type: unknown } }[] } }[] }
    const lines = option.series.flatMap((s) => s.markLine?.data ?? [])
    expect(lines.find((d) => d.name === 'Y1')?.lineStyle?.type).toEqual([8, 3, 2, 3])
    // The data set's own keep the grey dashes of the series' style.
    expect(lines.find((d) => d.name === '1')?.lineStyle).toBeUndefined()
  })
})

describe('export and stored records', () => {
  it('exports data/milestones.csv’s columns and reads back the same milestones', () => {
    const original = set([
      own(1, '2021-03-15', 'Launch, "quoted"', { endDate: '2021-06', note: 'two\nlines', source: 'https://example.org/x?a=1', jurisdiction: 'BE-Flanders', offences: ['csam', 'grooming'] }),
      own(2, '2022', 'Unit', { title: { en: 'Unit', fr: 'Unité', nl: 'Eenheid', de: 'Einheit' } }),
    ])
    const csv = ownSetCsv(original)
    expect(csv.split('\r\n')[0]).toBe(bundledHeader.join(',').trim())
    const header = csv.split('\r\n')[0]!.split(',')
    const read = readMilestonesFile(csv, 'back.csv', milestonesMapping(header)!)
    expect(read.issues).toEqual([])
    expect(read.milestones).toEqual(original.milestones.map((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'id' && k !== 'seq'))))
  })

  it('sets aside a damaged stored set and keeps a good one', () => {
    const good = { ...set([own(1, '2020', 'a')]), format: 1 }
    expect(checkOwnSet(good)).toBeNull()
    expect(checkOwnSet({ ...good, format: 9 })).toMatch(/format/)
    expect(checkOwnSet({ ...good, milestones: [{ ...own(1, '2020', 'a'), date: 'soon' }] })).toMatch(/milestone 1: date/)
    expect(checkOwnSet({ ...good, milestones: [{ ...own(1, '2020', 'a'), note: 'bad\u0000' }] })).toMatch(/text not as stored/)
    expect(checkOwnSet({ ...good, milestones: [{ ...own(1, '2020', 'a'), source: 'javascript:1' }] })).toMatch(/source/)
    expect(checkOwnSet(null)).not.toBeNull()
  })

  it('keeps a milestone stored before German, showing its French title in German', () => {
    const before = { ...own(1, '2020', 'a'), title: { en: 'Campaign', fr: 'Campagne', nl: 'Campagne' } } as unknown as OwnMilestone
    expect(checkOwnSet({ ...set([before]), format: 1 })).toBeNull()
    expect(ownToMilestone(before, { name: 'x' })!.title).toEqual({ en: 'Campaign', fr: 'Campagne', nl: 'Campagne', de: 'Campagne' })
    // A title given in English and Dutch only: German shows the Dutch (German → French → Dutch → English).
    expect(checkOwnInput({ ...EMPTY_INPUT, date: '2020', title_en: 'Law', title_nl: 'Wet' }).value!.title).toEqual({ en: 'Law', fr: 'Law', nl: 'Wet', de: 'Wet' })
  })
})

describe('the words of your own milestones', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)]
  // The first load's two words and the lazy catalogue (src/i18n/ownMessages.ts), merged as the app merges them.
  const own = (locale: string) => ({
    ...(JSON.parse(readFileSync(`src/i18n/locales/${locale}.json`, 'utf8')) as { own: object }).own,
    ...(JSON.parse(readFileSync(`src/i18n/locales/own/lazy/${locale}.json`, 'utf8')) as object),
  })

  it('exist in English, French and Dutch, key for key, with every problem code worded', () => {
    const en = keys(own('en')).sort()
    expect(keys(own('fr')).sort()).toEqual(en)
    expect(keys(own('nl')).sort()).toEqual(en)
    const codes = ['date_missing', 'date_malformed', 'end_malformed', 'end_before_start', 'precision_mismatch', 'title_missing', 'title_too_long', 'note_too_long', 'unknown_category', 'unknown_jurisdiction', 'unknown_offence', 'bad_link']
    for (const code of codes) expect(en).toContain(`problem.${code}`)
    // The notice a link's receiver reads is never the English one in French or Dutch.
    const notice = (l: string) => (own(l) as { notShown: string }).notShown
    expect(new Set([notice('en'), notice('fr'), notice('nl')]).size).toBe(3)
  })
})
