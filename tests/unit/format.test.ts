import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeHtml, formatDate, formatNumber, formatPeriod } from '../../src/core/format'
import { parsePeriod } from '../../src/core/period'

describe('formatNumber', () => {
  it('writes thousands the Belgian way in each language', () => {
    expect(formatNumber(1232, 'en')).toBe('1,232')
    expect(formatNumber(1232, 'nl')).toBe('1.232')
    expect(formatNumber(1232, 'fr')).toBe('1.232')
    expect(formatNumber(12.5, 'fr')).toBe('12,5')
    expect(formatNumber(4325000, 'nl')).toBe('4.325.000')
    expect(formatNumber(1232, 'de')).toBe('1.232')
    expect(formatNumber(1232.5, 'de')).toBe('1.232,5')
  })

  // The reference: what Intl writes for en-GB, fr-BE, nl-BE and de-BE, with Belgian French grouping by points.
  const TAGS = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' } as const
  const intl = (value: number, locale: keyof typeof TAGS, digits: number): string =>
    new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: digits })
      .formatToParts(value)
      .map((p) => (p.type === 'group' ? (locale === 'en' ? ',' : '.') : p.value))
      .join('')

  it('writes every number as Intl would, rounding half away from zero', () => {
    const locale = fc.constantFrom('en' as const, 'fr' as const, 'nl' as const, 'de' as const)
    const digits = fc.integer({ min: 0, max: 4 })
    const values = fc.oneof(
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: -99_999, max: 99_999 }).map((n) => n + 0.5),
      fc.constantFrom(0, -0, 0.005, 1.005, 2.675, 9.995, 99.995, 999_999.5, -0.004, Infinity, -Infinity, NaN, 1e21, 1e-7),
    )
    fc.assert(
      fc.property(values, locale, digits, (value, l, d) => {
        expect(formatNumber(value, l, d)).toBe(intl(value, l, d))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('formatDate and formatPeriod', () => {
  it('keep the precision the data has, in the chosen language', () => {
    const april = parsePeriod('2014-04')!
    expect(formatDate(april.start, 'month', 'en')).toBe('April 2014')
    expect(formatDate(april.start, 'month', 'fr')).toBe('avril 2014')
    expect(formatDate(april.start, 'month', 'nl')).toBe('april 2014')
    expect(formatDate(parsePeriod('2013-03-08')!.start, 'day', 'fr')).toBe('8 mars 2013')
    expect(formatPeriod(parsePeriod('2013')!, 'nl')).toBe('2013')
    expect(formatDate(parsePeriod('2013-03-08')!.start, 'day', 'de')).toBe('8. März 2013')
    expect(formatDate(parsePeriod('2014-12')!.start, 'month', 'de')).toBe('Dezember 2014')
  })

  it('write every month and day as Intl does for en-GB, fr-BE, nl-BE and de-BE', () => {
    const TAGS = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' } as const
    const parts = { year: { year: 'numeric' }, month: { year: 'numeric', month: 'long' }, day: { year: 'numeric', month: 'long', day: 'numeric' } } as const
    for (const locale of ['en', 'fr', 'nl', 'de'] as const) {
      for (const precision of ['year', 'month', 'day'] as const) {
        const reference = new Intl.DateTimeFormat(TAGS[locale], { ...parts[precision], timeZone: 'UTC' })
        for (let month = 0; month < 12; month++) {
          for (const day of [1, 9, 28]) {
            const t = Date.UTC(1999 + month, month, day)
            expect(formatDate(t, precision, locale)).toBe(reference.format(t))
          }
        }
      }
    }
  })

  it('label an interval by its first and last day', () => {
    expect(formatPeriod(parsePeriod('2020-03-18/2020-07-15')!, 'en')).toBe('18 March 2020 – 15 July 2020')
    expect(formatPeriod(parsePeriod('2020-03-18/2020-07-15')!, 'de')).toBe('18. März 2020 – 15. Juli 2020')
  })
})

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;')
  })
})
