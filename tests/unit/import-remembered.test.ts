import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importBytes } from '../../src/core/import/pipeline'
import { readRemembered, rememberedMapping } from '../../src/core/import/remembered'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)))

describe('a remembered mapping', () => {
  const first = importBytes(fixture('remembered-comma.csv'))
  if (!first.ok) throw new Error(first.problem)
  const stored = rememberedMapping(first.sniff.mapping)

  it('holds column roles only, never the delimiter, number format or encoding', () => {
    expect(Object.keys(JSON.parse(stored) as object)).toEqual(['version', 'mapping'])
    expect(stored).not.toMatch(/delimiter|numberFormat|encoding|hasHeader/)
  })

  it.each(['remembered-semicolon.csv', 'remembered-utf16-tab.csv'])('reads %s, with the same header, with its own detected settings and the remembered roles', (name) => {
    const out = importBytes(fixture(name), (s) => {
      const recalled = readRemembered(stored, s.header.length)
      if (recalled === null || recalled === 'unreadable') throw new Error('not recalled')
      return { mapping: recalled }
    })
    if (!out.ok) throw new Error(out.problem)
    expect(out.sniff.header).toEqual(first.sniff.header)
    expect(Array.from(out.result.table.value)).toEqual([1232.5, 1480.25])
    expect(out.result.report).toMatchObject({ valid: 2, rejected: 0 })
  })

  it('reads the mapping of a record from the previous version and drops its settings', () => {
    const v1 = JSON.stringify({ settings: { delimiter: ',', numberFormat: { decimal: '.', thousands: ',' }, hasHeader: true }, mapping: first.sniff.mapping })
    const recalled = readRemembered(v1, 3)
    expect(recalled).toMatchObject({ shape: 'long', roles: first.sniff.mapping.roles, extras: [] })
    expect(JSON.stringify(recalled)).not.toMatch(/delimiter/)
  })

  it.each([
    ['not JSON', '{"mapping":'],
    ['no mapping', '{"version":3}'],
    ['a shape it does not know', stored.replace('"long"', '"pivot"')],
    ['a role past the last column', stored.replace('"value":2', '"value":7')],
    ['no defaults', JSON.stringify({ mapping: { ...first.sniff.mapping, defaults: undefined } })],
    ['an override with an unknown unit', JSON.stringify({ mapping: { ...first.sniff.mapping, overrides: { grooming: { label: 'G', offence: 'grooming', unit: 'per_mille' } } } })],
    ['roles as a list', JSON.stringify({ mapping: { ...first.sniff.mapping, roles: [0, 1, 2] } })],
  ])('is unreadable with %s (ignored, never a half mapping)', (_, raw) => {
    expect(readRemembered(raw, 3)).toBe('unreadable')
  })

  it('is absent when nothing was remembered', () => {
    expect(readRemembered(null, 3)).toBeNull()
  })
})

describe('a remembered mapping with a series called __proto__ (issue 24, 3)', () => {
  const csv = (text: string) => new TextEncoder().encode(text)
  const file = csv('period,__proto__,constructor\n2020,1,2\n2021,3,4\n')

  it('keeps its per-series settings and applies them to the next file with the same header', () => {
    const first = importBytes(file)
    if (!first.ok) throw new Error(first.problem)
    const mapping = first.sniff.mapping
    expect(mapping.shape).toBe('wide')
    const overrides = Object.fromEntries(Object.entries(mapping.overrides).map(([k, v]) => [k, { ...v, label: `Renamed ${k}`, offence: 'grooming' as const }]))
    const stored = rememberedMapping({ ...mapping, overrides: Object.assign(Object.create(null) as object, overrides) })
    const recalled = readRemembered(stored, 3)
    if (recalled === null || recalled === 'unreadable') throw new Error('not recalled')
    expect(Object.hasOwn(recalled.overrides, '__proto__')).toBe(true)
    expect(Object.keys(recalled.overrides).sort()).toEqual(['__proto__', 'constructor'])
    const again = importBytes(file, () => ({ mapping: recalled }))
    if (!again.ok) throw new Error(again.problem)
    expect(again.result.table.indicators.map((i) => [i.label.en, i.offence]).sort()).toEqual([
      ['Renamed __proto__', 'grooming'],
      ['Renamed constructor', 'grooming'],
    ])
  })
})
