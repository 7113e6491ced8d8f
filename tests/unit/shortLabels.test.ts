import { describe, expect, it } from 'vitest'
import { deriveTrendView } from '../../src/core/chart/chartState'
import { readDataset, SHORT_LABEL_MAX } from '../../src/core/dataset'
import { figureRows } from '../../src/core/export/labels'
import { exportCanonicalCsv } from '../../src/core/import/canonical'
import { importBytes } from '../../src/core/import/pipeline'
import { readRemembered } from '../../src/core/import/remembered'
import { toDataset, type ImportedDataset } from '../../src/core/import/table'
import { formatIssue, LOCALES, OFFENCES } from '../../src/core/model'
import { runPipeline } from '../../src/core/pipeline'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { readDataFolder } from '../../scripts/dataFolder'
import { files, HOTLINE, HOTLINE_CHANGE, SOURCE_DOC, SOURCE_WEB } from '../helpers/csv'

const SHORT = { short_en: 'Hotline reports', short_fr: 'Signalements PC', short_nl: 'Meldingen MP' }
const LONG = { label_fr: 'Signalements au point de contact', label_nl: 'Meldingen bij het meldpunt' }
const hotline = (extra: Record<string, string>) => files({ indicators: [{ ...HOTLINE, ...LONG, ...extra }, HOTLINE_CHANGE] })
const messages = (f: ReturnType<typeof files>, complete = false) => readDataset(f, 'bundled', { complete }).issues.map(formatIssue)
const shortOf = (f: ReturnType<typeof files>) => readDataset(f).value.indicators.find((i) => i.id === 'cf_hotline_reports')!.short

describe('short labels: reading and validation', () => {
  it('reads short_en/fr/nl when the file has them, and null when it has none (older files stay valid)', () => {
    // No short_de: the German short label is the German label (HOTLINE's label_de), as the legend would show anyway.
    expect(shortOf(hotline(SHORT))).toEqual({ en: 'Hotline reports', fr: 'Signalements PC', nl: 'Meldingen MP', de: 'Meldungen an die Meldestelle' })
    expect(shortOf(hotline({ ...SHORT, short_de: 'Meldungen MS' }))!.de).toBe('Meldungen MS')
    expect(messages(hotline(SHORT))).toEqual([])
    expect(shortOf(files())).toBeNull()
    expect(messages(files())).toEqual([])
  })

  it.each([
    ['one language missing', { ...SHORT, short_nl: '' }, 'short_nl', 'all languages (German may be left out) or none'],
    ['a control character', { ...SHORT, short_fr: 'Signalements\u0007PC' }, 'short_fr', 'control character'],
    ['a line break', { ...SHORT, short_en: 'Hotline\nreports' }, 'short_en', 'control character'],
    ['a short label as long as its label', { ...SHORT, short_nl: 'Meldingen bij het meldpunt' }, 'short_nl', 'not shorter than label_nl'],
    ['more than the maximum', { ...SHORT, short_en: 'x'.repeat(SHORT_LABEL_MAX + 1) }, 'short_en', `at most ${SHORT_LABEL_MAX}`],
  ])('reports %s at its line and column, and falls back to the full label', (_, extra, field, message) => {
    const f = hotline({ ...extra, label_en: 'Reports to the hotline of Child Focus, stopchildporno.be, per year' })
    const issues = readDataset(f).issues
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(new RegExp(`^data/indicators\\.csv:2:\\d+ \\[${field}\\] `))])
    expect(issues[0]!.message).toContain(message)
    expect(shortOf(f)).toBeNull()
  })

  it('counts characters as a reader does (accents and symbols are one each)', () => {
    const f = hotline({ ...SHORT, label_en: 'x'.repeat(60), short_en: 'é'.repeat(SHORT_LABEL_MAX - 1) + '×' })
    expect(messages(f)).toEqual([])
  })

  it('refuses two indicators of one offence with the same short label (a legend would show it twice)', () => {
    const other = { ...HOTLINE, id: 'cf_hotline_reports_minjustice', ...LONG, short_en: 'hotline reports', short_fr: 'Autre', short_nl: 'Ander' }
    const f = files({ indicators: [{ ...HOTLINE, ...LONG, ...SHORT }, other, HOTLINE_CHANGE] })
    expect(messages(f)).toEqual([
      expect.stringMatching(/^data\/indicators\.csv:3:\d+ \[short_en\] short_en "hotline reports" is already the short label of "cf_hotline_reports" \(csam\)$/),
    ])
    // Another offence may reuse it.
    expect(messages(files({ indicators: [{ ...HOTLINE, ...LONG, ...SHORT }, { ...other, offence: 'grooming' }, HOTLINE_CHANGE] }))).toEqual([])
  })

  it('in complete mode (check-data) requires short labels where a label is longer than the maximum', () => {
    const base = { sources: [{ ...SOURCE_DOC, url: 'https://example.org/seed', checked: '2026-12' }, { ...SOURCE_WEB, checked: '2026-12' }] }
    const caveats = { caveat_en: 'a', caveat_fr: 'b', caveat_nl: 'c', caveat_de: 'd', part_of: '', importance: 'key', producer_en: 'Child Focus', producer_fr: 'Child Focus', producer_nl: 'Child Focus', producer_de: 'Child Focus' }
    const milestones = [{ date: '2014-04', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'grooming', title_en: 'Law', title_de: 'Gesetz', source: 'knack', importance: 'key' }]
    const long = { ...HOTLINE, ...caveats, label_fr: 'Signalements au point de contact de Child Focus (stopchildporno.be)' }
    const f = files({ ...base, milestones, indicators: [long, { ...HOTLINE_CHANGE, ...caveats }] })
    expect(messages(f, true)).toEqual([expect.stringMatching(/^data\/indicators\.csv:2:\d+ \[label_fr\] label_fr is longer than 40 characters: give short_en, short_fr, short_nl and short_de$/)])
    expect(messages(f)).toEqual([])
    const fixed = files({ ...base, milestones, indicators: [{ ...long, short_en: 'Hotline', short_fr: 'Point de contact', short_nl: 'Meldpunt' }, { ...HOTLINE_CHANGE, ...caveats }] })
    expect(messages(fixed, true)).toEqual([expect.stringMatching(/\[short_de\] short_de is empty: give a short label in German too$/)])
    const withGerman = files({ ...base, milestones, indicators: [{ ...long, short_en: 'Hotline', short_fr: 'Point de contact', short_nl: 'Meldpunt', short_de: 'Meldestelle' }, { ...HOTLINE_CHANGE, ...caveats }] })
    expect(messages(withGerman, true)).toEqual([])
  })
})

