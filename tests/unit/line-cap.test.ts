import { describe, expect, it } from 'vitest'
import { importBytes } from '../../src/core/import/pipeline'
import { toDataset } from '../../src/core/import/table'
import { runPipeline } from '../../src/core/pipeline'
import { deriveTrendView } from '../../src/core/chart/chartState'
import { DEFAULT_VIEW } from '../../src/core/view'

/** `series` series by `regions` regions over 2 years, one figure per row (an imported police table). */
function dataset(series: number, regions: number) {
  const rows = ['indicator,region,period,value']
  for (let s = 0; s < series; s++) for (let r = 0; r < regions; r++) for (const y of [2022, 2023]) rows.push(`Offence ${s},Region ${r},${y},${10 + ((s + r + y) % 90)}`)
  const out = importBytes(new TextEncoder().encode(`${rows.join('\n')}\n`))
  if (!out.ok) throw new Error(out.problem)
  return toDataset({ id: 'u1', name: 'Police', fileName: 'police.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
}

describe('the series cap applies after breakdowns (issue 24, 6)', () => {
  const data = dataset(50, 400)

  it('draws 20 of the 8,000 lines the 20 default series make by region, one per series, and says how many there are', () => {
    const p = runPipeline(data, DEFAULT_VIEW)
    expect(p.breakdown.series).toHaveLength(20)
    expect(p.viewResult.series).toHaveLength(20)
    expect(new Set(p.viewResult.series.map((s) => s.indicator.id)).size).toBe(20)
    expect(p.lineCap).toEqual({ shown: 20, total: 20 * 400 })
    expect(deriveTrendView(p.spec).series.length).toBe(20)
  })

  it('caps one picked series by 400 regions too; small charts page the 400 charts instead, 12 at a time', () => {
    const picked = { ...DEFAULT_VIEW, indicators: [data.indicators[0]!.id] }
    const one = runPipeline(data, picked)
    expect(one.lineCap).toEqual({ shown: 20, total: 400 })
    expect(one.breakdown.series.map((s) => s.breakdown)).toEqual(Array.from({ length: 20 }, (_, r) => `Region ${r}`))
    const small = runPipeline(data, { ...picked, breakdown: 'small' })
    expect(small.lineCap).toBeNull()
    expect(small.breakdown.groups).toHaveLength(400)
    const page = deriveTrendView(small.spec)
    expect(page.chartsPage).toMatchObject({ from: 1, to: 12, of: 400 })
    expect(new Set(page.panels.map((p) => p.label)).size).toBe(12)
  })

  it('small charts of 50 picked series by 400 regions: a page draws 12 charts of the 50 lines picked, not 20,000 lines', () => {
    const small = runPipeline(data, { ...DEFAULT_VIEW, indicators: data.indicators.map((i) => i.id), breakdown: 'small' })
    expect(small.breakdown.groups).toHaveLength(400)
    expect(small.breakdown.groups.every((g) => g.keys.length === 50)).toBe(true)
    expect(small.lineCap).toBeNull()
    expect(deriveTrendView(small.spec).series).toHaveLength(12 * 50)
  })

  it('a total by region is 20 lines of 50, and a view within the cap is not capped', () => {
    const all = { ...DEFAULT_VIEW, indicators: data.indicators.map((i) => i.id) }
    expect(runPipeline(data, { ...all, breakdown: 'total' }).lineCap).toBeNull()
    expect(runPipeline(data, { ...all, breakdown: 'total' }).breakdown.series).toHaveLength(50)
    expect(runPipeline(dataset(3, 5), DEFAULT_VIEW).lineCap).toBeNull()
  })
})
