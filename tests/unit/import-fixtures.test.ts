import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EncodingSwitch, ImportRun, importBytes, sniffBytes } from '../../src/core/import/pipeline'
import { SNIFF_BYTES } from '../../src/core/import/limits'
import type { ImportedTable } from '../../src/core/import/table'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)))

function run(name: string) {
  const out = importBytes(fixture(name))
  if (!out.ok) throw new Error(`${name}: ${out.problem}`)
  return out
}

/** The figures of a table as plain rows, for readable expectations. */
function rows(t: ImportedTable) {
  return Array.from({ length: t.length }, (_, r) => ({
    indicator: t.indicators[t.indicator[r]!]!.id,
    period: t.periods[t.period[r]!],
    value: t.value[r],
    status: ['reported', 'provisional', 'estimate'][t.status[r]!],
    region: t.strings[t.region[r]!],
    note: t.strings[t.note[r]!],
    line: t.line[r],
  }))
}

describe('importing the fixtures', () => {
  it('reads a Windows-1252, semicolon, decimal-comma police export', () => {
    const { sniff, result } = run('police-latin1-semicolon.csv')
    expect(sniff.settings).toMatchObject({ encoding: 'windows-1252', delimiter: ';', newline: '\r\n', numberFormat: { decimal: ',', thousands: '.' } })
    expect(sniff.mapping.shape).toBe('long')
    expect(sniff.header[1]).toBe('Année')
    const r = rows(result.table)
    expect(r[0]).toMatchObject({ indicator: 'grooming', period: '2019', value: 1232, region: 'Liège', note: 'Child Focus – 2019', line: 2 })
    expect(r[1]).toMatchObject({ value: 1232, period: '2020' })
    expect(r.find((x) => x.line === 5)).toMatchObject({ indicator: 'sextorsion', value: 12.5 })
    expect(r.find((x) => x.line === 6)).toMatchObject({ value: 1045.5 })
    expect(result.table.indicators.map((i) => [i.id, i.offence, i.label.en])).toEqual([
      ['grooming', 'grooming', 'Grooming'],
      ['sextorsion', 'sextortion', 'Sextorsion'],
      ['pedopornographie', 'csam', 'Pédopornographie'],
    ])
    expect(result.report).toMatchObject({ records: 9, valid: 7, rejected: 0, missing: 2 })
  })

  it('reads an Excel export with BOM, CRLF, quoted thousands and day-first dates', () => {
    const { sniff, result } = run('excel-bom-crlf.csv')
    expect(sniff).toMatchObject({ bom: true, settings: { encoding: 'utf-8', delimiter: ',', newline: '\r\n' } })
    expect(sniff.header[0]).toBe('Date')
    expect(sniff.periodForms[0]).toEqual(['day_dmy'])
    expect(rows(result.table).slice(0, 3)).toMatchObject([
      { period: '2020-07-15', value: 1232, status: 'reported' },
      { period: '2020-08-15', value: 1480, status: 'provisional' },
      { period: '2020-09-15', value: 987, status: 'estimate' },
    ])
  })

  it('reads a wide yearly table: one series per column, missing cells left out', () => {
    const { sniff, result } = run('wide-yearly.csv')
    expect(sniff.mapping.shape).toBe('wide')
    expect(sniff.mapping.series).toEqual([1, 2, 3])
    expect(result.table.indicators.map((i) => i.id)).toEqual(['hotline_reports', 'grooming_cases', 'sextortion_cases'])
    expect(result.report).toMatchObject({ valid: 25, rejected: 0, missing: 2 })
    expect(rows(result.table).find((x) => x.indicator === 'hotline_reports' && x.period === '2020')?.value).toBe(5813)
  })

  it('reads a Eurostat TSV: periods as columns, ":" missing, flags as status', () => {
    const { sniff, result } = run('eurostat.tsv')
    expect(sniff.settings.delimiter).toBe('\t')
    expect(sniff.mapping.shape).toBe('transposed')
    expect(sniff.header.slice(1)).toEqual(['2018', '2019', '2020', '2021'])
    const r = rows(result.table)
    expect(r.filter((x) => x.indicator === 'nr_iccs0302_be').map((x) => [x.period, x.value, x.status])).toEqual([
      ['2018', 1200, 'reported'],
      ['2019', 1304, 'provisional'],
      ['2021', 1450, 'estimate'],
    ])
    expect(result.report).toMatchObject({ valid: 9, missing: 3, rejected: 0 })
  })

  it('keeps quoted fields with embedded newlines, delimiters and quotes, with the right lines', () => {
    const { result } = run('quoted-multiline.csv')
    const r = rows(result.table)
    expect(r.map((x) => x.line)).toEqual([2, 4, 5, 7])
    expect(r[0]!.note).toBe('first line\nsecond line, with a comma; and a semicolon')
    expect(r[1]!.note).toBe('He said "tripled"')
    expect(result.table.indicators[0]!.label.en).toBe('Reports, all channels')
  })

  it('normalises every period form and reports duplicates and unknown forms', () => {
    const { result } = run('periods-mixed.csv')
    expect(rows(result.table).map((x) => x.period)).toEqual([
      '2013', '2020-07', '2020-07-15', '2020-07-16', '2020-07-17', '2020-01/2020-03', '2020-04/2020-06', '2019/2020', '2020/2021',
    ])
    expect(result.report.issues).toMatchObject([
      { line: 11, column: 1, field: 'period', code: 'duplicate', other: 7 },
      { line: 12, column: 1, code: 'unknown_period', value: 'Spring 2020' },
    ])
  })
})