describe('short labels in the shipped data', () => {
  const { value: data } = readDataset(readDataFolder('data'), 'bundled', { complete: true })

  it('gives one, in all three languages, to every indicator whose label is longer than the maximum', () => {
    for (const i of data.indicators) {
      if (LOCALES.some((l) => [...i.label[l]].length > SHORT_LABEL_MAX)) expect(i.short, i.id).not.toBeNull()
    }
    expect(data.indicators.find((i) => i.id === 'cf_hotline_reports')!.short!.en).toBe('Child Focus hotline reports')
  })

  it('never shows two identical legend entries for any one offence, in any language', () => {
    for (const offence of OFFENCES) {
      for (const locale of LOCALES) {
        const view = deriveTrendView(runPipeline(data, { ...DEFAULT_VIEW, offences: [offence], locale }).spec)
        const labels = view.legend.map((e) => e.label)
        expect(new Set(labels).size, `${offence} ${locale}`).toBe(labels.length)
      }
    }
  })
})

describe('short labels in the chart state', () => {
  const { value: data } = readDataset(readDataFolder('data'))
  const viewOf = (state: Partial<ViewState>) => deriveTrendView(runPipeline(data, { ...DEFAULT_VIEW, ...state }).spec)

  it('puts the short label in the legend and keeps the full one on the series (tooltip, table, notes)', () => {
    for (const locale of LOCALES) {
      const view = viewOf({ offences: ['csam'], locale })
      const hotline = view.series.find((s) => s.indicator.id === 'cf_hotline_reports')!
      const indicator = data.indicators.find((i) => i.id === 'cf_hotline_reports')!
      expect(hotline.label).toBe(indicator.label[locale])
      expect(hotline.shortLabel).toBe(indicator.short![locale])
      const entry = view.legend.find((e) => e.key === hotline.key)!
      expect(entry.label).toBe(indicator.short![locale])
      expect(entry.fullLabel).toBe(indicator.label[locale])
      // What one cites keeps the full label: the rows of the Table, the CSV export and the notes.
      expect(new Set(figureRows(view).filter((r) => r.indicator === 'cf_hotline_reports').map((r) => r.label))).toEqual(new Set([indicator.label[locale]]))
    }
    // The default view's legend holds no label longer than the maximum.
    for (const e of viewOf({}).legend) expect([...e.label].length).toBeLessThanOrEqual(SHORT_LABEL_MAX)
  })

  it('shows the full labels of two entries whose short labels would read the same', () => {
    const twin = (id: string, offence: 'csam' | 'grooming') => ({
      ...data.indicators.find((i) => i.id === id)!,
      offence,
      short: { en: 'Case files', fr: 'Dossiers', nl: 'Dossiers', de: 'Akten' },
    })
    const clashing = { ...data, indicators: data.indicators.map((i) => (i.id === 'cf_grooming_files' ? twin(i.id, 'grooming') : i.id === 'cf_sextortion_files' ? twin(i.id, 'csam') : i)) }
    const view = deriveTrendView(runPipeline(clashing, { ...DEFAULT_VIEW, indicators: ['cf_grooming_files', 'cf_sextortion_files'] }).spec)
    expect(view.legend.map((e) => e.label).sort()).toEqual(['Grooming case files handled by Child Focus', 'Sextortion case files handled by Child Focus'])
  })
})

