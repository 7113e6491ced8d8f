import { describe, expect, it } from 'vitest'
import type { LineSeriesOption } from 'echarts'
import { layoutChart, type ChartProfile } from '../../src/core/chart/chartLayout'
import { buildTrendOption, deriveTrendView, formatValue, numberMilestones, type TrendSpec } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { buildSeries } from '../../src/core/series'
import { calendarDate } from '../../src/core/period'
import { applyView } from '../../src/core/transform'
import { files, HOTLINE, HOTLINE_CHANGE } from '../helpers/csv'
import { TEXT } from '../helpers/text'

function specFrom(f = files(), locale: TrendSpec['locale'] = 'en'): TrendSpec {
  const { value } = readDataset(f)
  return {
    locale,
    series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
    milestones: numberMilestones(value.milestones),
    sources: new Map(value.sources.map((s) => [s.id, s])),
  }
}

type Tooltip = { formatter: (p: unknown) => string }

/** The option a screen of 1200×480 gets: state → layout → renderer, as every surface builds it. */
function optionOf(spec: TrendSpec, size = { width: 1200, height: 480 }, profile: ChartProfile = 'screen') {
  const view = deriveTrendView(spec)
  return buildTrendOption(view, layoutChart(view, size, profile), TEXT)
}

describe('buildTrendOption', () => {
  it('puts counts and relative figures on separate axes and panels', () => {
    const option = optionOf(specFrom())
    const series = option.series as LineSeriesOption[]
    const hotline = series.find((s) => s.id === 'cf_hotline_reports|')!
    const change = series.find((s) => s.id === 'cf_hotline_change|')!
    expect(hotline.yAxisIndex).not.toBe(change.yAxisIndex)
    expect((option.yAxis as { name: string }[]).map((y) => y.name)).toEqual(['Number', 'Change (%)'])
    expect((option.grid as unknown[]).length).toBe(2)
  })

  it('draws each figure at the middle of its period, in time order', () => {
    const option = optionOf(specFrom())
    const hotline = (option.series as LineSeriesOption[]).find((s) => s.id === 'cf_hotline_reports|')!
    const data = hotline.data as { value: [number, number] }[]
    expect(data.map((d) => d.value[1])).toEqual([1232, 1414, 2056])
    expect(calendarDate(data[0]!.value[0]).month).toBe(7)
  })

  it('marks milestones with numbered vertical lines on every panel, labelled once', () => {
    const option = optionOf(specFrom())
    const markers = (option.series as LineSeriesOption[]).filter((s) => String(s.id).startsWith('milestones-'))
    expect(markers).toHaveLength(2)
    expect(markers[0]!.markLine!.data).toEqual([expect.objectContaining({ name: '1' })])
    expect(markers[0]!.markLine!.label!.show).toBe(true)
    expect(markers[1]!.markLine!.label!.show).toBe(false)
  })

  it('shades a milestone with an end date as an area', () => {
    const f = files({
      milestones: [{ date: '2020-03-18', end_date: '2020-05-04', precision: 'day', category: 'event', jurisdiction: 'BE', offences: 'general', title_en: 'Lockdown', source: 'knack' }],
    })
    const option = optionOf(specFrom(f))
    const marker = (option.series as LineSeriesOption[]).find((s) => s.id === 'milestones-0')!
    expect(marker.markLine!.data).toEqual([])
    expect((marker.markArea!.data as unknown[]).length).toBe(1)
  })

  it('shows the milestone title and date in its tooltip', () => {
    const option = optionOf(specFrom())
    const html = (option.tooltip as Tooltip).formatter({ componentType: 'markLine', name: '1' })
    expect(html).toContain('1. Grooming laws in force')
    expect(html).toContain('April 2014')
    expect(html).toContain('Law · BE')
  })

  it('says in a point’s tooltip what the number is not and what it is a part of, escaped', () => {
    const caveat = { caveat_en: 'Reports <b>not</b> prevalence', caveat_fr: 'Signalements', caveat_nl: 'Meldingen' }
    const whole = { id: 'cf_files', offence: 'general', unit: 'count', label_en: 'All <files>', ...caveat }
    const f = files({ indicators: [{ ...HOTLINE, ...caveat, part_of: 'cf_files' }, whole, { ...HOTLINE_CHANGE, ...caveat }] })
    const option = optionOf(specFrom(f))
    const hotline = (option.series as LineSeriesOption[]).findIndex((s) => s.id === 'cf_hotline_reports|')
    const html = (option.tooltip as Tooltip).formatter({ componentType: 'series', seriesIndex: hotline, dataIndex: 0 })
    expect(html).toContain('What this number is not: Reports &lt;b&gt;not&lt;/b&gt; prevalence')
    expect(html).toContain('Part of “All &lt;files&gt;”: do not add the two')
    const change = (option.series as LineSeriesOption[]).findIndex((s) => s.id === 'cf_hotline_change|')
    expect((option.tooltip as Tooltip).formatter({ componentType: 'series', seriesIndex: change, dataIndex: 0 })).not.toContain('Part of')
  })

  it('escapes labels and quotes in tooltips', () => {
    const f = files({ indicators: [{ ...HOTLINE, label_en: '<img src=x onerror=alert(1)>' }, HOTLINE_CHANGE] })
    const option = optionOf(specFrom(f))
    const html = (option.tooltip as Tooltip).formatter({ componentType: 'series', seriesIndex: 0, dataIndex: 0 })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('1,232')
    expect(html).toContain('“In 2013, 1232 reports.”')
    expect(html).toContain('Source: Global Alliance report 2014')
  })

  it('writes values in the chosen language and names the baseline of a relative figure', () => {
    const option = optionOf(specFrom(files(), 'nl'))
    const tooltip = option.tooltip as Tooltip
    expect(tooltip.formatter({ componentType: 'series', seriesIndex: 0, dataIndex: 0 })).toContain('1.232')
    const change = tooltip.formatter({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })
    expect(change).toContain('+45 %')
    // The baseline's vocabulary in the view's language (the words around it are the caller's).
    expect(change).toContain('compared with: vorige periode')
  })

  it('describes the chart for screen readers with its series and milestones', () => {
    const option = optionOf(specFrom())
    const description = (option.aria as { label: { description: string } }).label.description
    expect(description).toContain('Reports to the hotline: 2013 1,232, 2020 2,056 (3)')
    expect(description).toContain('1. April 2014 Grooming laws in force')
  })

  it('turns on aria and decal patterns', () => {
    const option = optionOf(specFrom())
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } })
  })
})

