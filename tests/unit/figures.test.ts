import { describe, expect, it } from 'vitest'
import { blockFromObservations, columnDataset, figuresOf, mergeDatasets } from '../../src/core/figures'
import { importBytes } from '../../src/core/import/pipeline'
import { toDataset } from '../../src/core/import/table'
import type { Dataset, FigureBlock } from '../../src/core/model'
import { runPipeline } from '../../src/core/pipeline'
import { DEFAULT_VIEW } from '../../src/core/view'
import { readBundledDataset } from '../../scripts/bundledDataset'

/** `series` series by `regions` regions over `years` years, one figure per row (an imported police table). */
function imported(series: number, regions: number, years: number): Dataset {
  const rows = ['indicator,region,period,value']
  for (let s = 0; s < series; s++) for (let y = 2000; y < 2000 + years; y++) for (let r = 0; r < regions; r++) rows.push(`Offence ${s},Region ${r},${y},${10 + ((s + r + y) % 90)}`)
  const out = importBytes(new TextEncoder().encode(`${rows.join('\n')}\n`))
  if (!out.ok) throw new Error(out.problem)
  return toDataset({ id: 'u1', name: 'Police', fileName: 'police.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
}

/** The dataset with each block's `row` counted: how many figures were made objects. */
function counted(dataset: Dataset): { dataset: Dataset; made: () => number } {
  const rows = new Set<string>()
  const figures = figuresOf(dataset).map(
    (block, b): FigureBlock => ({
      ...block,
      row: (i) => {
        rows.add(`${b}:${i}`)
        return block.row(i)
      },
    }),
  )
  return { dataset: columnDataset({ ...dataset, figures }), made: () => rows.size }
}

describe('one columnar table of figures (issue 20, 3)', () => {
  const bundled = readBundledDataset('data').value

  it("an imported dataset is its table's own columns, and the merge with the bundled data copies no figure", () => {
    const data = imported(4, 5, 3)
    const [block] = figuresOf(data)
    expect(block!.length).toBe(60)
    const merged = mergeDatasets([bundled, data])
    expect(figuresOf(merged)).toHaveLength(2)
    expect(figuresOf(merged)[1]).toBe(block)
    expect(merged.observations).toHaveLength(bundled.observations.length + 60)
  })

  it('a row is the same object each time it is read, and the bundled rows are the objects read from the CSV', () => {
    const [block] = figuresOf(imported(2, 2, 2))
    expect(block!.row(3)).toBe(block!.row(3))
    const own = blockFromObservations(bundled.observations)
    expect(own.row(7)).toBe(bundled.observations[7])
    expect(own.periods.length).toBeLessThan(bundled.observations.length)
  })

  it('the dashboard on 60,000 imported figures makes objects only for the lines it draws', () => {
    // 30 series by 100 regions over 20 years: the default view draws 20 lines (15 of them imported) of 1,500.
    const { dataset, made } = counted(mergeDatasets([bundled, imported(30, 100, 20)]))
    const p = runPipeline(dataset, DEFAULT_VIEW, { suppressBelow: (i) => (i.dataset === 'bundled' ? 0 : 5) })
    expect(p.lineCap?.total).toBeGreaterThan(1000)
    const drawn = p.viewResult.series.reduce((n, s) => n + s.points.length, 0)
    expect(drawn).toBeGreaterThan(0)
    // One figure per series beside the drawn ones (its breakdown values), and the bundled figures drawn.
    expect(made()).toBeLessThan(drawn + p.series.length + bundled.observations.length)
    expect(made()).toBeLessThan(6000)
  })
})