describe('short labels in imported files', () => {
  const imported = (csv: string): ImportedDataset => {
    const out = importBytes(new TextEncoder().encode(csv))
    if (!out.ok) throw new Error(out.problem)
    return { id: 'u1', name: 'Mine', fileName: 'mine.csv', importedAt: '2026-03-01T10:00:00.000Z', hidden: false, table: out.result.table }
  }
  const HEAD = 'indicator,period,value,offence,unit,label_en,label_fr,label_nl,short_en,short_fr,short_nl\n'
  const LONG_ROW = 'gr,2020,10,grooming,count,Grooming case files opened by the police in Liège,Dossiers de grooming ouverts par la police à Liège,Groomingdossiers geopend door de politie in Luik'

  it('are read from short_en/fr/nl columns, reach the legend and survive the dataset’s own CSV export', () => {
    const ds = imported(`${HEAD}${LONG_ROW},Grooming files (Liège),Dossiers grooming (Liège),Groomingdossiers (Luik)\n`)
    const dataset = toDataset(ds)
    // No German in the file: German shows the French label and short label (languages.ts), and says so.
    expect(dataset.indicators[0]!.short).toEqual({ en: 'Grooming files (Liège)', fr: 'Dossiers grooming (Liège)', nl: 'Groomingdossiers (Luik)', de: 'Dossiers grooming (Liège)' })
    expect(dataset.indicators[0]!.shownIn).toEqual({ de: 'fr' })
    const view = deriveTrendView(runPipeline(dataset, { ...DEFAULT_VIEW, locale: 'fr', indicators: ['u1:gr'] }).spec)
    expect(view.legend.map((e) => e.label)).toEqual(['Dossiers grooming (Liège)'])
    expect(view.series[0]!.label).toBe('Dossiers de grooming ouverts par la police à Liège')
    // The canonical export carries them, and imports again the same.
    const again = toDataset(imported(exportCanonicalCsv(ds)))
    expect(again.indicators[0]!.short).toEqual(dataset.indicators[0]!.short)
  })

  it('are left out when they cannot stand for the label (one language missing, too long): the legend shows the full label', () => {
    for (const shorts of [',Grooming files,,', `,${'x'.repeat(SHORT_LABEL_MAX + 1)},Dossiers,Dossiers`]) {
      const dataset = toDataset(imported(`${HEAD}${LONG_ROW}${shorts}\n`))
      expect(dataset.indicators[0]!.short).toBeNull()
      expect(deriveTrendView(runPipeline(dataset, { ...DEFAULT_VIEW, indicators: ['u1:gr'] }).spec).legend[0]!.label).toBe('Grooming case files opened by the police in Liège')
    }
  })

  it('a file without the columns still imports, and a mapping remembered before them is still read', () => {
    const out = importBytes(new TextEncoder().encode('indicator,period,value\ngr,2020,10\n'))
    if (!out.ok) throw new Error(out.problem)
    const olderRoles: Record<string, number> = { ...out.sniff.mapping.roles }
    for (const role of ['shortEn', 'shortFr', 'shortNl']) delete olderRoles[role]
    const older = JSON.stringify({ version: 3, mapping: { ...out.sniff.mapping, roles: olderRoles } })
    const recalled = readRemembered(older, 3)
    expect(recalled).toMatchObject({ roles: { ...olderRoles, shortEn: -1, shortFr: -1, shortNl: -1 } })
    const plain = imported('indicator,period,value\ngr,2020,10\n')
    expect(toDataset(plain).indicators[0]!.short).toBeNull()
    // Its canonical export keeps the columns it always had.
    expect(exportCanonicalCsv(plain).split('\r\n')[0]).toBe('indicator,period,value,baseline,age_group,gender,region,status,source,quote,note,offence,unit,label_en,label_fr,label_nl')
  })
})
