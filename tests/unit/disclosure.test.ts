/**
 * Statistical disclosure control on a user's police table: a withheld small count stays withheld
 * however a reader combines what the dashboard shows (its rate, the Total row minus the parts).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deriveTrendView } from '../../src/core/chart/chartState'
import { figureRows, type FigureRow } from '../../src/core/export/labels'
import { importBytes } from '../../src/core/import/pipeline'
import { toDataset } from '../../src/core/import/table'
import type { Dataset, Indicator, Observation } from '../../src/core/model'
import { parsePeriod } from '../../src/core/period'
import { runPipeline } from '../../src/core/pipeline'
import { withheldFigures } from '../../src/core/suppression'
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view'

const BELOW = 5

function police(): Dataset {
  const out = importBytes(new Uint8Array(readFileSync(new URL('../fixtures/import/police-arrondissements-fr-cp1252.csv', import.meta.url))))
  if (!out.ok) throw new Error(out.problem)
  return toDataset({ id: 'u1', name: 'Police', fileName: 'police.csv', importedAt: '2026-01-01T00:00:00Z', hidden: false, table: out.result.table })
}

const rowsOf = (data: Dataset, state: Partial<ViewState> = {}): FigureRow[] =>
  figureRows(deriveTrendView(runPipeline(data, { ...DEFAULT_VIEW, ...state }, { suppressBelow: () => BELOW }).spec))

/**
 * Every row a reader can reach: the table has more lines than one view draws (the line cap), so
 * a reader picks one indicator at a time, as the cap's notice tells them to.
 */
const everyRow = (data: Dataset, state: Partial<ViewState> = {}): FigureRow[] =>
  data.indicators.flatMap((i) => rowsOf(data, { ...state, indicators: [i.id] }))

/**
 * What a reader who knows the rule can tell about a withheld part from the rows shown: the whole,
 * the parts shown, and which parts are withheld and how ("< 5": 1 to 4; "withheld": 5 or more).
 * Returns, per withheld small count, every value it could have.
 */
function possibleValues(whole: number, shown: readonly number[], hidden: readonly ('small' | 'other')[]): number[][] {
  const rest = whole - shown.reduce((a, b) => a + b, 0)
  const lo = (k: 'small' | 'other') => (k === 'small' ? 1 : BELOW)
  const hi = (k: 'small' | 'other') => (k === 'small' ? BELOW - 1 : Infinity)
  return hidden.map((kind, i) => {
    if (kind !== 'small') return []
    const others = hidden.filter((_, j) => j !== i)
    const values: number[] = []
    for (let v = 1; v < BELOW; v++) {
      const left = rest - v
      if (left >= others.reduce((s, k) => s + lo(k), 0) && left <= others.reduce((s, k) => s + hi(k), 0)) values.push(v)
    }
    return values
  })
}

