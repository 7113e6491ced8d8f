import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareSeries, compareView, MIN_FIGURES, yearFraction, type CompareChoice, type CompareSide } from '../../src/core/compare'
import type { Milestone, Observation } from '../../src/core/model'
import { parsePeriod } from '../../src/core/period'
import { buildSeries, type SeriesPoint } from '../../src/core/series'
import { markSmallCounts } from '../../src/core/suppression'
import { startsNewSegment } from '../../src/core/transform'
import { generatedCase } from '../helpers/generatedData'

function observation(period: string, value: number, note = ''): Observation {
  return {
    indicator: 'i',
    period: parsePeriod(period)!,
    value,
    baseline: '',
    ageGroup: '',
    gender: '',
    region: '',
    status: 'reported',
    source: 's',
    quote: '',
    note,
    origin: { file: 'f.csv', line: 2 },
  }
}
function point(period: string, value: number, extra: { note?: string; suppressed?: number; withheld?: 'secondary' | 'linked' } = {}): SeriesPoint {
  const o = observation(period, value, extra.note)
  return { x: o.period.mid, value, observation: o, ...(extra.suppressed !== undefined ? { suppressed: extra.suppressed } : {}), ...(extra.withheld ? { withheld: extra.withheld } : {}) }
}
function milestone(date: string, end: string | null = null): Milestone {
  return {
    id: `${date}:m`,
    date: parsePeriod(date)!,
    endDate: end ? parsePeriod(end)! : null,
    precision: 'month',
    category: 'law',
    jurisdiction: 'BE',
    offences: ['grooming'],
    importance: 'key',
    title: { en: 'Law', fr: 'Loi', nl: 'Wet', de: 'Gesetz' },
    source: 's',
    quote: '',
    note: '',
    origin: { file: 'milestones.csv', line: 2 },
  }
}
const choice = (m: Milestone, years: number | null = null): CompareChoice => ({ milestone: { number: 30, milestone: m }, years })
const yearly = (from: number, values: readonly number[], extra: Record<number, Parameters<typeof point>[2]> = {}) =>
  values.map((v, i) => point(String(from + i), v, extra[from + i] ?? {}))
/** A described side, rounded to 1e-9 (the slope is computed in floating point). */
function described(side: CompareSide) {
  if (!side.ok) return side
  const r = (n: number) => Math.round(n * 1e9) / 1e9
  return { figures: side.figures, level: r(side.level), yearly: r(side.yearly), first: side.first, last: side.last }
}

// 2008–2020; April 2014: the 2014 figure (999) contains the milestone and belongs to neither side.
const series = yearly(2008, [10, 12, 14, 16, 18, 20, 999, 30, 27, 24, 21, 18, 15])
const april2014 = milestone('2014-04')

