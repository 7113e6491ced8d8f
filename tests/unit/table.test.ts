import { describe, expect, it } from 'vitest'
import { parseTable } from '../../src/core/csv/table'

describe('parseTable', () => {
  it('gives each row the line it starts on, across quoted newlines and blank lines', () => {
    const { value, issues } = parseTable('f.csv', 'a,b\n1,2\n"x\ny",3\n\n4,5\n')
    expect(issues).toEqual([])
    expect(value.header).toEqual(['a', 'b'])
    expect(value.rows.map((r) => r.line)).toEqual([2, 3, 6])
    expect(value.rows[1]!.cells[0]).toBe('x\ny')
  })

  it('strips a byte-order mark and reads CRLF files', () => {
    const { value } = parseTable('f.csv', '\uFEFFa,b\r\n1,2\r\n')
    expect(value.header).toEqual(['a', 'b'])
    expect(value.rows[0]!.cells).toEqual(['1', '2'])
  })

  it('reports a ragged row and a file cut inside quotes, and keeps the good rows', () => {
    const { value, issues } = parseTable('f.csv', 'a,b\n1,2\n3\n4,"5')
    expect(value.rows.map((r) => r.cells)).toEqual([['1', '2']])
    expect(issues.map((i) => [i.code, i.line])).toEqual(
      expect.arrayContaining([
        ['ragged_row', 3],
        ['csv_syntax', 4],
      ]),
    )
  })
})
