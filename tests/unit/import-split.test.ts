import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportRun, sniffBytes, splitPoint, type ImportResult } from '../../src/core/import/pipeline'
import type { ImportedTable } from '../../src/core/import/table'

/** The figures of a table as plain records (dictionary codes decoded). */
function figures(t: ImportedTable) {
  return Array.from({ length: t.length }, (_, r) => [
    t.indicators[t.indicator[r]!]!.id,
    t.indicators[t.indicator[r]!]!.label.en,
    t.periods[t.period[r]!],
    t.value[r],
    t.status[r],
    t.strings[t.baseline[r]!],
    t.strings[t.ageGroup[r]!],
    t.strings[t.gender[r]!],
    t.strings[t.region[r]!],
    t.strings[t.note[r]!],
    t.line[r],
  ])
}

function summary(result: ImportResult) {
  const { report } = result
  return {
    figures: figures(result.table),
    counts: [report.records, report.valid, report.rejected, report.missing],
    issues: report.issues.map((i) => [i.line, i.code]),
  }
}

/** Reads `bytes` in one run, and in two runs cut at `at` (as two workers would), when the cut is allowed. */
function both(bytes: Uint8Array, at: number): { one: ImportResult; two: ImportResult | null } | null {
  const sniffed = sniffBytes(bytes, true)
  if (!sniffed.ok) return null
  const { settings, mapping, header } = sniffed.sniff
  const one = new ImportRun(settings, mapping, header)
  one.push(bytes)
  const cut = splitPoint(bytes.subarray(at), at)
  if (cut < 0 || cut >= bytes.length) return { one: one.finish(), two: null }
  const first = new ImportRun(settings, mapping, header)
  first.push(bytes.subarray(0, cut))
  // A quoted cell going on across the cut: the second part cannot be read on its own.
  if (first.pending) return { one: one.finish(), two: null }
  const second = new ImportRun({ ...settings, hasHeader: false }, mapping, header)
  second.push(bytes.subarray(cut))
  first.absorb(second.finish())
  return { one: one.finish(), two: first.finish() }
}

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)))

describe('reading a file in two parts (two workers) gives what one pass gives', () => {
  it.each(['police-latin1-semicolon.csv', 'excel-bom-crlf.csv', 'wide-yearly.csv', 'eurostat.tsv', 'quoted-multiline.csv', 'periods-mixed.csv', 'bad-values.csv', 'bad-ragged.csv'])(
    '%s, cut at every line',
    (name) => {
      const bytes = fixture(name)
      let cuts = 0
      for (let at = 1; at < bytes.length; at++) {
        const out = both(bytes, at)
        if (!out?.two) continue
        cuts++
        expect(summary(out.two)).toEqual(summary(out.one))
      }
      expect(cuts).toBeGreaterThan(bytes.length / 3)
    },
  )

  it('on random long tables with duplicates, quotes and missing values', () => {
    const cell = fc.constantFrom('a', 'b', '"x, y"', '"two\nlines"', 'Liège', '')
    const row = fc.tuple(fc.constantFrom('s1', 's2', 's3'), fc.constantFrom('2019', '2020', '2021', '2020-Q1', 'bad'), fc.constantFrom('1', '2.5', '-', 'x', '3 p'), cell)
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(), (rows, pick) => {
        const text = ['indicator,period,value,region', ...rows.map((r) => r.join(','))].join('\n') + '\n'
        const bytes = new TextEncoder().encode(text)
        const out = both(bytes, 1 + (pick % (bytes.length - 1)))
        if (out?.two) expect(summary(out.two)).toEqual(summary(out.one))
      }),
      { numRuns: 400 },
    )
  })
})
