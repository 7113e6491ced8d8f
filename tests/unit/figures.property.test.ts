/**
 * The columnar table reads as the objects it replaces: over generated tables (counts and rates,
 * breakdowns with a `Total`, small counts, unsorted rows), the dashboard's steps on a dataset held
 * in columns give what they give on the same figures as objects.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockFromObservations, columnBlock, columnDataset } from '../../src/core/figures'
import { selectFigures } from '../../src/core/filters'
import type { Dataset, Indicator, Observation, Unit } from '../../src/core/model'
import { parsePeriod } from '../../src/core/period'
import { buildSeries, buildSeriesByIndicator } from '../../src/core/series'
import { withheldFigures, withheldInDataset } from '../../src/core/suppression'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'

const PERIODS = ['2018', '2019', '2020-03', '2020', '2021-01-15', '2020-03-18/2020-07-15']
const REGIONS = ['', 'Total', 'Antwerpen', 'Liège', 'BE-Flanders']
const AGES = ['', '0-11', '12-17']

const indicatorOf = (id: string, unit: Unit): Indicator => ({
  id,
  offence: 'grooming',
  unit,
  comparesTo: '',
  partOf: null,
  label: { en: id, fr: id, nl: id, de: id },
  short: null,
  description: { en: '', fr: '', nl: '', de: '' },
  caveat: { en: '', fr: '', nl: '', de: '' },
  dataset: 'u1',
})

const INDICATORS = [indicatorOf('u1:a', 'count'), indicatorOf('u1:b', 'count'), indicatorOf('u1:r', 'rate_per_100k')]

/** Generated figures, one per (indicator, period, age group, region), in a shuffled order. */
const figures = fc
  .uniqueArray(
    fc.record({
      indicator: fc.integer({ min: 0, max: INDICATORS.length - 1 }),
      period: fc.integer({ min: 0, max: PERIODS.length - 1 }),
      age: fc.integer({ min: 0, max: AGES.length - 1 }),
      region: fc.integer({ min: 0, max: REGIONS.length - 1 }),
      value: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })),
      source: fc.constantFrom('u1:source', 'other'),
    }),
    { selector: (f) => `${f.indicator}|${f.period}|${f.age}|${f.region}`, maxLength: 120 },
  )
  .map((list) =>
    list.map(
      (f, i): Observation => ({
        indicator: INDICATORS[f.indicator]!.id,
        period: parsePeriod(PERIODS[f.period]!)!,
        value: f.value,
        baseline: '',
        ageGroup: AGES[f.age]!,
        gender: '',
        region: REGIONS[f.region]!,
        status: 'reported',
        source: f.source,
        quote: '',
        note: '',
        origin: { file: 'u.csv', line: i + 2 },
      }),
    ),
  )

/** The same figures held in columns, each row made from the columns (as an import's are). */
function inColumns(observations: readonly Observation[]): Dataset {
  const { row: _objects, ...columns } = blockFromObservations(observations)
  void _objects
  return columnDataset({ sources: [], indicators: INDICATORS, milestones: [], figures: [columnBlock(columns)] })
}

const keyOf = (o: Observation) => `${o.indicator}|${o.period.text}|${o.ageGroup}|${o.region}`
const drawn = (series: ReturnType<typeof buildSeries>) => series.map((s) => ({ key: s.key, points: s.points.map((p) => [p.x, p.value, keyOf(p.observation)]) }))

const states: fc.Arbitrary<Partial<ViewState>> = fc.record({
  from: fc.constantFrom(null, 2019, 2020),
  to: fc.constantFrom(null, 2020),
  sources: fc.constantFrom([], ['u1:source']),
  jurisdictions: fc.constantFrom([], ['BE'], ['BE-Flanders']),
}) as fc.Arbitrary<Partial<ViewState>>

describe('the columnar table, against the figures as objects (generated)', () => {
  it('the withheld figures found on the columns are those found over every object', () => {
    fc.assert(
      fc.property(figures, (observations) => {
        const threshold = () => 5
        const expected = [...withheldFigures(observations, INDICATORS, threshold)].map(([o, w]) => `${keyOf(o)}:${w.reason}`).sort()
        const got = [...withheldInDataset(inColumns(observations), threshold)].map(([o, w]) => `${keyOf(o)}:${w.reason}`).sort()
        expect(got).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('the series of a filtered view, grouped on the columns, are those grouped from the objects', () => {
    fc.assert(
      fc.property(figures, states, (observations, filters) => {
        const state = { ...DEFAULT_VIEW, ...filters, indicators: INDICATORS.map((i) => i.id) }
        const objects: Dataset = { sources: [], indicators: INDICATORS, observations, milestones: [] }
        const columns = inColumns(observations)
        const fromObjects = selectFigures(objects, state)
        const fromColumns = selectFigures(columns, state)
        expect(fromColumns.observations.map(keyOf)).toEqual(fromObjects.observations.map(keyOf))
        const expected = buildSeries(fromObjects.observations, fromObjects.indicators)
        expect(drawn(buildSeriesByIndicator(fromColumns.indicators, fromColumns.groups))).toEqual(drawn(expected))
      }),
      { numRuns: 300 },
    )
  })
})