describe('formatValue', () => {
  it('writes relative units with their sign or multiplier', () => {
    expect(formatValue(118, 'percent_change', 'en')).toBe('+118 %')
    expect(formatValue(-12.5, 'percent_change', 'fr')).toBe('−12,5 %')
    expect(formatValue(3, 'multiple', 'en')).toBe('×3')
    expect(formatValue(1232, 'count', 'fr')).toBe('1.232')
  })
})

describe('series breaks, tentative values and scale', () => {
  const row = (period: string, value: number, extra: Record<string, string> = {}) => ({ indicator: 'cf_hotline_reports', period, value, source: 'knack', ...extra })

  it('does not join a line across a series break', () => {
    const f = files({ observations: [row('2015', 17), row('2018', 46, { note: 'Series break: case files from here' }), row('2019', 55)] })
    const line = (optionOf(specFrom(f)).series as LineSeriesOption[]).find((s) => s.id === 'cf_hotline_reports|')!
    const values = (line.data as ({ value: [number, number] } | [number, null])[]).map((d) => (Array.isArray(d) ? null : d.value[1]))
    expect(values).toEqual([17, null, 46, 55])
  })

  it('draws a provisional value hollow, reached by a dashed line, and says so in the tooltip', () => {
    const f = files({ observations: [row('2021', 100), row('2022', 120, { status: 'provisional' })] })
    const option = optionOf(specFrom(f))
    const series = option.series as LineSeriesOption[]
    const line = series.find((s) => s.id === 'cf_hotline_reports|')!
    const items = line.data as ({ value: [number, number]; symbol: string } | [number, null])[]
    expect(items.filter((d) => !Array.isArray(d)).map((d) => (d as { symbol: string }).symbol)).toEqual(['circle', 'emptyCircle'])
    // The solid line stops before the provisional value; a dashed overlay reaches it.
    expect(items.some((d) => Array.isArray(d))).toBe(true)
    const dashed = series.find((s) => s.id === 'cf_hotline_reports|#tentative')!
    expect(dashed.lineStyle).toMatchObject({ type: 'dashed' })
    const html = (option.tooltip as Tooltip).formatter({ componentType: 'series', seriesIndex: 0, dataIndex: 2 })
    expect(html).toContain('provisional')
  })

  it('uses a log axis when asked', () => {
    const option = optionOf({ ...specFrom(), scale: 'log' })
    expect((option.yAxis as { type: string }[]).every((y) => y.type === 'log')).toBe(true)
  })

  it('shows published and computed change side by side in the tooltip of a checked figure', () => {
    const spec = specFrom()
    const change = spec.series.find((s) => s.indicator.id === 'cf_hotline_change')!.points[0]!.observation
    const check = {
      observation: change,
      indicator: spec.series[1]!.indicator,
      counts: spec.series[0]!.indicator,
      kind: 'change' as const,
      published: 45,
      computed: 45.4,
      base: { period: '2019', value: 1414 },
      compared: { period: '2020', value: 2056 },
      mismatch: false,
    }
    const option = optionOf({ ...spec, checks: new Map([[change, check]]) })
    const html = (option.tooltip as Tooltip).formatter({ componentType: 'series', seriesIndex: 1, dataIndex: 0 })
    expect(html).toContain('published +45 %, computed +45.4 % (2019: 1,414 → 2020: 2,056)')
  })
})

