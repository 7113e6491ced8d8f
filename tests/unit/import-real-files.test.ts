import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importBytes } from '../../src/core/import/pipeline'
import { unitOfHeader, unusedColumns, type Mapping } from '../../src/core/import/mapping'
import type { ImportedTable } from '../../src/core/import/table'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)))

function run(name: string, change: (m: Mapping) => Mapping = (m) => m) {
  const out = importBytes(fixture(name), (s) => ({ mapping: change(s.mapping) }))
  if (!out.ok) throw new Error(`${name}: ${out.problem}`)
  return out
}

/** Each figure as `series|period|region = value (unit)`, for readable expectations. */
function figures(t: ImportedTable): string[] {
  return Array.from({ length: t.length }, (_, r) => {
    const ind = t.indicators[t.indicator[r]!]!
    const region = t.strings[t.region[r]!]
    return `${ind.label.en}|${t.periods[t.period[r]!]}${region ? `|${region}` : ''} = ${t.value[r]} (${ind.unit})`
  })
}

describe('real-world files with the detected defaults', () => {
  it('takes the count as the value and reads the rate beside it as its own rate_per_100k series (FR)', () => {
    const { sniff, result } = run('police-count-rate.csv')
    expect(sniff.mapping.shape).toBe('long')
    expect(sniff.header[sniff.mapping.roles.value]).toBe('Nombre de faits')
    expect(sniff.mapping.extras).toEqual([{ column: 4, unit: 'rate_per_100k', period: '' }])
    const f = figures(result.table)
    expect(f).toContain('Grooming|2022|Bruxelles = 1323 (count)')
    expect(f).toContain('Grooming – Taux pour 100.000 hab.|2022|Bruxelles = 11.7 (rate_per_100k)')
    expect(f).toContain('Sextorsion – Taux pour 100.000 hab.|2023|Bruxelles = 3.1 (rate_per_100k)')
    // 5 rows with both figures; the Liège 2023 row has "n.d." in both: two missing values, no error.
    expect(result.report).toMatchObject({ valid: 10, rejected: 0, missing: 2 })
    expect(unusedColumns(sniff.mapping, sniff.header.length)).toEqual([])
  })

  it('does the same with Dutch headers: "Aantal feiten" and "per 100 000 inwoners"', () => {
    const { sniff, result } = run('politie-aantal-per-inwoners.csv')
    expect(sniff.header[sniff.mapping.roles.value]).toBe('Aantal feiten')
    expect(sniff.header[sniff.mapping.roles.region]).toBe('Gerechtelijk arrondissement')
    expect(figures(result.table)).toEqual([
      'Grooming|2022|Antwerpen = 1102 (count)',
      'Grooming – per 100 000 inwoners|2022|Antwerpen = 8.9 (rate_per_100k)',
      'Grooming|2023|Antwerpen = 1245 (count)',
      'Grooming – per 100 000 inwoners|2023|Antwerpen = 10 (rate_per_100k)',
      'Grooming|2022|Gent = 655 (count)',
      'Grooming – per 100 000 inwoners|2022|Gent = 8.1 (rate_per_100k)',
    ])
  })

  it('tells a rate per inhabitants from a share and a count by the header', () => {
    expect(unitOfHeader('Taux pour 100.000 hab.')).toBe('rate_per_100k')
    expect(unitOfHeader('per 100 000 inwoners')).toBe('rate_per_100k')
    expect(unitOfHeader('Rate per 100,000 (%)')).toBe('rate_per_100k')
    expect(unitOfHeader("Taux d'élucidation (%)")).toBe('percent')
    expect(unitOfHeader('Aandeel online (%)')).toBe('percent')
    expect(unitOfHeader('Nombre de faits')).toBe('count')
    expect(unitOfHeader('Arrondissement')).toBeNull()
  })

  it('leaves the rate out when the user unticks it', () => {
    const { result } = run('police-count-rate.csv', (m) => ({ ...m, extras: [] }))
    expect(figures(result.table).every((f) => f.endsWith('(count)'))).toBe(true)
    expect(result.report.valid).toBe(5)
  })

  it("reads Our World in Data's layout: Year as the period, Entity as the region, Code ignored, every indicator column imported", () => {
    const { sniff, result } = run('owid-layout.csv')
    expect(sniff.mapping.shape).toBe('wide')
    expect(sniff.header[sniff.mapping.roles.period]).toBe('Year')
    expect(sniff.header[sniff.mapping.roles.region]).toBe('Entity')
    expect(sniff.mapping.series.map((c) => sniff.header[c])).toEqual(['CyberTipline reports', 'Reports per 100,000 people'])
    expect(unusedColumns(sniff.mapping, sniff.header.length).map((c) => sniff.header[c])).toEqual(['Code'])
    const f = figures(result.table)
    expect(f).toContain('CyberTipline reports|2022|Belgium = 27312 (count)')
    expect(f).toContain('Reports per 100,000 people|2021|Netherlands = 172.2 (rate_per_100k)')
    expect(f).toContain('CyberTipline reports|2022|World = 31802525 (count)')
    expect(result.table.indicators.map((i) => i.label.en)).toEqual(['CyberTipline reports', 'Reports per 100,000 people'])
    expect(result.report).toMatchObject({ valid: 10, rejected: 0, missing: 0 })
  })

  it('lists period columns with a suffix (ref2024, info2024) as not imported, and imports them as their own series at a chosen period', () => {
    const { sniff, result } = run('period-suffix-columns.csv')
    expect(sniff.mapping.shape).toBe('transposed')
    expect(unusedColumns(sniff.mapping, sniff.header.length).map((c) => sniff.header[c])).toEqual(['ref2024', 'info2024'])
    expect(result.report.valid).toBe(4)
    const mapped = run('period-suffix-columns.csv', (m) => ({
      ...m,
      extras: [
        { column: 3, unit: 'count', period: '2024' },
        { column: 4, unit: 'count', period: '2024' },
      ],
    }))
    const f = figures(mapped.result.table)
    expect(f).toContain('Grooming – ref2024|2024 = 1502 (count)')
    expect(f).toContain('Grooming – info2024|2024 = 1498 (count)')
    expect(f).toContain('Sextorsion – ref2024|2024 = 401 (count)')
    // Sextorsion has no info2024 figure: one missing value.
    expect(mapped.result.report).toMatchObject({ valid: 7, rejected: 0, missing: 1 })
  })

  it('counts the missing-value markers of French and Dutch spreadsheets as missing, not as errors', () => {
    const { result } = run('missing-fr-nl.csv')
    expect(result.report).toMatchObject({ valid: 2, rejected: 0, missing: 8 })
    expect(figures(result.table)).toEqual(['Grooming|2022 = 1232 (count)', 'Sextorsie|2022 = 412 (count)'])
  })
})