describe('bad input', () => {
  it.each([
    ['bad-empty.csv', 'empty'],
    ['bad-header-only.csv', 'header_only'],
    ['bad-binary.csv', 'binary'],
    ['bad-xlsx.csv', 'zip'],
  ])('%s is refused as %s', (name, problem) => {
    expect(importBytes(fixture(name))).toEqual({ ok: false, problem })
  })

  it('reports a file cut inside quotes and keeps the rows before it', () => {
    const { result } = run('bad-truncated-quote.csv')
    expect(result.report).toMatchObject({ valid: 1, rejected: 1 })
    expect(result.report.issues[0]).toMatchObject({ line: 3, code: 'truncated' })
  })

  it('rejects ragged rows but tolerates trailing empty cells', () => {
    const { result } = run('bad-ragged.csv')
    expect(result.report.issues.map((i) => [i.line, i.code, i.other])).toEqual([
      [3, 'ragged_row', 2],
      [4, 'ragged_row', 5],
    ])
    expect(rows(result.table).map((x) => x.period)).toEqual(['2019', '2022'])
  })

  it('names blank and duplicate header cells', () => {
    const { sniff } = run('bad-header-names.csv')
    expect(sniff.header).toEqual(['period', 'value', 'Column 3', 'value (2)'])
    expect(sniff.headerWarnings.map((w) => w.code)).toEqual(['blank_header', 'duplicate_header'])
  })

  it('gives every rejected row its line, column and reason', () => {
    const { result } = run('bad-values.csv')
    expect(result.report.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 3, 'not_a_number'],
      [4, 2, 'unknown_period'],
      [5, 5, 'relative_without_baseline'],
      [7, 2, 'duplicate'],
      [8, 4, 'unknown_unit'],
    ])
    expect(result.report.issues[3]!.other).toBe(2)
    expect(result.report.valid).toBe(2)
  })

  it('keeps hostile labels as plain text (rendering escapes them)', () => {
    const { result } = run('bad-hostile-labels.csv')
    expect(result.table.indicators.map((i) => i.label.en)).toEqual(['<img src=x onerror=alert(1)>', '=HYPERLINK("http://example.invalid","click")'])
  })
})

describe('encodings', () => {
  it('reads an Excel "Unicode text" export (UTF-16LE with BOM, tab-separated)', () => {
    const text = '\uFEFFJaar\tMeldingen\r\n2019\t2.637\r\n2020\t5.813\r\n'
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8
    }
    const out = importBytes(bytes)
    if (!out.ok) throw new Error(out.problem)
    expect(out.sniff.settings).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' })
    expect(rows(out.result.table).map((r) => [r.period, r.value])).toEqual([
      ['2019', 2637],
      ['2020', 5813],
    ])
  })

  it('switches to Windows-1252 when a file stops being UTF-8 after the part detection read', () => {
    const head = 'region,period,value\n' + 'Bruxelles,2019,1\n'.repeat(1)
    const filler = Array.from({ length: 20000 }, (_, i) => `r${i},${1990 + (i % 30)},${i}`).join('\n')
    const bytes = new Uint8Array([...new TextEncoder().encode(`${head}${filler}\n`), ...[0x4c, 0x69, 0xe8, 0x67, 0x65], ...new TextEncoder().encode(',2020,7\n')])
    const sniffed = sniffBytes(bytes.subarray(0, SNIFF_BYTES), false)
    if (!sniffed.ok) throw new Error(sniffed.problem)
    expect(sniffed.sniff.settings.encoding).toBe('utf-8')
    const run = new ImportRun(sniffed.sniff.settings, sniffed.sniff.mapping, sniffed.sniff.header)
    expect(() => {
      for (let at = 0; at < bytes.length; at += 65536) run.push(bytes.subarray(at, at + 65536))
      run.finish()
    }).toThrow(EncodingSwitch)
    const again = new ImportRun({ ...sniffed.sniff.settings, encoding: 'windows-1252' }, sniffed.sniff.mapping, sniffed.sniff.header)
    again.push(bytes)
    const { table } = again.finish()
    expect(table.strings).toContain('Liège')
  })
})
