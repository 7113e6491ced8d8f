import { describe, expect, it } from 'vitest'
import { createDecoder, detectBinary, detectEncoding } from '../../src/core/import/encoding'
import { checkFileSize, MAX_IMPORT_BYTES } from '../../src/core/import/limits'
import { headerSignature, normaliseHeader, slugify } from '../../src/core/import/mapping'
import { COMMA_DECIMAL, detectNumberFormat, parseValueCell, POINT_DECIMAL } from '../../src/core/import/numbers'
import { normalisePeriod } from '../../src/core/import/periods'
import { detectDelimiter, detectNewline } from '../../src/core/import/detect'
import { csvCell, unneutralise } from '../../src/core/import/canonical'

describe('numbers', () => {
  it('reads Belgian numbers: 1.232 and 1 232 are 1232, 12,5 is 12.5', () => {
    expect(parseValueCell('1.232', COMMA_DECIMAL)).toEqual({ kind: 'value', value: 1232, status: null })
    expect(parseValueCell('1 232', COMMA_DECIMAL)).toMatchObject({ value: 1232 })
    expect(parseValueCell('1\u00a0232', COMMA_DECIMAL)).toMatchObject({ value: 1232 })
    expect(parseValueCell('1\u202f232,75', COMMA_DECIMAL)).toMatchObject({ value: 1232.75 })
    expect(parseValueCell('12,5', COMMA_DECIMAL)).toMatchObject({ value: 12.5 })
    expect(parseValueCell('1.045,5', COMMA_DECIMAL)).toMatchObject({ value: 1045.5 })
    expect(parseValueCell('-3,25', COMMA_DECIMAL)).toMatchObject({ value: -3.25 })
    expect(parseValueCell('+118 %', COMMA_DECIMAL)).toMatchObject({ value: 118 })
  })

  it('reads English numbers: 1,232 is 1232, 12.5 is 12.5', () => {
    expect(parseValueCell('1,232', POINT_DECIMAL)).toMatchObject({ value: 1232 })
    expect(parseValueCell('12.5', POINT_DECIMAL)).toMatchObject({ value: 12.5 })
    expect(parseValueCell('1,232,000.5', POINT_DECIMAL)).toMatchObject({ value: 1232000.5 })
    expect(parseValueCell('1e+21', POINT_DECIMAL)).toMatchObject({ value: 1e21 })
  })

  it('refuses badly grouped or non-numbers instead of guessing', () => {
    expect(parseValueCell('1.23.4', COMMA_DECIMAL).kind).toBe('error')
    expect(parseValueCell('12,34,5', POINT_DECIMAL).kind).toBe('error')
    expect(parseValueCell('many', POINT_DECIMAL).kind).toBe('error')
    expect(parseValueCell('0x10', POINT_DECIMAL).kind).toBe('error')
  })

  it('knows missing-value markers and Eurostat flags', () => {
    for (const m of ['', ':', '-', 'n/a', 'NA', 'N/A', ': c', '..']) expect(parseValueCell(m, POINT_DECIMAL).kind).toBe('missing')
    expect(parseValueCell('123 p', POINT_DECIMAL)).toEqual({ kind: 'value', value: 123, status: 'provisional' })
    expect(parseValueCell('45 e', POINT_DECIMAL)).toEqual({ kind: 'value', value: 45, status: 'estimate' })
    expect(parseValueCell('45 ep', POINT_DECIMAL)).toMatchObject({ status: 'estimate' })
    expect(parseValueCell('1304 b', POINT_DECIMAL)).toMatchObject({ value: 1304, status: 'reported' })
    expect(parseValueCell('12,5 p', COMMA_DECIMAL)).toMatchObject({ value: 12.5, status: 'provisional' })
  })

  it('detects the decimal comma from the cells and the delimiter', () => {
    expect(detectNumberFormat(['12,5', '7'], false)).toBe(COMMA_DECIMAL)
    expect(detectNumberFormat(['1.232', '2.015'], true)).toBe(COMMA_DECIMAL)
    expect(detectNumberFormat(['2.637', '5.813', '61'], false)).toBe(COMMA_DECIMAL)
    expect(detectNumberFormat(['1.232'], false)).toBe(POINT_DECIMAL)
    expect(detectNumberFormat(['1.232', '12.5'], false)).toBe(POINT_DECIMAL)
    expect(detectNumberFormat(['1,232', '2,015'], false)).toBe(POINT_DECIMAL)
    expect(detectNumberFormat(['1.045,5'], false)).toBe(COMMA_DECIMAL)
    expect(detectNumberFormat(['1,045.5'], true)).toBe(POINT_DECIMAL)
  })
})

