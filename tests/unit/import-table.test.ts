import { describe, expect, it } from 'vitest'
import { importBytes } from '../../src/core/import/pipeline'
import { checkImported, namespacedId, summarise, toDataset, type ImportedDataset } from '../../src/core/import/table'

function dataset(csv: string): ImportedDataset {
  const out = importBytes(new TextEncoder().encode(csv))
  if (!out.ok) throw new Error(out.problem)
  return { id: 'u1', name: 'Mine', fileName: 'mine.csv', importedAt: '2026-03-01T10:00:00.000Z', hidden: false, table: out.result.table }
}

const CSV = 'indicator,period,value,region\ngrooming,2019,10,Liège\ngrooming,2020,12,Liège\ncases,2020-Q2,3,\n'

describe('imported tables', () => {
  it('become the app model with namespaced ids, one source and shared periods', () => {
    const d = toDataset(dataset(CSV))
    expect(d.indicators.map((i) => [i.id, i.dataset])).toEqual([
      ['u1:grooming', 'u1'],
      ['u1:cases', 'u1'],
    ])
    expect(namespacedId('u1', 'grooming')).toBe('u1:grooming')
    expect(d.sources).toMatchObject([{ id: 'u1:file', title: 'Mine', document: 'mine.csv' }])
    expect(d.observations.map((o) => [o.indicator, o.period.text, o.value, o.region, o.origin.line])).toEqual([
      ['u1:grooming', '2019', 10, 'Liège', 2],
      ['u1:grooming', '2020', 12, 'Liège', 3],
      ['u1:cases', '2020-04/2020-06', 3, '', 4],
    ])
    expect(d.milestones).toEqual([])
  })

  it('summarise rows, indicators and period range', () => {
    expect(summarise(dataset(CSV).table)).toEqual({ rows: 3, indicators: 2, from: '2019', to: '2020' })
  })

  it('checkImported accepts a good record and names what is wrong with a bad one', () => {
    const good = dataset(CSV)
    expect(checkImported(good)).toBeNull()
    expect(checkImported(null)).toBe('not an object')
    expect(checkImported({ ...good, table: undefined })).toBe('no table')
    expect(checkImported({ ...good, table: { ...good.table, value: new Float64Array(1) } })).toMatch(/column value/)
    expect(checkImported({ ...good, table: { ...good.table, indicator: new Uint32Array([0, 0, 9]) } })).toMatch(/refers past its dictionary/)
    expect(checkImported({ ...good, table: { ...good.table, periods: ['someday', '2020', 'x'] } })).toBe('bad period')
    expect(checkImported({ ...good, table: { ...good.table, indicators: [{ id: 1 }] } })).toBe('bad indicator')
  })
})