describe('compare before and after a milestone', () => {
  it('describes each side by its figures, mean level and least-squares yearly change, leaving out the year of the milestone', () => {
    const { before, after } = compareSeries(series, choice(april2014))
    expect(described(before)).toEqual({ figures: 6, level: 15, yearly: 2, first: '2008', last: '2013' })
    expect(described(after)).toEqual({ figures: 6, level: 22.5, yearly: -3, first: '2015', last: '2020' })
  })

  it('fits on calendar years: uneven gaps weigh by their years (least squares, not an average of steps)', () => {
    // 2009: 10, 2010: 20, 2013: 20. Years 2009.5, 2010.5, 2013.5: dx = -5/3, -2/3, 7/3; dy = -20/3, 10/3, 10/3;
    // slope = Σ(dx·dy)/Σdx² = (150/9)/(78/9) = 25/13 ≈ 1.92 per year (the mean of the two steps would be 5).
    const { before } = compareSeries([point('2009', 10), point('2010', 20), point('2013', 20)], choice(april2014))
    expect(before.ok).toBe(true)
    if (!before.ok) return
    expect(before.yearly).toBeCloseTo(25 / 13, 10)
    expect(before.level).toBeCloseTo(50 / 3, 10)
  })

  it('reads a window of whole calendar years from the milestone’s own year', () => {
    const { before, after } = compareSeries(series, choice(april2014, 3))
    expect(described(before)).toEqual({ figures: 3, level: 18, yearly: 2, first: '2011', last: '2013' })
    expect(described(after)).toEqual({ figures: 3, level: 27, yearly: -3, first: '2015', last: '2017' })
  })

  it('refuses a side with fewer than three figures (too few figures to describe a trend)', () => {
    const { before, after } = compareSeries(series, choice(april2014, 2))
    expect(before).toEqual({ ok: false, figures: 2 })
    expect(after).toEqual({ ok: false, figures: 2 })
    expect(MIN_FIGURES).toBe(3)
    // A side with no figure at all.
    expect(compareSeries(yearly(2015, [1, 2, 3]), choice(april2014)).before).toEqual({ ok: false, figures: 0 })
  })

  it('never bridges a series break: each side keeps the figures on the milestone’s side of the nearest break', () => {
    const broken = yearly(2008, [10, 12, 14, 100, 110, 120, 999, 30, 27, 24, 500, 400, 300], {
      2011: { note: 'Series break: new counting rules' },
      2018: { note: 'series break' },
    })
    const { before, after } = compareSeries(broken, choice(april2014))
    expect(described(before)).toEqual({ figures: 3, level: 110, yearly: 10, first: '2011', last: '2013' })
    expect(described(after)).toEqual({ figures: 3, level: 27, yearly: -3, first: '2015', last: '2017' })
    // A break right after the first figure after the milestone leaves one figure: refused.
    const early = yearly(2015, [30, 27, 24, 21], { 2016: { note: 'series break' } })
    expect(compareSeries(early, choice(april2014)).after).toEqual({ ok: false, figures: 1 })
  })

  it('never uses a withheld figure: a small count, a secondary or a linked one counts as no figure', () => {
    const withheld = yearly(2008, [10, 12, 3, 16, 18, 20, 999, 30, 27, 24, 2, 18, 15], {
      2010: { suppressed: 5 },
      2018: { suppressed: 5, withheld: 'linked' },
    })
    const { before, after } = compareSeries(withheld, choice(april2014))
    // Before: 2008, 2009, 2011, 2012, 2013 (mean x 2011.1, slope 2 exactly on this straight line).
    expect(described(before)).toEqual({ figures: 5, level: 15.2, yearly: 2, first: '2008', last: '2013' })
    expect(described(after)).toEqual({ figures: 5, level: 22.8, yearly: -3, first: '2015', last: '2020' })
    // Three figures of which one withheld: two left, refused.
    const few = yearly(2011, [4, 10, 12], { 2011: { suppressed: 5 } })
    expect(compareSeries(few, choice(april2014)).before).toEqual({ ok: false, figures: 2 })
  })

  it('a milestone with an end date: before is before its start, after is after its end', () => {
    const project = milestone('2012', '2014')
    const { before, after } = compareSeries(series, choice(project))
    expect(described(before)).toEqual({ figures: 4, level: 13, yearly: 2, first: '2008', last: '2011' })
    expect(described(after)).toEqual({ figures: 6, level: 22.5, yearly: -3, first: '2015', last: '2020' })
  })

  it('draws the fitted line at each figure used, in the series’ own time-axis numbers', () => {
    const { before } = compareSeries(series, choice(april2014))
    if (!before.ok) throw new Error('expected a described side')
    expect(before.fit.map((f) => f.x)).toEqual(series.slice(0, 6).map((p) => p.x))
    expect(before.fit.map((f) => Math.round(f.value * 1e9) / 1e9)).toEqual([10, 12, 14, 16, 18, 20])
  })

  it('compares counts only, and says how many series drawn were not counts', () => {
    const c = choice(april2014)
    const out = compareView(
      [
        { key: 'a', label: 'Reports', colour: '#0072B2', unit: 'count', points: series },
        { key: 'b', label: 'Rate', colour: '#D55E00', unit: 'rate_per_100k', points: series },
        { key: 'c', label: 'Change', colour: '#009E73', unit: 'percent_change', points: series },
      ],
      c,
    )
    expect(out.rows.map((r) => r.key)).toEqual(['a'])
    expect(out.notCounts).toBe(2)
  })

  it('reads the middle of a year as its half, leap years too (UTC calendar)', () => {
    expect(yearFraction(parsePeriod('2012')!.mid)).toBe(2012.5)
    expect(yearFraction(parsePeriod('2013')!.mid)).toBe(2013.5)
  })
})

describe('compare on generated data', () => {
  const milestoneAt = fc.constantFrom('2001', '2003-06', '2005-01-01', '2015-07', '2016-03-15', '2020-02-10')

  it('no withheld value changes the result, and no side crosses a series break', () => {
    fc.assert(
      fc.property(generatedCase, milestoneAt, fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), fc.integer(), (generated, at, years, hidden) => {
        const { dataset, below } = generated
        const all = markSmallCounts(buildSeries(dataset.observations, dataset.indicators), () => below)
        const c = choice(milestone(at), years)
        for (const s of all.slice(0, 40)) {
          const result = compareSeries(s.points, c)
          // Another hidden value behind every withheld figure: the same result.
          const changed = s.points.map((p) => (p.suppressed !== undefined || p.withheld !== undefined ? { ...p, value: hidden } : p))
          expect(compareSeries(changed, c)).toEqual(result)
          for (const side of [result.before, result.after]) {
            if (!side.ok) continue
            const first = s.points.findIndex((p) => p.observation.period.text === side.first)
            const last = s.points.findIndex((p) => p.observation.period.text === side.last)
            // Between a side's first and last figure, no figure starts a new segment.
            for (let i = first + 1; i <= last; i++) expect(startsNewSegment(s.points[i]!.observation)).toBe(false)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})
