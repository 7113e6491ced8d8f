import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyBreakdown, availableDimensions, breakdownValues } from '../../src/core/breakdown'
import { importBytes } from '../../src/core/import/pipeline'
import { toDataset } from '../../src/core/import/table'
import { buildSeries, type Series } from '../../src/core/series'
import { DEFAULT_SUPPRESS_BELOW, isSuppressed, markSmallCounts, suppressView } from '../../src/core/suppression'
import { applyView } from '../../src/core/transform'

/** 3 offences × 5 arrondissements × 3 years; Eupen has small counts and one missing figure. */
function imported(below = DEFAULT_SUPPRESS_BELOW): Series[] {
  const out = importBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/breakdown-arrondissement.csv', import.meta.url))))
  if (!out.ok) throw new Error(out.problem)
  const data = toDataset({ id: 'u1', name: 'Police', fileName: 'breakdown-arrondissement.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
  return markSmallCounts(buildSeries(data.observations, data.indicators), () => below)
}

const values = (s: Series | undefined): [string, number | string][] =>
  (s?.points ?? []).map((p) => [p.observation.period.text, isSuppressed(p) ? `< ${p.suppressed}` : p.value])
const byLabel = (series: readonly Series[], label: string, breakdown = ''): Series | undefined =>
  series.find((s) => s.indicator.label.en === label && s.breakdown === breakdown)

describe('breakdowns', () => {
  const series = imported()

  it('finds one line per offence and arrondissement, and offers the region breakdown', () => {
    expect(series).toHaveLength(15)
    expect(availableDimensions(series)).toEqual(['region'])
    expect(breakdownValues(series, 'region')).toEqual(['Bruxelles', 'Anvers', 'Liège', 'Gand', 'Eupen'])
  })

  it('totals the arrondissements only where every part is known and none is withheld, and says where not', () => {
    const { series: totals, missing } = applyBreakdown(series, 'total', 'region', isSuppressed)
    expect(totals).toHaveLength(3)
    // Grooming 2023: Eupen has no figure (n.d.): no total for 2023.
    expect(values(byLabel(totals, 'Grooming'))).toEqual([
      ['2021', 412 + 380 + 205 + 198 + 12],
      ['2022', 453 + 418 + 225 + 217 + 13],
    ])
    // Sextorsion: Eupen's 3 and 2 are withheld (< 5): no total for 2021 and 2022.
    expect(values(byLabel(totals, 'Sextorsion'))).toEqual([['2023', 180 + 157 + 91 + 84 + 6]])
    expect(missing.map((m) => [m.indicator.label.en, m.reason, m.periods])).toEqual([
      ['Grooming', 'incomplete', ['2023']],
      ['Sextorsion', 'suppressed', ['2021', '2022']],
      ['Pédopornographie', 'suppressed', ['2022']],
    ])
  })

  it("shows the file's own whole (World, not Belgium, in Our World in Data's countries) instead of a sum", async () => {
    const out = importBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/owid-layout.csv', import.meta.url))))
    if (!out.ok) throw new Error(out.problem)
    const data = toDataset({ id: 'u2', name: 'OWID', fileName: 'owid-layout.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
    const { series: totals, missing } = applyBreakdown(buildSeries(data.observations, data.indicators), 'total', 'region')
    expect(totals.map((s) => [s.indicator.label.en, values(s)])).toEqual([
      ['CyberTipline reports', [['2022', 31802525]]],
      ['Reports per 100,000 people', [['2022', 398.7]]],
    ])
    expect(missing).toEqual([])
  })

  it('shows a total row the file gives without a region (national figures) instead of summing the parts beside it', async () => {
    const text = 'Arrondissement;Infraction;Année;Nombre\n;Grooming;2022;1500\nBruxelles;Grooming;2022;412\nAnvers;Grooming;2022;380\n'
    const out = importBytes(new TextEncoder().encode(text))
    if (!out.ok) throw new Error(out.problem)
    const data = toDataset({ id: 'u3', name: 'P', fileName: 'p.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
    const { series: totals } = applyBreakdown(buildSeries(data.observations, data.indicators), 'total', 'region')
    expect(totals.map((s) => values(s))).toEqual([[['2022', 1500]]])
  })

  it('puts each arrondissement in its own small chart', () => {
    const { groups, series: ordered } = applyBreakdown(series, 'small', 'region')
    expect(groups.map((g) => [g.value, g.keys.length])).toEqual([
      ['Bruxelles', 3],
      ['Anvers', 3],
      ['Liège', 3],
      ['Gand', 3],
      ['Eupen', 3],
    ])
    expect(ordered.slice(0, 3).every((s) => s.breakdown === 'Bruxelles')).toBe(true)
  })

  it('leaves lines as they are', () => {
    expect(applyBreakdown(series, 'lines', 'region').series).toBe(series)
  })
})

describe('small-count suppression', () => {
  const series = imported()

  it('marks counts below 5 (not 0, not 5 or more) with their threshold', () => {
    expect(values(byLabel(series, 'Sextorsion', 'Eupen'))).toEqual([
      ['2021', '< 5'],
      ['2022', '< 5'],
      ['2023', 6],
    ])
    expect(values(byLabel(series, 'Pédopornographie', 'Eupen'))).toEqual([
      ['2021', 9],
      ['2022', '< 5'],
      ['2023', 9],
    ])
    expect(imported(0).flatMap((s) => s.points).some(isSuppressed)).toBe(false)
  })

  it('computes no change from or to a withheld count: 2 -> 6 is not +200 %', () => {
    const view = suppressView(applyView(series, 'change', null), series, 'change')
    const eupen = view.series.find((s) => s.indicator.label.en === 'Sextorsion' && s.breakdown === 'Eupen')
    expect(eupen).toBeUndefined()
    expect(view.blocked.find((b) => b.series.breakdown === 'Eupen' && b.series.indicator.label.en === 'Sextorsion')?.periods).toEqual(['2022', '2023'])
    const pedo = view.series.find((s) => s.indicator.label.en === 'Pédopornographie' && s.breakdown === 'Eupen')
    expect(pedo).toBeUndefined()
    expect(view.series.flatMap((s) => s.points).some((p) => Math.round(p.value) === 200)).toBe(false)
    // Others keep their changes.
    expect(view.series.find((s) => s.indicator.label.en === 'Grooming' && s.breakdown === 'Bruxelles')?.points).toHaveLength(2)
  })

  it('computes no index on a withheld base, nor the index of a withheld figure', () => {
    const view = suppressView(applyView(series, 'index', 2021), series, 'index')
    expect(view.series.some((s) => s.indicator.label.en === 'Sextorsion' && s.breakdown === 'Eupen')).toBe(false)
    expect(view.blocked.find((b) => b.series.indicator.label.en === 'Sextorsion' && b.series.breakdown === 'Eupen')?.reason).toBe('base')
    const pedo = view.series.find((s) => s.indicator.label.en === 'Pédopornographie' && s.breakdown === 'Eupen')
    expect(pedo?.points.map((p) => p.observation.period.text)).toEqual(['2021', '2023'])
  })
})

describe('withheld counts on the chart and in exports', () => {
  it('draw no point and no number: a "below" marker, "< 5" in the tooltip, the CSV and the slide notes', async () => {
    const { buildTrendOption, deriveTrendView, numberMilestones, describeChart } = await import('../../src/core/chart/trendOption')
    const { layoutChart } = await import('../../src/core/chart/chartLayout')
    const { spreadsheetRows } = await import('../../src/core/export/csvDialect')
    const { figureRows } = await import('../../src/core/export/labels')
    const { TEXT } = await import('../helpers/text')
    const series = imported().filter((s) => s.indicator.label.en === 'Sextorsion' && s.breakdown === 'Eupen')
    const spec = deriveTrendView({ locale: 'en' as const, series: applyView(series, 'absolute', null).series, milestones: numberMilestones([]), sources: new Map() })
    const option = buildTrendOption(spec, layoutChart(spec, { width: 1000, height: 480 }, 'screen'), { ...TEXT, suppressedNote: (below: number) => `withheld (below ${below})` })
    const all = option.series as { id: string; data: unknown[] }[]
    const line = all.find((s) => !s.id.includes('#') && !s.id.startsWith('milestones'))!
    expect(line.data.map((d) => (Array.isArray(d) ? d[1] : (d as { value: number[] }).value[1]))).toEqual([null, null, 6])
    expect(all.find((s) => s.id.endsWith('#withheld'))!.data.map((d) => (d as { value: number[] }).value[1])).toEqual([5, 5])
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ componentType: 'series', seriesIndex: all.indexOf(all.find((s) => s.id.endsWith('#withheld'))!), dataIndex: 1 })
    expect(tooltip).toContain('&lt; 5')
    expect(tooltip).toContain('withheld (below 5)')
    expect(describeChart(spec)).not.toMatch(/2021 3\b/)
    // The CSV: no number for a withheld figure, "< 5" in its flag column.
    const rows = spreadsheetRows(figureRows(spec))
    expect(rows.slice(1).map((r) => [r[3], r[4], r[5]])).toEqual([
      ['2021', null, '< 5'],
      ['2022', null, '< 5'],
      ['2023', 6, ''],
    ])
  })
})
