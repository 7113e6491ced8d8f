import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMissingGerman, readDataset } from '../../src/core/dataset'
import { importBytes } from '../../src/core/import/pipeline'
import { toDataset, withGerman, type ImportedDataset } from '../../src/core/import/table'
import { completenessLines, FALLBACK_ORDER, fillTexts, isComplete, languageCompleteness } from '../../src/core/languages'
import { formatIssue, LOCALES, type Locale } from '../../src/core/model'
import { readDataFolder } from '../../scripts/dataFolder'
import { csv, files, HOTLINE, HOTLINE_CHANGE } from '../helpers/csv'

describe('fallback order', () => {
  it('shows German from French, else Dutch, else English; French and Dutch from English', () => {
    expect(FALLBACK_ORDER.de).toEqual(['de', 'fr', 'nl', 'en'])
    expect(fillTexts({ en: 'Reports', fr: 'Signalements', nl: 'Meldingen' })).toEqual({
      text: { en: 'Reports', fr: 'Signalements', nl: 'Meldingen', de: 'Signalements' },
      shownIn: { de: 'fr' },
    })
    expect(fillTexts({ en: 'Reports', nl: 'Meldingen' })).toEqual({
      text: { en: 'Reports', fr: 'Reports', nl: 'Meldingen', de: 'Meldingen' },
      shownIn: { fr: 'en', de: 'nl' },
    })
    expect(fillTexts({ en: 'Reports' }).shownIn).toEqual({ fr: 'en', nl: 'en', de: 'en' })
    expect(fillTexts({ en: 'Reports', de: 'Meldungen' })).toEqual({ text: { en: 'Reports', fr: 'Reports', nl: 'Reports', de: 'Meldungen' }, shownIn: { fr: 'en', nl: 'en' } })
  })

  it('never leaves a label empty when English is given, and names the language it shows instead', () => {
    const text = fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined })
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), text, text, text, (en, fr, nl, de) => {
        const given = { en, fr, nl, de }
        const { text: filled, shownIn } = fillTexts(given)
        for (const l of LOCALES) {
          expect(filled[l]).not.toBe('')
          const from: Locale = shownIn[l] ?? l
          // The text shown is the one of the language named, the first given in the stated order (or a name alike in all).
          expect(filled[l]).toBe(given[from] ?? filled[l])
          if (shownIn[l]) expect(FALLBACK_ORDER[l].find((x) => given[x])).toBe(shownIn[l])
        }
      }),
      { numRuns: 300 },
    )
  })

  it('treats a text given alike in several languages as a name: nothing is said to be missing', () => {
    expect(fillTexts({ en: 'NCMEC', fr: 'NCMEC', nl: 'NCMEC' })).toEqual({ text: { en: 'NCMEC', fr: 'NCMEC', nl: 'NCMEC', de: 'NCMEC' }, shownIn: {} })
  })
})

describe('the reader with and without German columns', () => {
  it('reads label_de, description_de, caveat_de and title_de', () => {
    const f = files({
      indicators: [{ ...HOTLINE, description_en: 'Reports received', description_de: 'Eingegangene Meldungen', caveat_en: 'Not prevalence', caveat_de: 'Keine Prävalenz' }, HOTLINE_CHANGE],
    })
    const { value, issues } = readDataset(f)
    expect(issues).toEqual([])
    const hotline = value.indicators.find((i) => i.id === 'cf_hotline_reports')!
    expect(hotline.label.de).toBe('Meldungen an die Meldestelle')
    expect(hotline.description.de).toBe('Eingegangene Meldungen')
    expect(hotline.caveat.de).toBe('Keine Prävalenz')
    expect(hotline.shownIn).toBeUndefined()
    expect(value.milestones[0]!.title.de).toBe('Grooming-Gesetze in Kraft')
    // The helper's milestone has an English and a German title only: French and Dutch show the English.
    expect(value.milestones[0]!.shownIn).toEqual({ fr: 'en', nl: 'en' })
  })

  it('reads a file without them (older files stay valid): German falls back and says from which language', () => {
    const noGerman = { ...HOTLINE, label_de: '' }
    const f = files({ indicators: [{ ...noGerman, description_en: 'Reports received', description_fr: 'Signalements reçus' }, { ...HOTLINE_CHANGE, label_de: '' }] })
    f.milestones = { name: 'data/milestones.csv', text: csv('milestones', [{ date: '2014', precision: 'year', category: 'law', jurisdiction: 'BE', offences: 'grooming', title_en: 'Law', title_nl: 'Wet', source: 'knack' }]) }
    const { value, issues } = readDataset(f)
    expect(issues).toEqual([])
    const [hotline, change] = value.indicators
    expect(hotline!.label.de).toBe('Signalements')
    expect(hotline!.description.de).toBe('Signalements reçus')
    expect(hotline!.shownIn).toEqual({ de: 'fr' })
    expect(change!.label.de).toBe('Change in reports')
    expect(change!.shownIn).toEqual({ fr: 'en', nl: 'en', de: 'en' })
    expect(value.milestones[0]!.title).toEqual({ en: 'Law', fr: 'Law', nl: 'Wet', de: 'Wet' })
    expect(value.milestones[0]!.shownIn).toEqual({ fr: 'en', de: 'nl' })
  })

  it('in complete mode requires German, and those problems are the ones a folder of one’s own may skip', () => {
    const noGerman = { ...HOTLINE, label_de: '' }
    const { issues } = readDataset(files({ indicators: [noGerman, HOTLINE_CHANGE] }), 'bundled', { complete: true })
    const german = issues.filter(isMissingGerman).map(formatIssue)
    expect(german).toContainEqual(expect.stringMatching(/^data\/indicators\.csv:2:\d+ \[label_de\] indicator "cf_hotline_reports" has no label_de/))
    expect(german).toContainEqual('data/indicators.csv:1 [caveat_de] the header lacks the column "caveat_de"')
    // Other problems (a missing part_of column) are not German ones.
    expect(issues.filter((i) => !isMissingGerman(i)).map((i) => i.field)).toContain('part_of')
  })
})

