/**
 * Style assignment on generated views (many series, colliding catalogue slots, small charts): it
 * always ends, every drawn line has a style and a legend entry, and lines in one panel stay apart
 * as far as colour and symbol allow. A view of five arrondissements and a total beside the bundled
 * lines once hung the dashboard here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DISTINCT_STYLES, deriveTrendView, PALETTE, type TrendSpec } from '../../src/core/chart/chartState'
import type { DisplayUnit, Indicator, Observation } from '../../src/core/model'
import { parsePeriod } from '../../src/core/period'
import type { ViewSeries } from '../../src/core/transform'

const UNITS: DisplayUnit[] = ['count', 'rate_per_100k', 'percent', 'index']

function indicatorOf(id: string, unit: DisplayUnit): Indicator {
  const text = { en: id, fr: id, nl: id }
  return {
    id, offence: 'grooming', unit: unit === 'index' ? 'count' : unit, comparesTo: '', partOf: null,
    label: text, short: null, description: text, caveat: text, dataset: 'generated',
  } as unknown as Indicator
}

function seriesOf(indicator: Indicator, unit: DisplayUnit, breakdown: string, values: readonly number[]): ViewSeries {
  const points = values.map((value, i) => {
    const period = parsePeriod(String(2010 + i))!
    const observation = { indicator: indicator.id, period, value, note: '', region: breakdown } as unknown as Observation
    return { x: period.mid, value, observation }
  })
  return { key: `${indicator.id}|${breakdown}`, indicator, breakdown, points, unit, viewBaseline: '' }
}

/** Series of a few indicators (slots chosen to collide) over many breakdown values, grouped or not. */
const generatedSpec = fc
  .record({
    indicators: fc.integer({ min: 1, max: 12 }),
    breakdowns: fc.integer({ min: 1, max: 40 }),
    slots: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 }),
    magnitudes: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 12, maxLength: 12 }),
    units: fc.array(fc.constantFrom(...UNITS), { minLength: 12, maxLength: 12 }),
    grouped: fc.boolean(),
    take: fc.integer({ min: 1, max: 300 }),
  })
  .map(({ indicators, breakdowns, slots, magnitudes, units, grouped, take }): TrendSpec => {
    const inds = Array.from({ length: indicators }, (_, i) => indicatorOf(`ind${i}`, units[i]!))
    const series: ViewSeries[] = []
    for (let b = 0; b < breakdowns && series.length < take; b++) {
      for (let i = 0; i < indicators && series.length < take; i++) {
        series.push(seriesOf(inds[i]!, units[i]!, breakdowns > 1 ? `R${b}` : '', [1, 2, 3].map((v) => v * 10 ** magnitudes[i]!)))
      }
    }
    const groups = grouped
      ? [...new Set(series.map((s) => s.breakdown))].map((value) => ({ value, keys: series.filter((s) => s.breakdown === value).map((s) => s.key) }))
      : undefined
    return {
      locale: 'en',
      series,
      milestones: [],
      sources: new Map(),
      colourSlots: new Map(inds.map((ind, i) => [ind.id, slots[i]!])),
      ...(groups ? { groups } : {}),
    }
  })

describe('line styles on generated views', () => {
  it('always finishes, and gives every drawn line a style and a legend entry', () => {
    fc.assert(
      fc.property(generatedSpec, (spec) => {
        const view = deriveTrendView(spec)
        // Small charts past a page show one page of charts; the rest are on the next pages.
        if (view.chartsPage) expect(view.panels.length).toBeLessThanOrEqual(view.chartsPage.to - view.chartsPage.from + 1)
        else expect(view.series).toHaveLength(spec.series.length)
        const legendKeys = new Set(view.legend.map((e) => e.key))
        for (const s of view.series) {
          expect(PALETTE).toContain(s.colour)
          expect(s.symbol).toBeTruthy()
          expect(legendKeys.has(spec.groups ? s.indicator.id : s.key)).toBe(true)
          const entry = view.legend.find((e) => e.key === (spec.groups ? s.indicator.id : s.key))!
          expect([entry.colour, entry.symbol]).toEqual([s.colour, s.symbol])
        }
      }),
      { numRuns: 200 },
    )
  }, 120_000)

  it('keeps lines in one panel apart: distinct colours up to seven, distinct colour and symbol up to 49, else says so', () => {
    fc.assert(
      fc.property(generatedSpec, (spec) => {
        const view = deriveTrendView(spec)
        let crowded = false
        for (const panel of view.panels) {
          // In small charts a line is its indicator: one style in every chart.
          const lines = new Map(panel.series.map((s) => [spec.groups ? s.indicator.id : s.key, s]))
          const styles = [...lines.values()]
          if (styles.length <= PALETTE.length) expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length)
          if (styles.length <= DISTINCT_STYLES) expect(new Set(styles.map((s) => `${s.colour}/${s.symbol}`)).size).toBe(styles.length)
          else crowded = true
        }
        if (crowded) expect(view.indistinct).toBe(true)
        if (spec.groups) {
          const byIndicator = new Map<string, string>()
          for (const s of view.series) {
            const style = `${s.colour}/${s.symbol}`
            expect(byIndicator.get(s.indicator.id) ?? style).toBe(style)
            byIndicator.set(s.indicator.id, style)
          }
        }
      }),
      { numRuns: 200 },
    )
  }, 120_000)

  it('keeps an indicator on its catalogue colour when nothing else in the view asks for it', () => {
    const ind = [indicatorOf('a', 'count'), indicatorOf('b', 'count')]
    const spec: TrendSpec = {
      locale: 'en', milestones: [], sources: new Map(),
      series: [seriesOf(ind[0]!, 'count', '', [1, 2]), seriesOf(ind[1]!, 'count', '', [2, 3])],
      colourSlots: new Map([['a', 3], ['b', 5]]),
    }
    expect(deriveTrendView(spec).series.map((s) => s.colour)).toEqual([PALETTE[3], PALETTE[5]])
  })

  it('finishes when one colour’s seven symbols are taken and other colours are free (the dashboard hang)', () => {
    // Twenty lines whose catalogue slots all ask for the first colour, in one panel.
    const inds = Array.from({ length: 20 }, (_, i) => indicatorOf(`x${i}`, 'count'))
    const spec: TrendSpec = {
      locale: 'en', milestones: [], sources: new Map(),
      series: inds.map((ind) => seriesOf(ind, 'count', '', [5, 6])),
      colourSlots: new Map(inds.map((ind) => [ind.id, 0])),
    }
    const view = deriveTrendView(spec)
    expect(new Set(view.series.map((s) => `${s.colour}/${s.symbol}`)).size).toBe(20)
    expect(view.indistinct).toBe(false)
  })
})
