import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importBytes, sniffBytes } from '../../src/core/import/pipeline'
import { SNIFF_BYTES } from '../../src/core/import/limits'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)))
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('stray quotes', () => {
  it('reads a formula cell with quotes (=HYPERLINK("…","…")) as text, says on which line, and keeps every row', () => {
    const out = importBytes(fixture('formula-cell.csv'))
    if (!out.ok) throw new Error(out.problem)
    expect(out.sniff.settings.quotes).toBe('relaxed')
    expect(out.sniff.quotesAsText).toBe(2)
    expect(out.sniff.preview.map((r) => r.cells[3])).toEqual([
      '=HYPERLINK("https://www.stopchildporno.be/rapport-2021","rapport 2021")',
      '=HYPERLINK("https://www.stopchildporno.be/rapport-2022","rapport 2022")',
      'plain, quoted note',
    ])
    const t = out.result.table
    expect(Array.from(t.value)).toEqual([1232, 1480, 412])
    expect(t.strings[t.note[0]!]).toBe('=HYPERLINK("https://www.stopchildporno.be/rapport-2021","rapport 2021")')
    expect(out.result.report).toMatchObject({ valid: 3, rejected: 0, quotesAsText: { rows: 2, first: 2 } })
  })

  it('reads relaxed quotes the same whatever the chunk sizes (a record cut anywhere waits for the next chunk)', async () => {
    const { ImportRun } = await import('../../src/core/import/pipeline')
    const bytes = new Uint8Array([...fixture('formula-cell.csv'), ...utf8('Grooming,2023,"1,502","quoted\nnote"\n')])
    const whole = importBytes(bytes)
    if (!whole.ok) throw new Error(whole.problem)
    for (const size of [1, 2, 3, 7, 64]) {
      const run = new ImportRun(whole.sniff.settings, whole.sniff.mapping, whole.sniff.header)
      for (let at = 0; at < bytes.length; at += size) run.push(bytes.subarray(at, at + size))
      const part = run.finish()
      expect(Array.from(part.table.value)).toEqual([1232, 1480, 412, 1502])
      expect(Array.from(part.table.line)).toEqual([2, 3, 4, 5])
      expect(part.report.quotesAsText).toEqual({ rows: 2, first: 2 })
    }
  })

  it('names the line where a quote opens and is never closed, instead of "a header but no figures"', () => {
    expect(importBytes(fixture('bad-unclosed-quote.csv'))).toEqual({ ok: false, problem: 'unclosed_quote', line: 2 })
  })

  it('names that line too when the quote runs past the part of a large file detection reads', () => {
    const bytes = utf8(`indicator,period,value\nGrooming,2021,"1232${'x'.repeat(SNIFF_BYTES)}`)
    expect(sniffBytes(bytes.subarray(0, SNIFF_BYTES), false)).toEqual({ ok: false, problem: 'unclosed_quote', line: 2 })
  })
})

describe('detection limits get their true reason', () => {
  it('a first line longer than the detection sample (a 2 MB header cell) is "too long", not "empty"', () => {
    const bytes = utf8(`${'h'.repeat(2 * 1024 * 1024)},value\n2020,1\n`)
    expect(sniffBytes(bytes.subarray(0, SNIFF_BYTES), false)).toEqual({ ok: false, problem: 'line_too_long', line: 1 })
  })

  it('a file with no line break in its first 256 KB (the start of a 50 MB one) is "too long" at line 1', () => {
    const bytes = utf8('1;'.repeat(SNIFF_BYTES))
    expect(sniffBytes(bytes, false)).toEqual({ ok: false, problem: 'line_too_long', line: 1 })
  })

  it('a long second line is named as line 2', () => {
    const bytes = utf8(`period,value\n2020,${'9'.repeat(SNIFF_BYTES)}\n`)
    expect(sniffBytes(bytes.subarray(0, SNIFF_BYTES), false)).toEqual({ ok: false, problem: 'line_too_long', line: 2 })
  })

  it('reads UTF-16 without a byte-order mark instead of calling it binary', () => {
    const out = importBytes(fixture('utf16le-no-bom.csv'))
    if (!out.ok) throw new Error(out.problem)
    expect(out.sniff).toMatchObject({ bom: false, settings: { encoding: 'utf-16le', delimiter: '\t' }, header: ['Jaar', 'Aantal'] })
    expect(Array.from(out.result.table.value)).toEqual([1232, 1480])
  })

  it('names the line of a NUL byte in a text file', () => {
    expect(importBytes(fixture('bad-nul-byte.csv'))).toEqual({ ok: false, problem: 'nul', line: 3 })
  })

  it("understands Excel's sep=; first line: the delimiter, and no row of the table", () => {
    const out = importBytes(fixture('excel-sep-line.csv'))
    if (!out.ok) throw new Error(out.problem)
    expect(out.sniff).toMatchObject({ sepLine: true, settings: { delimiter: ';' }, header: ['Jaar', 'Aantal meldingen'] })
    expect(out.sniff.preview[0]).toMatchObject({ line: 3 })
    expect(Array.from(out.result.table.value)).toEqual([1232, 1480])
    expect(Array.from(out.result.table.line)).toEqual([3, 4])
    expect(out.result.report).toMatchObject({ valid: 2, rejected: 0 })
  })
})