describe('disclosure control on an imported police table', () => {
  const data = police()
  const rows = everyRow(data)
  const find = (indicator: string, region: string, period: string) =>
    rows.find((r) => r.indicator === indicator && r.breakdown === region && r.period === period)
  /** The count a rate row is of: `u1:grooming_taux_pour_100_000_hab` is the rate of `u1:grooming`. */
  const countOf = (r: FigureRow) => r.indicator.replace(/_taux_pour_100_000_hab$/, '')

  it('withholds Eupen 2020’s grooming count (2) and its rate per 100,000 (2.5), which would give it away', () => {
    expect(find('u1:grooming', 'Eupen', '2020')).toMatchObject({ shown: '< 5', value: 0 })
    const rate = find('u1:grooming_taux_pour_100_000_hab', 'Eupen', '2020')!
    expect(rate.suppressed).toBeDefined()
    expect(rate.shown).toBe('withheld')
    expect(rate.value).toBe(0)
  })

  it('never shows the rate of a withheld count, in any year or offence, in any language', () => {
    for (const locale of ['en', 'fr', 'nl'] as const) {
      const all = everyRow(data, { locale })
      const withheldCells = new Set(all.filter((r) => r.suppressed !== undefined && r.unit === 'count').map((r) => `${r.indicator}|${r.breakdown}|${r.period}`))
      expect(withheldCells.size).toBeGreaterThan(0)
      let rates = 0
      for (const r of all.filter((x) => x.unit === 'rate_per_100k')) {
        if (withheldCells.has(`${countOf(r)}|${r.breakdown}|${r.period}`)) {
          expect(r.suppressed).toBeDefined()
          expect(r.shown).not.toMatch(/\d/)
          rates++
        }
      }
      expect(rates).toBe(withheldCells.size)
    }
  })

  it('leaves no withheld count to work out from the Total row minus the parts shown', () => {
    const counts = rows.filter((r) => r.unit === 'count')
    const groups = new Map<string, FigureRow[]>()
    for (const r of counts) groups.set(`${r.indicator}|${r.period}`, [...(groups.get(`${r.indicator}|${r.period}`) ?? []), r])
    let checked = 0
    for (const group of groups.values()) {
      const whole = group.find((r) => r.breakdown === 'Total')
      const parts = group.filter((r) => r.breakdown !== 'Total')
      if (!whole || whole.suppressed !== undefined || !parts.some((p) => p.suppressed !== undefined)) continue
      const shown = parts.filter((p) => p.suppressed === undefined).map((p) => p.value)
      const hidden = parts.filter((p) => p.suppressed !== undefined).map((p): 'small' | 'other' => (p.shown.startsWith('<') ? 'small' : 'other'))
      for (const values of possibleValues(whole.value, shown, hidden)) if (values.length) expect(values.length).toBeGreaterThan(1)
      // Exactly one part withheld would be the total minus the others.
      expect(hidden.length).toBeGreaterThan(1)
      checked++
    }
    expect(checked).toBeGreaterThan(3)
  })

  it('says in the rows why a part that is not small is withheld, and keeps its rate withheld too', () => {
    const secondary = rows.filter((r) => r.unit === 'count' && r.suppressed !== undefined && !r.shown.startsWith('<'))
    expect(secondary.length).toBeGreaterThan(0)
    for (const r of secondary) {
      const rate = rows.find((x) => x.unit === 'rate_per_100k' && countOf(x) === r.indicator && x.breakdown === r.breakdown && x.period === r.period)
      expect(rate?.suppressed).toBeDefined()
      expect(rate?.shown).toBe('withheld')
    }
  })

  it('withholds the same figures whatever the filters: a filtered view cannot be combined with another', () => {
    const counts = data.indicators.filter((i) => i.unit === 'count').map((i) => i.id)
    const rates = data.indicators.filter((i) => i.unit !== 'count').map((i) => i.id)
    const withheldRates = (state: Partial<ViewState>) => rowsOf(data, state).filter((r) => r.unit !== 'count' && r.suppressed !== undefined).map((r) => `${r.indicator}|${r.breakdown}|${r.period}`).sort()
    // One rate alone, or beside its count: the rows both views draw are withheld alike.
    for (const rate of rates) {
      const alone = withheldRates({ indicators: [rate] })
      const drawnBeside = new Set(rowsOf(data, { indicators: [...counts, rate] }).map((r) => `${r.indicator}|${r.breakdown}|${r.period}`))
      const beside = withheldRates({ indicators: [...counts, rate] })
      expect(beside).toEqual(alone.filter((k) => drawnBeside.has(k)))
      expect(beside.length).toBeGreaterThan(0)
    }
  })
})

describe('secondary suppression on generated tables', () => {
  const indicator = { id: 'x', unit: 'count', offence: 'grooming', dataset: 'u' } as Indicator
  const period = parsePeriod('2020')!
  const obs = (region: string, value: number) => ({ indicator: 'x', period, value, region, ageGroup: '', gender: '', note: '' }) as Observation

  it('leaves every withheld small count at least two possible values, given the whole and the parts shown', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 30 }), (values) => {
        const parts = values.map((v, i) => obs(`R${i}`, v))
        const whole = obs('Total', values.reduce((a, b) => a + b, 0))
        const withheld = withheldFigures([...parts, whole], [indicator], () => BELOW)
        if (withheld.has(whole)) return
        const shown = parts.filter((p) => !withheld.has(p)).map((p) => p.value)
        const hidden = parts.filter((p) => withheld.has(p)).map((p): 'small' | 'other' => (withheld.get(p)!.reason === 'small' ? 'small' : 'other'))
        for (const possible of possibleValues(whole.value, shown, hidden)) if (possible.length) expect(possible.length).toBeGreaterThan(1)
        // Every small count is withheld; no part shown is small.
        for (const p of parts) if (p.value > 0 && p.value < BELOW) expect(withheld.get(p)?.reason).toBe('small')
      }),
      { numRuns: 500 },
    )
  }, 120_000)
})
