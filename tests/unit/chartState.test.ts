import { describe, expect, it } from 'vitest'
import { layoutChart, pagePanels, placeMilestoneLabels, preferredHeight } from '../../src/core/chart/chartLayout'
import { deriveTrendView, PALETTE, panelSubset } from '../../src/core/chart/chartState'
import { readDataset } from '../../src/core/dataset'
import { runPipeline } from '../../src/core/pipeline'
import { commonBaseYear } from '../../src/core/transform'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { readDataFolder } from '../../scripts/dataFolder'

const { value: data } = readDataset(readDataFolder('data'))
const viewOf = (state: Partial<ViewState>) => deriveTrendView(runPipeline(data, { ...DEFAULT_VIEW, ...state }).spec)

describe('chart state', () => {
  it('gives an indicator the same colour alone and beside others', () => {
    const alone = viewOf({ indicators: ['cf_grooming_files'] }).series[0]!
    const together = viewOf({ offences: ['grooming', 'sextortion'] }).series.find((s) => s.indicator.id === 'cf_grooming_files')!
    expect(together.colour).toBe(alone.colour)
  })

  it('never gives two drawn series the same colour and symbol, and no two the same colour while seven or fewer are drawn', () => {
    for (const state of [{}, { offences: ['csam' as const] }, { offences: ['grooming' as const, 'sextortion' as const] }, { indicators: data.indicators.map((i) => i.id) }]) {
      const { series } = viewOf(state)
      const combos = series.map((s) => `${s.colour}/${s.symbol}`)
      expect(new Set(combos).size).toBe(combos.length)
      if (series.length <= PALETTE.length) expect(new Set(series.map((s) => s.colour)).size).toBe(series.length)
    }
  })

  it('does not put the hotline (hundreds to thousands) on NCMEC’s axis (~50,000)', () => {
    const view = viewOf({ indicators: ['cf_hotline_reports', 'ncmec_cybertipline_reports_belgium'] })
    const panelOf = (id: string) => view.series.find((s) => s.indicator.id === id)?.panel
    expect(panelOf('cf_hotline_reports')).toBeDefined()
    expect(panelOf('ncmec_cybertipline_reports_belgium')).toBeDefined()
    expect(panelOf('cf_hotline_reports')).not.toBe(panelOf('ncmec_cybertipline_reports_belgium'))
    for (const panel of view.panels) {
      const tops = panel.series.map((s) => Math.max(...s.points.map((p) => Math.abs(p.value))))
      expect(Math.max(...tops) / Math.min(...tops)).toBeLessThanOrEqual(10)
    }
  })

  it('numbers milestones once for the whole data set: a filter never renumbers one', () => {
    const number = (state: Partial<ViewState>, id: string) => runPipeline(data, { ...DEFAULT_VIEW, ...state }).milestones.find((m) => m.milestone.id === id)?.number
    const lockdown = data.milestones.find((m) => m.endDate && m.date.text.startsWith('2020'))!
    const everywhere = [{}, { offences: ['csam' as const] }, { offences: ['sextortion' as const] }, { from: 2019, to: 2021 }].map((s) => number(s, lockdown.id))
    expect(everywhere.every((n) => n === everywhere[0] && n !== undefined)).toBe(true)
  })

  it('draws only milestones inside the plotted range, key ones by default, all on request', () => {
    const key = viewOf({ offences: ['sextortion'] })
    const all = viewOf({ offences: ['sextortion'], milestones: 'all' })
    for (const view of [key, all]) {
      for (const m of view.milestones) {
        expect(m.milestone.endDate?.end ?? m.milestone.date.mid).toBeGreaterThanOrEqual(view.domain!.min)
        expect(m.milestone.date.start).toBeLessThanOrEqual(view.domain!.max)
      }
    }
    expect(key.milestones.every((m) => m.milestone.importance === 'key')).toBe(true)
    expect(all.milestones.length).toBe(key.milestones.length + key.hiddenMilestones)
    expect(key.hiddenMilestones).toBeGreaterThan(0)
  })

  it('indexes every line on one common base year by default, and says which lines it had to leave out', () => {
    for (const state of [{}, { offences: ['csam' as const] }, { offences: ['grooming' as const, 'sextortion' as const] }]) {
      const { series, viewResult } = runPipeline(data, { ...DEFAULT_VIEW, ...state, mode: 'index' })
      const base = commonBaseYear(series)
      expect(base).not.toBeNull()
      expect(viewResult.base).toBe(base)
      expect(new Set(viewResult.series.map((s) => s.viewBaseline))).toEqual(new Set([String(base)]))
      const counts = series.filter((s) => s.indicator.unit === 'count')
      expect(viewResult.series.length + viewResult.excluded.filter((e) => e.reason === 'no_base').length).toBe(counts.length)
    }
  })

  it('picks the latest year every line has when they all share some', () => {
    const { series } = runPipeline(data, { ...DEFAULT_VIEW, indicators: ['cf_hotline_reports', 'cf_grooming_files'] })
    const yearsOf = (id: string) => series.find((s) => s.indicator.id === id)!.points.filter((p) => p.observation.period.kind === 'year').map((p) => Number(p.observation.period.text))
    const shared = yearsOf('cf_hotline_reports').filter((y) => yearsOf('cf_grooming_files').includes(y))
    expect(commonBaseYear(series)).toBe(Math.max(...shared))
  })
})

