import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportCanonicalCsv } from '../../src/core/import/canonical'
import { importBytes } from '../../src/core/import/pipeline'
import type { ImportedDataset, ImportedTable } from '../../src/core/import/table'
import { OFFENCES, RELATIVE_UNITS, STATUSES, UNITS } from '../../src/core/model'

/** Text as the importer keeps it: trimmed, no NUL (which would make the file binary). */
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.split(String.fromCharCode(0)).join('').trim())
const awkward = fc.oneof(text, fc.constantFrom('a,b', 'x;y', 'q"uote', 'two\nlines', '=HYPERLINK("x")', "'=A1", '@SUM(A1)', '-', ':', 'n/a', 'Liège – 2019', '<img src=x onerror=alert(1)>'))
const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/)
const year = fc.integer({ min: 1990, max: 2030 })
const period = fc.oneof(
  year.map(String),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(year, fc.integer({ min: 1, max: 5 })).map(([y, n]) => `${y}/${y + n}`),
)
const value = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v))

interface Row {
  indicator: number
  period: string
  value: number
  status: number
  baseline: string
  ageGroup: string
  gender: string
  region: string
  note: string
  quote: string
}

const tableArb = fc
  .uniqueArray(
    fc.record({ id, offence: fc.constantFrom(...OFFENCES), unit: fc.constantFrom(...UNITS), en: awkward.filter(Boolean), fr: awkward.filter(Boolean), nl: awkward.filter(Boolean) }),
    { minLength: 1, maxLength: 4, selector: (i) => i.id },
  )
  .chain((indicators) =>
    fc
      .uniqueArray(
        fc.record({
          indicator: fc.integer({ min: 0, max: indicators.length - 1 }),
          period,
          value,
          status: fc.integer({ min: 0, max: 2 }),
          baseline: fc.oneof(year.map(String), fc.constant('not stated'), fc.constant('previous period')),
          ageGroup: awkward,
          gender: fc.constantFrom('', 'female', 'male'),
          region: awkward,
          note: awkward,
          quote: awkward,
        }),
        { minLength: 1, maxLength: 25, selector: (r) => [r.indicator, r.period, r.ageGroup, r.gender, r.region].join('\u0001') },
      )
      .map((rows) => ({ indicators, rows })),
  )

function toDataset({ indicators, rows }: { indicators: { id: string; offence: (typeof OFFENCES)[number]; unit: (typeof UNITS)[number]; en: string; fr: string; nl: string }[]; rows: Row[] }): ImportedDataset {
  const strings = ['']
  const code = (s: string): number => {
    const i = strings.indexOf(s)
    return i >= 0 ? i : strings.push(s) - 1
  }
  const periods: string[] = []
  const pcode = (p: string): number => (periods.includes(p) ? periods.indexOf(p) : periods.push(p) - 1)
  const col = (f: (r: Row) => number) => Uint32Array.from(rows.map(f))
  const relative = (r: Row) => RELATIVE_UNITS.includes(indicators[r.indicator]!.unit)
  const table: ImportedTable = {
    length: rows.length,
    indicator: col((r) => r.indicator),
    period: col((r) => pcode(r.period)),
    value: Float64Array.from(rows.map((r) => r.value)),
    status: Uint8Array.from(rows.map((r) => r.status)),
    baseline: col((r) => (relative(r) ? code(r.baseline) : 0)),
    ageGroup: col((r) => code(r.ageGroup)),
    gender: col((r) => code(r.gender)),
    region: col((r) => code(r.region)),
    note: col((r) => code(r.note)),
    quote: col((r) => code(r.quote)),
    line: col(() => 0),
    periods,
    strings,
    indicators: indicators.map((i) => ({ id: i.id, offence: i.offence, unit: i.unit, label: { en: i.en, fr: i.fr, nl: i.nl, de: i.fr } })),
  }
  return { id: 'imp-test', name: 'Test', fileName: 'test.csv', importedAt: '2026-01-01T00:00:00.000Z', hidden: false, table }
}

/** A table's figures as comparable plain records (lines and dictionary order aside). */
function figures(t: ImportedTable) {
  return Array.from({ length: t.length }, (_, r) => {
    const i = t.indicators[t.indicator[r]!]!
    return {
      indicator: i,
      period: t.periods[t.period[r]!],
      value: t.value[r],
      status: STATUSES[t.status[r]!],
      baseline: t.strings[t.baseline[r]!],
      ageGroup: t.strings[t.ageGroup[r]!],
      gender: t.strings[t.gender[r]!],
      region: t.strings[t.region[r]!],
      note: t.strings[t.note[r]!],
      quote: t.strings[t.quote[r]!],
    }
  })
}

describe('property: canonical CSV round-trips', () => {
  it('export -> import gives the same figures, indicators and labels', () => {
    fc.assert(
      fc.property(tableArb, (generated) => {
        const dataset = toDataset(generated)
        const csv = exportCanonicalCsv(dataset)
        const out = importBytes(new TextEncoder().encode(csv))
        expect(out.ok).toBe(true)
        if (!out.ok) return
        expect(out.result.report.rejected).toBe(0)
        expect(figures(out.result.table)).toEqual(figures(dataset.table))
      }),
      { numRuns: 300 },
    )
  })
})

describe('property: the importer never throws', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const out = importBytes(bytes)
        if (out.ok) expect(out.result.table.length).toBeLessThanOrEqual(out.result.report.records * 50)
      }),
      { numRuns: 500 },
    )
  })

  it('on random CSV-like text in any encoding', () => {
    const chars = fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r', ' ', 'a', 'é', '1', '2', '.', ':', '-', '/', 'Q', '\u00a0')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 300 }), fc.boolean(), (list, latin) => {
        const s = list.join('')
        const bytes = latin ? Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff)) : new TextEncoder().encode(s)
        importBytes(bytes)
      }),
      { numRuns: 500 },
    )
  })
})
