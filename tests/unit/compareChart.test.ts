/**
 * "Compare before and after" through the one pipeline: the chart state carries the comparison, the
 * placement draws each described side's fitted line in its series' colour (after the series' own
 * lines, whose indexes stay), the renderer draws them thin and dashed and the compared milestone
 * solid, and the speaker notes carry the table's lines with the warning that it shows no cause.
 */
import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { layoutChart } from '../../src/core/chart/chartLayout'
import { deriveTrendView } from '../../src/core/chart/chartState'
import { placeTrend } from '../../src/core/chart/placeTrend'
import { buildTrendOption } from '../../src/core/chart/trendOption'
import { compareLines, type CompareText } from '../../src/core/compareText'
import { readDataset } from '../../src/core/dataset'
import { chartLabels, figureRows } from '../../src/core/export/labels'
import { speakerNotes } from '../../src/core/export/notes'
import { runPipeline } from '../../src/core/pipeline'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { readDataFolder } from '../../scripts/dataFolder'
import { stepCursor } from '../../src/composables/useChartCursor'
import { TEXT } from '../helpers/text'

const { value: bundled } = readDataset(readDataFolder('data'))
const grooming: ViewState = { ...DEFAULT_VIEW, offences: ['grooming'], compare: '30' }
const viewOf = (state: ViewState) => deriveTrendView(runPipeline(bundled, state).spec)
const WORDS: CompareText = {
  heading: (n, d, t) => `Before and after milestone ${n} (${d}): ${t}`,
  before: 'before',
  after: 'after',
  side: (w) => `${w.figures} figures (${w.first}–${w.last}): level ${w.level}, ${w.yearly} a year`,
  tooFew: (n) => `too few figures to describe a trend (${n})`,
  window: (y) => (y === null ? 'every year drawn' : `${y} years each side`),
  interval: 'interval',
  notCounts: (n) => `${n} not counts`,
  noCounts: 'no counts',
  method: 'method',
  disclaimer: 'This describes the figures; it is not evidence that the milestone caused the change.',
}

describe('compare before and after through the pipeline', () => {
  it('the April 2014 grooming law (30) against Child Focus grooming files: before refused, after described', () => {
    const view = viewOf(grooming)
    expect(view.compare?.milestone.milestone.date.text).toBe('2014-04')
    const row = view.compare!.rows[0]!
    expect(row.key).toBe('cf_grooming_files|')
    // Before April 2014 there is no figure (the series starts in 2014, which holds the milestone).
    expect(row.before).toEqual({ ok: false, figures: 0 })
    // After: 2015, 2017, 2018, 2019, 2021, 2022, 2024 → 31, 43, 36, 34, 43, 36, 43: mean 38.
    expect(row.after.ok && { figures: row.after.figures, level: row.after.level, first: row.after.first, last: row.after.last }).toEqual({ figures: 7, level: 38, first: '2015', last: '2024' })
    expect(row.after.ok && Math.round(row.after.yearly * 1000) / 1000).toBe(0.849)
    expect(view.milestones.find((m) => m.number === 30)?.compared).toBe(true)
  })

  it('draws each described side as a dashed thin line in its series’ colour, after the series’ own lines', () => {
    const view = viewOf({ ...grooming, offences: [] })
    const layout = layoutChart(view, { width: 1200, height: 700 }, 'screen')
    const plain = placeTrend(viewOf({ ...grooming, offences: [], compare: '' }), layout)
    const placed = placeTrend(view, layout)
    const compare = placed.lines.filter((l) => l.kind === 'compare')
    const described = view.compare!.rows.flatMap((r) => (['before', 'after'] as const).filter((side) => r[side].ok))
    expect(compare).toHaveLength(described.length)
    expect(compare.length).toBeGreaterThan(0)
    // The series' own lines keep their indexes (the point index and the tooltips read them).
    expect(placed.lines.slice(0, plain.lines.length).map((l) => l.id)).toEqual(plain.lines.map((l) => l.id))
    const option = buildTrendOption(view, layout, TEXT, placed)
    const series = option.series as LineSeriesOption[]
    for (const line of compare) {
      const drawn = series.find((s) => s.id === line.id)!
      expect(drawn.color).toBe(view.series[line.series]!.colour)
      expect(drawn.lineStyle?.type).not.toBe('solid')
      expect(drawn.lineStyle?.width).toBeLessThan(2)
      expect(drawn.silent).toBe(true)
    }
    const marks = series.filter((s) => String(s.id).startsWith('milestones-'))[0]!.markLine!.data as { name: string; lineStyle?: { type: string } }[]
    expect(marks.find((m) => m.name === '30')?.lineStyle?.type).toBe('solid')
    expect(marks.find((m) => m.name === '31')?.lineStyle).toBeUndefined()
  })

  it('the speaker notes carry the table, the method and the warning; a view without a comparison carries none', () => {
    const view = viewOf(grooming)
    const labelText = { title: 'Trends', offence: { csam: 'CSAM', grooming: 'Grooming', sextortion: '', sexting: '', online_harassment: '', general: '' }, what: { count: 'counts' } as never, base: (y: string) => y, from: 'from', more: (n: number) => `${n} more`, logScale: 'log', sources: 'Sources', compare: WORDS }
    const labels = chartLabels(view, grooming, labelText)
    expect(labels.compare).toEqual(compareLines(view.compare!, 'en', WORDS))
    expect(labels.compare[0]).toMatch(/^Before and after milestone 30 \(April 2014\): Law amending the Criminal Code/)
    expect(labels.compare[1]).toBe('- Grooming case files handled by Child Focus: before too few figures to describe a trend (0); after 7 figures (2015–2024): level 38, +0.8 a year')
    const text = { ...labels, milestoneKey: 'Milestones', figures: 'Figures', quotes: 'Quotes', unit: { count: 'number' }, status: {}, baseline: 'compared with', sources: 'Sources' } as never
    const notes = speakerNotes(labels, figureRows(view), text, 'today')
    expect(notes).toContain('This describes the figures; it is not evidence that the milestone caused the change.')
    expect(notes).toContain('after 7 figures (2015–2024): level 38, +0.8 a year')
    expect(chartLabels(viewOf({ ...grooming, compare: '' }), grooming, labelText).compare).toEqual([])
  })

  it('the keyboard: C walks the sides (before, after, row by row) and back to the figures; without a comparison C is not the chart’s', () => {
    const view = viewOf({ ...grooming, offences: [] })
    const sides = view.compare!.rows.length * 2
    expect(stepCursor(view, null, 'c')).toEqual({ mode: 'compare', index: 0 })
    expect(stepCursor(view, { mode: 'compare', index: 0 }, 'ArrowRight')).toEqual({ mode: 'compare', index: 1 })
    expect(stepCursor(view, { mode: 'compare', index: 0 }, 'End')).toEqual({ mode: 'compare', index: sides - 1 })
    expect(stepCursor(view, { mode: 'compare', index: sides - 1 }, 'ArrowDown')).toEqual({ mode: 'compare', index: sides - 1 })
    expect(stepCursor(view, { mode: 'compare', index: 3 }, 'C')).toEqual({ mode: 'points', series: 0, point: 0 })
    expect(stepCursor(viewOf({ ...grooming, compare: '' }), null, 'c')).toBeUndefined()
  })
})
