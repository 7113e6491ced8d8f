import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { defaultChoice, defaultIndicators, facetCounts, LONE_FIGURES, selectFigures } from '../../src/core/filters'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { JURISDICTIONS, OFFENCES } from '../../src/core/model'
import fc from 'fast-check'
import { readDataFolder } from '../../scripts/dataFolder'
import { files, HOTLINE, SOURCE_DOC, SOURCE_WEB } from '../helpers/csv'

const GROOMING = { id: 'grooming_files', offence: 'grooming', unit: 'count', label_en: 'Grooming files' }
const MILESTONE = { precision: 'year', category: 'law', jurisdiction: 'BE', source: 'knack' }

const { value: data } = readDataset(
  files({
    sources: [SOURCE_DOC, SOURCE_WEB],
    indicators: [HOTLINE, GROOMING],
    observations: [
      ...['2014', '2015', '2016', '2017'].map((period, i) => ({ indicator: 'cf_hotline_reports', period, value: 100 + i, source: 'knack' })),
      { indicator: 'grooming_files', period: '2015', value: 31, source: 'knack' },
      { indicator: 'grooming_files', period: '2016', value: 40, source: 'seed_ga_2014', quote: 'q' },
    ],
    milestones: [
      { ...MILESTONE, date: '2014', offences: 'grooming', title_en: 'Grooming law' },
      { ...MILESTONE, date: '2013', offences: 'general', title_en: 'Lanzarote ratified', category: 'convention', jurisdiction: 'CoE' },
      { ...MILESTONE, date: '2017', offences: 'csam', title_en: 'CSAM law' },
    ],
  }),
)