describe('long series', () => {
  it('are thinned to about one point per pixel of chart width, without symbols', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
      return { indicator: 'cf_hotline_reports', period: day, value: 100 + (i % 50), source: 'knack' }
    })
    const spec = specFrom(files({ observations: rows }))
    const option = optionOf(spec, { width: 800, height: 480 })
    const line = (option.series as LineSeriesOption[]).find((s) => s.id === 'cf_hotline_reports|')!
    // The plot's width: the chart's 800 px less the axis margins.
    const view = deriveTrendView(spec)
    expect((line.data as unknown[]).length).toBe(layoutChart(view, { width: 800, height: 480 }, 'screen').pointBudget)
    expect((line.data as unknown[]).length).toBeLessThan(800)
    expect(line.showSymbol).toBe(false)
  })
})

describe('panel titles', () => {
  it('say what a bundled count panel counts, and keep the unit’s name for imported series', () => {
    const text = { ...TEXT, panelTitle: { ...TEXT.unitAxis, count: 'Reports, case files and offences (number)' } }
    const names = (spec: TrendSpec) => {
      const view = deriveTrendView(spec)
      return (buildTrendOption(view, layoutChart(view, { width: 1200, height: 480 }, 'screen'), text).yAxis as { name: string }[]).map((y) => y.name)
    }
    expect(names(specFrom())[0]).toBe('Reports, case files and offences (number)')
    const imported = specFrom()
    const asImported = { ...imported, series: imported.series.map((s) => ({ ...s, indicator: { ...s.indicator, dataset: 'u1' } })) }
    expect(names(asImported)[0]).toBe(TEXT.unitAxis.count)
  })

  it('names years only on a time axis over several years: no tick reads as a month', () => {
    const option = optionOf(specFrom())
    const axis = (option.xAxis as { axisLabel: { formatter?: (v: number) => string } }[])[0]!
    expect(axis.axisLabel.formatter).toBeDefined()
    expect(axis.axisLabel.formatter!(Date.UTC(2017, 0, 1))).toBe('2017')
    expect(axis.axisLabel.formatter!(Date.UTC(2017, 6, 1))).toBe('')
  })
})
