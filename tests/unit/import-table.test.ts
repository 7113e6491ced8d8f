import { describe, expect, it } from 'vitest'
import { importBytes } from '../../src/core/import/pipeline'
import { checkImported, namespacedId, summarise, toDataset, type ImportedDataset, type ImportedIndicator } from '../../src/core/import/table'

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
    expect(checkImported({ ...good, table: { ...good.table, indicators: [{ id: 1 }] } })).toBe('bad indicator id')
  })

  // Records that the old check let through and that broke a screen later (issue 13, item 4).
  describe('checkImported finds every damage that would break a screen', () => {
    const good = dataset(CSV)
    const [first, second] = good.table.indicators as [ImportedIndicator, ImportedIndicator]
    const withIndicators = (indicators: unknown[]) => ({ ...good, table: { ...good.table, indicators } })
    const cases: [string, unknown, RegExp][] = [
      ['two indicators with the same id (blank chart)', withIndicators([first, { ...second, id: first.id }]), /two indicators with the id/],
      ['a missing label.fr (empty Table in French, failing HTML export)', withIndicators([{ ...first, label: { en: 'x', nl: 'y' } }, second]), /no FR label/],
      ['a non-string label.nl', withIndicators([{ ...first, label: { en: 'x', fr: 'y', nl: 3 } }, second]), /no NL label/],
      ['an indicator without label', withIndicators([{ ...first, label: null }, second]), /no EN label/],
      ['an unknown offence', withIndicators([{ ...first, offence: 'zzz' }, second]), /unknown offence/],
      ['an unknown unit', withIndicators([{ ...first, unit: 'hasOwnProperty' }, second]), /unknown unit/],
      ['an indicator that is not an object', withIndicators([null, second]), /bad indicator id/],
      ['an indicator id with a separator', withIndicators([{ ...first, id: 'a|b' }, second]), /bad indicator id/],
      ['non-string dictionary entries (tooltips throw)', { ...good, table: { ...good.table, strings: ['', 42, { x: 1 }] } }, /not text/],
      ['a value that is not a number', { ...good, table: { ...good.table, value: new Float64Array([1, Number.NaN, 3]) } }, /value 2 is not a number/],
      ['a hidden flag that is not a boolean', { ...good, hidden: 'no' }, /hidden/],
      ['an unreadable import date', { ...good, importedAt: 'yesterday' }, /date/],
      ['an empty name', { ...good, name: '  ' }, /empty name/],
      ['an id that is not a plain word', { ...good, id: 'a b<c>' }, /no id/],
    ]
    it.each(cases)('%s', (_, record, reason) => {
      expect(checkImported(record)).toMatch(reason)
    })
  })
})
