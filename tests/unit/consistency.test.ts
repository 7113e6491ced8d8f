import { describe, expect, it } from 'vitest'
import { consistencyText } from '../../src/core/chart/trendOption'
import { checkConsistency, previousPeriod } from '../../src/core/consistency'
import { readDataset } from '../../src/core/dataset'
import { files, HOTLINE, HOTLINE_CHANGE, SOURCE_DOC, SOURCE_WEB } from '../helpers/csv'
import { TEXT } from '../helpers/text'

const counts = [
  { indicator: 'cf_hotline_reports', period: '2017', value: 746, source: 'knack' },
  { indicator: 'cf_hotline_reports', period: '2018', value: 1728, source: 'knack' },
  { indicator: 'cf_hotline_reports', period: '2019', value: 1414, source: 'knack' },
  { indicator: 'cf_hotline_reports', period: '2020', value: 2056, source: 'knack' },
]
const TRIPLED = { id: 'tripled', offence: 'csam', unit: 'multiple', compares_to: 'cf_hotline_reports', label_en: 'Reports ×' }

function checksFor(relative: Record<string, string | number>[]) {
  const { value } = readDataset(
    files({
      sources: [SOURCE_DOC, SOURCE_WEB],
      indicators: [HOTLINE, HOTLINE_CHANGE, TRIPLED],
      observations: [...counts, ...relative],
    }),
  )
  return checkConsistency(value)
}

describe('checkConsistency', () => {
  it('accepts a published change that matches the counts after rounding (+45 % for 1414 → 2056)', () => {
    const [check] = checksFor([{ indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: 'previous period', source: 'knack' }])
    expect(check).toMatchObject({ published: 45, mismatch: false, base: { period: '2019', value: 1414 }, compared: { period: '2020', value: 2056 } })
    expect(check!.computed).toBeCloseTo(45.4, 1)
  })

  it('flags a published change beyond rounding (+136 % published, +132 % computed for 746 → 1728)', () => {
    const [check] = checksFor([{ indicator: 'cf_hotline_change', period: '2018', value: 136, baseline: 'previous period', source: 'knack' }])
    expect(check!.mismatch).toBe(true)
    expect(Math.round(check!.computed)).toBe(132)
  })

  it('says a part-year claim against a whole year is uncertain, and a same-period change that it disagrees', () => {
    const [claim] = checksFor([{ indicator: 'tripled', period: '2020-03-18/2020-07-15', value: 3, baseline: '2019', source: 'knack' }])
    expect(consistencyText(claim!, 'en', TEXT)).toBe('published ×3 for part of the year; the whole year gives ×1.45 (2019: 1,414 → 2020: 2,056): uncertain')
    const [change] = checksFor([{ indicator: 'cf_hotline_change', period: '2018', value: 136, baseline: 'previous period', source: 'knack' }])
    expect(consistencyText(change!, 'en', TEXT)).toContain('MISMATCH')
  })

  it('checks a change against a named baseline year', () => {
    const [check] = checksFor([{ indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: '2019', source: 'knack' }])
    expect(check!.mismatch).toBe(false)
  })

  it('flags a part-year "tripled compared with 2019" that the whole year does not reach', () => {
    const [check] = checksFor([{ indicator: 'tripled', period: '2020-03-18/2020-07-15', value: 3, baseline: '2019', source: 'knack' }])
    expect(check).toMatchObject({ kind: 'claim_vs_total', mismatch: true, compared: { period: '2020', value: 2056 } })
    expect(check!.computed).toBeCloseTo(1.454, 2)
  })

  it('does not check a figure whose baseline is not stated, or whose counts are missing', () => {
    expect(checksFor([{ indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: 'not stated', source: 'knack' }])).toEqual([])
    expect(checksFor([{ indicator: 'cf_hotline_change', period: '2016', value: 10, baseline: 'previous period', source: 'knack' }])).toEqual([])
  })
})

describe('previousPeriod', () => {
  it('steps back a year or a month', () => {
    expect(previousPeriod('2020')).toBe('2019')
    expect(previousPeriod('2020-01')).toBe('2019-12')
    expect(previousPeriod('2020-07')).toBe('2020-06')
    expect(previousPeriod('2020-07-15')).toBeNull()
  })
})
