/** The keyboard's walk over the chart (src/composables/useChartCursor.ts, stepCursor): where each key takes the cursor. */
import { describe, expect, it } from 'vitest'
import { deriveTrendView, numberMilestones, type TrendView } from '../../src/core/chart/chartState'
import { stepCursor, type Cursor } from '../../src/composables/useChartCursor'
import { readDataset } from '../../src/core/dataset'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { files } from '../helpers/csv'

function viewOf(withMilestones = true): TrendView {
  const { value } = readDataset(files())
  return deriveTrendView({
    locale: 'en',
    series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
    milestones: withMilestones ? numberMilestones(value.milestones) : [],
    sources: new Map(value.sources.map((s) => [s.id, s])),
  })
}

/** The cursor after a sequence of keys from none. */
function walk(view: TrendView, keys: string[]): Cursor | null | undefined {
  let c: Cursor | null = null
  for (const key of keys) {
    const next = stepCursor(view, c, key)
    if (next !== undefined) c = next
  }
  return c
}

describe('stepCursor', () => {
  const view = viewOf()
  const first = view.series[0]!

  it('starts on the first figure, walks along a line and stops at its ends', () => {
    expect(walk(view, ['ArrowRight'])).toEqual({ mode: 'points', series: 0, point: 0 })
    expect(walk(view, ['ArrowRight', 'ArrowRight'])).toEqual({ mode: 'points', series: 0, point: 1 })
    expect(walk(view, ['ArrowRight', 'ArrowLeft', 'ArrowLeft'])).toEqual({ mode: 'points', series: 0, point: 0 })
    const last = first.points.length - 1
    expect(walk(view, ['ArrowRight', 'End'])).toEqual({ mode: 'points', series: 0, point: last })
    expect(walk(view, ['ArrowRight', ...first.points.map(() => 'ArrowRight'), 'ArrowRight'])).toEqual({ mode: 'points', series: 0, point: last })
    expect(walk(view, ['ArrowRight', 'End', 'Home'])).toEqual({ mode: 'points', series: 0, point: 0 })
  })

  it('moves across lines with up and down, wrapping, on a figure the next line has', () => {
    expect(view.series.length).toBe(2)
    expect(walk(view, ['ArrowRight', 'End', 'ArrowDown'])).toEqual({ mode: 'points', series: 1, point: view.series[1]!.points.length - 1 })
    expect(walk(view, ['ArrowRight', 'ArrowUp'])).toEqual({ mode: 'points', series: 1, point: 0 })
    expect(walk(view, ['ArrowRight', 'ArrowDown', 'ArrowDown'])).toEqual({ mode: 'points', series: 0, point: 0 })
  })

  it('switches to the milestones with M and back, and leaves with Escape', () => {
    expect(walk(view, ['m'])).toEqual({ mode: 'milestones', index: 0 })
    expect(walk(view, ['M', 'ArrowRight', 'ArrowRight'])).toEqual({ mode: 'milestones', index: view.milestones.length - 1 })
    expect(walk(view, ['m', 'm'])).toEqual({ mode: 'points', series: 0, point: 0 })
    expect(walk(view, ['ArrowRight', 'Escape'])).toBeNull()
  })

  it('leaves every other key to the page, and M too when there is no milestone', () => {
    const c: Cursor = { mode: 'points', series: 0, point: 1 }
    expect(stepCursor(view, c, 'Tab')).toBeUndefined()
    expect(stepCursor(view, c, 'a')).toBeUndefined()
    expect(stepCursor(viewOf(false), c, 'm')).toBeUndefined()
  })
})