describe('chart layout', () => {
  it('places milestone numbers in rows so that no two boxes overlap, however close the dates', () => {
    const view = viewOf({ milestones: 'all', indicators: data.indicators.map((i) => i.id) })
    for (const width of [320, 390, 800, 1366]) {
      const plot = { left: 56, width: width - 72 }
      const labels = placeMilestoneLabels(view, plot, 11)
      expect(labels).toHaveLength(view.milestones.length)
      const span = view.domain!.max - view.domain!.min
      const boxes = labels.map((l) => {
        const m = view.milestones.find((x) => x.number === l.number)!
        const t = m.kind === 'interval' ? (Math.max(m.milestone.date.start, view.domain!.min) + Math.min(m.milestone.endDate!.end, view.domain!.max)) / 2 : m.milestone.date.mid
        const x = plot.left + ((t - view.domain!.min) / span) * plot.width
        const half = (l.text.length * 0.6 * 11) / 2
        return { row: l.row, left: x - half, right: x + half }
      })
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!
          const b = boxes[j]!
          if (a.row === b.row) expect(a.right <= b.left || b.right <= a.left).toBe(true)
        }
      }
    }
  })

  it('gives every panel its minimum room: the preferred height grows with the panels', () => {
    const one = viewOf({ indicators: ['cf_hotline_reports'] })
    const many = viewOf({ indicators: data.indicators.map((i) => i.id) })
    expect(many.panels.length).toBeGreaterThan(one.panels.length)
    const height = preferredHeight(many, 1200, 'screen')
    expect(height).toBeGreaterThan(preferredHeight(one, 1200, 'screen'))
    const layout = layoutChart(many, { width: 1200, height }, 'screen')
    expect(Math.min(...layout.panels.map((p) => p.height))).toBeGreaterThanOrEqual(119)
  })

  it('has a slider and tooltips on screen, neither on a slide or in a picture', () => {
    const view = viewOf({})
    expect(layoutChart(view, { width: 1200, height: 600 }, 'screen')).toMatchObject({ slider: true, interactive: true })
    expect(layoutChart(view, { width: 1200, height: 600 }, 'slide')).toMatchObject({ slider: false, interactive: false })
    expect(layoutChart(view, { width: 1200, height: 600 }, 'embed')).toMatchObject({ slider: false })
  })
})

describe('parts of a crowded view (slides, Present)', () => {
  const csam = viewOf({ offences: ['csam'], series: 'all' })

  it('keeps the chosen panels with their lines, colours and legend entries, and every milestone', () => {
    const part = panelSubset(csam, [2, 3])
    expect(part.panels.map((p) => p.unit)).toEqual([csam.panels[2]!.unit, csam.panels[3]!.unit])
    expect(part.series.map((s) => [s.key, s.colour, s.symbol])).toEqual([...csam.panels[2]!.series, ...csam.panels[3]!.series].map((s) => [s.key, s.colour, s.symbol]))
    // Each line is drawn in its own panel of the part.
    for (const s of part.series) expect(part.panels[s.panel]!.series).toContainEqual(s)
    expect(part.legend.map((l) => l.key).sort()).toEqual(part.series.map((s) => s.key).sort())
    expect(part.milestones).toEqual(csam.milestones)
    expect(part.domain).toEqual(csam.domain)
  })

  it('spreads the panels over pages in order, as many per page as fit, every panel once', () => {
    const heights = [300, 200, 250, 100, 400, 50]
    const fits = (indexes: readonly number[]) => indexes.reduce((sum, i) => sum + heights[i]!, 0) <= 500
    expect(pagePanels(heights.length, fits)).toEqual([[0, 1], [2, 3], [4, 5]])
    // A panel too tall for any page still gets a page of its own.
    expect(pagePanels(2, () => false)).toEqual([[0], [1]])
    const pages = pagePanels(csam.panels.length, (indexes) => preferredHeight(panelSubset(csam, indexes), 1400, 'present') <= 500)
    expect(pages.flat()).toEqual(csam.panels.map((_, i) => i))
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) if (page.length > 1) expect(preferredHeight(panelSubset(csam, page), 1400, 'present')).toBeLessThanOrEqual(500)
  })
})