describe('completeness of each language', () => {
  it('counts own labels and titles per language and names the languages shown instead', () => {
    const { value } = readDataset(
      files({ indicators: [{ ...HOTLINE, label_de: '' }, { ...HOTLINE_CHANGE, label_de: '' }] }),
    )
    const report = languageCompleteness(value.indicators, value.milestones)
    const de = report.find((c) => c.locale === 'de')!
    expect(de.labels).toEqual({ own: 0, total: 2 })
    expect(de.titles).toEqual({ own: 1, total: 1 })
    expect(de.shownInstead).toEqual(['fr', 'en'])
    expect(isComplete(report.find((c) => c.locale === 'en')!)).toBe(true)
    expect(isComplete(de)).toBe(false)
    expect(completenessLines(report)).toContain('de: 0/2 indicator labels, 1/1 milestone titles (others shown in fr, en)')
  })

  it('finds the bundled data complete in every language', () => {
    const { value } = readDataset(readDataFolder('data'), 'bundled', { complete: true })
    expect(value.indicators).toHaveLength(47)
    expect(value.milestones).toHaveLength(66)
    for (const c of languageCompleteness(value.indicators, value.milestones)) expect(isComplete(c), c.locale).toBe(true)
    for (const i of value.indicators) {
      expect(i.label.de, i.id).not.toBe(i.label.en)
      expect(i.caveat.de, i.id).not.toBe('')
    }
  })
})

describe('imported datasets', () => {
  const imported = (text: string): ImportedDataset => {
    const out = importBytes(new TextEncoder().encode(text))
    if (!out.ok) throw new Error(out.problem)
    return { id: 'u1', name: 'Mine', fileName: 'mine.csv', importedAt: '2026-03-01T10:00:00.000Z', hidden: false, table: out.result.table }
  }

  it('read label_de when the file has it, else fall back and report it', () => {
    const withDe = toDataset(imported('indicator,period,value,label_en,label_fr,label_de\ngr,2020,10,Grooming files,Dossiers de grooming,Grooming-Akten\n'))
    expect(withDe.indicators[0]!.label.de).toBe('Grooming-Akten')
    expect(withDe.indicators[0]!.shownIn).toEqual({ nl: 'en' })
    const without = toDataset(imported('indicator,period,value,label_en,label_fr\ngr,2020,10,Grooming files,Dossiers de grooming\n'))
    expect(without.indicators[0]!.label.de).toBe('Dossiers de grooming')
    expect(without.indicators[0]!.shownIn).toEqual({ nl: 'en', de: 'fr' })
    expect(completenessLines(languageCompleteness(without.indicators, []))).toContain('de: 0/1 indicator labels, 0/0 milestone titles (others shown in fr)')
  })

  it('gives a dataset stored before German a German label from its French one, and says so', () => {
    const stored = { id: 'gr', offence: 'grooming', unit: 'count', label: { en: 'Files', fr: 'Dossiers', nl: 'Dossiers' } } as unknown as Parameters<typeof withGerman>[0]
    expect(withGerman(stored)).toEqual({ label: { en: 'Files', fr: 'Dossiers', nl: 'Dossiers', de: 'Dossiers' }, short: null, shownIn: { de: 'fr' } })
    const english = { ...stored, label: { en: 'Files', fr: 'Files', nl: 'Files' } } as typeof stored
    expect(withGerman(english).label.de).toBe('Files')
  })
})
