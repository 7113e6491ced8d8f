import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TrendView } from '../../src/core/chart/chartState'
import { partSubtitle, viewParts } from '../../src/core/pages'

/** A chart state of `count` panels, one line each (only what paging reads is filled in). */
function viewOf(count: number): TrendView {
  const panels = Array.from({ length: count }, (_, i) => ({
    unit: 'count' as const,
    series: [{ key: `line${i}`, indicator: { id: `indicator${i}` }, panel: i }],
  }))
  return {
    locale: 'en',
    scale: 'linear',
    panels,
    series: panels.flatMap((p) => p.series),
    legend: panels.map((_, i) => ({ key: `line${i}`, label: `Line ${i}`, fullLabel: `Line ${i}`, colour: '#000', symbol: 'circle' })),
    milestones: [],
    hiddenMilestones: 0,
    domain: null,
    sources: new Map(),
  } as unknown as TrendView
}

const say = (n: number, of: number) => `part ${n} of ${of}`

describe('viewParts: the one paging of slides, Present and every export', () => {
  it('puts every panel on exactly one part, in order, numbers the parts 1..m, and asks `fits` a bounded number of times', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.boolean(), { maxLength: 80 }), (count, answers) => {
        const whole = viewOf(count)
        let asked = 0
        // Any answers at all, even ones no layout would give (a larger part fitting, a smaller not).
        const parts = viewParts(whole, () => answers[asked++ % Math.max(answers.length, 1)] ?? false)
        expect(asked).toBeLessThanOrEqual(Math.max(count - 1, 0))
        expect(parts.length).toBeGreaterThanOrEqual(1)
        expect(parts.length).toBeLessThanOrEqual(Math.max(count, 1))
        expect(parts.flatMap((p) => p.panels)).toEqual(whole.panels.map((_, i) => i))
        if (parts.length === 1) {
          expect(parts[0]!.part).toBeNull()
          expect(parts[0]!.view).toBe(whole)
        } else {
          expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => ({ n: i + 1, of: parts.length })))
          for (const p of parts) {
            expect(p.panels.length).toBeGreaterThan(0)
            // Each part draws its own panels and keys only its own lines.
            expect(p.view.panels.map((panel) => panel.series[0]!.key)).toEqual(p.panels.map((i) => `line${i}`))
            expect(p.view.legend.map((l) => l.key)).toEqual(p.panels.map((i) => `line${i}`))
          }
        }
      }),
    )
  })

  it('takes as many panels as fit: a slide of k panels gives ⌈n / k⌉ parts of at most k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), (count, k) => {
        const parts = viewParts(viewOf(count), (part) => part.panels.length <= k)
        expect(parts.length).toBe(Math.ceil(count / k))
        for (const p of parts) expect(p.panels.length).toBeLessThanOrEqual(k)
        // Only the last part may hold fewer.
        for (const p of parts.slice(0, -1)) expect(p.panels.length).toBe(k)
      }),
    )
  })

  it('gives a view of milestones alone (no panel) its one slide', () => {
    expect(viewParts(viewOf(0), () => false)).toEqual([{ view: viewOf(0), panels: [], part: null }])
  })

  it('says which part a slide is after the whole view’s subtitle, and nothing on a view of one slide', () => {
    expect(partSubtitle('2013–2023 · counts', { n: 2, of: 3 }, say)).toBe('2013–2023 · counts · part 2 of 3')
    expect(partSubtitle('2013–2023 · counts', null, say)).toBe('2013–2023 · counts')
  })
})