describe('periods', () => {
  it.each([
    ['2013', '2013'],
    ['2020-07', '2020-07'],
    ['2020-07-15', '2020-07-15'],
    ['15/07/2020', '2020-07-15'],
    ['15.07.2020', '2020-07-15'],
    ['5/7/2020', '2020-07-05'],
    ['07/2020', '2020-07'],
    ['2020M07', '2020-07'],
    ['2020-Q1', '2020-01/2020-03'],
    ['2020 Q1', '2020-01/2020-03'],
    ['2020Q4', '2020-10/2020-12'],
    ['Q2 2020', '2020-04/2020-06'],
    ['2019-2020', '2019/2020'],
    ['2019/20', '2019/2020'],
    ['1999/00', '1999/2000'],
    ['2020-03-18/2020-07-15', '2020-03-18/2020-07-15'],
    [' 2019 ', '2019'],
  ])('normalises %s to %s', (raw, iso) => {
    expect(normalisePeriod(raw)).toBe(iso)
  })

  it.each(['', 'someday', '31/02/2020', '2020-13', '2020-Q5', '2020-2019', '12345', '2020/45'])('refuses %j', (raw) => {
    expect(normalisePeriod(raw)).toBeNull()
  })
})

describe('delimiter, newline, encoding, binary', () => {
  it('detects , ; tab and | and the line break', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n4;5;6\n', '\n', true)).toBe(';')
    expect(detectDelimiter('a,b\n"1;2",3\n', '\n', true)).toBe(',')
    expect(detectDelimiter('unit,geo\\time\t2019\t2020\nNR,BE\t1 p\t:\n', '\n', true)).toBe('\t')
    expect(detectDelimiter('a|b|c\n1|2|3\n', '\n', true)).toBe('|')
    expect(detectNewline('a\r\nb')).toBe('\r\n')
    expect(detectNewline('a\rb')).toBe('\r')
    expect(detectNewline('a\nb')).toBe('\n')
  })

  it('tells UTF-8 (with or without BOM) from Windows-1252', () => {
    expect(detectEncoding(new TextEncoder().encode('Liège'))).toEqual({ encoding: 'utf-8', bom: false })
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: true })
    // "Liège – 2019" in Windows-1252: è = 0xE8, en dash = 0x96.
    const cp1252 = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x20, 0x96, 0x20, 0x32])
    expect(detectEncoding(cp1252).encoding).toBe('windows-1252')
    expect(createDecoder('windows-1252').decode(cp1252)).toBe('Liège – 2')
    // A character cut at the end of the sample is not a reason to leave UTF-8.
    expect(detectEncoding(new TextEncoder().encode('Liè').subarray(0, 3)).encoding).toBe('utf-8')
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bom: true })
  })

  it('recognises binary files, zips and PDFs', () => {
    expect(detectBinary(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'utf-8')).toBe('zip')
    expect(detectBinary(new TextEncoder().encode('%PDF-1.7'), 'utf-8')).toBe('pdf')
    expect(detectBinary(new Uint8Array([0x41, 0, 0x42]), 'utf-8')).toBe('binary')
    expect(detectBinary(new TextEncoder().encode('a,b\n1,2\n'), 'utf-8')).toBeNull()
  })
})

describe('files and headers', () => {
  it('refuses a file above the limit from its size alone', () => {
    expect(checkFileSize(2 * 1024 ** 3)).toEqual({ code: 'too_large', limit: MAX_IMPORT_BYTES })
    expect(checkFileSize(0)?.code).toBe('empty')
    expect(checkFileSize(MAX_IMPORT_BYTES)).toBeNull()
  })

  it('names blank header cells and numbers duplicates', () => {
    const { header, warnings } = normaliseHeader(['period', '', 'value', 'Value', ' '])
    expect(header).toEqual(['period', 'Column 2', 'value', 'Value (2)', 'Column 5'])
    expect(warnings.map((w) => w.code)).toEqual(['blank_header', 'duplicate_header', 'blank_header'])
  })

  it('gives the same signature to the same header and slugs ids', () => {
    expect(headerSignature(['A', 'b'])).toBe(headerSignature([' a ', 'B']))
    expect(headerSignature(['A', 'b'])).not.toBe(headerSignature(['A', 'c']))
    expect(slugify('Pédopornographie (dossiers)')).toBe('pedopornographie_dossiers')
    expect(slugify('<>')).toBe('series')
  })

  it('neutralises formula-like cells on export and undoes it on import', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell('plain')).toBe('plain')
    expect(unneutralise("'=A1")).toBe('=A1')
    expect(unneutralise("'quoted")).toBe("'quoted")
    expect(unneutralise(csvCell("'=already"))).toBe("'=already")
  })
})