describe('selectFigures', () => {
  it('shows the trend series by default (enough figures to be a trend)', () => {
    expect(defaultIndicators(data, []).map((i) => i.id)).toEqual(['cf_hotline_reports'])
    expect(selectFigures(data, DEFAULT_VIEW).milestones).toHaveLength(3)
  })

  it('keeps only grooming series and grooming or general milestones for the grooming filter', () => {
    const s = selectFigures(data, { ...DEFAULT_VIEW, offences: ['grooming'] })
    expect(s.indicators.map((i) => i.id)).toEqual(['grooming_files'])
    expect(s.observations.map((o) => o.value)).toEqual([31, 40])
    expect(s.milestones.map((m) => m.title.en).sort()).toEqual(['Grooming law', 'Lanzarote ratified'])
  })

  it('filters by period, source, jurisdiction and milestone category', () => {
    const period = selectFigures(data, { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports'], from: 2015, to: 2016 })
    expect(period.observations.map((o) => o.period.text)).toEqual(['2015', '2016'])
    expect(period.milestones).toEqual([])
    const source = selectFigures(data, { ...DEFAULT_VIEW, indicators: ['grooming_files'], sources: ['seed_ga_2014'] })
    expect(source.observations.map((o) => o.value)).toEqual([40])
    const coe = selectFigures(data, { ...DEFAULT_VIEW, jurisdictions: ['CoE'] })
    expect(coe.observations).toEqual([])
    expect(coe.milestones.map((m) => m.title.en)).toEqual(['Lanzarote ratified'])
    const laws = selectFigures(data, { ...DEFAULT_VIEW, categories: ['law'] })
    expect(laws.milestones.map((m) => m.title.en).sort()).toEqual(['CSAM law', 'Grooming law'])
  })

  it('an explicit indicator choice overrides the default set', () => {
    const s = selectFigures(data, { ...DEFAULT_VIEW, indicators: ['grooming_files'] })
    expect(s.indicators.map((i) => i.id)).toEqual(['grooming_files'])
  })
})

describe('facetCounts', () => {
  it('says how many figures and milestones each option would leave', () => {
    const counts = facetCounts(data, DEFAULT_VIEW, 'offences', ['csam', 'grooming', 'sexting'])
    expect(counts.get('csam')).toEqual({ figures: 4, milestones: 2 })
    expect(counts.get('grooming')).toEqual({ figures: 2, milestones: 2 })
    expect(counts.get('sexting')).toEqual({ figures: 0, milestones: 1 })
  })
})

describe('default cap', () => {
  it('draws at most 20 indicators by default and says how many there were', () => {
    const indicators = Array.from({ length: 30 }, (_, i) => ({ ...HOTLINE, id: `s${i}`, label_en: `Series ${i}` }))
    const observations = indicators.flatMap((ind) => ['2017', '2018', '2019', '2020'].map((period) => ({ indicator: ind.id, period, value: 1, source: 'knack' })))
    const { value } = readDataset(files({ indicators, observations }))
    const choice = defaultChoice(value, [])
    expect(choice.total).toBe(30)
    expect(choice.shown.map((i) => i.id)).toEqual(indicators.slice(0, 20).map((i) => i.id))
    expect(selectFigures(value, { ...DEFAULT_VIEW }).indicators).toHaveLength(20)
    expect(defaultChoice(value, ['csam']).shown).toHaveLength(20)
  })
})

describe('facetCounts on the bundled data', () => {
  const { value: shipped } = readDataset(readDataFolder('data'))
  /** The plain definition, walking every figure: what an option of a facet would leave, the other filters as they are. */
  function reference(state: ViewState, facet: 'offences' | 'jurisdictions' | 'sources', option: string): number {
    const lifted = { ...state, [facet]: [] }
    if (facet === 'offences') {
      const all = selectFigures(shipped, { ...lifted, indicators: state.indicators.length ? state.indicators : shipped.indicators.map((i) => i.id) })
      const offenceOf = new Map(shipped.indicators.map((i) => [i.id, i.offence]))
      return all.observations.filter((o) => offenceOf.get(o.indicator) === option).length
    }
    const kept = selectFigures(shipped, lifted).observations
    return kept.filter((o) => (facet === 'sources' ? o.source : o.region || 'BE') === option).length
  }
  const years = [null, 2008, 2012, 2014, 2016, 2019, 2020, 2021, 2023]
  const states = fc.record({
    offences: fc.subarray([...OFFENCES], { maxLength: 2 }),
    jurisdictions: fc.subarray([...JURISDICTIONS], { maxLength: 2 }),
    sources: fc.subarray(shipped.sources.map((s) => s.id).slice(0, 12), { maxLength: 2 }),
    indicators: fc.subarray(shipped.indicators.map((i) => i.id), { maxLength: 3 }),
    from: fc.constantFrom(...years),
    to: fc.constantFrom(...years),
  })

  it('counts each option as a walk over every figure would, for any filters', () => {
    fc.assert(
      fc.property(states, (filters) => {
        const state = { ...DEFAULT_VIEW, ...filters } as ViewState
        for (const facet of ['offences', 'jurisdictions', 'sources'] as const) {
          const options = facet === 'offences' ? [...OFFENCES] : facet === 'jurisdictions' ? [...JURISDICTIONS] : shipped.sources.map((s) => s.id)
          const counts = facetCounts(shipped, state, facet, options as never[])
          for (const option of options) expect(counts.get(option as never)?.figures, `${facet} ${option}`).toBe(reference(state, facet, option))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('gives every offence its figures with no filter set (the chips the dashboard opens with)', () => {
    const counts = facetCounts(shipped, DEFAULT_VIEW, 'offences', [...OFFENCES])
    const total = [...counts.values()].reduce((n, c) => n + c.figures, 0)
    expect(total).toBe(shipped.observations.length)
  })
})

describe('the default view: one message', () => {
  const { value: bundled } = readDataset(readDataFolder('data'))

  it('draws the key series only (3 to 6 lines) on the default dashboard, and every trend series on "Show all series"', () => {
    const key = defaultChoice(bundled, [], 'key')
    const all = defaultChoice(bundled, [], 'all')
    expect(key.shown.length).toBeGreaterThanOrEqual(3)
    expect(key.shown.length).toBeLessThanOrEqual(6)
    expect(key.shown.every((i) => i.importance === 'key')).toBe(true)
    expect(all.shown.length).toBeGreaterThan(key.shown.length)
    expect(key.total).toBe(all.total)
    for (const i of key.shown) expect(all.shown).toContain(i)
  })

  it('in an offence view, lists key series of one or two figures as figures instead of drawing them, and shows every series of an offence with no key one', () => {
    const csam = defaultChoice(bundled, ['csam'], 'key')
    const counts = new Map<string, number>()
    for (const o of bundled.observations) counts.set(o.indicator, (counts.get(o.indicator) ?? 0) + 1)
    expect(csam.shown.every((i) => (counts.get(i.id) ?? 0) >= LONE_FIGURES)).toBe(true)
    expect(csam.lone.length).toBeGreaterThan(0)
    expect(csam.lone.every((i) => (counts.get(i.id) ?? 0) < LONE_FIGURES && i.importance === 'key')).toBe(true)
    // Sexting has no key series: its view keeps all of them (the lonely ones listed).
    const sexting = defaultChoice(bundled, ['sexting'], 'key')
    expect([...sexting.shown, ...sexting.lone].length).toBe(bundled.indicators.filter((i) => i.offence === 'sexting').length)
  })

  it('draws an offence’s lonely key series when nothing else would be drawn', () => {
    const harassment = defaultChoice(bundled, ['online_harassment'], 'key')
    expect(harassment.shown.length).toBeGreaterThan(0)
    expect(harassment.lone).toEqual([])
  })
})

describe('the cap on default series', () => {
  it('says how many key series the cap left out (25 series of four figures, none marked: all key)', () => {
    const indicators = Array.from({ length: 25 }, (_, i) => ({ id: `s${i}`, offence: 'csam', unit: 'count', label_en: `S${i}`, label_fr: `S${i}`, label_nl: `S${i}` }))
    const observations = indicators.flatMap((ind) => ['2019', '2020', '2021', '2022'].map((period) => ({ indicator: ind.id, period, value: 10, source: 'knack' })))
    const { value } = readDataset(files({ indicators, observations }))
    const choice = defaultChoice(value, [], 'key')
    expect(choice.shown).toHaveLength(20)
    expect(choice.uncapped).toBe(25)
  })
})
