/** Small charts of a user's police table: a grid, in a stable order, on pages that say which charts they show. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHART_PROFILES, layoutChart, MIN_CHART_WIDTH, preferredHeight } from '../../src/core/chart/chartLayout'
import { CHARTS_PER_PAGE, deriveTrendView } from '../../src/core/chart/chartState'
import { chartLabels } from '../../src/core/export/labels'
import { importBytes } from '../../src/core/import/pipeline'
import { toDataset } from '../../src/core/import/table'
import type { Dataset } from '../../src/core/model'
import { runPipeline } from '../../src/core/pipeline'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'
import { exportTextFor } from '../../src/export/messages'

function police(): Dataset {
  const out = importBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/police-arrondissements-fr-cp1252.csv', import.meta.url))))
  if (!out.ok) throw new Error(out.problem)
  return toDataset({ id: 'u1', name: 'Police', fileName: 'police.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
}
const data = police()
const counts = data.indicators.filter((i) => i.unit === 'count').map((i) => i.id)
const viewOf = (state: Partial<ViewState>) =>
  deriveTrendView(runPipeline(data, { ...DEFAULT_VIEW, indicators: counts, breakdown: 'small', ...state }, { suppressBelow: () => 5 }).spec)

describe('small charts', () => {
  it('shows 12 charts per page of the 14 arrondissements × 2 offences, the whole first, in a stable order', () => {
    const first = viewOf({})
    const of = first.chartsPage!.of
    // One chart per arrondissement and offence, or one for both where their figures share an axis.
    expect(of).toBeGreaterThan(14)
    expect(of).toBeLessThanOrEqual(28)
    expect(first.chartsPage).toEqual({ from: 1, to: 12, of, page: 1, pages: Math.ceil(of / 12) })
    expect(first.panels).toHaveLength(CHARTS_PER_PAGE)
    expect(first.panels[0]!.label).toBe('Total')
    // By size: each chart's largest figure no larger than the one before, within an offence's unit.
    const byName = viewOf({ chartsOrder: 'name' })
    const names = [...new Set(byName.panels.map((p) => p.label))]
    expect(names[0]).toBe('Total')
    expect(names.slice(1)).toEqual([...names.slice(1)].sort((a, b) => a!.localeCompare(b!, 'en')))
    const pages = Math.ceil(of / 12)
    const last = viewOf({ chartsPage: 99 })
    expect(last.chartsPage).toEqual({ from: (pages - 1) * 12 + 1, to: of, of, page: pages, pages })
    // Every chart is on exactly one page, and every line on one chart.
    const views = Array.from({ length: pages }, (_, i) => viewOf({ chartsPage: i + 1 }))
    const all = views.flatMap((v) => v.panels.map((p) => `${p.label}|${p.series.map((s) => s.key).join()}`))
    expect(new Set(all).size).toBe(of)
    expect(views.flatMap((v) => v.series.map((s) => s.key)).sort()).toEqual(runPipeline(data, { ...DEFAULT_VIEW, indicators: counts, breakdown: 'small' }).spec.series.map((s) => s.key).sort())
  })

  it('names the lines in the one shared legend, not with direct labels repeated in every chart', () => {
    for (const profile of ['screen', 'present', 'slide'] as const) expect(layoutChart(viewOf({}), { width: 1920, height: 1080 }, profile).directLabels).toBeNull()
  })

  it('keeps each offence’s style on every page, with one shared legend', () => {
    const styles = new Map<string, string>()
    for (const page of [1, 2, 3]) {
      const view = viewOf({ chartsPage: page })
      expect(view.legend.length).toBeLessThanOrEqual(counts.length)
      for (const s of view.series) {
        const style = `${s.colour}/${s.symbol}`
        expect(styles.get(s.indicator.id) ?? style).toBe(style)
        styles.set(s.indicator.id, style)
      }
    }
  })

  it('lays the charts out in a grid as wide as the screen allows, each at least 280 px wide', () => {
    const view = viewOf({})
    for (const width of [360, 800, 1366]) {
      for (const profile of CHART_PROFILES) {
        const layout = layoutChart(view, { width, height: preferredHeight(view, width, profile) }, profile)
        expect(layout.columns).toBe(Math.max(1, Math.floor(width / MIN_CHART_WIDTH)))
        const cell = width / layout.columns
        if (layout.columns > 1) expect(cell).toBeGreaterThanOrEqual(MIN_CHART_WIDTH)
        // Panels in one row do not overlap.
        for (const a of layout.panels) {
          for (const b of layout.panels) {
            if (a === b || a.top !== b.top) continue
            const [ra, rb] = [width - a.right, width - b.right]
            expect(ra <= b.left || rb <= a.left).toBe(true)
          }
        }
      }
    }
    // 12 charts at 1366 px: three rows of four, not twelve full-width panels (5,648 px for 28).
    expect(preferredHeight(view, 1366, 'screen')).toBeLessThan(1000)
  })

  it('says which charts an export holds', () => {
    const view = viewOf({ chartsPage: 2 })
    expect(chartLabels(view, { ...DEFAULT_VIEW }, exportTextFor('en')).subtitle).toContain(`charts 13–${view.chartsPage!.to} of ${view.chartsPage!.of}`)
  })
})
