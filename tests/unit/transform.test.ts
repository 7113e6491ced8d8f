import { describe, expect, it } from 'vitest'
import { readDataset } from '../../src/core/dataset'
import { buildSeries } from '../../src/core/series'
import { applyView, effectiveScale, groupExcluded, logScaleAvailability, segmentsOf } from '../../src/core/transform'
import { files, HOTLINE, HOTLINE_CHANGE } from '../helpers/csv'

function seriesOf(rows: Record<string, string | number>[]) {
  const { value, issues } = readDataset(files({ indicators: [HOTLINE, HOTLINE_CHANGE], observations: rows }))
  expect(issues).toEqual([])
  return buildSeries(value.observations, value.indicators)
}
const row = (period: string, value: number, note = '') => ({ indicator: 'cf_hotline_reports', period, value, source: 'knack', note })

describe('applyView', () => {
  const series = seriesOf([row('2017', 746), row('2018', 1728), row('2019', 1414), row('2021', 2147)])

  it('index: the base year is 100', () => {
    const { series: out } = applyView(series, 'index', 2019)
    expect(out[0]!.unit).toBe('index')
    expect(out[0]!.points.map((p) => Math.round(p.value))).toEqual([53, 122, 100, 152])
  })

  it('index: without a base year, the common base (here the series’ latest year) is 100; a series without the base year is left out with the reason', () => {
    const indexed = applyView(series, 'index', null)
    const last = indexed.series[0]!.points[indexed.series[0]!.points.length - 1]!
    expect(last.value).toBe(100)
    expect(indexed.base).toBe(Number(last.observation.period.text))
    const { series: out, excluded } = applyView(series, 'index', 2016)
    expect(out).toEqual([])
    expect(excluded[0]!.reason).toBe('no_base')
  })

  it('change: computed between consecutive periods only', () => {
    const { series: out } = applyView(series, 'change', null)
    const changes = out[0]!.points.map((p) => [p.observation.period.text, Math.round(p.value)])
    // 2021 has no 2020 before it: no change is computed across the gap.
    expect(changes).toEqual([['2018', 132], ['2019', -18]])
  })

  it('never computes across a series break', () => {
    const broken = seriesOf([row('2017', 100), row('2018', 300, 'Series break: now counts case files'), row('2019', 330)])
    expect(segmentsOf(broken[0]!.points).map((s) => s.length)).toEqual([1, 2])
    const { series: out } = applyView(broken, 'change', null)
    expect(out[0]!.points.map((p) => p.observation.period.text)).toEqual(['2019'])
    const indexed = applyView(broken, 'index', 2017).series[0]!
    expect(indexed.points.map((p) => p.observation.period.text)).toEqual(['2017'])
  })

  it('leaves relative figures out of index and change views, with the reason', () => {
    const mixed = seriesOf([row('2019', 1414), row('2020', 2056), { indicator: 'cf_hotline_change', period: '2020', value: 45, baseline: '2019', source: 'knack' }])
    const { series: out, excluded } = applyView(mixed, 'change', null)
    expect(out.map((s) => s.indicator.id)).toEqual(['cf_hotline_reports'])
    expect(excluded.map((e) => [e.series.indicator.id, e.reason])).toEqual([['cf_hotline_change', 'not_count']])
  })
})

describe('log scale', () => {
  it('is offered only when every shown value is above zero', () => {
    const positive = [{ points: [{ value: 1 }, { value: 20 }] }]
    const withZero = [{ points: [{ value: 0 }, { value: 20 }] }]
    expect(logScaleAvailability(positive)).toEqual({ ok: true })
    expect(logScaleAvailability(withZero)).toEqual({ ok: false, reason: 'non_positive' })
    expect(effectiveScale('log', withZero)).toBe('linear')
    expect(effectiveScale('log', positive)).toBe('log')
  })
})

describe('groupExcluded: the notice above the chart', () => {
  it('names one line for every line of an indicator left out for one reason, with how many, and keeps other reasons apart', () => {
    const counts = seriesOf([row('2018', 10), row('2019', 12)])
    const rate = seriesOf([{ indicator: 'cf_hotline_change', period: '2019', value: 5, baseline: 'previous period', source: 'knack' }]).find((s) => s.indicator.id === 'cf_hotline_change')!
    const regions = ['Anvers', 'Eupen', 'Liège'].map((r) => ({ ...rate, key: `${rate.key}|${r}`, breakdown: r }))
    const excluded = [
      ...regions.map((s) => ({ series: s, reason: 'not_count' as const })),
      { series: counts[0]!, reason: 'no_base' as const },
    ]
    const groups = groupExcluded(excluded)
    expect(groups.map((g) => [g.series.indicator.id, g.reason, g.lines])).toEqual([
      ['cf_hotline_change', 'not_count', 3],
      ['cf_hotline_reports', 'no_base', 1],
    ])
    // Every excluded line is counted once: nothing left out goes unnamed.
    expect(groups.reduce((n, g) => n + g.lines, 0)).toBe(excluded.length)
  })
})
