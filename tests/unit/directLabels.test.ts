/** Direct labels: the layout names each line at its end where the longest short label fits, and only there. */
import { describe, expect, it } from 'vitest'
import type { LineSeriesOption } from 'echarts'
import { DIRECT_LABEL_SHARE, layoutChart, textWidth, twoLineWidth } from '../../src/core/chart/chartLayout'
import { buildTrendOption, deriveTrendView, numberMilestones, type TrendSpec } from '../../src/core/chart/trendOption'
import { readDataset } from '../../src/core/dataset'
import { buildSeries } from '../../src/core/series'
import { applyView } from '../../src/core/transform'
import { files } from '../helpers/csv'
import { TEXT } from '../helpers/text'

function spec(): TrendSpec {
  const { value } = readDataset(files())
  return {
    locale: 'en',
    series: applyView(buildSeries(value.observations, value.indicators), 'absolute', null).series,
    milestones: numberMilestones(value.milestones),
    sources: new Map(value.sources.map((s) => [s.id, s])),
  }
}

const labelled = (option: ReturnType<typeof buildTrendOption>) =>
  (option.series as LineSeriesOption[]).filter((s) => (s.endLabel as { show?: boolean } | undefined)?.show).map((s) => s.id)

describe('direct labels', () => {
  const view = deriveTrendView(spec())
  const longest = Math.max(...view.series.map((s) => textWidth(s.shortLabel, 12)))
  const shortest = Math.max(...view.series.map((s) => twoLineWidth(s.shortLabel, 12)))

  it('are on at a width where the longest short label fits the share, and the plot gives up that room', () => {
    const width = Math.ceil((longest + 20) / DIRECT_LABEL_SHARE)
    const on = layoutChart(view, { width, height: 480 }, 'screen')
    expect(on.directLabels).not.toBeNull()
    const off = layoutChart(view, { width: 1200, height: 480 }, 'phone')
    expect(off.directLabels).toBeNull()
    // The right margin holds the label: the plot is narrower by at least the label's width.
    expect(on.panels[0]!.right).toBeGreaterThanOrEqual(28 + longest)
    // One label per drawn line (not on the withheld markers or dashed overlays), its short label in its colour.
    const option = buildTrendOption(view, on, TEXT)
    expect(labelled(option)).toEqual(view.series.map((s) => s.key))
    for (const s of option.series as LineSeriesOption[]) {
      const label = s.endLabel as { show?: boolean; formatter?: () => string; color?: string } | undefined
      if (!label?.show) continue
      const line = view.series.find((v) => v.key === s.id)!
      expect([label.formatter!(), label.color]).toEqual([line.shortLabel, line.colour])
    }
  })

  it('break onto two lines before giving up, and are off where even that is too wide (a 360 px embed)', () => {
    const twoLines = Math.ceil((shortest + 20) / DIRECT_LABEL_SHARE)
    // The fixture's longest label has a space: on two lines it takes less room than on one.
    expect(shortest).toBeLessThan(longest)
    expect(layoutChart(view, { width: twoLines, height: 480 }, 'embed').directLabels).not.toBeNull()
    expect(layoutChart(view, { width: Math.floor(shortest / DIRECT_LABEL_SHARE) - 1, height: 480 }, 'embed').directLabels).toBeNull()
    expect(labelled(buildTrendOption(view, layoutChart(view, { width: 200, height: 400 }, 'embed'), TEXT))).toEqual([])
  })

  it('are on for Present and slides at their sizes, off on a phone', () => {
    expect(layoutChart(view, { width: 1280, height: 600 }, 'present').directLabels).not.toBeNull()
    expect(layoutChart(view, { width: 1100, height: 800 }, 'slide').directLabels).not.toBeNull()
    expect(layoutChart(view, { width: 599, height: 600 }, 'phone').directLabels).toBeNull()
  })
})

describe('direct labels as ECharts draws them', () => {
  it('put a line’s label at its last drawn figure when its last figure is withheld, in the column right of the plot', async () => {
    const { svgChart } = await import('../../src/charts/echarts')
    const base = deriveTrendView(spec())
    // The first line with three figures or more, its last one withheld as a small count.
    const target = base.series.find((s) => s.points.length >= 3)!
    const last = target.points[target.points.length - 1]!
    const withheld = { ...target, points: [...target.points.slice(0, -1), { ...last, suppressed: 5 }] }
    const view = { ...base, series: base.series.map((s) => (s === target ? withheld : s)), panels: base.panels.map((p) => ({ ...p, series: p.series.map((s) => (s === target ? withheld : s)) })) }
    const layout = layoutChart(view, { width: 1200, height: 600 }, 'picture')
    expect(layout.directLabels).not.toBeNull()
    const chart = svgChart(1200, 600)
    try {
      chart.setOption(buildTrendOption(view, layout, TEXT))
      const drawn = target.points[target.points.length - 2]!
      const [, y] = chart.convertToPixel({ gridIndex: target.panel }, [drawn.x, drawn.value]) as number[]
      const svg = chart.renderToSVGString()
      const text = target.shortLabel.replace(/&/g, '&amp;')
      const match = new RegExp(`<text[^>]*transform="translate\\(([\\d.]+) ([\\d.]+)\\)"[^>]*fill="${target.colour}"[^>]*>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(svg)
      expect(match, `label "${target.shortLabel}" drawn in ${target.colour}`).not.toBeNull()
      // In the label column (right of the plot), level with the last figure drawn (shifted at most a few lines).
      const panel = layout.panels[target.panel]!
      expect(Number(match![1])).toBeGreaterThanOrEqual(1200 - panel.right)
      expect(Math.abs(Number(match![2]) - y!)).toBeLessThan(layout.directLabels!.fontSize * 3)
    } finally {
      chart.dispose()
    }
  })
})
