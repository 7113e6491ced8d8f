/**
 * The interactive chart's update plan (src/charts/trendUpdate.ts): what the engine must do when its
 * inputs change, so a filter change never leaves a stale line, a resize keeps the engine's state,
 * and nothing is redrawn for nothing; and the time window a zoom event settles on.
 */
import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { planUpdate, zoomWindow, type ChartInputs } from '../../src/charts/trendUpdate'
import { layoutChart, type ChartProfile } from '../../src/core/chart/chartLayout'
import { deriveTrendView, numberMilestones, type TrendView } from '../../src/core/chart/chartState'
import { buildTrendOption } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { files } from '../helpers/csv'
import { TEXT } from '../helpers/text'

function viewOf(f = files(), mode: 'absolute' | 'index' = 'absolute'): TrendView {
  const { value } = readDataset(f)
  return deriveTrendView({
    locale: 'en',
    series: applyView(buildSeries(value.observations, value.indicators), mode, null).series,
    milestones: numberMilestones(value.milestones),
    sources: new Map(value.sources.map((s) => [s.id, s])),
  })
}

function inputs(view: TrendView, width: number, height = 480, profile: ChartProfile = 'screen', text = TEXT): ChartInputs {
  return { view, text, layout: layoutChart(view, { width, height }, profile), size: { width, height } }
}

/** The keys of an option, deeply (values aside): what a merge would leave behind if the next lacked one. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
  return typeof value
}

describe('planUpdate', () => {
  const view = viewOf()

  it('draws the first option whole', () => {
    expect(planUpdate(null, inputs(view, 1000))).toEqual({ option: 'replace', resize: false })
  })

  it('replaces the option when the view or the words change, so no line of the last view stays drawn', () => {
    const before = inputs(view, 1000)
    const other = viewOf(files(), 'index')
    expect(planUpdate(before, inputs(other, 1000))).toEqual({ option: 'replace', resize: false })
    expect(planUpdate(before, inputs(view, 1000, 480, 'screen', { ...TEXT }))).toEqual({ option: 'replace', resize: false })
    // A filter change and a resize at once: the canvas first, then the new option.
    expect(planUpdate(before, inputs(other, 1200))).toEqual({ option: 'replace', resize: true })
  })

  it('merges a resize that keeps the option’s shape, so the engine keeps its slider window and tooltip', () => {
    const before = inputs(view, 1000)
    const after = inputs(view, 1100, 520)
    expect(planUpdate(before, after)).toEqual({ option: 'merge', resize: true })
    // Merging is safe only because both options have the same keys: nothing of the old one survives unseen.
    const options = [before, after].map((i) => buildTrendOption(i.view, i.layout, i.text))
    expect(shape(options[1])).toEqual(shape(options[0]))
  })

  it('replaces on a resize that changes the option’s shape: direct labels appear, the phone layout, a thinned line', () => {
    const wide = inputs(view, 1200)
    expect(wide.layout.directLabels).not.toBeNull()
    const phone = inputs(view, 500, 480, 'phone')
    expect(planUpdate(wide, phone).option).toBe('replace')
    // The end labels go with the phone layout: a merge would have left them drawn.
    const labelled = (i: ChartInputs) => (buildTrendOption(i.view, i.layout, i.text).series as LineSeriesOption[]).filter((s) => s.endLabel).length
    expect([labelled(wide), labelled(phone)]).toEqual([view.series.length, 0])
    // A long line: another width thins it to another number of figures.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      indicator: 'cf_hotline_reports',
      period: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      value: 100 + (i % 50),
      source: 'knack',
    }))
    const long = viewOf(files({ observations: rows }))
    expect(planUpdate(inputs(long, 1000), inputs(long, 1100)).option).toBe('replace')
  })

  it('only resizes the canvas when the layout stays the same, and does nothing when nothing changed', () => {
    const a = inputs(view, 1000)
    expect(planUpdate(a, { ...a })).toEqual({ option: 'none', resize: false })
    // Below the layout's floor (200 px wide) the layout stays; the canvas still follows its box.
    expect(planUpdate(inputs(view, 150, 480, 'phone'), inputs(view, 120, 480, 'phone'))).toEqual({ option: 'none', resize: true })
  })
})

describe('zoomWindow', () => {
  const domain = { min: 1000, max: 3000 }

  it('reads the slider’s percentages on the domain the chart placed', () => {
    expect(zoomWindow({ start: 50, end: 100 }, domain)).toEqual({ start: 2000, end: 3000 })
    expect(zoomWindow({ start: 0, end: 25 }, domain)).toEqual({ start: 1000, end: 1500 })
  })

  it('reads the inside zoom’s batch, and axis values where the event gives them', () => {
    expect(zoomWindow({ batch: [{ start: 10, end: 20 }] }, domain)).toEqual({ start: 1200, end: 1400 })
    expect(zoomWindow({ startValue: 1234, endValue: 2345 }, domain)).toEqual({ start: 1234, end: 2345 })
  })

  it('says nothing without a window or without a domain', () => {
    expect(zoomWindow({}, domain)).toBeNull()
    expect(zoomWindow({ start: 10, end: 20 }, null)).toBeNull()
  })
})
