import { describe, expect, it } from 'vitest'
import { checkParts, readDataset } from '../../src/core/dataset'
import { formatIssue } from '../../src/core/model'
import { files, HOTLINE, HOTLINE_CHANGE, SOURCE_DOC, SOURCE_WEB } from '../helpers/csv'

const CAVEATS = { caveat_en: 'Reports, not prevalence', caveat_fr: 'Des signalements, pas la prévalence', caveat_nl: 'Meldingen, geen prevalentie', caveat_de: 'Meldungen, keine Prävalenz', importance: 'key', producer_en: 'Child Focus', producer_fr: 'Child Focus', producer_nl: 'Child Focus', producer_de: 'Child Focus' }
const FILES = { id: 'cf_files', offence: 'general', unit: 'count', label_en: 'Case files', label_fr: 'Dossiers', label_nl: 'Dossiers', label_de: 'Akten', ...CAVEATS }
const HOTLINE_PART = { ...HOTLINE, ...CAVEATS, part_of: 'cf_files' }
const MILESTONE = { date: '2014-04', precision: 'month', category: 'law', jurisdiction: 'BE', offences: 'grooming', title_en: 'Grooming law', title_de: 'Grooming-Gesetz', source: 'knack' }
const complete = (f: ReturnType<typeof files>) => readDataset(f, 'bundled', { complete: true })
const messages = (f: ReturnType<typeof files>, strict = false) => (strict ? complete(f) : readDataset(f)).issues.map(formatIssue)

describe('part_of', () => {
  it('links a part to its whole, with the whole’s label in every language', () => {
    const { value, issues } = readDataset(files({ indicators: [HOTLINE_PART, FILES, HOTLINE_CHANGE] }))
    expect(issues).toEqual([])
    const hotline = value.indicators.find((i) => i.id === 'cf_hotline_reports')!
    expect(hotline.partOf).toEqual({ id: 'cf_files', label: { en: 'Case files', fr: 'Dossiers', nl: 'Dossiers', de: 'Akten' } })
    expect(hotline.caveat.fr).toBe('Des signalements, pas la prévalence')
    expect(value.indicators.find((i) => i.id === 'cf_files')!.partOf).toBeNull()
  })

  it.each([
    ['an unknown indicator', { part_of: 'ghost' }, {}, 'part_of names an unknown indicator "ghost"'],
    ['itself', { part_of: 'cf_hotline_reports' }, {}, 'cannot be a part of itself'],
    ['a whole in another unit', {}, { unit: 'percent' }, 'a part has its whole\'s unit'],
    ['a whole about another offence', {}, { offence: 'grooming' }, 'the same offence or is general'],
  ])('reports a part_of naming %s at its line and column, and keeps the indicator', (_, part, whole, message) => {
    const f = files({ indicators: [{ ...HOTLINE_PART, ...part }, { ...FILES, ...whole }, HOTLINE_CHANGE] })
    const { value, issues } = readDataset(f)
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/^data\/indicators\.csv:2:11 \[part_of\] /)])
    expect(issues[0]!.message).toContain(message)
    expect(value.indicators.find((i) => i.id === 'cf_hotline_reports')!.partOf).toBeNull()
    expect(value.observations).toHaveLength(4)
  })

  it('reports a circle of parts', () => {
    const f = files({ indicators: [HOTLINE_PART, { ...FILES, offence: 'csam', part_of: 'cf_hotline_reports' }, HOTLINE_CHANGE] })
    expect(messages(f).join('\n')).toContain('runs in a circle')
  })
})

describe('complete mode (npm run check-data)', () => {
  const full = () =>
    files({
      sources: [{ ...SOURCE_DOC, url: 'https://example.org/seed', checked: '2026-12' }, { ...SOURCE_WEB, checked: '2026-12-04' }],
      indicators: [HOTLINE_PART, FILES, { ...HOTLINE_CHANGE, ...CAVEATS }],
      milestones: [{ ...MILESTONE, importance: 'key' }],
    })

  it('accepts data with every extension column filled', () => {
    expect(complete(full()).issues).toEqual([])
    expect(complete(full()).value.milestones[0]!.importance).toBe('key')
  })

  it('requires a url on every source, even a seed document', () => {
    const f = files({ sources: [{ ...SOURCE_DOC, checked: '2026-12' }, { ...SOURCE_WEB, checked: '2026-12' }], indicators: [HOTLINE_PART, FILES, { ...HOTLINE_CHANGE, ...CAVEATS }], milestones: [{ ...MILESTONE, importance: 'key' }] })
    expect(messages(f, true)).toEqual(['data/sources.csv:2:5 [url] source "seed_ga_2014" has no url a reader can open'])
    expect(messages(f)).toEqual([])
  })

  it('requires a caveat in English, French and Dutch', () => {
    const f = files({ sources: [{ ...SOURCE_DOC, url: 'https://example.org/seed', checked: '2026-12' }, { ...SOURCE_WEB, checked: '2026-12-04' }], indicators: [{ ...HOTLINE_PART, caveat_nl: '' }, FILES, { ...HOTLINE_CHANGE, ...CAVEATS }], milestones: [{ ...MILESTONE, importance: 'key' }] })
    expect(messages(f, true)).toEqual([expect.stringMatching(/^data\/indicators\.csv:2:\d+ \[caveat_nl\] caveat_nl is empty/)])
  })

  it('requires an importance of key or secondary on every milestone', () => {
    const base = { sources: [{ ...SOURCE_DOC, url: 'https://example.org/seed', checked: '2026-12' }, { ...SOURCE_WEB, checked: '2026-12-04' }], indicators: [HOTLINE_PART, FILES, { ...HOTLINE_CHANGE, ...CAVEATS }] }
    expect(messages(files({ ...base, milestones: [{ ...MILESTONE, importance: '' }] }), true)).toEqual([
      'data/milestones.csv:2:13 [importance] importance is empty (one of key, secondary)',
    ])
    expect(messages(files({ ...base, milestones: [{ ...MILESTONE, importance: 'major' }] }), true)).toEqual([
      'data/milestones.csv:2:13 [importance] "major" is not one of key, secondary',
    ])
  })

  it('names a missing extension column; without complete, files lacking them stay valid and every milestone is key', () => {
    expect(messages(files(), true)).toEqual(
      expect.arrayContaining(['data/indicators.csv:1 [part_of] the header lacks the column "part_of"', 'data/milestones.csv:1 [importance] the header lacks the column "importance"']),
    )
    const { value, issues } = readDataset(files())
    expect(issues).toEqual([])
    expect(value.milestones.map((m) => m.importance)).toEqual(['key'])
    expect(value.indicators[0]!.caveat).toEqual({ en: '', fr: '', nl: '', de: '' })
  })
})

describe('checkParts', () => {
  it('flags a part larger than its whole in the same period, at the part’s line', () => {
    const f = files({
      indicators: [HOTLINE_PART, FILES, HOTLINE_CHANGE],
      observations: [
        { indicator: 'cf_hotline_reports', period: '2019', value: 1414, source: 'knack' },
        { indicator: 'cf_hotline_reports', period: '2020', value: 2056, source: 'knack' },
        { indicator: 'cf_files', period: '2019', value: 1501, source: 'knack' },
        { indicator: 'cf_files', period: '2020', value: 2000, source: 'knack' },
      ],
    })
    expect(checkParts(readDataset(f).value).map(formatIssue)).toEqual([
      'data/observations.csv:3:3 [value] 2056 (cf_hotline_reports, 2020) exceeds its whole cf_files (2000)',
    ])
  })
})
