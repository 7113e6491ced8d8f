/**
 * Generated data sets for property tests of the chart state: what users import, not only what is
 * bundled. Indicators of every unit (slots colliding), a breakdown of 1–40 values with or without
 * a whole (`Total`, `Belgique`, `Totaal`), yearly, monthly or daily periods, gaps, series breaks,
 * small counts, indicators with no figure, up to 300 series.
 */
import fc from 'fast-check'
import type { Dataset, Indicator, Observation, Unit } from '../../src/core/model'
import { parsePeriod } from '../../src/core/period'

export const UNITS: readonly Unit[] = ['count', 'rate_per_100k', 'percent', 'percent_change', 'multiple', 'target_percent_yearly']
export const WHOLES = ['Total', 'Belgique', 'Totaal'] as const

export interface GeneratedCase {
  readonly dataset: Dataset
  /** Small counts are withheld below this (0: none), for every generated indicator. */
  readonly below: number
}

const text = (s: string) => ({ en: s, fr: s, nl: s, de: s })

function periodText(kind: 'year' | 'month' | 'day', i: number): string {
  if (kind === 'year') return String(2000 + i)
  if (kind === 'month') return `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
  const d = new Date(Date.UTC(2020, 0, 1 + i))
  return d.toISOString().slice(0, 10)
}

export const generatedCase: fc.Arbitrary<GeneratedCase> = fc
  .record({
    units: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 8 }),
    values: fc.integer({ min: 1, max: 40 }),
    whole: fc.option(fc.constantFrom(...WHOLES), { nil: null }),
    kind: fc.constantFrom('year' as const, 'month' as const, 'day' as const),
    periods: fc.integer({ min: 1, max: 12 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 64, maxLength: 64 }),
    small: fc.boolean(),
    below: fc.constantFrom(0, 5, 10),
    empty: fc.integer({ min: 0, max: 2 }),
    breaks: fc.boolean(),
  })
  .map(({ units, values, whole, kind, periods, seed, small, below, empty, breaks }): GeneratedCase => {
    // A deterministic stream from the generated seed: fast-check shrinks the seed, not each figure.
    let k = 0
    const next = (n: number) => seed[k++ % seed.length]! % n
    const regions = Array.from({ length: values }, (_, i) => `Arr ${i + 1}`)
    if (whole) regions.unshift(whole)
    // Up to 300 series: fewer regions when there are many indicators.
    const perIndicator = Math.max(1, Math.min(regions.length, Math.floor(300 / units.length)))
    const indicators: Indicator[] = units.map((unit, i) => ({
      id: `g:${unit}_${i}`,
      offence: (['grooming', 'sextortion', 'csam'] as const)[i % 3]!,
      unit,
      comparesTo: '',
      partOf: null,
      label: text(`${unit} ${i}`),
      short: null,
      description: text(''),
      caveat: text(''),
      dataset: 'g',
    }))
    for (let e = 0; e < empty; e++) indicators.push({ ...indicators[0]!, id: `g:empty_${e}`, label: text(`empty ${e}`) })
    const observations: Observation[] = []
    units.forEach((unit, i) => {
      regions.slice(0, perIndicator).forEach((region) => {
        for (let p = 0; p < periods; p++) {
          if (next(7) === 0) continue // a gap
          const raw = small && next(3) === 0 ? next(6) : next(5000)
          const value = unit === 'count' ? raw : unit === 'percent_change' ? raw / 10 - 50 : raw / 100
          const period = parsePeriod(periodText(kind, p))!
          observations.push({
            indicator: indicators[i]!.id,
            period,
            value: region === whole && unit === 'count' ? value * 10 : value,
            baseline: unit === 'count' ? '' : '2015',
            ageGroup: '',
            gender: '',
            region: values > 1 || whole ? region : '',
            status: next(9) === 0 ? 'provisional' : 'reported',
            source: 'g:file',
            quote: '',
            note: breaks && p > 0 && next(5) === 0 ? 'series break' : '',
            origin: { file: 'generated.csv', line: observations.length + 2 },
          })
        }
      })
    })
    const dataset: Dataset = {
      sources: [{ id: 'g:file', title: 'Generated', publisher: '', date: '2026-01-01', url: '', languages: [], document: 'generated.csv' }],
      indicators,
      observations,
      milestones: [],
    }
    return { dataset, below }
  })
